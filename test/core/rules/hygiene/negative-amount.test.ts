import { hygieneNegativeAmount } from '../../../../src/core/rules/hygiene/negative-amount';
import { ruleTester } from '../tester';
import { cases } from './negative-amount.cases';

ruleTester(hygieneNegativeAmount, cases);
