import type { RuleCases } from '../tester';

export const cases: RuleCases = {
  valid: [
    { name: 'the published empty GK07' },
    { name: 'a 合计 row that carries over correctly', set: { 'GK07 合计.年初结转和结余': 10, 'GK07 合计.本年收入': 50, 'GK07 合计.本年支出.小计': 45, 'GK07 合计.年末结转和结余': 15 } },
  ],
  invalid: [
    {
      name: '年末 ≠ 年初 + 收入 − 支出',
      set: { 'GK07 合计.年初结转和结余': 10, 'GK07 合计.本年收入': 50, 'GK07 合计.本年支出.小计': 45, 'GK07 合计.年末结转和结余': 5 },
      findings: [{ severity: 'error', cells: ['公开07表!H7', '公开07表!C7', '公开07表!D7', '公开07表!E7'], expected: '15.00', actual: '5.00' }],
    },
  ],
};
