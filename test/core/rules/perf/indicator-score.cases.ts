import type { RuleCases } from '../tester';

const HH24 = 'huaihua-2024-jixiao.xlsx';

export const cases: RuleCases = {
  valid: [
    { name: '怀化 2024: ≤870.34万元 → 859.70万元 (反向, full), 8个 → 11个 (capped), 90% → 95%', fixture: HH24 },
    { name: '江岸: 湖北 tables have no 分值 column, nothing to recompute', fixture: 'jiangan-2024-jixiao.xlsx' },
  ],
  invalid: [
    {
      name: '怀化 2023 as published: 项目支出成本控制 ≤202万元 → 533.63万元 scores 1.5, 反向 gives 3.79 (warning only)',
      fixture: 'huaihua-2023-jixiao.xlsx',
      findings: [
        {
          severity: 'warning',
          cells: ['部门整体支出绩效自评表!H15', '部门整体支出绩效自评表!G15', '部门整体支出绩效自评表!E15', '部门整体支出绩效自评表!F15'],
          expected: '3.79',
          actual: '1.5',
          message: /反向/,
        },
      ],
    },
    {
      name: '渌口 2022 as published: 资金成本 623.5 → 18015.27 scores 10; a 成本 indicator without operator counts as 反向: 0.35',
      fixture: 'lukou-2022-jixiao.xlsx',
      findings: [{ severity: 'warning', cells: ['部门整体支出绩效自评表!H20', '部门整体支出绩效自评表!E20', '部门整体支出绩效自评表!F20'], expected: '0.35', actual: '10' }],
    },
    {
      name: '怀化 2024 满意度 90% → 80% (正向: 8.89) but scored 10',
      fixture: HH24,
      set: { 'PERF_DEPT 指标.12.实际值': 0.8 },
      findings: [{ severity: 'warning', cells: ['部门整体支出绩效自评表!H25', '部门整体支出绩效自评表!E25', '部门整体支出绩效自评表!F25'], expected: '8.89', actual: '10', message: /正向/ }],
    },
    {
      name: 'text targets with a suffix: "不低于95%" → "90%以上" (正向: 9.47) scored 10',
      fixture: HH24,
      set: { 'PERF_DEPT 指标.12.目标值': '不低于95%', 'PERF_DEPT 指标.12.实际值': '90%以上' },
      findings: [{ severity: 'warning', expected: '9.47', actual: '10' }],
    },
    {
      name: 'within the printed precision: 90% → 85% gives 9.444…, printed 9.4 (no warning)',
      fixture: HH24,
      set: { 'PERF_DEPT 指标.12.实际值': 0.85, 'PERF_DEPT 指标.12.得分': 9.4 },
      findings: [],
    },
    {
      name: 'units differ (万元 vs 个): not comparable, no warning',
      fixture: HH24,
      set: { 'PERF_DEPT 指标.2.实际值': '5000个', 'PERF_DEPT 指标.2.得分': 1 },
      findings: [],
    },
  ],
};
