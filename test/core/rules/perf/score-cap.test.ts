import { perfScoreCap } from '../../../../src/core/rules/perf/score-cap';
import { ruleTester } from '../tester';
import { cases } from './score-cap.cases';

ruleTester(perfScoreCap, cases);
