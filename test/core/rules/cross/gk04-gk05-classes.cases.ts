import type { RuleCases } from '../tester';
import { variantWorkbook } from './workbooks';

const PUBLISHED_WARNINGS = [
  // 212: 1016.36 + 267.56 = 1283.92 vs 1283.93
  { severity: 'warning' as const, cells: ['公开04表!G18', '公开05表!C21', '公开05表!C22'], expected: '1283.92', actual: '1283.93' },
  // 221: Σ nine 项 = 20958.27 vs 20958.26
  { severity: 'warning' as const, cells: ['公开04表!G26', '公开05表!C24', '公开05表!C32'], expected: '20958.27', actual: '20958.26' },
];

export const cases: RuleCases = {
  valid: [
    { name: 'the published 公开04表 and 公开05表 (two 0.01 尾差 only)' },
    { name: 'national template: 类 rows compared with the 类 subtotal rows', build: () => variantWorkbook('national-single-code-column') },
  ],
  invalid: [
    { name: 'the published tables: the 尾差 of 类 212 and 221 are warnings', findings: PUBLISHED_WARNINGS },
    {
      name: '本年支出合计 一般公共预算 column changed by 10.00',
      set: { 'GK04 支出.本年支出合计.一般公共预算财政拨款': 22864.27 },
      findings: [{ severity: 'error', cells: ['公开04表!G34', '公开05表!C7'], expected: '22854.27', actual: '22864.27' }, ...PUBLISHED_WARNINGS],
    },
    {
      name: '2069901 科技奖励 changed in 公开05表',
      set: { 'GK05 科目.2069901.合计': 13 },
      findings: [{ severity: 'error', cells: ['公开04表!G13', '公开05表!C12'], expected: '13.00', actual: '12.00', message: /类 206 科学技术支出/ }, ...PUBLISHED_WARNINGS],
    },
  ],
};
