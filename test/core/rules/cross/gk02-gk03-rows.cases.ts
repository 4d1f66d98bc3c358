import type { RuleCases } from '../tester';
import { withCells } from './workbooks';

/** The seed's own mistake corrected: 住房公积金 is 103.27 in 公开02表 but 103.24 in 公开03表. */
const FIXED = { 'GK03 科目.2210201.合计': 103.27 };

export const cases: RuleCases = {
  valid: [
    { name: '2210201 corrected in 公开03表 (103.27 on both)', set: FIXED },
    { name: 'with a carry-over in 公开01表 the identity does not apply', set: { 'GK01 收入.年初结转和结余.决算数': 10 } },
  ],
  invalid: [
    {
      name: 'the published workbook: 2210201 住房公积金 103.27 vs 103.24',
      findings: [{ severity: 'error', cells: ['公开02表!C29', '公开03表!C29'], expected: '103.24', actual: '103.27', message: /科目 2210201 住房公积金.*相差 0\.03 万元/ }],
    },
    {
      name: 'a 0.01 difference on one 科目 is a 尾差',
      set: { ...FIXED, 'GK02 科目.2010302.合计': 51.69 },
      findings: [{ severity: 'warning', cells: ['公开02表!C8', '公开03表!C8'], message: /尾差/ }],
    },
    {
      name: 'the 合计 rows differ',
      set: { ...FIXED, 'GK03 合计.合计': 22900.22 },
      findings: [{ severity: 'error', cells: ['公开02表!C7', '公开03表!C7'], expected: '22900.22', actual: '22899.22' }],
    },
    {
      name: 'a 科目 in one table only (2160250 recoded 2160299 in 公开03表)',
      build: () => withCells('jiangan-2024-gongkai.xlsx', { '公开03表!A23': '2160299' }),
      set: FIXED,
      findings: [
        { severity: 'error', cells: ['公开02表!C23'], expected: null, actual: '0.50', message: /2160250.*支出决算表（公开03表） 没有这一科目/ },
        { severity: 'error', cells: ['公开03表!C23'], expected: '0.50', actual: null, message: /2160299.*收入决算表（公开02表） 没有这一科目/ },
      ],
    },
  ],
};
