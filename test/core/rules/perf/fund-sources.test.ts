import { perfFundSources } from '../../../../src/core/rules/perf/fund-sources';
import { ruleTester } from '../tester';
import { cases } from './fund-sources.cases';

ruleTester(perfFundSources, cases);
