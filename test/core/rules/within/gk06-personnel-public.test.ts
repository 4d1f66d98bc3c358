import { gk06PersonnelPublic } from '../../../../src/core/rules/within/gk06-personnel-public';
import { ruleTester } from '../tester';
import { cases } from './gk06-personnel-public.cases';

ruleTester(gk06PersonnelPublic, cases);
