/**
 * The batch report as data: the JSON shape of docs/output-contract.md §8 (fields may be added,
 * none renamed or removed), and the views the .xlsx, .html and text reports share (worst first,
 * per department, per rule). Nothing here depends on timing, absolute paths or the number of
 * workers: the same files give the same report, byte for byte.
 */
import { countFindings, type Finding, type Severity } from '../../core/findings';
import { NARRATIVE_SOURCES } from '../../core/narrative/checks/index';
import { RULES } from '../../core/rules/registry';
import type { MatchedBy, UnmatchedFile } from './match';

export interface TopProblem {
  id: string;
  rule: string;
  severity: Severity;
  /** "公开02表!C29"; null for a finding without cells (a narrative number checked against the text). */
  cell: string | null;
  message: string;
}

export interface NarrativeSummary {
  /** Relative to the --narratives folder. */
  file: string;
  matchedBy: MatchedBy;
  /** checked; unreadable (reason says why); not-checked (the batch was stopped first). */
  status: 'checked' | 'unreadable' | 'not-checked';
  reason: string | null;
  /** Numbers checked: tied to a table fact, or to other numbers of the text. */
  numbers: number;
  /** Narrative findings of severity error or warning (counted in the workbook's errors and warnings too). */
  mismatches: number;
  /** Numbers that could be tied to nothing (not checked; info findings). */
  unresolved: number;
  /** Values of the workbook's own 上年数及其他 sheet left out of the check. */
  notes: string[];
}

export interface PriorSummary {
  /** Relative to the --prior folder. */
  file: string;
  matchedBy: MatchedBy;
  /** Why it could not be read (the narrative was then checked without it); null when read. */
  reason: string | null;
}

export interface WorkbookEntry {
  /** Relative to DIR, '/'-separated. */
  file: string;
  department: string | null;
  year: number | null;
  tables: number;
  /** Findings of severity error (tables and narrative). */
  errors: number;
  /** Findings of severity warning, 尾差 not included. */
  warnings: number;
  /** 尾差: differences within the rounding envelope (warnings counted apart). */
  rounding: number;
  narrative: NarrativeSummary | null;
  prior: PriorSummary | null;
  top: TopProblem[];
  findings: Finding[];
}

export interface BatchReport {
  /** Sorted by file. */
  workbooks: WorkbookEntry[];
  unreadable: { file: string; reason: string }[];
  /** Narratives and prior-year workbooks that went with no workbook. */
  unmatched: UnmatchedFile[];
  /** Findings of severity error or warning (尾差 not included) per rule, over every workbook; keys sorted. */
  byRule: Record<string, number>;
  /** false when the batch was stopped (Ctrl-C) before every file was checked. */
  complete: boolean;
}

// -------------------------------------------------------------------------------------------------

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The three most serious problems: errors before warnings (尾差 and info are never among them);
 * among equals, a finding whose likely culprit is known (its cell breaks several identities), then
 * the larger difference, then report order.
 */
export function topProblems(findings: readonly Finding[], n = 3): TopProblem[] {
  return findings
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f.severity !== 'info' && !f.rounding)
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] ||
        Number(!!b.f.likely) - Number(!!a.f.likely) ||
        Math.abs(Number(b.f.difference ?? 0)) - Math.abs(Number(a.f.difference ?? 0)) ||
        a.i - b.i,
    )
    .slice(0, n)
    .map(({ f }) => ({ id: f.id ?? '', rule: f.rule, severity: f.severity, cell: f.cells[0] ? `${f.cells[0].sheet}!${f.cells[0].address}` : null, message: f.message }));
}

/** The counts of a workbook's findings: errors, warnings without the 尾差, 尾差 (core's countFindings). */
export function counts(findings: readonly Finding[]): { errors: number; warnings: number; rounding: number } {
  const c = countFindings(findings);
  return { errors: c.error, warnings: c.warning, rounding: c.rounding };
}

export const countsAsProblem = (f: Finding): boolean => f.severity !== 'info' && !f.rounding;

export function byRule(workbooks: readonly WorkbookEntry[]): Record<string, number> {
  const n = new Map<string, number>();
  for (const w of workbooks) for (const f of w.findings) if (countsAsProblem(f)) n.set(f.rule, (n.get(f.rule) ?? 0) + 1);
  return Object.fromEntries([...n].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Worst first: most errors, then most warnings, then by file. */
export function worstFirst(workbooks: readonly WorkbookEntry[]): WorkbookEntry[] {
  return [...workbooks].sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** The Chinese title of a rule: the table rules' registry, the narrative checks' sources (each prefixed 情况说明). */
export function ruleTitle(rule: string): string {
  const table = RULES.find((r) => r.meta.id === rule)?.meta.title;
  if (table) return table;
  const narrative = NARRATIVE_SOURCES.find((s) => s.id === rule)?.title;
  if (narrative) return `情况说明：${narrative}`;
  return rule === 'internal-error' ? '内部错误（规则未能运行）' : rule;
}

export interface RuleCount {
  rule: string;
  title: string;
  errors: number;
  warnings: number;
  rounding: number;
  /** Workbooks with at least one error or warning (尾差 not counted) of the rule. */
  workbooks: number;
}

/** Per rule over every workbook, most errors first (then warnings, then id); rules with only 尾差 or info last. */
export function ruleCounts(workbooks: readonly WorkbookEntry[]): RuleCount[] {
  const by = new Map<string, RuleCount & { books: Set<string> }>();
  for (const w of workbooks) {
    for (const f of w.findings) {
      if (f.severity === 'info') continue;
      let r = by.get(f.rule);
      if (!r) by.set(f.rule, (r = { rule: f.rule, title: ruleTitle(f.rule), errors: 0, warnings: 0, rounding: 0, workbooks: 0, books: new Set() }));
      if (f.rounding) r.rounding++;
      else {
        if (f.severity === 'error') r.errors++;
        else r.warnings++;
        r.books.add(w.file);
      }
    }
  }
  return [...by.values()]
    .map(({ books, ...r }) => ({ ...r, workbooks: books.size }))
    .sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || b.rounding - a.rounding || (a.rule < b.rule ? -1 : 1));
}

export interface DepartmentGroup {
  /** The department as the tables name it; null for workbooks that name none (one group each). */
  department: string | null;
  workbooks: WorkbookEntry[];
  errors: number;
  warnings: number;
}

/** Workbooks per department (those naming none each on their own), worst first, then by name. */
export function byDepartment(workbooks: readonly WorkbookEntry[]): DepartmentGroup[] {
  const groups = new Map<string, DepartmentGroup>();
  for (const w of [...workbooks].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    const key = w.department ?? `\u0000${w.file}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { department: w.department, workbooks: [], errors: 0, warnings: 0 }));
    g.workbooks.push(w);
    g.errors += w.errors;
    g.warnings += w.warnings;
  }
  const name = (g: DepartmentGroup) => g.department ?? `\uffff${g.workbooks[0].file}`;
  return [...groups.values()].sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0));
}

/** Departments (groups) per number of errors: 0, 1, 2, 3–5, 6–10, 11–20, over 20. */
export function errorHistogram(groups: readonly DepartmentGroup[]): { label: string; count: number }[] {
  const buckets: [string, number, number][] = [
    ['0', 0, 0],
    ['1', 1, 1],
    ['2', 2, 2],
    ['3–5', 3, 5],
    ['6–10', 6, 10],
    ['11–20', 11, 20],
    ['>20', 21, Infinity],
  ];
  return buckets.map(([label, lo, hi]) => ({ label, count: groups.filter((g) => g.errors >= lo && g.errors <= hi).length }));
}

export interface Totals {
  workbooks: number;
  checked: number;
  unreadable: number;
  errors: number;
  warnings: number;
  rounding: number;
  /** Workbooks with at least one error. */
  withErrors: number;
  narratives: number;
  mismatches: number;
}

export function totals(report: BatchReport, found: number): Totals {
  const sum = (f: (w: WorkbookEntry) => number) => report.workbooks.reduce((s, w) => s + f(w), 0);
  return {
    workbooks: found,
    checked: report.workbooks.length,
    unreadable: report.unreadable.length,
    errors: sum((w) => w.errors),
    warnings: sum((w) => w.warnings),
    rounding: sum((w) => w.rounding),
    withErrors: report.workbooks.filter((w) => w.errors > 0).length,
    narratives: report.workbooks.filter((w) => w.narrative?.status === 'checked').length,
    mismatches: sum((w) => w.narrative?.mismatches ?? 0),
  };
}

/** The closing line: Chinese, then English. */
export function closingLine(t: Totals, complete: boolean, seconds: number): string {
  const s = seconds.toFixed(1);
  const zh =
    `${complete ? '' : '已中断，报告未完成：'}共 ${t.workbooks} 个工作簿，已检查 ${t.checked} 个，无法读取 ${t.unreadable} 个；` +
    `错误 ${t.errors} 处（${t.withErrors} 个工作簿），警告 ${t.warnings} 处，尾差 ${t.rounding} 处；核对情况说明 ${t.narratives} 份，不符 ${t.mismatches} 处；用时 ${s} 秒。`;
  const en =
    `${complete ? '' : 'Stopped, the report is incomplete: '}${t.workbooks} workbooks, ${t.checked} checked, ${t.unreadable} unreadable; ` +
    `${t.errors} errors (in ${t.withErrors} workbooks), ${t.warnings} warnings, ${t.rounding} rounding differences; ${t.narratives} narratives checked, ${t.mismatches} mismatches; ${s} s.`;
  return `${zh} / ${en}`;
}

/** The exit code: 2 when a file could not be read (a workbook, a narrative or a prior-year workbook), else 1 when any error was found, else 0 (worst wins, as for `check`). */
export function exitCode(report: BatchReport): 0 | 1 | 2 {
  const unreadable =
    report.unreadable.length > 0 ||
    report.unmatched.some((u) => u.unreadable) ||
    report.workbooks.some((w) => w.narrative?.status === 'unreadable' || (w.prior && w.prior.reason !== null));
  if (unreadable) return 2;
  return report.workbooks.some((w) => w.errors > 0) ? 1 : 0;
}
