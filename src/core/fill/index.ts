import { controlRate } from './control-rate';
import { executionRate } from './execution-rate';
import { executionScore } from './execution-score';
import { gk06Totals } from './gk06-totals';
import { indicatorScore } from './indicator-score';
import { ledgerTotals } from './ledger-totals';
import { sangongTotals } from './sangong-totals';
import { summaryTotals } from './summary-totals';
import { totalScore } from './total-score';
import type { Calculator } from './types';

/** Every calculator, one per computed quantity. Order matters only for overlaps: the first wins. */
export const CALCULATORS: readonly Calculator[] = [
  ledgerTotals, summaryTotals, gk06Totals, sangongTotals, executionRate, executionScore, controlRate, indicatorScore, totalScore,
];
