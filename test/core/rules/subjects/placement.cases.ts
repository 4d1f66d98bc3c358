import type { RuleCases } from '../tester';

export const cases: RuleCases = {
  valid: [
    { name: 'the published tables (2160250 事业运行 as 项目支出 is a warning, not an error)' },
    { name: 'a 绩效 workbook', fixture: 'huaihua-2024-jixiao.xlsx' },
  ],
  invalid: [
    {
      name: 'the published tables: 2160250 事业运行 0.50 booked as 项目支出 in 公开03表 and 公开05表',
      findings: [
        { severity: 'warning', cells: ['公开03表!E23'], actual: '0.50', message: /2160250 事业运行.*通常列基本支出，但 0.50 万元 全部列在项目支出/ },
        { severity: 'warning', cells: ['公开05表!E23'], actual: '0.50' },
      ],
    },
    {
      name: 'part of 行政运行 in 项目支出, 老旧小区改造 in 基本支出, 2160250 moved to 基本支出',
      set: {
        'GK03 科目.2120101.项目支出': 10,
        'GK05 科目.2210108.基本支出': 5,
        'GK03 科目.2160250.项目支出': null,
        'GK03 科目.2160250.基本支出': 0.5,
      },
      findings: [
        { severity: 'warning', cells: ['公开03表!E21', '公开03表!D21'], message: /2120101 行政运行.*有 10.00 万元 列在项目支出（基本支出 1049.32 万元）/ },
        { severity: 'warning', cells: ['公开05表!E23'] },
        { severity: 'warning', cells: ['公开05表!D26', '公开05表!E26'], message: /2210108 老旧小区改造：项目类的项通常列项目支出/ },
      ],
    },
  ],
};
