import { perfIndicatorScore } from '../../../../src/core/rules/perf/indicator-score';
import { ruleTester } from '../tester';
import { cases } from './indicator-score.cases';

ruleTester(perfIndicatorScore, cases);
