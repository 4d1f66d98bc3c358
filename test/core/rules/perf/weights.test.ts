import { perfWeights } from '../../../../src/core/rules/perf/weights';
import { ruleTester } from '../tester';
import { cases } from './weights.cases';

ruleTester(perfWeights, cases);
