import type { RuleCases } from '../tester';

export const cases: RuleCases = {
  valid: [{ name: 'the published GK06 (302 differs from its items by a 0.01 尾差)' }],
  invalid: [
    {
      name: '30103 奖金 +10.00',
      set: { 'GK06 经济.30103.决算数': 451.13 },
      ignoreRounding: true,
      findings: [{ severity: 'error', cells: ['公开06表!C6', '公开06表!C9'], expected: '1222.84', actual: '1212.84', message: /301 工资福利支出/ }],
    },
    {
      name: '310 block empty while 31002 has an amount',
      set: { 'GK06 经济.31002.决算数': 3.5 },
      ignoreRounding: true,
      findings: [{ severity: 'error', cells: ['公开06表!I6', '公开06表!I7'], actual: null, expected: '3.50' }],
    },
    { name: 'the published 302 block: 0.01 尾差', findings: [{ severity: 'warning', cells: ['公开06表!F6'], message: /尾差/ }] },
  ],
};
