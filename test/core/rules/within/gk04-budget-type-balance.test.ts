import { gk04BudgetTypeBalance } from '../../../../src/core/rules/within/gk04-budget-type-balance';
import { ruleTester } from '../tester';
import { cases } from './gk04-budget-type-balance.cases';

ruleTester(gk04BudgetTypeBalance, cases);
