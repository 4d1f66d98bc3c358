import { variantWorkbook } from '../../../helpers/variant-workbook';
import type { RuleCases } from '../tester';

/** The published GK02 row 2210201 reads 103.27 = 99.54 + 3.70 (= 103.24): a real error of the seed. */
const FIXED = { 'GK02 科目.2210201.合计': 103.24 };

export const cases: RuleCases = {
  valid: [
    { name: 'GK02 with the seed error corrected; GK03, GK05 as published', set: FIXED },
    { name: 'the national template with split codes and subtotal rows', build: () => variantWorkbook('national-split-codes'), set: { 'GK02 科目.2210201.合计': 103.24, 'GK02 科目.22102.合计': 160.17, 'GK02 科目.221.合计': 20961.97 } },
  ],
  invalid: [
    {
      name: 'the published GK02: 2210201 住房公积金 103.27 ≠ 99.54 + 3.70',
      ignoreRounding: true,
      rounding: 3,
      findings: [{ severity: 'error', cells: ['公开02表!C29', '公开02表!D29', '公开02表!I29'], expected: '103.24', actual: '103.27', message: /2210201 住房公积金/ }],
    },
    {
      name: 'GK05 行政运行 基本支出 changed',
      set: { ...FIXED, 'GK05 科目.2120101.基本支出': 1006.36 },
      ignoreRounding: true,
      findings: [{ severity: 'error', cells: ['公开05表!C21', '公开05表!D21'], expected: '1006.36', actual: '1016.36' }],
    },
    {
      name: 'GK03 a 项 row with a wrong sign in 基本支出',
      set: { ...FIXED, 'GK03 科目.2080801.基本支出': -5.01 },
      ignoreRounding: true,
      findings: [{ severity: 'error', cells: ['公开03表!C15', '公开03表!D15'], expected: '-5.01', actual: '5.01' }],
    },
  ],
};
