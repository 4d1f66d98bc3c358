import { perfTotalScore } from '../../../../src/core/rules/perf/total-score';
import { ruleTester } from '../tester';
import { cases } from './total-score.cases';

ruleTester(perfTotalScore, cases);
