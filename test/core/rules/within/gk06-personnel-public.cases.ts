import type { RuleCases } from '../tester';

export const cases: RuleCases = {
  valid: [{ name: 'the published GK06: 1212.84 + 162.61 = 1375.45; 74.15 + 0 = 74.15' }],
  invalid: [
    {
      name: '人员经费合计 typed as 1357.45',
      set: { 'GK06 人员经费合计.决算数': 1357.45 },
      findings: [{ severity: 'error', cells: ['公开06表!C34', '公开06表!C6', '公开06表!C20'], expected: '1375.45', actual: '1357.45' }],
    },
    {
      name: '310 block filled but 公用经费合计 not updated',
      set: { 'GK06 经济.310.决算数': 2 },
      findings: [{ severity: 'error', cells: ['公开06表!I34', '公开06表!F6', '公开06表!I6'], expected: '76.15' }],
    },
  ],
};
