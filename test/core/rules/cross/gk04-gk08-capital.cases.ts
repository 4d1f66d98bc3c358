import type { RuleCases } from '../tester';
import { variantWorkbook } from './workbooks';

export const cases: RuleCases = {
  valid: [
    { name: 'the published workbook: no 国有资本经营预算 at all' },
    { name: 'the national template (国有资本经营预算财政拨款收入支出决算表)', build: () => variantWorkbook('national-single-code-column') },
    { name: 'a consistent amount', set: { 'GK04 支出.本年支出合计.国有资本经营预算财政拨款': 50, 'GK08 合计.合计': 50 } },
  ],
  invalid: [
    {
      name: '公开08表 spends what 公开04表 does not show',
      set: { 'GK08 合计.合计': 50 },
      findings: [{ severity: 'error', cells: ['公开04表!I34', '公开08表!C7'], expected: '50.00', actual: null }],
    },
    {
      name: 'national template: 本年支出·小计 of the 国有资本 table differs',
      build: () => variantWorkbook('national-single-code-column'),
      set: { 'GK08 合计.本年支出.小计': 50 },
      findings: [{ severity: 'error', cells: ['表4!G32', '表9!E7'], expected: '50.00', actual: null, message: /本年支出·小计/ }],
    },
    {
      name: 'national template: 国有资本 income in 公开04表 only',
      build: () => variantWorkbook('national-single-code-column'),
      set: { 'GK04 收入.国有资本经营预算财政拨款.决算数': 50 },
      findings: [{ severity: 'error', cells: ['表4!B10', '表9!D7'], expected: null, actual: '50.00', message: /本年收入/ }],
    },
  ],
};
