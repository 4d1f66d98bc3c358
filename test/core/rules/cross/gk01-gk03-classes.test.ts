import { gk01Gk03Classes } from '../../../../src/core/rules/cross/gk01-gk03-classes';
import { ruleTester } from '../tester';
import { cases } from './gk01-gk03-classes.cases';

ruleTester(gk01Gk03Classes, cases);
