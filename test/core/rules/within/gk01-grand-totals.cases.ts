import type { RuleCases } from '../tester';

export const cases: RuleCases = {
  valid: [
    { name: 'the published GK01' },
    { name: 'carry-over lines filled consistently', set: { 'GK01 收入.年初结转和结余.决算数': 100, 'GK01 收入.总计.决算数': 22999.22, 'GK01 支出.年末结转和结余.决算数': 100, 'GK01 支出.总计.决算数': 22999.22 } },
  ],
  invalid: [
    {
      name: '年初结转和结余 filled but 总计 not updated',
      set: { 'GK01 收入.年初结转和结余.决算数': 100 },
      findings: [{ severity: 'error', cells: ['公开01表!C37', '公开01表!C33', '公开01表!C35'], expected: '22999.22', actual: '22899.22' }],
    },
    {
      name: '支出总计 transposed digits',
      set: { 'GK01 支出.总计.决算数': 22989.22 },
      findings: [{ severity: 'error', cells: ['公开01表!F37'], expected: '22899.22', actual: '22989.22' }],
    },
  ],
};
