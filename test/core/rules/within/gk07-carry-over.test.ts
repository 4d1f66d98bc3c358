import { gk07CarryOver } from '../../../../src/core/rules/within/gk07-carry-over';
import { ruleTester } from '../tester';
import { cases } from './gk07-carry-over.cases';

ruleTester(gk07CarryOver, cases);
