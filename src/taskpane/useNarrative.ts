import { useCallback, useRef, useState } from 'react';
import type { OpenedWorkbook, PaneDraft, PaneNarrativeCheck } from './engine';
import { describeError } from './useWorkbookReport';

export type DraftState =
  | { status: 'idle' }
  | { status: 'drafting' }
  | { status: 'done'; result: PaneDraft }
  | { status: 'error'; message: string };

export type NarrativeCheckState =
  | { status: 'idle' }
  | { status: 'checking'; fileName: string }
  | { status: 'done'; fileName: string; result: PaneNarrativeCheck }
  | { status: 'error'; fileName: string; message: string };

export type DownloadState = { status: 'idle' } | { status: 'saving' } | { status: 'error'; message: string };

/** The narrative files the pane reads. */
export const NARRATIVE_ACCEPT = '.txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A hint instead of a parser error for files that are no .txt or .docx. */
export function checkNarrativeFileName(fileName: string): string | null {
  if (/\.(txt|docx)$/i.test(fileName)) return null;
  if (/\.(doc|wps|rtf|pdf|odt)$/i.test(fileName)) {
    return `“${fileName}”不是 .docx 或 .txt 文件。请先在 Word 或 WPS 中“另存为” Word 文档（*.docx）或 UTF-8 编码的文本（*.txt）后再选择。`;
  }
  return `“${fileName}”不是情况说明文件：请选择 .docx 文档或 UTF-8 编码的 .txt 文本。`;
}

/**
 * The engine's own errors (recognized by name, so their classes stay out of the first bundle) say in
 * Chinese what is wrong: show their Chinese half. Anything else is shown as an error of `what`.
 */
function engineErrorMessage(err: unknown, what: string): string {
  const message = describeError(err);
  if (err instanceof Error && (err.name === 'NarrativeReadError' || err.name === 'WorkbookReadError')) return message.split(' / ')[0];
  if (err instanceof Error && err.name === 'InputsSheetError') return message;
  return `${what}时出错：${message}`;
}

/** Lets the spinner paint before synchronous work starts. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Saves bytes as a download: Blob → object URL → a link click; nothing leaves the machine. */
export function saveBytes(bytes: Uint8Array, fileName: string, type: string): void {
  // A copy backed by a plain ArrayBuffer (what Blob takes), whatever buffer the bytes came in.
  const blob = new Blob([new Uint8Array(bytes)], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start reading the URL only after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The download's name: the workbook's name without .xlsx, then 情况说明草稿.docx. */
export function draftFileName(workbookName: string): string {
  const stem = workbookName.replace(/\.xlsx$/i, '').replace(/[\\/:*?"<>|]+/g, '_') || '工作簿';
  return `${stem}-情况说明草稿.docx`;
}

/**
 * The narrative work on one opened workbook: drafting (and downloading the draft as .docx) and
 * checking a narrative file. A newer request of a kind supersedes an older one still running.
 */
export function useNarrative(book: OpenedWorkbook, workbookName: string) {
  const [draft, setDraft] = useState<DraftState>({ status: 'idle' });
  const [check, setCheck] = useState<NarrativeCheckState>({ status: 'idle' });
  const [download, setDownload] = useState<DownloadState>({ status: 'idle' });
  const latestCheck = useRef(0);

  const makeDraft = useCallback(async () => {
    setDraft({ status: 'drafting' });
    setDownload({ status: 'idle' });
    await nextFrame();
    try {
      setDraft({ status: 'done', result: await book.draftNarrative() });
    } catch (err) {
      setDraft({ status: 'error', message: engineErrorMessage(err, '起草情况说明') });
    }
  }, [book]);

  const downloadDocx = useCallback(async () => {
    if (draft.status !== 'done') return;
    setDownload({ status: 'saving' });
    try {
      const bytes = await book.draftDocx(draft.result.draft);
      saveBytes(bytes, draftFileName(workbookName), DOCX_TYPE);
      setDownload({ status: 'idle' });
    } catch (err) {
      setDownload({ status: 'error', message: engineErrorMessage(err, '生成 Word 文档') });
    }
  }, [book, draft, workbookName]);

  const checkFile = useCallback(
    async (file: File) => {
      const request = ++latestCheck.current;
      const isCurrent = () => request === latestCheck.current;
      const unsupported = checkNarrativeFileName(file.name);
      if (unsupported) {
        setCheck({ status: 'error', fileName: file.name, message: unsupported });
        return;
      }
      setCheck({ status: 'checking', fileName: file.name });
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        await nextFrame();
        const result = await book.checkNarrative(bytes, file.name);
        if (isCurrent()) setCheck({ status: 'done', fileName: file.name, result });
      } catch (err) {
        if (isCurrent()) setCheck({ status: 'error', fileName: file.name, message: engineErrorMessage(err, `核对“${file.name}”`) });
      }
    },
    [book],
  );

  return { draft, makeDraft, download, downloadDocx, check, checkFile };
}
