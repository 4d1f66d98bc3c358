import { gk01IncomeTotal } from '../../../../src/core/rules/within/gk01-income-total';
import { ruleTester } from '../tester';
import { cases } from './gk01-income-total.cases';

ruleTester(gk01IncomeTotal, cases);
