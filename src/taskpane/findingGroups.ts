import type { Finding, Severity, SheetFindings } from '../core/findings';

export { groupBySheet, NO_SHEET, roundingLabel, sheetOf, type SheetFindings } from '../core/findings';

/*
 * The 检查结果 tab lists findings in the core's one grouping (findings/group.ts, the same as the
 * text report's): per sheet, errors first, each sheet's 尾差 folded. Here: how many cards show and
 * what a severity filter keeps.
 */

/** Cards a group (or an opened 尾差 line) shows at first, and how many more each “显示更多” adds. */
export const FIRST_CARDS = 10;
export const MORE_CARDS = 20;

export type SeverityFilter = 'all' | Extract<Severity, 'error' | 'warning'>;

/** What a filter keeps of a group: its cards, and whether its 尾差 line shows. */
export function filterGroup(g: SheetFindings, filter: SeverityFilter): { findings: Finding[]; rounding: boolean } {
  if (filter === 'all') return { findings: g.findings, rounding: g.rounding.length > 0 };
  return { findings: g.findings.filter((f) => f.severity === filter), rounding: filter === 'warning' && g.rounding.length > 0 };
}
