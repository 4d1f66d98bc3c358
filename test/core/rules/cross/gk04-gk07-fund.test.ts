import { gk04Gk07Fund } from '../../../../src/core/rules/cross/gk04-gk07-fund';
import { ruleTester } from '../tester';
import { cases } from './gk04-gk07-fund.cases';

ruleTester(gk04Gk07Fund, cases);
