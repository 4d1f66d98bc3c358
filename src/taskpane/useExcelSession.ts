import { useCallback, useEffect, useRef, useState } from 'react';
import type { CellPointer, Finding } from '../core/findings';
import type { HostNote } from '../hosts/host';
import type { ExcelSession, OpenedWorkbook, PaneUpdate } from './engine';
import { chineseHalf, describeError } from './useWorkbookReport';

/** How long a fixed finding stays in the pane as 已修正. */
export const RESOLVED_MS = 6000;

export type ExcelState =
  | { status: 'idle' }
  | { status: 'connecting' }
  /** Connected: `book` once the first check is done. */
  | { status: 'live'; name: string; book: OpenedWorkbook | null; marks: boolean; canMark: boolean; openId: number }
  | { status: 'error'; message: string };

export interface RecentlyResolved {
  finding: Finding;
  until: number;
}

/**
 * The workbook open in Excel: connect and check ("检查当前工作簿"), the live updates, 已修正 for a
 * moment, marks off and on, jumping to cells and the user's selection in Excel.
 */
export function useExcelSession() {
  const [state, setState] = useState<ExcelState>({ status: 'idle' });
  const [notes, setNotes] = useState<HostNote[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [resolved, setResolved] = useState<RecentlyResolved[]>([]);
  const [selection, setSelection] = useState<CellPointer | null>(null);
  const session = useRef<ExcelSession | null>(null);
  const stopSelection = useRef<(() => Promise<void>) | null>(null);
  const opened = useRef(0);

  const onUpdate = useCallback((u: PaneUpdate) => {
    const now = Date.now();
    setState((s) => (s.status === 'live' ? { ...s, book: u.book } : s));
    if (u.resolved.length) setResolved((r) => [...r.filter((x) => x.until > now), ...u.resolved.map((finding) => ({ finding, until: now + RESOLVED_MS }))]);
    if (u.notes.length) setNotes((n) => merge(n, u.notes));
    setProblem(null);
  }, []);

  const onError = useCallback((e: unknown) => setProblem(chineseHalf(describeError(e))), []);

  // 已修正 fades after RESOLVED_MS
  useEffect(() => {
    if (resolved.length === 0) return;
    const next = Math.min(...resolved.map((r) => r.until)) - Date.now();
    const timer = setTimeout(() => setResolved((r) => r.filter((x) => x.until > Date.now())), Math.max(0, next) + 50);
    return () => clearTimeout(timer);
  }, [resolved]);

  useEffect(
    () => () => {
      void stopSelection.current?.();
      void session.current?.dispose();
    },
    [],
  );

  /** Connects (the first time) and checks the workbook; later calls check it afresh. */
  const check = useCallback(async () => {
    setProblem(null);
    let s = session.current;
    if (!s) {
      setState({ status: 'connecting' });
      try {
        const excel = await import(/* webpackChunkName: "excel" */ './excelSession');
        s = await excel.connectExcel();
      } catch (e) {
        setState({ status: 'error', message: chineseHalf(describeError(e)) });
        return;
      }
      session.current = s;
      setNotes([...s.notes]);
      setState({ status: 'live', name: s.name, book: null, marks: s.canMark, canMark: s.canMark, openId: ++opened.current });
      try {
        stopSelection.current = await s.watchSelection((c) => setSelection(c));
      } catch (e) {
        onError(e);
      }
    }
    setBusy('正在检查…');
    try {
      await s.check(onUpdate, onError);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(null);
    }
  }, [onUpdate, onError]);

  const run = useCallback(
    async (label: string, action: (s: ExcelSession) => Promise<void>) => {
      const s = session.current;
      if (!s) return;
      setBusy(label);
      try {
        await action(s);
      } catch (e) {
        onError(e);
      } finally {
        setBusy(null);
      }
    },
    [onError],
  );

  /** Marks off or on; the pane says so once the marks are gone or back (not when the check before it is done). */
  const setMarks = useCallback(
    (on: boolean) =>
      run(on ? '正在标注…' : '正在清除标注…', async (s) => {
        await (on ? s.remark() : s.clearMarks());
        setState((st) => (st.status === 'live' ? { ...st, marks: on && st.canMark } : st));
      }),
    [run],
  );
  const clearMarks = useCallback(() => setMarks(false), [setMarks]);
  const remark = useCallback(() => setMarks(true), [setMarks]);
  const jump = useCallback(
    (cells: readonly CellPointer[]) => {
      const s = session.current;
      if (!s || cells.length === 0) return;
      s.select(cells).catch(onError);
    },
    [onError],
  );

  return { state, notes, problem, busy, resolved: resolved.map((r) => r.finding), selection, check, clearMarks, remark, jump };
}

function merge(a: readonly HostNote[], b: readonly HostNote[]): HostNote[] {
  const seen = new Set(a.map((n) => n.feature));
  return [...a, ...b.filter((n) => !seen.has(n.feature))];
}
