import { analyze } from '../core/analyze';
import type { CheckReport } from '../core/findings';
import type { WorkbookHost } from '../hosts/host';
import { XlsxFileHost } from '../hosts/xlsx/file-host';
import { openedWorkbook, type OpenedWorkbook } from './book';

export type { OpenedWorkbook, PaneDraft, PaneNarrativeCheck } from './book';
export type { ExcelSession, PaneUpdate } from './excelSession';
export type { FillGroup, FillInputs, FillPreview, FillResult, FillRow, FillSource, FillStatus } from './fills';
export type { DocumentSection, NumberChange, WordTarget } from './wordTarget';

/**
 * The task pane's entry into the engine for a local file (a plain browser, WPS users, Word): the
 * same .xlsx reader and core as the CLI, so the pane and `gongkai check` / `gongkai narrate` can
 * never disagree. Loaded on demand (its own chunks: the check, and the .xlsx reader). Inside Excel
 * the pane loads excelSession.ts instead, which reads the open workbook through Office.js and never
 * loads the .xlsx reader; the narrative, the fills and the .docx writer are loaded when first used.
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
