import type { RuleCases } from '../tester';

const JA = 'jiangan-2024-jixiao.xlsx';
const HH24 = 'huaihua-2024-jixiao.xlsx';

export const cases: RuleCases = {
  valid: [
    { name: '江岸: 35.73% → 7, 94.94% → 19 (round, not floor), 66.70% → 13, 100% → 20, 整体 1625.89% → 20 (capped)', fixture: JA },
    { name: '怀化 2024: 10 × 79.5428% = 7.954 → 7.95', fixture: HH24 },
    { name: '渌口 2022: 分值 written "10分", 100% → 10', fixture: 'lukou-2022-jixiao.xlsx' },
    { name: '汨罗: every 得分 10 at 100%', fixture: 'miluo-2023-jixiao.xlsx' },
    { name: 'a score written as text "7分" is read', fixture: JA, set: { 'PERF_PROJECT#1 预算执行.得分': '7分' } },
    { name: '湖北 score with more decimals than the integer convention: 18.99 for 18.9872', fixture: JA, set: { 'PERF_PROJECT#3 预算执行.得分': 18.99 } },
  ],
  invalid: [
    {
      name: '江岸 居民购房补贴 得分 18 (floor of 18.9872; the rule rounds half up to 19)',
      fixture: JA,
      set: { 'PERF_PROJECT#3 预算执行.得分': 18 },
      findings: [
        {
          severity: 'error',
          cells: ['居民购房补贴!F8', '居民购房补贴!A7', '居民购房补贴!C8', '居民购房补贴!D8'],
          expected: '19',
          actual: '18',
          message: /20 × min\(1, 94\.94%\) = 18\.9872/,
        },
      ],
    },
    {
      name: '江岸 整体 得分 19 although 执行率 1625.89% caps it at 20',
      fixture: JA,
      set: { 'PERF_DEPT 预算执行.得分': 19 },
      findings: [{ severity: 'error', cells: ['部门整体绩效自评表!F5', '部门整体绩效自评表!C5', '部门整体绩效自评表!D5'], expected: '20', actual: '19' }],
    },
    {
      name: '怀化 2024 得分 7.96 instead of 7.95',
      fixture: HH24,
      set: { 'PERF_DEPT 年度资金总额.得分': 7.96 },
      findings: [{ severity: 'error', cells: ['部门整体支出绩效自评表!H5', '部门整体支出绩效自评表!F5', '部门整体支出绩效自评表!D5', '部门整体支出绩效自评表!E5'], expected: '7.95', actual: '7.96' }],
    },
    {
      name: '怀化 2024 得分 8: 湖南 shows 2 decimals, so 8 is not 7.95',
      fixture: HH24,
      set: { 'PERF_DEPT 年度资金总额.得分': 8 },
      findings: [{ severity: 'error', expected: '7.95', actual: '8' }],
    },
    {
      name: '渌口 分值 "10分" but 得分 9 at 100%',
      fixture: 'lukou-2022-jixiao.xlsx',
      set: { 'PERF_DEPT 年度资金总额.得分': 9 },
      findings: [{ severity: 'error', cells: ['部门整体支出绩效自评表!H6', '部门整体支出绩效自评表!F6'], expected: '10', actual: '9' }],
    },
    {
      name: '怀化 2024 得分 left blank (warning)',
      fixture: HH24,
      set: { 'PERF_DEPT 年度资金总额.得分': null },
      findings: [{ severity: 'warning', expected: '7.95', actual: null, message: /得分未填写/ }],
    },
  ],
};
