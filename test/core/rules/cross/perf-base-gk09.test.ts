import { perfBaseGk09 } from '../../../../src/core/rules/cross/perf-base-gk09';
import { ruleTester } from '../tester';
import { cases } from './perf-base-gk09.cases';

ruleTester(perfBaseGk09, cases);
