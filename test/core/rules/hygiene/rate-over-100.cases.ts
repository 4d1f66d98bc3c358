import type { RuleCases } from '../tester';
import { JIXIAO } from '../subjects/edit';

export const cases: RuleCases = {
  valid: [
    { name: '怀化 2024: 79.54%', fixture: 'huaihua-2024-jixiao.xlsx' },
    { name: '汨罗 2023: all 100%', fixture: 'miluo-2023-jixiao.xlsx' },
    { name: '江岸 2024 (the blank 部门整体 rate is a warning)', fixture: JIXIAO },
    // a blank 执行率 of the 预算执行 line is PERF.execution-rate's one warning (it names 1625.89%), not a second one here
    { name: '江岸 2024 部门整体: the blank rate of the 预算执行 line (22854.27 / 1405.65)', fixture: JIXIAO },
  ],
  invalid: [
    {
      name: 'a stated 120% (number) and 105% (text) in project tables',
      fixture: 'miluo-2023-jixiao.xlsx',
      set: { 'PERF_PROJECT#0 年度资金总额.执行率': 1.2, 'PERF_PROJECT#1 年度资金总额.执行率': '105%' },
      findings: [
        { severity: 'warning', cells: ['3-1帮代办!G6', '3-1帮代办!D6', '3-1帮代办!E6'], actual: '120.00%', message: /（帮代办工作经费） 年度资金总额：执行率 120.00% 超过 100%/ },
        { severity: 'warning', cells: ['3-2工程建设审批!G6'], actual: '105.00%' },
      ],
    },
  ],
};
