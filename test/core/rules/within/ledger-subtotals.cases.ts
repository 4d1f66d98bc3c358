import { variantWorkbook } from '../../../helpers/variant-workbook';
import type { RuleCases } from '../tester';

const national = () => variantWorkbook('national-split-codes');

export const cases: RuleCases = {
  valid: [
    { name: 'the national template: every 类 and 款 row equals its children', build: national },
    { name: 'a table without subtotal rows has nothing to check' },
  ],
  invalid: [
    {
      name: 'a 项 under 22101 changed: its 款 and, through it, nothing else',
      build: national,
      set: { 'GK03 科目.2210108.合计': 11771.42 },
      findings: [{ severity: 'error', cells: ['表3!E43'], message: /款级科目 22101/, expected: '17991.10', actual: '17990.10' }],
    },
    {
      name: 'a 类 subtotal that disagrees with its 款 rows',
      build: national,
      set: { 'GK02 科目.208.合计': 139.34 },
      findings: [{ severity: 'error', message: /类级科目 208/, expected: '138.34', actual: '139.34' }],
    },
  ],
};
