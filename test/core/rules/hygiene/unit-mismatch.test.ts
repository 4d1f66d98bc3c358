import { hygieneUnitMismatch } from '../../../../src/core/rules/hygiene/unit-mismatch';
import { ruleTester } from '../tester';
import { cases } from './unit-mismatch.cases';

ruleTester(hygieneUnitMismatch, cases);
