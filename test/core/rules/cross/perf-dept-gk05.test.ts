import { perfDeptGk05 } from '../../../../src/core/rules/cross/perf-dept-gk05';
import { ruleTester } from '../tester';
import { cases } from './perf-dept-gk05.cases';

ruleTester(perfDeptGk05, cases);
