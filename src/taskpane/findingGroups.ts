import type { Finding, Severity } from '../core/findings';
import { bySeverity } from './severity';

/**
 * The workbook's findings as the 检查结果 tab lists them, grouped the way `gongkai check`'s text
 * report groups them: per sheet (the sheet of a finding's first cell), errors first, and the 尾差
 * (`rounding: true`) of a sheet folded into one line. Narrative findings are the 情况说明 tab's.
 */

/** Cards a group (or an opened 尾差 line) shows at first, and how many more each “显示更多” adds. */
export const FIRST_CARDS = 10;
export const MORE_CARDS = 20;

/** The group of findings that name no cell (an internal error, say). */
export const NO_SHEET = '（工作簿）';

export interface SheetFindings {
  sheet: string;
  /** Every finding but the 尾差: errors, then warnings, then info (the core's order within each). */
  findings: Finding[];
  /** The 尾差 (rounding differences), listed only on demand. */
  rounding: Finding[];
  /** The largest |difference| among the 尾差 (0 when none). */
  largestRounding: number;
}

/** A 尾差, told exactly as the text report tells it. */
export const isRounding = (f: Finding): boolean => Boolean(f.rounding);

export function sheetOf(f: Finding): string {
  return f.cells[0]?.sheet ?? NO_SHEET;
}

/** Groups in workbook order (`sheets`), then any sheet it does not name, in the findings' order. */
export function groupBySheet(findings: readonly Finding[], sheets: readonly string[]): SheetFindings[] {
  const groups = new Map<string, SheetFindings>();
  for (const f of findings) {
    if (f.source === 'narrative') continue;
    const sheet = sheetOf(f);
    let g = groups.get(sheet);
    if (!g) groups.set(sheet, (g = { sheet, findings: [], rounding: [], largestRounding: 0 }));
    if (isRounding(f)) {
      g.rounding.push(f);
      const d = Math.abs(Number(f.difference ?? 0));
      if (d > g.largestRounding) g.largestRounding = d;
    } else g.findings.push(f);
  }
  const rank = new Map(sheets.map((s, i) => [s, i]));
  const position = (s: string) => rank.get(s) ?? sheets.length;
  const ordered = [...groups.values()].sort((a, b) => position(a.sheet) - position(b.sheet));
  for (const g of ordered) g.findings.sort(bySeverity);
  return ordered;
}

/** “0.05”, or “0.002” below a cent (as the text report prints it). */
export function formatDifference(d: number): string {
  return d.toFixed(d < 0.01 ? 3 : 2);
}

/** The folded line: “尾差 3 处，最大相差 0.05，均在四舍五入范围内”. */
export function roundingLabel(g: SheetFindings): string {
  return `尾差 ${g.rounding.length} 处，最大相差 ${formatDifference(g.largestRounding)}，均在四舍五入范围内`;
}

export type SeverityFilter = 'all' | Extract<Severity, 'error' | 'warning'>;

/** What a filter keeps of a group: its cards, and whether its 尾差 line shows. */
export function filterGroup(g: SheetFindings, filter: SeverityFilter): { findings: Finding[]; rounding: boolean } {
  if (filter === 'all') return { findings: g.findings, rounding: g.rounding.length > 0 };
  return { findings: g.findings.filter((f) => f.severity === filter), rounding: filter === 'warning' && g.rounding.length > 0 };
}
