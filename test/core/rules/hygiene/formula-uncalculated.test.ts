import { hygieneFormulaUncalculated } from '../../../../src/core/rules/hygiene/formula-uncalculated';
import { ruleTester } from '../tester';
import { cases } from './formula-uncalculated.cases';

ruleTester(hygieneFormulaUncalculated, cases);
