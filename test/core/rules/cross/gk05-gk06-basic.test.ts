import { gk05Gk06Basic } from '../../../../src/core/rules/cross/gk05-gk06-basic';
import { ruleTester } from '../tester';
import { cases } from './gk05-gk06-basic.cases';

ruleTester(gk05Gk06Basic, cases);
