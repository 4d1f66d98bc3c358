import type { Rule } from '../types';
import { gk01IncomeTotal } from './gk01-income-total';

/** The within rules, one file each; test/core/rules/registry.test.ts checks this list against the folder. */
export const RULES: readonly Rule[] = [gk01IncomeTotal];
