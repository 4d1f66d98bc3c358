import type { Rule } from '../types';
import { hygieneCellError } from './cell-error';
import { hygieneColumnYear } from './column-year';
import { hygieneDepartmentMismatch } from './department-mismatch';
import { hygieneEmptyTotal } from './empty-total';
import { hygieneExcessDecimals } from './excess-decimals';
import { hygieneFormulaUncalculated } from './formula-uncalculated';
import { hygieneNegativeAmount } from './negative-amount';
import { hygieneRateOver100 } from './rate-over-100';
import { hygieneTextNumber } from './text-number';
import { hygieneUnitMismatch } from './unit-mismatch';
import { hygieneYearMismatch } from './year-mismatch';

/** The hygiene rules, one file each; test/core/rules/registry.test.ts checks this list against the folder. */
export const RULES: readonly Rule[] = [
  hygieneTextNumber,
  hygieneExcessDecimals,
  hygieneUnitMismatch,
  hygieneYearMismatch,
  hygieneColumnYear,
  hygieneDepartmentMismatch,
  hygieneEmptyTotal,
  hygieneNegativeAmount,
  hygieneRateOver100,
  hygieneFormulaUncalculated,
  hygieneCellError,
];
