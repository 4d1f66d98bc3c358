import { hygieneRateOver100 } from '../../../../src/core/rules/hygiene/rate-over-100';
import { ruleTester } from '../tester';
import { cases } from './rate-over-100.cases';

ruleTester(hygieneRateOver100, cases);
