import type { RuleCases } from '../tester';

export const cases: RuleCases = {
  valid: [
    { name: 'the published tables: 1449.61 vs 1375.45 + 74.15 = 1449.60 is a 尾差, not an error' },
    { name: '人员经费合计 written as 1375.46', set: { 'GK06 人员经费合计.决算数': 1375.46 } },
  ],
  invalid: [
    {
      name: 'the published tables: the 0.01 尾差 is a warning',
      findings: [{ severity: 'warning', cells: ['公开05表!D7', '公开06表!C34', '公开06表!I34'], expected: '1449.60', actual: '1449.61', message: /尾差/ }],
    },
    {
      name: '人员经费合计 changed by 10.00',
      set: { 'GK06 人员经费合计.决算数': 1385.45 },
      findings: [{ severity: 'error', cells: ['公开05表!D7', '公开06表!C34', '公开06表!I34'], expected: '1459.60', actual: '1449.61' }],
    },
    {
      name: '基本支出 of 公开05表 written as the 公开03表 figure (1494.57)',
      set: { 'GK05 合计.基本支出': 1494.57 },
      findings: [{ severity: 'error', cells: ['公开05表!D7'], expected: '1449.60', actual: '1494.57', message: /相差 44\.97 万元/ }],
    },
  ],
};
