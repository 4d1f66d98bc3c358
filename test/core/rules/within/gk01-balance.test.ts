import { gk01Balance } from '../../../../src/core/rules/within/gk01-balance';
import { ruleTester } from '../tester';
import { cases } from './gk01-balance.cases';

ruleTester(gk01Balance, cases);
