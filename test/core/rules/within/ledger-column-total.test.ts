import { ledgerColumnTotal } from '../../../../src/core/rules/within/ledger-column-total';
import { ruleTester } from '../tester';
import { cases } from './ledger-column-total.cases';

ruleTester(ledgerColumnTotal, cases);
