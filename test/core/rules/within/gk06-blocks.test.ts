import { gk06Blocks } from '../../../../src/core/rules/within/gk06-blocks';
import { ruleTester } from '../tester';
import { cases } from './gk06-blocks.cases';

ruleTester(gk06Blocks, cases);
