import type { RuleCases } from '../tester';

const HH23 = 'huaihua-2023-jixiao.xlsx';
const ML = 'miluo-2023-jixiao.xlsx';

export const cases: RuleCases = {
  valid: [
    { name: '怀化 2023: 专项资金 582.52 = 162 + 420.52, 476.49 = 90.6 + 385.89; 公用经费 61.24 ≥ 19.37', fixture: HH23 },
    { name: '汨罗: 县级专项资金 689.51 / 309.88 / 644.62 = Σ of the 15 itemized rows; 公用经费 ≥ its 其中 items', fixture: ML },
  ],
  invalid: [
    {
      name: '怀化 2024 as published: 专项资金 751.34 / 504.27 but the only 专项 row is 白蚁防治 162 / 9.74',
      fixture: 'huaihua-2024-jixiao.xlsx',
      findings: [
        { severity: 'error', cells: ['基础数据表!D12', '基础数据表!D13'], expected: '162.00', actual: '751.34' },
        { severity: 'error', cells: ['基础数据表!F12', '基础数据表!F13'], expected: '9.74', actual: '504.27' },
      ],
    },
    {
      name: '怀化 2023 公用经费 决算 15 < 0.99 + 18.38 + 0',
      fixture: HH23,
      set: { 'PERF_BASE 公用经费.决算数': 15 },
      findings: [{ severity: 'error', cells: ['基础数据表!F15', '基础数据表!F16', '基础数据表!F17', '基础数据表!F18'], expected: '19.37', actual: '15.00', message: /小于其中项/ }],
    },
    {
      name: '汨罗 施工图审查 决算 100.03: a 尾差 within the capped envelope (warning)',
      fixture: ML,
      set: { 'PERF_BASE 专项.施工图审查.决算数': 100.03 },
      findings: [{ severity: 'warning', cells: ['基础数据表!F15', '基础数据表!F26'], expected: '644.65', actual: '644.62', message: /尾差/ }],
    },
    {
      name: '汨罗 白蚁防治经费 预算 32: 县级专项资金 309.88 vs 319.88',
      fixture: ML,
      set: { 'PERF_BASE 专项.白蚁防治经费.预算数': 32 },
      findings: [{ severity: 'error', cells: ['基础数据表!D15', '基础数据表!D21'], expected: '319.88', actual: '309.88' }],
    },
  ],
};
