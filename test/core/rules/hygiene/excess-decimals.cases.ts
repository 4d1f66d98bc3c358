import type { RuleCases } from '../tester';

export const cases: RuleCases = {
  valid: [
    { name: 'the published tables (公开09表 0.182 is a warning)' },
    { name: 'a 绩效 workbook with 2-decimal amounts', fixture: 'huaihua-2024-jixiao.xlsx' },
  ],
  invalid: [
    {
      name: 'the published 公开09表 决算.合计 0.182',
      findings: [{ severity: 'warning', cells: ['公开09表!G8'], expected: '0.18', actual: '0.182', message: /0.182 万元 有 3 位小数/ }],
    },
    {
      name: 'binary noise is no finding; a third decimal in 公开05表 is',
      set: { 'GK05 科目.2120101.合计': 1016.3600000000001, 'GK05 科目.2210108.合计': 11770.425 },
      findings: [
        { severity: 'warning', cells: ['公开05表!C26'], expected: '11770.43', actual: '11770.425' },
        { severity: 'warning', cells: ['公开09表!G8'] },
      ],
    },
    {
      name: 'a 绩效 执行数 with 4 decimals (rates and scores are not amounts)',
      fixture: 'jiangan-2024-jixiao.xlsx',
      set: { 'PERF_PROJECT#3 预算执行.执行数': 1898.7236 },
      findings: [{ severity: 'warning', cells: ['居民购房补贴!D8'], expected: '1898.72' }],
    },
  ],
};
