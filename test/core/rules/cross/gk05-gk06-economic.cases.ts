import type { RuleCases } from '../tester';

export const cases: RuleCases = {
  valid: [{ name: 'the published tables: 30108/30109/30110/30113/30304 equal 2080505/2080506/2101101/2210201/2080801' }],
  invalid: [
    {
      name: '30108 written with the 公开03表 amount (95.99)',
      set: { 'GK06 经济.30108.决算数': 95.99 },
      findings: [{ severity: 'warning', cells: ['公开06表!C12', '公开05表!D13'], expected: '92.76', actual: '95.99', message: /30108/ }],
    },
    {
      name: '30110 off by 0.01: 尾差',
      set: { 'GK06 经济.30110.决算数': 30.03 },
      findings: [{ severity: 'warning', cells: ['公开06表!C14', '公开05表!D17'], message: /尾差/ }],
    },
  ],
};
