import type { RuleCases } from '../tester';

export const cases: RuleCases = {
  valid: [
    { name: 'the published GK04 (一般公共预算: 22854.27 in, 22854.27 out, no carry-over)' },
    { name: '基金 income spent and carried over', set: { 'GK04 收入.政府性基金预算财政拨款.决算数': 50, 'GK04 支出.本年支出合计.政府性基金预算财政拨款': 30, 'GK04 支出.年末.政府性基金预算财政拨款.政府性基金预算财政拨款': 20 } },
  ],
  invalid: [
    {
      name: '基金 income with no spending and no carry-over',
      set: { 'GK04 收入.政府性基金预算财政拨款.决算数': 50 },
      findings: [{ severity: 'error', cells: ['公开04表!C9'], expected: '0.00', actual: '50.00', message: /政府性基金预算财政拨款收支/ }],
    },
  ],
};
