import { gk05Gk06Economic } from '../../../../src/core/rules/cross/gk05-gk06-economic';
import { ruleTester } from '../tester';
import { cases } from './gk05-gk06-economic.cases';

ruleTester(gk05Gk06Economic, cases);
