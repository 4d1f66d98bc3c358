import { baseSangong } from '../../../../src/core/rules/perf/base-sangong';
import { ruleTester } from '../tester';
import { cases } from './base-sangong.cases';

ruleTester(baseSangong, cases);
