import { ledgerSubtotals } from '../../../../src/core/rules/within/ledger-subtotals';
import { ruleTester } from '../tester';
import { cases } from './ledger-subtotals.cases';

ruleTester(ledgerSubtotals, cases);
