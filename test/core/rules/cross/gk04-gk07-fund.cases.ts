import type { RuleCases } from '../tester';

/** A consistent 政府性基金 year: 100 received, 80 spent, 20 carried over. */
const FUND = {
  'GK04 收入.政府性基金预算财政拨款.决算数': 100,
  'GK07 合计.本年收入': 100,
  'GK04 支出.本年支出合计.政府性基金预算财政拨款': 80,
  'GK07 合计.本年支出.小计': 80,
  'GK04 支出.年末.政府性基金预算财政拨款.政府性基金预算财政拨款': 20,
  'GK07 合计.年末结转和结余': 20,
};

export const cases: RuleCases = {
  valid: [
    { name: 'the published workbook: no 政府性基金 at all' },
    { name: 'a consistent 政府性基金 year', set: FUND },
    {
      name: 'the 年末 sub-row filled in its 小计 column',
      set: { ...FUND, 'GK04 支出.年末.政府性基金预算财政拨款.政府性基金预算财政拨款': null, 'GK04 支出.年末.政府性基金预算财政拨款.小计': 20 },
    },
  ],
  invalid: [
    {
      name: '公开07表 spends what 公开04表 does not show',
      set: { 'GK07 合计.本年支出.小计': 100 },
      findings: [{ severity: 'error', cells: ['公开04表!H34', '公开07表!E7'], expected: '100.00', actual: null }],
    },
    {
      name: 'year-end carry-over differs',
      set: { ...FUND, 'GK07 合计.年末结转和结余': 25 },
      findings: [{ severity: 'error', cells: ['公开04表!H37', '公开07表!H7'], expected: '25.00', actual: '20.00', message: /年末结转和结余/ }],
    },
    {
      name: 'opening carry-over in 公开04表 only',
      set: { 'GK04 收入.年初.政府性基金预算财政拨款.决算数': 5 },
      findings: [{ severity: 'error', cells: ['公开04表!C37', '公开07表!C7'], expected: null, actual: '5.00', message: /年初结转和结余/ }],
    },
    {
      name: 'income differs by 0.01: 尾差',
      set: { ...FUND, 'GK07 合计.本年收入': 100.01 },
      findings: [{ severity: 'warning', cells: ['公开04表!C9', '公开07表!D7'], message: /尾差/ }],
    },
  ],
};
