import { ledgerRowSum } from '../../../../src/core/rules/within/ledger-row-sum';
import { ruleTester } from '../tester';
import { cases } from './ledger-row-sum.cases';

ruleTester(ledgerRowSum, cases);
