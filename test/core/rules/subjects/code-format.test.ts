import { subjectCodeFormat } from '../../../../src/core/rules/subjects/code-format';
import { ruleTester } from '../tester';
import { cases } from './code-format.cases';

ruleTester(subjectCodeFormat, cases);
