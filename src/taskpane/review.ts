import type { CheckReport, Finding } from '../core/findings';
import {
  allowedActions,
  applyAction,
  buildReviewReport,
  EMPTY_REVIEW,
  parseReview,
  parseSettings,
  reconcile,
  reportHtml,
  ruleTitle,
  serializeReview,
  serializeSettings,
  signOff,
  summarize,
  type Actor,
  type DocumentSettings,
  type ReviewAction,
  type ReviewActionKind,
  type ReviewedFinding,
  type ReviewState,
  type ReviewStatus,
  type ReviewSummary,
} from '../core/review';
import { RULES } from '../core/rules/registry';
import type { HostNote, WorkbookHost } from '../hosts/host';

/**
 * The review of the findings and the document's settings, for the pane (engine side, loaded with the
 * engine): read from the workbook once, reconciled with every check in memory (no request), written
 * back into the workbook when someone acts — in Excel one write request into the open workbook (a
 * custom XML part), for a local file a new copy to download. Also the findings report (审核意见) in
 * .xlsx, .docx and HTML, and the marked copy of a local file (在表中标出).
 */

export type ReportFormat = 'xlsx' | 'docx' | 'html';

export interface ReviewView {
  state: ReviewState;
  /** Every present finding with its review, then those gone (已修正). */
  reviewed: ReviewedFinding[];
  byId: ReadonlyMap<string, ReviewedFinding>;
  summary: ReviewSummary;
}

export interface SavedCopy {
  bytes?: Uint8Array;
  notes: HostNote[];
}

export interface ReviewApi {
  /** Whether the host keeps the review in the workbook (else it is kept for this session only). */
  readonly stored: boolean;
  /** The review and the settings kept in the workbook (empty when there are none). */
  load(): Promise<{ state: ReviewState; settings: DocumentSettings }>;
  /** The review brought together with a check's findings (the ones gone become 已修正). */
  view(state: ReviewState, findings: readonly Finding[], at: string): ReviewView;
  /** One action on the findings `ids` (a merged card acts on each of its findings). Throws ReviewError. */
  act(state: ReviewState, ids: readonly string[], action: ReviewAction, actor: Actor, at: string): ReviewState;
  signOff(view: ReviewView, actor: Actor, at: string, comment?: string): ReviewState;
  allowed(status: ReviewStatus, role: Actor['role']): ReviewActionKind[];
  /** Writes the review (and the settings) into the workbook: in Excel one request; for a file, a new copy's bytes. */
  save(state: ReviewState, settings?: DocumentSettings, marks?: readonly Finding[]): Promise<SavedCopy>;
  /** 审核意见 in a format, as bytes to download. */
  report(report: CheckReport, view: ReviewView, format: ReportFormat, at: string): Promise<Uint8Array>;
}

/** The Chinese title of every rule, and of each rule among `findings` (the rule registry stays in the engine). */
export function ruleTitles(findings: readonly Finding[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of RULES) out[r.meta.id] = r.meta.title;
  for (const f of findings) out[f.rule] ??= ruleTitle(f.rule);
  return out;
}

export function reviewApi(host: WorkbookHost): ReviewApi {
  const stored = host.capabilities.documents === true && typeof host.readReview === 'function';
  const view = (state: ReviewState, findings: readonly Finding[], at: string): ReviewView => {
    const table = findings.filter((f) => f.source !== 'narrative');
    const r = reconcile(state, table, { at, scopes: ['table'] });
    return { state: r.state, reviewed: r.reviewed, byId: new Map(r.reviewed.map((x) => [x.id, x])), summary: summarize(r.state, r.reviewed) };
  };
  return {
    stored,
    async load() {
      if (!stored) return { state: EMPTY_REVIEW, settings: {} };
      const [review, settings] = await Promise.all([host.readReview?.() ?? null, host.readSettings?.() ?? null]);
      return { state: parseReview(review), settings: parseSettings(settings) };
    },
    view,
    act(state, ids, action, actor, at) {
      let next = state;
      for (const id of ids) next = applyAction(next, id, action, actor, at);
      return next;
    },
    signOff(v, actor, at, comment) {
      return signOff(v.state, v.reviewed, actor, at, comment);
    },
    allowed: allowedActions,
    async save(state, settings, marks) {
      const applied = await host.applyPlan({
        review: serializeReview(state),
        ...(settings ? { settings: serializeSettings(settings) } : {}),
        ...(marks ? { marks } : {}),
      });
      return { bytes: applied.bytes, notes: applied.notes ?? [] };
    },
    async report(report, v, format, at) {
      const model = buildReviewReport(report, v.reviewed, v.summary, { generatedAt: at });
      if (format === 'html') return new TextEncoder().encode(reportHtml(model));
      if (format === 'xlsx') {
        const { reportXlsx } = await import(/* webpackChunkName: "report-xlsx" */ '../hosts/xlsx/report-xlsx');
        return reportXlsx(model);
      }
      const { reportDocx } = await import(/* webpackChunkName: "docx" */ '../hosts/word/report-docx');
      return reportDocx(model);
    },
  };
}
