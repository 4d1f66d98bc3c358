import { gk04Gk05Classes } from '../../../../src/core/rules/cross/gk04-gk05-classes';
import { ruleTester } from '../tester';
import { cases } from './gk04-gk05-classes.cases';

ruleTester(gk04Gk05Classes, cases);
