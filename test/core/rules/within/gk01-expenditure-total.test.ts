import { gk01ExpenditureTotal } from '../../../../src/core/rules/within/gk01-expenditure-total';
import { ruleTester } from '../tester';
import { cases } from './gk01-expenditure-total.cases';

ruleTester(gk01ExpenditureTotal, cases);
