import type { RuleCases } from '../tester';

export const cases: RuleCases = {
  valid: [{ name: 'the published GK04' }, { name: '年初 carry-over split over its sub-rows', set: { 'GK04 收入.年初.一般公共预算财政拨款.决算数': 10, 'GK04 收入.年初财政拨款结转和结余.决算数': 10, 'GK04 收入.总计.决算数': 22864.27 } }],
  invalid: [
    {
      name: '本年收入合计 with a digit transposition',
      set: { 'GK04 收入.本年收入合计.决算数': 22845.27 },
      findings: [
        { severity: 'error', cells: ['公开04表!C34', '公开04表!C8'], expected: '22854.27', actual: '22845.27' },
        { severity: 'error', cells: ['公开04表!C39', '公开04表!C34'], expected: '22845.27', actual: '22854.27' },
      ],
    },
    {
      name: 'a 年初 sub-row filled but not its total',
      set: { 'GK04 收入.年初.政府性基金预算财政拨款.决算数': 5 },
      findings: [{ severity: 'error', cells: ['公开04表!C35', '公开04表!C37'], expected: '5.00', actual: null }],
    },
  ],
};
