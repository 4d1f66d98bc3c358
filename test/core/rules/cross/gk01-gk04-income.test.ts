import { gk01Gk04Income } from '../../../../src/core/rules/cross/gk01-gk04-income';
import { ruleTester } from '../tester';
import { cases } from './gk01-gk04-income.cases';

ruleTester(gk01Gk04Income, cases);
