import { gk06Gk09ThreePublic } from '../../../../src/core/rules/cross/gk06-gk09-three-public';
import { ruleTester } from '../tester';
import { cases } from './gk06-gk09-three-public.cases';

ruleTester(gk06Gk09ThreePublic, cases);
