import type { RuleCases } from '../tester';
import { withCells } from './workbooks';

export const cases: RuleCases = {
  valid: [
    { name: 'the published tables: every 公开05表 figure ≤ the 公开03表 one' },
    { name: '公开05表 equal to 公开03表 on a 科目', set: { 'GK05 科目.2210201.合计': 103.24, 'GK05 科目.2210201.基本支出': 103.24 } },
  ],
  invalid: [
    {
      name: '2210201 合计 in 公开05表 exceeds 公开03表 by 1.00',
      set: { 'GK05 科目.2210201.合计': 104.24 },
      findings: [{ severity: 'error', cells: ['公开05表!C29', '公开03表!C29'], expected: '103.24', actual: '104.24', message: /超出后者 1\.00 万元/ }],
    },
    {
      name: 'an excess of 0.01 is a 尾差',
      set: { 'GK05 科目.2210201.基本支出': 103.25 },
      findings: [{ severity: 'warning', cells: ['公开05表!D29', '公开03表!D29'], message: /尾差/ }],
    },
    {
      name: '项目支出 of the 合计 row exceeds 公开03表',
      set: { 'GK05 合计.项目支出': 21500 },
      findings: [{ severity: 'error', cells: ['公开05表!E7', '公开03表!E7'], expected: '21404.66', actual: '21500.00' }],
    },
    {
      name: 'a 公开05表 科目 missing from 公开03表 (2160250 recoded 2160299)',
      build: () => withCells('jiangan-2024-gongkai.xlsx', { '公开05表!A23': '2160299' }),
      findings: [
        { severity: 'error', cells: ['公开05表!C23'], expected: null, actual: '0.50', message: /2160299.*没有这一科目/ },
        { severity: 'error', cells: ['公开05表!E23'], expected: null, actual: '0.50' },
      ],
    },
  ],
};
