import { hygieneDepartmentMismatch } from '../../../../src/core/rules/hygiene/department-mismatch';
import { ruleTester } from '../tester';
import { cases } from './department-mismatch.cases';

ruleTester(hygieneDepartmentMismatch, cases);
