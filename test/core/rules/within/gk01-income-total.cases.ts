import type { RuleCases } from '../tester';

export const cases: RuleCases = {
  valid: [{ name: 'the published GK01 (22854.27 + 44.96 = 22899.23 vs 22899.22 is a 尾差, not an error)' }],
  invalid: [
    {
      name: 'other income changed by 1.00',
      set: { 'GK01 收入.其他收入.决算数': 45.96 },
      findings: [{ severity: 'error', cells: ['公开01表!C33', '公开01表!C7', '公开01表!C14'], expected: '22900.23', actual: '22899.22' }],
    },
    {
      name: 'the total left empty while its parts are not',
      set: { 'GK01 收入.本年收入合计.决算数': null },
      findings: [{ severity: 'error', cells: ['公开01表!C33'], actual: null, message: /本年收入合计为空/ }],
    },
    {
      name: 'the published table: 0.01 尾差 reported as a warning',
      findings: [{ severity: 'warning', message: /尾差/ }],
    },
  ],
};
