import type { RuleCases } from '../tester';

const ML = 'miluo-2023-jixiao.xlsx';

export const cases: RuleCases = {
  valid: [
    { name: '怀化 2023: 0.51 = 0.45 + 0 + 0.06; 5.5 = 4.5 + 0 + 1; 3.04 = 3.04', fixture: 'huaihua-2023-jixiao.xlsx' },
    { name: '怀化 2024', fixture: 'huaihua-2024-jixiao.xlsx' },
    {
      name: '汨罗 with the 公务用车购置和维护经费 row filled in (6 / 3 / 3.1)',
      fixture: ML,
      set: {
        'PERF_BASE 公务用车购置和维护经费.上年决算数': 6,
        'PERF_BASE 公务用车购置和维护经费.预算数': 3,
        'PERF_BASE 公务用车购置和维护经费.决算数': 3.1,
      },
    },
  ],
  invalid: [
    {
      name: '汨罗 as published: 公务用车购置和维护经费 blank / 0 / blank beside 公车运行维护 6 / 3 / 3.1 (三公经费 itself adds up through the parts)',
      fixture: ML,
      findings: [
        { severity: 'error', cells: ['基础数据表!B7', '基础数据表!B9'] /* 公车购置 0 is not cited: a printed 0 is a blank */, expected: '6.00', actual: null },
        { severity: 'error', cells: ['基础数据表!D7', '基础数据表!D9'], expected: '3.00', actual: '0.00' },
        { severity: 'error', cells: ['基础数据表!F7', '基础数据表!F9'], expected: '3.10', actual: null },
      ],
    },
    {
      name: '怀化 2024 公务接待 决算 0.5: 三公经费 3.45 vs 3.45 + 0 + 0.5',
      fixture: 'huaihua-2024-jixiao.xlsx',
      set: { 'PERF_BASE 公务接待.决算数': 0.5 },
      findings: [{ severity: 'error', cells: ['基础数据表!F6', '基础数据表!F7', '基础数据表!F11'], expected: '3.95', actual: '3.45' }],
    },
    {
      name: '汨罗 三公经费 预算 22.8: the outer identity uses 公车购置 + 公车运行维护 in place of the wrong subtotal',
      fixture: ML,
      set: {
        'PERF_BASE 公务用车购置和维护经费.上年决算数': 6,
        'PERF_BASE 公务用车购置和维护经费.决算数': 3.1,
        'PERF_BASE 三公经费.预算数': 22.8,
      },
      findings: [
        { severity: 'error', cells: ['基础数据表!D7', '基础数据表!D9'], expected: '3.00', actual: '0.00' },
        { severity: 'error', cells: ['基础数据表!D6', '基础数据表!D9', '基础数据表!D11'], expected: '21.80', actual: '22.80', message: /以公车购置 \+ 公车运行维护代替/ },
      ],
    },
  ],
};
