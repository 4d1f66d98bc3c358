import { gk02Gk05Fiscal } from '../../../../src/core/rules/cross/gk02-gk05-fiscal';
import { ruleTester } from '../tester';
import { cases } from './gk02-gk05-fiscal.cases';

ruleTester(gk02Gk05Fiscal, cases);
