import { gk04Income } from '../../../../src/core/rules/within/gk04-income';
import { ruleTester } from '../tester';
import { cases } from './gk04-income.cases';

ruleTester(gk04Income, cases);
