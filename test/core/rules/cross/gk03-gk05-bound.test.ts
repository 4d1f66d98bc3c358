import { gk03Gk05Bound } from '../../../../src/core/rules/cross/gk03-gk05-bound';
import { ruleTester } from '../tester';
import { cases } from './gk03-gk05-bound.cases';

ruleTester(gk03Gk05Bound, cases);
