import type { RuleCases } from '../tester';

const HH23 = 'huaihua-2023-jixiao.xlsx';
const HH24 = 'huaihua-2024-jixiao.xlsx';

export const cases: RuleCases = {
  valid: [
    { name: '怀化 2024: 51 ÷ 57 = 89.47%; 楼堂馆所 0 | 0 | 100% (0/0 → 100%)', fixture: HH24 },
    { name: '汨罗: 188 ÷ 195 = 96.41%; 楼堂馆所 all blank', fixture: 'miluo-2023-jixiao.xlsx' },
    { name: '怀化 2023 with 控制率 corrected to 101.75%', fixture: HH23, set: { 'PERF_BASE 控制率.值': 1.0175 } },
  ],
  invalid: [
    {
      name: '怀化 2023 as published: 控制率 87.88% while 58 ÷ 57 = 101.75%',
      fixture: HH23,
      findings: [{ severity: 'error', cells: ['基础数据表!F4', '基础数据表!D4', '基础数据表!B4'], expected: '101.75%', actual: '87.88%', message: /58 人 ÷ 编制数 57 人/ }],
    },
    {
      name: '汨罗 控制率 96.42%: people are exact counts, 188 ÷ 195 = 96.4103% leaves no room',
      fixture: 'miluo-2023-jixiao.xlsx',
      set: { 'PERF_BASE 控制率.值': 0.9642 },
      findings: [{ severity: 'error', expected: '96.41%', actual: '96.42%' }],
    },
    {
      name: '怀化 2024 控制率 left blank (warning)',
      fixture: HH24,
      set: { 'PERF_BASE 控制率.值': null },
      findings: [{ severity: 'warning', cells: ['基础数据表!F4', '基础数据表!D4', '基础数据表!B4'], expected: '89.47%', actual: null, message: /控制率未填写/ }],
    },
    {
      name: '怀化 2024 规模控制率 0% for 0 ÷ 0 (the setting says 100%)',
      fixture: HH24,
      set: { 'PERF_BASE 楼堂馆所.规模控制率': 0 },
      findings: [{ severity: 'error', cells: ['基础数据表!D21', '基础数据表!C21', '基础数据表!B21'], expected: '100%', actual: '0.00%', message: /0\/0/ }],
    },
    {
      name: '怀化 2024 实际投资 5 of 预算投资 10 but 投资概算控制率 still 100%',
      fixture: HH24,
      set: { 'PERF_BASE 楼堂馆所.实际投资': 5, 'PERF_BASE 楼堂馆所.预算投资': 10 },
      findings: [{ severity: 'error', cells: ['基础数据表!G21', '基础数据表!F21', '基础数据表!E21'], expected: '50.00%', actual: '100.00%' }],
    },
  ],
};
