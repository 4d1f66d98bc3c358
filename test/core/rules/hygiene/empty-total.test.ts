import { hygieneEmptyTotal } from '../../../../src/core/rules/hygiene/empty-total';
import { ruleTester } from '../tester';
import { cases } from './empty-total.cases';

ruleTester(hygieneEmptyTotal, cases);
