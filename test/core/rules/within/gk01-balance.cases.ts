import type { RuleCases } from '../tester';

export const cases: RuleCases = {
  valid: [{ name: 'the published GK01: 22899.22 on both sides' }],
  invalid: [
    {
      name: '收入总计 differs from 支出总计',
      set: { 'GK01 收入.总计.决算数': 22898.22 },
      findings: [{ severity: 'error', cells: ['公开01表!C37', '公开01表!F37'], expected: '22899.22', actual: '22898.22' }],
    },
  ],
};
