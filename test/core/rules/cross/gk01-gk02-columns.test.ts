import { gk01Gk02Columns } from '../../../../src/core/rules/cross/gk01-gk02-columns';
import { ruleTester } from '../tester';
import { cases } from './gk01-gk02-columns.cases';

ruleTester(gk01Gk02Columns, cases);
