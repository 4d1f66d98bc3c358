import { analyze, toReport, type Analysis } from '../core/analyze';
import type { Workbook } from '../core/grid/grid';
import type { NarrativeDraft } from '../core/narrative/blocks';
import type { DraftStats, NarrativeSession } from '../core/narrative/session';
import type { CheckReport, Finding } from '../core/findings';
import { checkSettingsOf, type DocumentSettings } from '../core/review/settings';
import type { WorkbookHost } from '../hosts/host';
import type { FillInputs } from './fills';
import { reviewApi, ruleTitles, type ReviewApi } from './review';

/*
 * A workbook opened in the pane (engine side): its check report, the narrative work and the fills,
 * over the workbook as a host read it — a local file or the workbook open in Excel. The narrative
 * engine (drafting and checking, chunk "narrative-engine") is loaded when first asked for, the fill
 * planner with the 填写 tab (fills.ts), the .docx writer when a draft is downloaded.
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
  draftNarrative(): Promise<PaneDraft>;
  /** The .docx bytes of a draft. */
  draftDocx(draft: NarrativeDraft): Promise<Uint8Array>;
  /** Reads a narrative file (.docx, or UTF-8 text) and checks its numbers. Throws NarrativeReadError. */
  checkNarrative(bytes: Uint8Array, fileName: string): Promise<PaneNarrativeCheck>;
  /** The computed cells (合计, 执行率, 得分 …): what the 填写 tab plans over, and the host's write. */
  fills: FillInputs;
  /** The review of the findings and the document's settings, kept in the workbook. */
  review: ReviewApi;
  /** The Chinese title of every rule of the report's findings. */
  titles: Record<string, string>;
  /**
   * The check again with these settings (tolerances, 0/0): a new opened workbook for a local file;
   * in Excel the live check restarts and its next update brings the result (null here).
   */
  applySettings(settings: DocumentSettings): Promise<OpenedWorkbook | null>;
}

/**
 * The narrative and fill work on a workbook as read (and analysed) now. A fill goes through `host`:
 * the file host returns a new file's bytes, the Excel host writes into the open workbook.
 */
export function openedWorkbook(host: WorkbookHost, workbook: Workbook, analysis: Analysis): OpenedWorkbook {
  const fileName = host.name;
  const review = reviewApi(host);
  let session: Promise<NarrativeSession> | undefined;
  const narrative = () =>
    (session ??= import(/* webpackChunkName: "narrative-engine" */ '../core/narrative/session').then((m) => new m.NarrativeSession(workbook, analysis.tables, fileName)));
  return {
    report: toReport(fileName, analysis),
    sheets: workbook.sheets.map((s) => s.name),
    async draftNarrative() {
      const [s, { draftStats }] = await Promise.all([narrative(), import(/* webpackChunkName: "narrative-engine" */ '../core/narrative/session')]);
      const draft = s.draft();
      return { draft, stats: draftStats(draft) };
    },
    async draftDocx(draft) {
      const { DocxFileTarget } = await import(/* webpackChunkName: "docx" */ '../hosts/word/docx-file-target');
      return (await new DocxFileTarget().exportNarrative(draft)).bytes;
    },
    async checkNarrative(textBytes, textName) {
      const [s, { narrativeText }] = await Promise.all([narrative(), import(/* webpackChunkName: "narrative-engine" */ '../hosts/word/narrative-file')]);
      const result = s.check(await narrativeText(textBytes, textName));
      return {
        checked: result.resolved.length + result.verified.length,
        findings: result.findings.filter((f) => !f.unresolved),
        unresolved: result.findings.filter((f) => f.unresolved),
      };
    },
    fills: {
      workbook: () => workbook,
      tables: () => analysis.tables,
      async write(writes, values) {
        const applied = await host.applyPlan({ writes, values });
        return { written: applied.written, bytes: applied.bytes, notes: applied.notes ?? [] };
      },
    },
    review,
    titles: ruleTitles(analysis.findings),
    applySettings(settings) {
      return Promise.resolve(openedWorkbook(host, workbook, analyze(workbook, checkSettingsOf(settings))));
    },
  };
}
