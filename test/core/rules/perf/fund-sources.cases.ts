import type { RuleCases } from '../tester';

const ML = 'miluo-2023-jixiao.xlsx';

export const cases: RuleCases = {
  valid: [
    { name: '汨罗: all 14 projects, including 3-14 (325 / 334.74 / 334.74) and 3-11 (blank 上年结转/其他, 分值 repeated on 当年财政拨款)', fixture: ML },
  ],
  invalid: [
    {
      name: '汨罗 3-14 当年财政拨款 全年预算数 325 instead of 334.74',
      fixture: ML,
      set: { 'PERF_PROJECT#13 当年财政拨款.全年预算数': 325 },
      findings: [
        {
          severity: 'error',
          cells: ['3-14工作经费!D6', '3-14工作经费!D7'], // the 0 上年结转 and 其他资金 are not cited
          expected: '325.00',
          actual: '334.74',
          message: /全年预算数/,
        },
      ],
    },
    {
      name: '汨罗 3-7 上年结转资金 全年执行数 0.01: a 尾差 (warning)',
      fixture: ML,
      set: { 'PERF_PROJECT#6 上年结转资金.全年执行数': 0.01 },
      findings: [{ severity: 'warning', cells: ['3-7黑臭水体检测!E6', '3-7黑臭水体检测!E8'], expected: '5.89', actual: '5.88' }],
    },
    {
      name: '汨罗 3-1 其他资金 年初预算数 5 while the total stays 45',
      fixture: ML,
      set: { 'PERF_PROJECT#0 其他资金.年初预算数': 5 },
      findings: [{ severity: 'error', cells: ['3-1帮代办!C6', '3-1帮代办!C7', '3-1帮代办!C9'], expected: '50.00', actual: '45.00', message: /帮代办工作经费/ }],
    },
  ],
};
