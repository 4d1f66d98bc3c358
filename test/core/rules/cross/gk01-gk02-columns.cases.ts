import type { RuleCases } from '../tester';

export const cases: RuleCases = {
  valid: [{ name: 'the published 公开01表 and 公开02表 合计 row (22899.22 | 22854.27 | … | 44.96)' }],
  invalid: [
    {
      name: '其他收入 in the 公开02表 合计 row changed by 1.00',
      set: { 'GK02 合计.其他收入': 45.96 },
      findings: [{ severity: 'error', cells: ['公开01表!C14', '公开02表!I7'], expected: '45.96', actual: '44.96' }],
    },
    {
      name: '财政拨款收入 ≠ the three fiscal incomes of 公开01表',
      set: { 'GK02 合计.财政拨款收入': 22864.27 },
      findings: [{ severity: 'error', cells: ['公开01表!C7', '公开02表!D7'], expected: '22864.27', actual: '22854.27', message: /财政拨款收入/ }],
    },
    {
      name: '事业收入 in 公开01表 only',
      set: { 'GK01 收入.事业收入.决算数': 10 },
      findings: [{ severity: 'error', cells: ['公开01表!C11', '公开02表!F7'], expected: null, actual: '10.00' }],
    },
    {
      name: '本年收入合计 off by 0.01: 尾差',
      set: { 'GK01 收入.本年收入合计.决算数': 22899.23 },
      findings: [{ severity: 'warning', cells: ['公开01表!C33', '公开02表!C7'], message: /尾差/ }],
    },
  ],
};
