import type { RuleCases } from '../tester';

export const cases: RuleCases = {
  valid: [
    { name: 'the published tables: 财政拨款收入 = 公开05表 per 科目 (no 基金, no 国有资本)' },
    { name: 'with a fiscal carry-over in 公开04表 the identity does not apply', set: { 'GK02 科目.2210201.财政拨款收入': 99.64, 'GK04 收入.年初财政拨款结转和结余.决算数': 0.1 } },
  ],
  invalid: [
    {
      name: '2210201 财政拨款收入 changed by 0.10',
      set: { 'GK02 科目.2210201.财政拨款收入': 99.64 },
      findings: [{ severity: 'error', cells: ['公开02表!D29', '公开05表!C29'], expected: '99.54', actual: '99.64', message: /科目 2210201 住房公积金/ }],
    },
    {
      name: '政府性基金 spending in the 合计 row of 公开07表 not in 财政拨款收入',
      set: { 'GK07 合计.本年支出.小计': 10 },
      findings: [{ severity: 'error', cells: ['公开02表!D7', '公开05表!C7', '公开07表!E7'], expected: '22864.27', actual: '22854.27' }],
    },
    {
      name: 'the 合计 row off by 0.01: 尾差',
      set: { 'GK02 合计.财政拨款收入': 22854.28 },
      findings: [{ severity: 'warning', cells: ['公开02表!D7', '公开05表!C7'], message: /尾差/ }],
    },
  ],
};
