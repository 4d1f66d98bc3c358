import { baseSpecialFunds } from '../../../../src/core/rules/perf/base-special-funds';
import { ruleTester } from '../tester';
import { cases } from './base-special-funds.cases';

ruleTester(baseSpecialFunds, cases);
