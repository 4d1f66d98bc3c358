import type { RuleCases } from '../tester';
import { edited } from '../subjects/edit';

export const cases: RuleCases = {
  valid: [
    { name: 'the published tables (a 2023 基础数据表 may name 2022 for its 上年 column)', fixture: 'miluo-2023-jixiao.xlsx' },
    { name: 'the 公开 workbook', fixture: 'jiangan-2024-gongkai.xlsx' },
  ],
  invalid: [
    {
      name: 'the published 怀化 2024 基础数据表: its 上年 column still says 2022年决算数',
      fixture: 'huaihua-2024-jixiao.xlsx',
      findings: [{ severity: 'warning', cells: ['基础数据表!B5'], message: /2024 年度的表，但 B5 的栏目写作“2022年决算数”/ }],
    },
    {
      name: 'a 2023 table whose 上年 column says 2021年决算数 (a template of another year)',
      build: edited('miluo-2023-jixiao.xlsx', { '基础数据表!B5': '2021年决算数' }),
      findings: [{ severity: 'warning', cells: ['基础数据表!B5'], message: /2023 年度的表，但 B5 的栏目写作“2021年决算数”/ }],
    },
  ],
};
