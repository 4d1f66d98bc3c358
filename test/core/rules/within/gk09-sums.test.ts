import { gk09Sums } from '../../../../src/core/rules/within/gk09-sums';
import { ruleTester } from '../tester';
import { cases } from './gk09-sums.cases';

ruleTester(gk09Sums, cases);
