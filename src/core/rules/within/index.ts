import type { Rule } from '../types';
import { gk01Balance } from './gk01-balance';
import { gk01ExpenditureTotal } from './gk01-expenditure-total';
import { gk01GrandTotals } from './gk01-grand-totals';
import { gk01IncomeTotal } from './gk01-income-total';
import { gk04Balance } from './gk04-balance';
import { gk04BudgetTypeBalance } from './gk04-budget-type-balance';
import { gk04Expenditure } from './gk04-expenditure';
import { gk04Income } from './gk04-income';
import { gk06Blocks } from './gk06-blocks';
import { gk06PersonnelPublic } from './gk06-personnel-public';
import { gk07CarryOver } from './gk07-carry-over';
import { gk09Sums } from './gk09-sums';
import { ledgerColumnTotal } from './ledger-column-total';
import { ledgerRowSum } from './ledger-row-sum';
import { ledgerSubtotals } from './ledger-subtotals';

/** The within-table rules, one file each; test/core/rules/registry.test.ts checks this list against the folder. */
export const RULES: readonly Rule[] = [
  gk01IncomeTotal, gk01ExpenditureTotal, gk01GrandTotals, gk01Balance,
  ledgerRowSum, ledgerColumnTotal, ledgerSubtotals,
  gk04Income, gk04Expenditure, gk04Balance, gk04BudgetTypeBalance,
  gk06Blocks, gk06PersonnelPublic, gk07CarryOver, gk09Sums,
];
