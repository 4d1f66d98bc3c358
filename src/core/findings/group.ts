/**
 * The one grouping of findings that the text report and the task pane both show: per sheet (the
 * sheet of a finding's first cell) in workbook order, errors first, and the 尾差 of a sheet folded
 * into one line. Narrative findings are listed apart, the checked ones before the unresolved.
 */
import { bySeverity, type Finding } from './types';

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

export const isRounding = (f: Finding): boolean => Boolean(f.rounding);

export function sheetOf(f: Finding): string {
  return f.cells[0]?.sheet ?? NO_SHEET;
}

/** Table findings grouped per sheet: workbook order (`sheets`), then any other sheet in the findings' order. */
export function groupBySheet(findings: readonly Finding[], sheets: readonly string[], options: { foldRounding?: boolean } = {}): SheetFindings[] {
  const fold = options.foldRounding ?? true;
  const groups = new Map<string, SheetFindings>();
  for (const f of findings) {
    if (f.source === 'narrative') continue;
    const sheet = sheetOf(f);
    let g = groups.get(sheet);
    if (!g) groups.set(sheet, (g = { sheet, findings: [], rounding: [], largestRounding: 0 }));
    if (fold && isRounding(f)) {
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

/** “0.05”, or “0.002” below a cent. */
export function formatDifference(d: number): string {
  return d.toFixed(d < 0.01 ? 3 : 2);
}

/** The folded line: “尾差 3 处，最大相差 0.05，均在四舍五入范围内”. */
export function roundingLabel(g: SheetFindings): string {
  return `尾差 ${g.rounding.length} 处，最大相差 ${formatDifference(g.largestRounding)}，均在四舍五入范围内`;
}

export interface NarrativeFindings {
  /** Claims checked and found wrong or doubtful, most severe first. */
  checked: Finding[];
  /** Numbers that could be tied to nothing (not checked). */
  unresolved: Finding[];
}

export function narrativeFindings(findings: readonly Finding[]): NarrativeFindings {
  const narrative = findings.filter((f) => f.source === 'narrative');
  return { checked: narrative.filter((f) => !f.unresolved).sort(bySeverity), unresolved: narrative.filter((f) => f.unresolved) };
}

/** Counts by severity, with the 尾差 apart from the other warnings. */
export function countFindings(findings: readonly Finding[]): { error: number; warning: number; rounding: number; info: number } {
  const c = { error: 0, warning: 0, rounding: 0, info: 0 };
  for (const f of findings) {
    if (f.rounding) c.rounding++;
    else c[f.severity]++;
  }
  return c;
}
