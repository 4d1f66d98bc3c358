import { hygieneTextNumber } from '../../../../src/core/rules/hygiene/text-number';
import { ruleTester } from '../tester';
import { cases } from './text-number.cases';

ruleTester(hygieneTextNumber, cases);
