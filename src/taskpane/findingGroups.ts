export { groupBySheet, roundingLabel, type SheetFindings } from '../core/findings/group';

/*
 * The 检查结果 tab lists findings in the core's one grouping (findings/group.ts, the same as the
 * text report's): per sheet, errors first, each sheet's 尾差 folded (findingCards.ts makes the cards
 * of it). Here: how many cards show.
 */

/** Cards a group (or an opened 尾差 line) shows at first, and how many more each “显示更多” adds. */
export const FIRST_CARDS = 10;
export const MORE_CARDS = 20;
