import type { RuleCases } from '../tester';
import { withYuanSheets } from './workbooks';

export const cases: RuleCases = {
  valid: [
    { name: 'the published 公开01表 and 公开04表 (22854.27 on both)' },
    { name: '公开04表 in 元 (228542700 元 = 22854.27 万元): compared after conversion', build: () => withYuanSheets(['公开04表']) },
  ],
  invalid: [
    {
      name: '一般公共预算财政拨款 in 公开04表 changed by 10.00',
      set: { 'GK04 收入.一般公共预算财政拨款.决算数': 22864.27 },
      findings: [{ severity: 'error', cells: ['公开01表!C7', '公开04表!C8'], expected: '22864.27', actual: '22854.27', message: /一般公共预算财政拨款收入.*相差 10\.00 万元/ }],
    },
    {
      name: '政府性基金 income in 公开01表 only',
      set: { 'GK01 收入.政府性基金预算财政拨款收入.决算数': 50 },
      findings: [{ severity: 'error', cells: ['公开01表!C8', '公开04表!C9'], expected: null, actual: '50.00', message: /为空/ }],
    },
    {
      name: 'a 0.01 difference is a 尾差',
      set: { 'GK04 收入.一般公共预算财政拨款.决算数': 22854.28 },
      findings: [{ severity: 'warning', message: /尾差/ }],
    },
    {
      name: 'mixed units: 公开04表 in 元 differs by 10 万元',
      build: () => withYuanSheets(['公开04表']),
      set: { 'GK04 收入.一般公共预算财政拨款.决算数': 228642700 },
      findings: [{ severity: 'error', cells: ['公开01表!C7', '公开04表!C8'], expected: '22864.27', actual: '22854.27', message: /换算为万元/ }],
    },
  ],
};
