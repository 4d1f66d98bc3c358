import { useCallback, useRef, useState } from 'react';
import type { CheckReport } from '../core/findings';
import type { OpenedWorkbook } from './engine';

/** What `./engine` exports (loaded on demand so the engine stays out of the first bundle; only its types are imported here). */
export type EngineModule = typeof import('./engine');

export type WorkbookReportState =
  | { status: 'idle' }
  | { status: 'loading'; fileName: string }
  /** `book`: the opened workbook, for the narrative; `openId` tells one opening from the next. */
  | { status: 'done'; fileName: string; report: CheckReport; book: OpenedWorkbook; openId: number }
  | { status: 'error'; fileName: string | null; message: string };

const XLSX_EXTENSION = /\.xlsx$/i;

export function describeError(err: unknown): string {
  if (err instanceof Error && err.message) return err.message;
  if (typeof err === 'string' && err) return err;
  return '未知错误';
}

/** The Chinese half of a host error ("读取工作簿失败：… / Reading … failed: …"). */
export function chineseHalf(message: string): string {
  return message.split(' / ')[0];
}

/**
 * The loader's own errors (WorkbookReadError, recognized by name so the class, and exceljs with it,
 * stays out of the first bundle) already say in Chinese what is wrong: show their Chinese half.
 */
export function analysisErrorMessage(err: unknown, fileName: string): string {
  const message = describeError(err);
  if (err instanceof Error && err.name === 'WorkbookReadError') return message.split(' / ')[0];
  return `分析“${fileName}”时出错：${message}`;
}

/** Unsupported formats get a hint instead of a parser error. */
export function checkFileName(fileName: string): string | null {
  if (XLSX_EXTENSION.test(fileName)) return null;
  if (/\.(xls|et|ett)$/i.test(fileName)) {
    return `“${fileName}”不是 .xlsx 格式。请先在 Excel 或 WPS 中“另存为” Excel 工作簿（*.xlsx）后再打开。`;
  }
  return `“${fileName}”不是 Excel 工作簿（.xlsx）。`;
}

/**
 * Holds the state of analysing one local workbook: idle → loading → done | error.
 * A newer `open` supersedes an older one still running: the older result is dropped.
 */
export function useWorkbookReport(): {
  state: WorkbookReportState;
  open: (file: File) => Promise<void>;
  reset: () => void;
  /** The same file checked again (new settings): its new opened workbook, keeping the opening. */
  replace: (book: OpenedWorkbook) => void;
} {
  const [state, setState] = useState<WorkbookReportState>({ status: 'idle' });
  const latest = useRef(0);

  const open = useCallback(async (file: File) => {
    const request = ++latest.current;
    const isCurrent = () => request === latest.current;

    const unsupported = checkFileName(file.name);
    if (unsupported) {
      setState({ status: 'error', fileName: file.name, message: unsupported });
      return;
    }
    setState({ status: 'loading', fileName: file.name });

    let buf: ArrayBuffer;
    try {
      buf = await file.arrayBuffer();
    } catch (err) {
      if (isCurrent()) {
        setState({ status: 'error', fileName: file.name, message: `无法读取文件“${file.name}”：${describeError(err)}` });
      }
      return;
    }

    let engine: EngineModule;
    try {
      engine = await import(/* webpackChunkName: "engine" */ './engine');
    } catch (err) {
      if (isCurrent()) {
        setState({ status: 'error', fileName: file.name, message: `分析组件加载失败，请检查网络后重试：${describeError(err)}` });
      }
      return;
    }

    try {
      const book = await engine.openBytes(new Uint8Array(buf), file.name);
      if (isCurrent()) setState({ status: 'done', fileName: file.name, report: book.report, book, openId: request });
    } catch (err) {
      if (isCurrent()) setState({ status: 'error', fileName: file.name, message: analysisErrorMessage(err, file.name) });
    }
  }, []);

  const reset = useCallback(() => {
    latest.current++;
    setState({ status: 'idle' });
  }, []);

  const replace = useCallback((book: OpenedWorkbook) => {
    setState((s) => (s.status === 'done' ? { ...s, book, report: book.report } : s));
  }, []);

  return { state, open, reset, replace };
}
