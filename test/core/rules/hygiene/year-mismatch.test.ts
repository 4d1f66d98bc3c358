import { hygieneYearMismatch } from '../../../../src/core/rules/hygiene/year-mismatch';
import { ruleTester } from '../tester';
import { cases } from './year-mismatch.cases';

ruleTester(hygieneYearMismatch, cases);
