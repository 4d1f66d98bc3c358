import { gk01GrandTotals } from '../../../../src/core/rules/within/gk01-grand-totals';
import { ruleTester } from '../tester';
import { cases } from './gk01-grand-totals.cases';

ruleTester(gk01GrandTotals, cases);
