import { gk04Expenditure } from '../../../../src/core/rules/within/gk04-expenditure';
import { ruleTester } from '../tester';
import { cases } from './gk04-expenditure.cases';

ruleTester(gk04Expenditure, cases);
