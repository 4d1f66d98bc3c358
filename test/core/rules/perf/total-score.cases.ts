import type { RuleCases } from '../tester';

const JA = 'jiangan-2024-jixiao.xlsx';
const HH24 = 'huaihua-2024-jixiao.xlsx';

export const cases: RuleCases = {
  valid: [
    { name: '怀化 2023: 10 + 1.5 + … = 91.5', fixture: 'huaihua-2023-jixiao.xlsx' },
    { name: '怀化 2024: 7.95 + … = 95.95; 分值 100', fixture: HH24 },
    { name: '渌口 2022: 100', fixture: 'lukou-2022-jixiao.xlsx' },
    { name: '江岸 projects (merged scores counted once: 7 + 40 + 30 + 10 = 87) and the 整体 with 39 corrected to 32', fixture: JA, set: { 'PERF_DEPT 指标.12.得分': '32 分' } },
  ],
  invalid: [
    {
      name: '江岸 整体 as published: 20 + 20分 + 39 分 + 15 + 7 + 5 = 106 vs 总分 99',
      fixture: JA,
      findings: [
        {
          severity: 'error',
          cells: ['部门整体绩效自评表!G52', '部门整体绩效自评表!F5', '部门整体绩效自评表!G8', '部门整体绩效自评表!G21', '部门整体绩效自评表!G39', '部门整体绩效自评表!G50', '部门整体绩效自评表!G51'],
          expected: '106',
          actual: '99',
        },
      ],
    },
    {
      name: '汨罗 as published: 整体 109 vs 99 and 分值 110; 3-3 89 vs 99 and 分值 90; 3-11 109 vs 99 and 分值 109; 3-13 总分 blank',
      fixture: 'miluo-2023-jixiao.xlsx',
      findings: [
        { severity: 'error', cells: ['部门整体支出绩效自评表!H25', '部门整体支出绩效自评表!H5'], expected: '109', actual: '99' },
        { severity: 'error', cells: ['部门整体支出绩效自评表!G25', '部门整体支出绩效自评表!F5'], expected: '110', actual: '100' },
        { severity: 'error', cells: ['3-3下岗职工补助!H24'], expected: '89', actual: '99', message: /预算执行 10 \+ 产出指标 30 \+ 效益指标 20 \+ 成本指标 20 \+ 满意度指标 9 = 89/ },
        { severity: 'error', cells: ['3-3下岗职工补助!G24'], expected: '90', actual: '100' },
        { severity: 'error', cells: ['3-11城建档案!H33'], expected: '109', actual: '99' },
        { severity: 'error', cells: ['3-11城建档案!G33'], expected: '109', actual: '100' },
        { severity: 'error', cells: ['3-13招投标监督!H24'], expected: '100', actual: null, message: /总分为空/ },
      ],
    },
    {
      name: '怀化 2024 总分 95.96: a 0.01 尾差 (warning)',
      fixture: HH24,
      set: { 'PERF_DEPT 总分.得分': 95.96 },
      findings: [{ severity: 'warning', cells: ['部门整体支出绩效自评表!H26'], expected: '95.95', actual: '95.96', message: /尾差/ }],
    },
    {
      name: '怀化 2024 一个得分改为 4: Σ 94.95 vs 总分 95.95',
      fixture: HH24,
      set: { 'PERF_DEPT 指标.9.得分': 4 },
      findings: [{ severity: 'error', cells: ['部门整体支出绩效自评表!H26', '部门整体支出绩效自评表!H22'], expected: '94.95', actual: '95.95' }],
    },
    {
      name: '怀化 2024 总分 分值 90: ≠ Σ 分值 and ≠ 100',
      fixture: HH24,
      set: { 'PERF_DEPT 总分.分值': 90 },
      findings: [
        { severity: 'error', cells: ['部门整体支出绩效自评表!G26'], expected: '100', actual: '90', message: /应等于/ },
        { severity: 'error', cells: ['部门整体支出绩效自评表!G26'], expected: '100', actual: '90', message: /应为 100 分/ },
      ],
    },
  ],
};
