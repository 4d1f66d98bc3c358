import { baseControlRate } from '../../../../src/core/rules/perf/base-control-rate';
import { ruleTester } from '../tester';
import { cases } from './base-control-rate.cases';

ruleTester(baseControlRate, cases);
