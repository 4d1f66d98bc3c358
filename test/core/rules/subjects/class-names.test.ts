import { subjectClassNames } from '../../../../src/core/rules/subjects/class-names';
import { ruleTester } from '../tester';
import { cases } from './class-names.cases';

ruleTester(subjectClassNames, cases);
