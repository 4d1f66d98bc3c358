import { variantWorkbook } from '../../../helpers/variant-workbook';
import type { RuleCases } from '../tester';

export const cases: RuleCases = {
  valid: [
    { name: 'the published GK02/03/05 (their column sums differ by 尾差 only)' },
    {
      name: 'the national template sums 类 rows, not 类 + 款 + 项 (seed error 103.27 corrected up the tree)',
      build: () => variantWorkbook('national-single-code-column'),
      set: { 'GK02 科目.2210201.合计': 103.24, 'GK02 科目.22102.合计': 160.17, 'GK02 科目.221.合计': 20961.97 },
    },
  ],
  invalid: [
    {
      name: 'GK05 老旧小区改造 项目支出 +100',
      set: { 'GK05 科目.2210108.项目支出': 11870.42, 'GK05 科目.2210108.合计': 11870.42 },
      ignoreRounding: true,
      findings: [
        { severity: 'error', cells: ['公开05表!C7', '公开05表!C26'], expected: '22954.27' },
        { severity: 'error', cells: ['公开05表!E7', '公开05表!E26'], expected: '21504.67', actual: '21404.66' },
      ],
    },
    {
      name: 'GK03 合计 row 基本支出 left empty',
      set: { 'GK03 合计.基本支出': null },
      ignoreRounding: true,
      findings: [{ severity: 'error', cells: ['公开03表!D7'], actual: null, message: /合计为空/ }],
    },
  ],
};
