/**
 * The findings report sent back to a department (审核意见), as one model that every format renders —
 * the .xlsx to sort and filter, the .docx in the 公文 style, the HTML page: the summary first, then per
 * table the findings with their cell, 应为 / 实为, message, status and explanation.
 */
import { cellLabel, fullMessage, SEVERITY_ORDER, SEVERITY_ZH, type CheckReport, type Finding, type TableSummary } from '../findings';
import { fromA1, parseA1, parseRangeA1, rangeContains } from '../grid/address';
import { RULES } from '../rules/registry';
import { KIND_ZH, type ReviewSummary, type SummaryKind } from './signoff';
import { ROLE_ZH, STATUS_ZH, type ReviewedFinding, type ReviewStatus } from './types';

export interface ReportRow {
  /** 1-based, through the whole report. */
  no: number;
  /** The section (table) the row belongs to. */
  table: string;
  sheet: string;
  /** The finding's first cell ("C29"), or the quote of a narrative number. */
  cell: string;
  /** Every cell taking part ("C29、D29、I29"; cells of another sheet with their sheet). */
  cells: string;
  kind: SummaryKind;
  /** 错误 / 警告 / 尾差 / 提示. */
  level: string;
  rule: string;
  ruleTitle: string;
  /** The message with the likely-culprit sentence. */
  message: string;
  expected: string;
  actual: string;
  status: ReviewStatus;
  /** 待处理, 已说明 …, with “（重新出现）” for a reopened finding and “（数值已变）” when an explanation may be outdated. */
  statusText: string;
  explanation: string;
  comment: string;
  /** Who last acted and when (“王会计（编制人） 2025-03-02 16:15”). */
  updated: string;
}

export interface ReportSection {
  title: string;
  sheet: string;
  rows: ReportRow[];
}

export interface ReviewReport {
  title: string;
  file: string;
  department: string | null;
  year: number | null;
  /** When the report was made (ISO), and the same for people. */
  generatedAt: string;
  generatedText: string;
  summary: ReviewSummary;
  /** The summary as label / value lines, the same in every format. */
  summaryRows: [string, string][];
  sections: ReportSection[];
}

/** The report's columns, in order: what the .xlsx, .docx and HTML tables show. */
export const REPORT_COLUMNS: readonly { key: keyof ReportRow; zh: string; width: number }[] = [
  { key: 'no', zh: '序号', width: 6 },
  { key: 'table', zh: '表格', width: 22 },
  { key: 'cell', zh: '单元格', width: 9 },
  { key: 'level', zh: '级别', width: 6 },
  { key: 'ruleTitle', zh: '检查项', width: 20 },
  { key: 'message', zh: '问题', width: 60 },
  { key: 'expected', zh: '应为', width: 12 },
  { key: 'actual', zh: '实为', width: 12 },
  { key: 'statusText', zh: '状态', width: 10 },
  { key: 'explanation', zh: '单位说明', width: 36 },
  { key: 'comment', zh: '审核意见', width: 30 },
  { key: 'updated', zh: '最后处理', width: 24 },
];

export interface ReportOptions {
  /** The time the report is made (ISO 8601): the core has no clock. */
  generatedAt: string;
  /** List 提示 (numbers stored as text …) too; default: counted in the summary only. */
  includeInfo?: boolean;
  /** List the findings that went away (已修正); default true. */
  includeFixed?: boolean;
}

const RULE_TITLES = new Map(RULES.map((r) => [r.meta.id, r.meta.title]));

const NARRATIVE_TITLES: Record<string, string> = {
  'NARRATIVE.amount': '情况说明：金额',
  'NARRATIVE.share': '情况说明：占比',
  'NARRATIVE.change': '情况说明：增减额',
  'NARRATIVE.growth': '情况说明：增长率',
  'NARRATIVE.direction': '情况说明：增减方向',
  'NARRATIVE.completion': '情况说明：完成率',
  'NARRATIVE.rate': '情况说明：执行率',
  'NARRATIVE.sum': '情况说明：文内合计',
  'NARRATIVE.score': '情况说明：得分',
  'NARRATIVE.unresolved': '情况说明：未能核对的数字',
  'internal-error': '内部错误',
};

/** The Chinese title of a rule (its id when it has none). */
export function ruleTitle(id: string): string {
  return RULE_TITLES.get(id) ?? NARRATIVE_TITLES[id] ?? id;
}

/** An ISO time as people in China read it: “2025-03-02 16:15” (UTC+8). */
export function beijingTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

export function buildReviewReport(report: CheckReport, reviewed: readonly ReviewedFinding[], summary: ReviewSummary, options: ReportOptions): ReviewReport {
  const includeFixed = options.includeFixed ?? true;
  const sections = new Map<string, ReportSection & { order: number[] }>();
  const tables = report.tables.map((t) => ({ t, range: parseRangeA1(t.range) }));
  const sheetOrder = [...new Set([...report.tables.map((t) => t.sheet), ...report.unrecognized.map((u) => u.sheet)])];
  const rows: { section: string; order: number[]; row: Omit<ReportRow, 'no'> }[] = [];
  for (const r of reviewed) {
    if (r.record.severity === 'info' && !options.includeInfo) continue;
    if (!r.finding && !includeFixed) continue;
    const place = placeOf(r, tables, sheetOrder);
    const kind: SummaryKind = r.record.rounding ? 'rounding' : r.record.severity;
    const review = r.review;
    const statusText = STATUS_ZH[review.status] + (review.reopened ? '（重新出现）' : '') + (review.changed ? '（数值已变）' : '');
    const updated = review.updated ? `${review.updated.by}（${ROLE_ZH[review.updated.role]}） ${beijingTime(review.updated.at)}` : '';
    rows.push({
      section: place.title,
      order: place.order,
      row: {
        table: place.title,
        sheet: place.sheet,
        cell: place.cell,
        cells: r.finding ? cellsText(r.finding, place.sheet) : r.record.cell,
        kind,
        level: KIND_ZH[kind],
        rule: r.record.rule,
        ruleTitle: ruleTitle(r.record.rule),
        message: r.finding ? fullMessage(r.finding) : r.record.message,
        expected: (r.finding ? r.finding.expected : r.record.expected) ?? '',
        actual: (r.finding ? r.finding.actual : r.record.actual) ?? '',
        status: review.status,
        statusText,
        explanation: review.explanation ?? '',
        comment: review.comment ?? '',
        updated,
      },
    });
    if (!sections.has(place.title)) sections.set(place.title, { title: place.title, sheet: place.sheet, rows: [], order: place.order.slice(0, 2) });
  }
  // tables in workbook order; within a table: errors first, then by cell; 已修正 last
  const rank = (row: Omit<ReportRow, 'no'>) => (row.status === 'fixed' ? 9 : SEVERITY_ORDER[row.kind === 'rounding' ? 'warning' : row.kind] * 2 + (row.kind === 'rounding' ? 1 : 0));
  rows.sort((a, b) => compare(a.order.slice(0, 2), b.order.slice(0, 2)) || rank(a.row) - rank(b.row) || compare(a.order.slice(2), b.order.slice(2)));
  let no = 0;
  for (const { section, row } of rows) sections.get(section)!.rows.push({ no: ++no, ...row });
  const ordered = [...sections.values()].sort((a, b) => compare(a.order, b.order)).map(({ title, sheet, rows: list }) => ({ title, sheet, rows: list }));
  const department = report.tables.find((t) => t.department)?.department ?? null;
  const year = report.tables.find((t) => t.year)?.year ?? null;
  return {
    title: '审核意见',
    file: report.file,
    department,
    year,
    generatedAt: options.generatedAt,
    generatedText: beijingTime(options.generatedAt),
    summary,
    summaryRows: summaryRows(report, summary, { department, year, generatedText: beijingTime(options.generatedAt), includeInfo: !!options.includeInfo }),
    sections: ordered,
  };
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

interface Place {
  title: string;
  sheet: string;
  cell: string;
  /** Sheet rank, table rank, row, column: the order of the report. */
  order: number[];
}

function placeOf(r: ReviewedFinding, tables: { t: TableSummary; range: ReturnType<typeof parseRangeA1> }[], sheets: readonly string[]): Place {
  if (r.record.scope === 'narrative') return { title: '情况说明', sheet: '', cell: r.finding?.quote ?? r.record.cell, order: [sheets.length + 1, 0, 0, 0] };
  const first = r.finding?.cells[0] ?? parseLabel(r.record.cell);
  if (!first) return { title: '工作簿', sheet: '', cell: '', order: [sheets.length, 0, 0, 0] };
  const at = parseA1(first.address);
  const sheetRank = sheets.indexOf(first.sheet) >= 0 ? sheets.indexOf(first.sheet) : sheets.length - 0.5;
  const index = at ? tables.findIndex(({ t, range }) => t.sheet === first.sheet && range && rangeContains(range, at.row, at.col)) : -1;
  const order = [sheetRank, index < 0 ? 999 : index, at?.row ?? 0, at?.col ?? 0];
  if (index < 0) return { title: first.sheet, sheet: first.sheet, cell: first.address, order };
  const t = tables[index].t;
  const label = t.label && t.label !== t.sheet ? `${t.sheet}（${t.label}）` : t.sheet;
  return { title: `${label} ${t.title}`, sheet: first.sheet, cell: first.address, order };
}

/** "公开02表!C29" back into a pointer (a sheet name may hold '!'). */
function parseLabel(label: string): { sheet: string; address: string } | null {
  const bang = label.lastIndexOf('!');
  if (bang <= 0) return null;
  const address = label.slice(bang + 1);
  try {
    fromA1(address);
  } catch {
    return null;
  }
  return { sheet: label.slice(0, bang), address };
}

function cellsText(f: Finding, sheet: string): string {
  return [...new Set(f.cells.map((c) => (c.sheet === sheet ? c.address : cellLabel(c))))].join('、');
}

function summaryRows(
  report: CheckReport,
  s: ReviewSummary,
  o: { department: string | null; year: number | null; generatedText: string; includeInfo: boolean },
): [string, string][] {
  const rows: [string, string][] = [['工作簿', report.file]];
  if (o.department) rows.push(['单位', o.department]);
  if (o.year) rows.push(['年度', `${o.year}年度`]);
  rows.push(['生成时间', `${o.generatedText}（北京时间）`]);
  rows.push(['检查结果', `发现 ${s.present} 条：错误 ${s.byKind.error}，警告 ${s.byKind.warning}，尾差 ${s.byKind.rounding}，提示 ${s.byKind.info}${o.includeInfo || !s.byKind.info ? '' : '（提示未逐条列出）'}`]);
  const st = s.byStatus;
  rows.push(['处理情况', `待处理 ${st.open}，已说明 ${st.explained}，退回 ${st.returned}，已复核 ${st.accepted}；已修正 ${st.fixed}`]);
  rows.push(['尚待处理的错误', s.openErrors + s.returnedErrors ? `${s.openErrors} 条待处理，${s.returnedErrors} 条已退回` : '无']);
  const people = s.people.filter((p) => p.role !== 'system').map((p) => `${p.name}（${ROLE_ZH[p.role]}，${beijingTime(p.last)}）`);
  rows.push(['经办人', people.length ? people.join('；') : '尚无']);
  const sign = s.signOff;
  rows.push([
    '签署',
    sign
      ? `${sign.by} 于 ${beijingTime(sign.at)} 签署${sign.comment ? `：${sign.comment}` : ''}${sign.current ? '' : '（签署后结果或状态有变化，需重新签署）'}`
      : s.signOffRefusal
        ? `未签署。${s.signOffRefusal}`
        : '未签署（可以签署）',
  ]);
  return rows;
}

/** Counts for a title line: "错误 2 条，警告 5 条". */
export function severityLine(rows: readonly ReportRow[]): string {
  const n = (k: SummaryKind) => rows.filter((r) => r.kind === k && r.status !== 'fixed').length;
  return (['error', 'warning', 'rounding', 'info'] as const)
    .filter((k) => n(k))
    .map((k) => `${k === 'error' || k === 'warning' || k === 'info' ? SEVERITY_ZH[k] : KIND_ZH[k]} ${n(k)} 条`)
    .join('，');
}
