import { gk02Gk03Rows } from '../../../../src/core/rules/cross/gk02-gk03-rows';
import { ruleTester } from '../tester';
import { cases } from './gk02-gk03-rows.cases';

ruleTester(gk02Gk03Rows, cases);
