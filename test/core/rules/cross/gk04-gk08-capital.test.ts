import { gk04Gk08Capital } from '../../../../src/core/rules/cross/gk04-gk08-capital';
import { ruleTester } from '../tester';
import { cases } from './gk04-gk08-capital.cases';

ruleTester(gk04Gk08Capital, cases);
