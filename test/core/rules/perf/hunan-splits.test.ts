import { perfHunanSplits } from '../../../../src/core/rules/perf/hunan-splits';
import { ruleTester } from '../tester';
import { cases } from './hunan-splits.cases';

ruleTester(perfHunanSplits, cases);
