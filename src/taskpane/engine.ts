import { analyze } from '../core/analyze';
import type { CheckReport } from '../core/findings';
import type { WorkbookHost } from '../hosts/host';
import { XlsxFileHost } from '../hosts/xlsx/file-host';
import { openedWorkbook, type OpenedWorkbook } from './book';

export type { OpenedWorkbook, PaneDraft, PaneNarrativeCheck } from './book';
export { connectExcel, type ExcelSession, type PaneUpdate } from './excelSession';
export type { FillGroup, FillPreview, FillResult, FillRow, FillSource, FillStatus } from './fills';
export { connectWord, type DocumentSection, type NumberChange, type WordTarget } from './wordTarget';

/**
 * The task pane's one entry into the engine: the same loader and core as the CLI, so the pane and
 * `gongkai check` / `gongkai narrate` can never disagree. Loaded on demand; the .docx writer is
 * loaded only when a draft is downloaded. A local file (WPS users, a plain browser) is opened with
 * `openBytes`; the workbook open in Excel with `connectExcel` (excelSession.ts).
 */

export async function openBytes(bytes: Uint8Array, fileName: string): Promise<OpenedWorkbook> {
  return openHost(new XlsxFileHost(bytes, fileName));
}

/** Checks the workbook of a host and prepares the narrative work on it. */
export async function openHost(host: WorkbookHost): Promise<OpenedWorkbook> {
  const workbook = await host.readWorkbook();
  return openedWorkbook(host, workbook, analyze(workbook));
}

export async function analyzeBytes(bytes: Uint8Array, fileName: string): Promise<CheckReport> {
  return (await openBytes(bytes, fileName)).report;
}
