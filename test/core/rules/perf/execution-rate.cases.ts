import type { RuleCases } from '../tester';

const JA = 'jiangan-2024-jixiao.xlsx';
const HH24 = 'huaihua-2024-jixiao.xlsx';
const ML = 'miluo-2023-jixiao.xlsx';

export const cases: RuleCases = {
  valid: [
    { name: '怀化 2024: 1403.23 ÷ 1764.12 = 79.5428% printed as 79.54% (全年预算数, not 年初 3550.44)', fixture: HH24 },
    { name: '汨罗: 整体 and the 14 projects at 100%', fixture: ML },
    { name: '渌口 2022: 18015.27 ÷ 18015.27 = 100%', fixture: 'lukou-2022-jixiao.xlsx' },
    { name: '江岸 projects: 35.73%, 94.94%, 66.7% (0.0% format), 100% (the blank 整体 rate is only a warning)', fixture: JA },
    { name: 'a rate written as text "100%" is read', fixture: ML, set: { 'PERF_PROJECT#0 年度资金总额.执行率': '100%' } },
    {
      name: '0/0 printed as 100% (the default zeroOverZeroRate)',
      fixture: ML,
      set: { 'PERF_PROJECT#0 年度资金总额.全年预算数': 0, 'PERF_PROJECT#0 年度资金总额.全年执行数': 0 },
    },
  ],
  invalid: [
    {
      name: '江岸 整体 as published: 执行率 blank while 22854.27 ÷ 1405.65 = 1625.89% (warning)',
      fixture: JA,
      findings: [
        {
          severity: 'warning',
          cells: ['部门整体绩效自评表!E5', '部门整体绩效自评表!C5', '部门整体绩效自评表!D5'],
          expected: '1625.89%',
          actual: null,
          message: /执行率未填写/,
        },
      ],
    },
    {
      name: '怀化 2024 执行率 79.55% instead of 79.54%',
      fixture: HH24,
      set: { 'PERF_DEPT 年度资金总额.执行率': 0.7955 },
      findings: [
        {
          severity: 'error',
          cells: ['部门整体支出绩效自评表!G5', '部门整体支出绩效自评表!E5', '部门整体支出绩效自评表!D5'],
          expected: '79.54%',
          actual: '79.55%',
        },
      ],
    },
    {
      name: '江岸 老旧小区 执行率 35.74% (10220.42 ÷ 28606.98 = 35.727%; the 整体 rate filled in as 1625.89%)',
      fixture: JA,
      set: { 'PERF_DEPT 预算执行.执行率': 16.2589, 'PERF_PROJECT#1 预算执行.执行率': 0.3574 },
      findings: [{ severity: 'error', cells: ['老旧小区改造!E8', '老旧小区改造!D8', '老旧小区改造!C8'], expected: '35.73%', actual: '35.74%' }],
    },
    {
      name: '汨罗 3-14 执行率 written "97%" while 334.74 ÷ 334.74 = 100% (not 年初 325)',
      fixture: ML,
      set: { 'PERF_PROJECT#13 年度资金总额.执行率': '97%' },
      findings: [{ severity: 'error', cells: ['3-14工作经费!G6', '3-14工作经费!E6', '3-14工作经费!D6'], expected: '100.00%', actual: '97.00%' }],
    },
    {
      name: '0/0 printed as 0% while the setting says 100%',
      fixture: ML,
      set: {
        'PERF_PROJECT#0 年度资金总额.全年预算数': 0,
        'PERF_PROJECT#0 年度资金总额.全年执行数': 0,
        'PERF_PROJECT#0 年度资金总额.执行率': 0,
      },
      findings: [{ severity: 'error', cells: ['3-1帮代办!G6', '3-1帮代办!E6', '3-1帮代办!D6'], expected: '100%', actual: '0.00%', message: /0\/0.*100%/ }],
    },
    {
      name: '0/0 with the rate left blank: warning that states the convention',
      fixture: ML,
      set: {
        'PERF_PROJECT#0 年度资金总额.全年预算数': 0,
        'PERF_PROJECT#0 年度资金总额.全年执行数': 0,
        'PERF_PROJECT#0 年度资金总额.执行率': null,
      },
      findings: [{ severity: 'warning', expected: '100%', actual: null, message: /未填写.*0\/0.*按设置/ }],
    },
  ],
};
