import type { RuleCases } from '../tester';
import { combined } from './workbooks';

/** The 怀化 2024 基础数据表 put beside the 江岸 2024 公开09表 (two units: their 三公 figures differ). */
const PAIR = () => combined('jiangan-2024-gongkai.xlsx', 'huaihua-2024-jixiao.xlsx', ['基础数据表']);

/** The 基础数据表 三公 决算数 made to agree with the 公开09表 (运行维护费 0.18). */
const AGREE = {
  'PERF_BASE 三公经费.决算数': 0.18,
  'PERF_BASE 公务用车购置和维护经费.决算数': 0.18,
  'PERF_BASE 公车运行维护.决算数': 0.18,
};

export const cases: RuleCases = {
  valid: [
    { name: 'the 基础数据表 agreeing with 公开09表 (三公 0.18 vs 0.182 is a 尾差)', build: PAIR, set: AGREE },
    { name: 'a 基础数据表 of another year (2023) is not compared', build: () => combined('jiangan-2024-gongkai.xlsx', 'huaihua-2023-jixiao.xlsx', ['基础数据表']) },
  ],
  invalid: [
    {
      name: 'the two published tables side by side: 3.45 vs 0.182 / 0.18 / 0.18',
      build: PAIR,
      findings: [
        { severity: 'error', cells: ['基础数据表!F6', '公开09表!G8'], expected: '0.182', actual: '3.45' },
        { severity: 'error', cells: ['基础数据表!F7', '公开09表!I8'], expected: '0.18', actual: '3.45' },
        { severity: 'error', cells: ['基础数据表!F9', '公开09表!K8'], expected: '0.18', actual: '3.45' },
      ],
    },
    {
      name: '公务接待 in the 基础数据表 only',
      build: PAIR,
      set: { ...AGREE, 'PERF_BASE 公务接待.决算数': 0.5 },
      findings: [
        { severity: 'warning', cells: ['基础数据表!F6', '公开09表!G8'], message: /尾差/ },
        { severity: 'error', cells: ['基础数据表!F11', '公开09表!L8'], expected: null, actual: '0.50' },
      ],
    },
  ],
};
