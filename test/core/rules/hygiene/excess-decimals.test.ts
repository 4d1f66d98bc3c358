import { hygieneExcessDecimals } from '../../../../src/core/rules/hygiene/excess-decimals';
import { ruleTester } from '../tester';
import { cases } from './excess-decimals.cases';

ruleTester(hygieneExcessDecimals, cases);
