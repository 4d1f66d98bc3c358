import type { RuleCases } from '../tester';
import { JIXIAO } from '../subjects/edit';

export const cases: RuleCases = {
  valid: [
    { name: 'the published 决算 tables store every amount as a number' },
    { name: 'the 绩效 tables: indicator texts such as “≥80%” are not amount cells', fixture: JIXIAO },
  ],
  invalid: [
    {
      name: 'an amount typed as text in 公开02表',
      set: { 'GK02 科目.2210201.合计': '103.27' },
      findings: [{ severity: 'info', cells: ['公开02表!C29'], actual: '103.27', message: /科目 2210201 住房公积金（合计）：数字以文本形式存放（“103.27”），按 103.27 读取/ }],
    },
    {
      name: 'a 绩效 budget and rate typed as text',
      fixture: JIXIAO,
      set: { 'PERF_PROJECT#1 预算执行.预算数': '28, 606. 98', 'PERF_PROJECT#1 预算执行.执行率': '35.73%' },
      findings: [
        { severity: 'info', cells: ['老旧小区改造!C8'], actual: '28606.98' },
        { severity: 'info', cells: ['老旧小区改造!E8'], actual: '35.73%', message: /按 35.73% 读取/ },
      ],
    },
  ],
};
