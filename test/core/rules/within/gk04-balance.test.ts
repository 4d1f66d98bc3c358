import { gk04Balance } from '../../../../src/core/rules/within/gk04-balance';
import { ruleTester } from '../tester';
import { cases } from './gk04-balance.cases';

ruleTester(gk04Balance, cases);
