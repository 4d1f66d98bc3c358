import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Actor, DocumentSettings, ReviewAction, ReviewState } from '../core/review';
import type { OpenedWorkbook } from './engine';
import type { ReportFormat, ReviewView } from './review';
import { chineseHalf, describeError } from './useWorkbookReport';

/**
 * The review of one opened workbook in the pane: loaded from the workbook once, brought together with
 * every check, changed by the people's actions and written back (in Excel into the open workbook; for
 * a local file the change waits for 保存, which downloads a copy). Who acts (name and role) is the
 * person's own statement, remembered on this machine only.
 */

const ACTOR_KEY = 'gongkai-lens.actor';

function rememberedActor(): Actor {
  try {
    const raw = globalThis.localStorage?.getItem(ACTOR_KEY);
    const parsed = raw ? (JSON.parse(raw) as Partial<Actor>) : {};
    return { name: typeof parsed.name === 'string' ? parsed.name : '', role: parsed.role === 'reviewer' ? 'reviewer' : 'preparer' };
  } catch {
    return { name: '', role: 'preparer' };
  }
}

export type ReviewLoad = { status: 'loading' } | { status: 'ready' } | { status: 'error'; message: string };

export interface ReviewModel {
  load: ReviewLoad;
  view: ReviewView | null;
  settings: DocumentSettings;
  actor: Actor;
  setActor(actor: Actor): void;
  /** Whether the workbook keeps the review (Excel with custom XML parts, a local file on 保存). */
  stored: boolean;
  /** A local file: changes not yet saved into a downloaded copy. */
  unsaved: boolean;
  /** The last refusal or failure of an action (Chinese). */
  problem: string | null;
  clearProblem(): void;
  act(ids: readonly string[], action: ReviewAction): Promise<boolean>;
  signOff(comment?: string): Promise<boolean>;
  saveSettings(settings: DocumentSettings): Promise<void>;
  /** A local file: the review (and settings, and the marks when asked) in a new copy's bytes. */
  saveCopy(marks: boolean): Promise<Uint8Array | null>;
  report(format: ReportFormat): Promise<Uint8Array | null>;
}

export function useReview(book: OpenedWorkbook, target: 'excel' | 'file', openId: number, onSettings?: (book: OpenedWorkbook | null) => void): ReviewModel {
  const [load, setLoad] = useState<ReviewLoad>({ status: 'loading' });
  const [state, setState] = useState<ReviewState | null>(null);
  const [settings, setSettings] = useState<DocumentSettings>({});
  const [actor, setActorState] = useState<Actor>(rememberedActor);
  const [problem, setProblem] = useState<string | null>(null);
  const [unsaved, setUnsaved] = useState(false);

  // the review kept in the workbook, once per opening
  useEffect(() => {
    let live = true;
    setLoad({ status: 'loading' });
    book.review.load().then(
      (r) => {
        if (!live) return;
        setState(r.state);
        setSettings(r.settings);
        setLoad({ status: 'ready' });
      },
      (e: unknown) => {
        if (!live) return;
        setState(null);
        setLoad({ status: 'error', message: chineseHalf(describeError(e)) });
      },
    );
    return () => {
      live = false;
    };
    // read once per opening, not at every live update (the book changes with each)
  }, [openId]);

  const view = useMemo(() => (state ? book.review.view(state, book.report.findings, new Date().toISOString()) : null), [state, book]);

  const setActor = useCallback((a: Actor) => {
    setActorState(a);
    try {
      globalThis.localStorage?.setItem(ACTOR_KEY, JSON.stringify(a));
    } catch {
      // not remembered: asked again next time
    }
  }, []);

  const commit = useCallback(
    async (next: ReviewState): Promise<boolean> => {
      setState(next);
      if (target === 'excel' && book.review.stored) {
        try {
          await book.review.save(next);
        } catch (e) {
          setProblem(`审核记录未能写入工作簿：${chineseHalf(describeError(e))}`);
          return false;
        }
      } else setUnsaved(true);
      return true;
    },
    [book, target],
  );

  /** A change of the review made from the current view (the core refuses what is not allowed, in Chinese). */
  const transition = useCallback(
    async (make: (view: ReviewView, at: string) => ReviewState): Promise<boolean> => {
      if (!view) return false;
      try {
        const next = make(view, new Date().toISOString());
        setProblem(null);
        return await commit(next);
      } catch (e) {
        setProblem(chineseHalf(describeError(e)));
        return false;
      }
    },
    [view, commit],
  );

  const act = useCallback(
    (ids: readonly string[], action: ReviewAction) => transition((v, at) => book.review.act(v.state, ids, action, actor, at)),
    [book, actor, transition],
  );

  const signOff = useCallback((comment?: string) => transition((v, at) => book.review.signOff(v, actor, at, comment)), [book, actor, transition]);

  const saveSettings = useCallback(
    async (next: DocumentSettings) => {
      setSettings(next);
      try {
        if (target === 'excel' && book.review.stored && view) await book.review.save(view.state, next);
        else setUnsaved(true);
        onSettings?.(await book.applySettings(next));
      } catch (e) {
        setProblem(chineseHalf(describeError(e)));
      }
    },
    [book, target, view, onSettings],
  );

  const saveCopy = useCallback(
    async (marks: boolean) => {
      if (!view) return null;
      try {
        const saved = await book.review.save(view.state, settings, marks ? book.report.findings : undefined);
        setUnsaved(false);
        return saved.bytes ?? null;
      } catch (e) {
        setProblem(chineseHalf(describeError(e)));
        return null;
      }
    },
    [book, view, settings],
  );

  const report = useCallback(
    async (format: ReportFormat) => {
      if (!view) return null;
      try {
        return await book.review.report(book.report, view, format, new Date().toISOString());
      } catch (e) {
        setProblem(chineseHalf(describeError(e)));
        return null;
      }
    },
    [book, view],
  );

  return {
    load,
    view,
    settings,
    actor,
    setActor,
    stored: book.review.stored,
    unsaved,
    problem,
    clearProblem: () => setProblem(null),
    act,
    signOff,
    saveSettings,
    saveCopy,
    report,
  };
}
