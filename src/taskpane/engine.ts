import { analyze, toReport } from '../core/analyze';
import type { NarrativeDraft } from '../core/narrative/blocks';
import { draftStats, NarrativeSession, type DraftStats } from '../core/narrative/session';
import type { CheckReport, Finding } from '../core/findings';
import { narrativeText } from '../hosts/word/narrative-file';
import type { WorkbookHost } from '../hosts/host';
import { XlsxFileHost } from '../hosts/xlsx/file-host';

/**
 * The task pane's one entry into the engine for a local file (WPS users, a plain browser): the same
 * loader and core as the CLI, so the pane and `gongkai check` / `gongkai narrate` can never disagree.
 * Loaded on demand (with exceljs); the .docx writer is loaded only when a draft is downloaded.
 */

/** A drafted narrative and its counts. */
export interface PaneDraft {
  draft: NarrativeDraft;
  stats: DraftStats;
}

/** A narrative text checked against the open workbook. */
export interface PaneNarrativeCheck {
  /** Numbers checked: resolved to a fact of the tables, or checked against other numbers of the text. */
  checked: number;
  /** Findings about checked numbers (errors, warnings and notes), as the core gives them. */
  findings: Finding[];
  /** Numbers that name no fact of the tables (年初预算, 上年数…): not checked, to confirm by hand. */
  unresolved: Finding[];
}

/** A workbook opened in the pane: its check report and the narrative work on it. */
export interface OpenedWorkbook {
  report: CheckReport;
  /** The workbook's sheet names in workbook order (the order the findings are listed in). */
  sheets: string[];
  /** Drafts the 情况说明 / 自评结果 (the workbook's own “上年数及其他” sheet is read). Throws InputsSheetError. */
  draftNarrative(): PaneDraft;
  /** The .docx bytes of a draft. */
  draftDocx(draft: NarrativeDraft): Promise<Uint8Array>;
  /** Reads a narrative file (.docx, or UTF-8 text) and checks its numbers. Throws NarrativeReadError. */
  checkNarrative(bytes: Uint8Array, fileName: string): Promise<PaneNarrativeCheck>;
}

export async function openBytes(bytes: Uint8Array, fileName: string): Promise<OpenedWorkbook> {
  return openHost(new XlsxFileHost(bytes, fileName));
}

/** Checks the workbook of a host and prepares the narrative work on it. */
export async function openHost(host: WorkbookHost): Promise<OpenedWorkbook> {
  const fileName = host.name;
  const workbook = await host.readWorkbook();
  const analysis = analyze(workbook);
  let session: NarrativeSession | undefined;
  const narrative = () => (session ??= new NarrativeSession(workbook, analysis.tables, fileName));
  return {
    report: toReport(fileName, analysis),
    sheets: workbook.sheets.map((s) => s.name),
    draftNarrative() {
      const draft = narrative().draft();
      return { draft, stats: draftStats(draft) };
    },
    async draftDocx(draft) {
      const { DocxFileTarget } = await import(/* webpackChunkName: "docx" */ '../hosts/word/docx-file-target');
      return (await new DocxFileTarget().exportNarrative(draft)).bytes;
    },
    async checkNarrative(textBytes, textName) {
      const result = narrative().check(await narrativeText(textBytes, textName));
      return {
        checked: result.resolved.length + result.verified.length,
        findings: result.findings.filter((f) => !f.unresolved),
        unresolved: result.findings.filter((f) => f.unresolved),
      };
    },
  };
}

export async function analyzeBytes(bytes: Uint8Array, fileName: string): Promise<CheckReport> {
  return (await openBytes(bytes, fileName)).report;
}
