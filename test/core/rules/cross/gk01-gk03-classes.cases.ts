import type { RuleCases } from '../tester';
import { variantWorkbook, withCells } from './workbooks';

const PUBLISHED_WARNINGS = [
  // 208: 95.99 + 36.72 + 5.01 + 0.62 = 138.34 vs 138.33
  { severity: 'warning' as const, cells: ['公开01表!F14', '公开03表!C13', '公开03表!C14', '公开03表!C15', '公开03表!C16'], expected: '138.34', actual: '138.33' },
  // 221: Σ nine 项 = 20961.97 vs 20961.96
  { severity: 'warning' as const, cells: ['公开01表!F25', '公开03表!C24', '公开03表!C32'], expected: '20961.97', actual: '20961.96' },
];

export const cases: RuleCases = {
  valid: [
    { name: 'the published 公开01表 and 公开03表 (two 0.01 尾差 only)' },
    { name: 'national template with 类/款 subtotal rows: 类 rows compared with the 类 subtotal only', build: () => variantWorkbook('national-single-code-column') },
  ],
  invalid: [
    { name: 'the published tables: the 尾差 of 类 208 and 221 are warnings', findings: PUBLISHED_WARNINGS },
    {
      name: 'a 项 of 类 201 changed by 10.00',
      set: { 'GK03 科目.2010302.合计': 61.68 },
      findings: [
        { severity: 'error', cells: ['公开01表!F7', '公开03表!C8', '公开03表!C9', '公开03表!C10', '公开03表!C11'], expected: '82.81', actual: '72.81', message: /类 201 一般公共服务支出/ },
        ...PUBLISHED_WARNINGS,
      ],
    },
    {
      name: '本年支出合计 of 公开01表 changed by 100.00',
      set: { 'GK01 支出.本年支出合计.决算数': 22999.22 },
      findings: [{ severity: 'error', cells: ['公开01表!F33', '公开03表!C7'], expected: '22899.22', actual: '22999.22' }, ...PUBLISHED_WARNINGS],
    },
    {
      name: 'national template: the 类 221 subtotal changed (its 项 rows are not added again)',
      build: () => variantWorkbook('national-single-code-column'),
      set: { 'GK03 科目.221.合计': 20971.97 },
      findings: [
        { severity: 'warning', expected: '138.34' },
        { severity: 'error', cells: ['表1!D26', '表3!C43'], expected: '20971.97', actual: '20961.96' },
      ],
    },
    {
      name: 'a 项 recoded into 类 227, which 公开01表 does not list: 类 216 loses its row, 227 has no 公开01表 line',
      build: () => withCells('jiangan-2024-gongkai.xlsx', { '公开03表!A23': '2270101' }),
      findings: [
        PUBLISHED_WARNINGS[0],
        { severity: 'error', cells: ['公开01表!F21'], expected: null, actual: '0.50', message: /没有类 216 的科目行/ },
        PUBLISHED_WARNINGS[1],
        { severity: 'error', cells: ['公开03表!C23'], expected: '0.50', actual: null, message: /没有类 227 这一行/ },
      ],
    },
  ],
};
