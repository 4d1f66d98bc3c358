import type { InvalidCase, RuleCases } from '../tester';

const JA = 'jiangan-2024-jixiao.xlsx';
const HH24 = 'huaihua-2024-jixiao.xlsx';

/**
 * What the rule reports on 汨罗 as published. The cell named first, with expected/actual, is the last
 * 分值 of the group (the value it would need if the label and the other rows are right).
 */
const MILUO: InvalidCase['findings'] = [
  {
    severity: 'error',
    cells: ['部门整体支出绩效自评表!G20', '部门整体支出绩效自评表!B17', '部门整体支出绩效自评表!G17', '部门整体支出绩效自评表!G18', '部门整体支出绩效自评表!G19'],
    expected: '0',
    actual: '10',
    message: /10 \+ 10 \+ 10 \+ 10 = 40 分，与标注的 30 分不符/,
  },
  { severity: 'error', cells: ['3-3下岗职工补助!G19', '3-3下岗职工补助!B16', '3-3下岗职工补助!G17'], expected: '20', actual: '10', message: /2 项标为“无\/不适用”的指标不计入/ },
  { severity: 'error', cells: ['3-11城建档案!G18', '3-11城建档案!B13', '3-11城建档案!G13', '3-11城建档案!G15', '3-11城建档案!G17'], expected: '0', actual: '10' },
  { severity: 'error', cells: ['3-11城建档案!G25', '3-11城建档案!B19', '3-11城建档案!G21', '3-11城建档案!G23'], expected: '10.5', actual: '9.5', message: /10 \+ 9\.5 \+ 9\.5 = 29 分/ },
  { severity: 'error', cells: ['3-14工作经费!G36', '3-14工作经费!B32', '3-14工作经费!G32'], expected: '0', actual: '10', message: /= 40 分，与标注的 30 分不符/ },
  { severity: 'error', cells: ['3-14工作经费!G38', '3-14工作经费!B38'], expected: '20', actual: '10', message: /10 = 10 分，与标注的 20 分不符/ },
];

export const cases: RuleCases = {
  valid: [
    { name: '江岸: projects 20 + 40 + 30 + 10, 整体 20 + 20 + 60', fixture: JA },
    { name: '怀化 2023: 10 + 成本 20 (10 + 10, two 不适用 rows left out) + 40 + 20 + 10', fixture: 'huaihua-2023-jixiao.xlsx' },
    { name: '怀化 2024', fixture: HH24 },
    { name: '渌口 2022: 10 + 50 + 30 + 10', fixture: 'lukou-2022-jixiao.xlsx' },
  ],
  invalid: [
    {
      name: '汨罗 3-1: a "无" row is outside the sum even with a 分值 written on it (nothing beyond the published findings)',
      fixture: 'miluo-2023-jixiao.xlsx',
      set: { 'PERF_PROJECT#0 指标.2.分值': 5 },
      findings: MILUO,
    },
    {
      name: '汨罗 as published: 整体 效益 40 vs (30分); 3-3 效益 20; 3-11 产出 40, 效益 29; 3-14 效益 40, 成本 10',
      fixture: 'miluo-2023-jixiao.xlsx',
      findings: MILUO,
    },
    {
      name: '怀化 2024 数量指标 分值 20: 产出 20 + 15 + 10 = 45 vs (40分)',
      fixture: HH24,
      set: { 'PERF_DEPT 指标.5.分值': 20 },
      findings: [
        {
          severity: 'error',
          cells: ['部门整体支出绩效自评表!G20', '部门整体支出绩效自评表!B18', '部门整体支出绩效自评表!G18', '部门整体支出绩效自评表!G19'],
          expected: '5',
          actual: '10',
          message: /20 \+ 15 \+ 10 = 45 分，与标注的 40 分不符.*减少 5 分/,
        },
      ],
    },
    {
      name: '怀化 2024 预算执行 分值 15: 15 + 20 + 40 + 20 + 10 = 105',
      fixture: HH24,
      set: { 'PERF_DEPT 年度资金总额.分值': 15 },
      findings: [{ severity: 'error', cells: ['部门整体支出绩效自评表!F5', '部门整体支出绩效自评表!B14'], expected: '100', actual: '105' }],
    },
    {
      name: '江岸 物业管理 产出 relabelled "(50分)": 20 + 50 + 30 + 10 = 110',
      fixture: JA,
      set: { 'PERF_PROJECT#0 指标.1.一级指标': '产出指标（50分）' },
      findings: [{ severity: 'error', cells: ['物业管理!A7', '物业管理!B10', '物业管理!B14', '物业管理!B18'], expected: '100', actual: '110' }],
    },
    {
      name: '怀化 2024 成本: 10 + 5 = 15 vs (20分); the two 不适用 rows are left out and do not fill the gap',
      fixture: HH24,
      set: { 'PERF_DEPT 指标.2.分值': 5 },
      findings: [{ severity: 'error', expected: '10', actual: '5', message: /10 \+ 5 = 15 分.*2 项标为“无\/不适用”的指标不计入.*增加 5 分/ }],
    },
  ],
};
