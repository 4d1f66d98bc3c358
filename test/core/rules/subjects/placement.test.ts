import { subjectPlacement } from '../../../../src/core/rules/subjects/placement';
import { ruleTester } from '../tester';
import { cases } from './placement.cases';

ruleTester(subjectPlacement, cases);
