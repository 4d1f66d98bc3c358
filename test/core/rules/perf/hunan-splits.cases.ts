import type { RuleCases } from '../tester';

const HH24 = 'huaihua-2024-jixiao.xlsx';

export const cases: RuleCases = {
  valid: [
    { name: '怀化 2024: 1644.62 + 5 + 0 + 114.50 = 1764.12 (全年预算); 859.70 + 543.53 = 1403.23 (全年执行)', fixture: HH24 },
    { name: '渌口 2022: an empty 纳入专户管理的非税收入拨款 counts as 0', fixture: 'lukou-2022-jixiao.xlsx' },
    { name: '汨罗 2023', fixture: 'miluo-2023-jixiao.xlsx' },
  ],
  invalid: [
    {
      name: '怀化 2023 as published: 1364.72 + 5 + 0 + 10.31 = 1380.03 vs 1375.03; 841.40 + 533.64 = 1375.04 vs 1375.03 (尾差)',
      fixture: 'huaihua-2023-jixiao.xlsx',
      findings: [
        {
          severity: 'error',
          cells: ['部门整体支出绩效自评表!D5', '部门整体支出绩效自评表!B7', '部门整体支出绩效自评表!B8', '部门整体支出绩效自评表!B9', '部门整体支出绩效自评表!B10'],
          expected: '1380.03',
          actual: '1375.03',
        },
        { severity: 'warning', cells: ['部门整体支出绩效自评表!E5', '部门整体支出绩效自评表!F7', '部门整体支出绩效自评表!F8'], expected: '1375.04', actual: '1375.03', message: /尾差/ },
      ],
    },
    {
      name: '怀化 2024 其他资金 written "其他资金：124.50"',
      fixture: HH24,
      set: { 'PERF_DEPT 收入性质.其他资金.金额': '其他资金：124.50' },
      findings: [{ severity: 'error', cells: ['部门整体支出绩效自评表!D5', '部门整体支出绩效自评表!B10'], expected: '1774.12', actual: '1764.12' }],
    },
    {
      name: '怀化 2024 项目支出 543.54: a 0.01 尾差 against 全年执行数',
      fixture: HH24,
      set: { 'PERF_DEPT 支出性质.项目支出.金额': '项目支出：543.54' },
      findings: [{ severity: 'warning', cells: ['部门整体支出绩效自评表!E5', '部门整体支出绩效自评表!F7', '部门整体支出绩效自评表!F8'], expected: '1403.24', actual: '1403.23' }],
    },
  ],
};
