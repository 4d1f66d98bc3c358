import { subjectNameConsistency } from '../../../../src/core/rules/subjects/name-consistency';
import { ruleTester } from '../tester';
import { cases } from './name-consistency.cases';

ruleTester(subjectNameConsistency, cases);
