import type { RuleCases } from '../tester';

export const cases: RuleCases = {
  valid: [
    { name: 'the published tables have no negative amount' },
    {
      name: 'a negative 年末结转和结余 is a balance, not checked here',
      set: { 'GK07 合计.年末结转和结余': -5, 'GK01 支出.年末结转和结余.决算数': -1 },
    },
  ],
  invalid: [
    {
      name: 'a negative 基本支出 in 公开03表 and a negative 三公 budget',
      set: { 'GK03 科目.2210201.基本支出': -103.24, 'GK09 金额.预算.公务接待费': '(1.00)' },
      findings: [
        { severity: 'error', cells: ['公开03表!D29'], actual: '-103.24', message: /科目 2210201 住房公积金（基本支出）：金额为 -103.24 万元/ },
        { severity: 'error', cells: ['公开09表!F8'], actual: '-1.00' },
      ],
    },
  ],
};
