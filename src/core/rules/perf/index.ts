import type { Rule } from '../types';
import { baseControlRate } from './base-control-rate';
import { baseSangong } from './base-sangong';
import { baseSpecialFunds } from './base-special-funds';
import { perfExecutionRate } from './execution-rate';
import { perfExecutionScore } from './execution-score';
import { perfFundSources } from './fund-sources';
import { perfHunanSplits } from './hunan-splits';
import { perfIndicatorScore } from './indicator-score';
import { perfScoreCap } from './score-cap';
import { perfTotalScore } from './total-score';
import { perfWeights } from './weights';
import { perfReasonNumbers } from './reason-numbers';

/** The perf rules, one file each; test/core/rules/registry.test.ts checks this list against the folder. */
export const RULES: readonly Rule[] = [perfExecutionRate, perfExecutionScore, perfScoreCap, perfWeights, perfTotalScore, perfIndicatorScore, perfReasonNumbers, perfHunanSplits, perfFundSources, baseControlRate, baseSangong, baseSpecialFunds];
