import type { RuleCases } from '../tester';

export const cases: RuleCases = {
  valid: [{ name: 'the published GK01: 26 类 rows add up to 22899.22' }],
  invalid: [
    {
      name: '住房保障支出 +1.00',
      set: { 'GK01 支出.住房保障支出.决算数': 20962.96 },
      findings: [{ severity: 'error', cells: ['公开01表!F33', '公开01表!F25'], expected: '22900.22', actual: '22899.22' }],
    },
    { name: '+0.01 on one 类 is a 尾差', set: { 'GK01 支出.科学技术支出.决算数': 12.01 }, findings: [{ severity: 'warning', message: /尾差/ }] },
  ],
};
