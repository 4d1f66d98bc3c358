import type { RuleCases } from '../tester';
import { edited, GONGKAI } from '../subjects/edit';

export const cases: RuleCases = {
  valid: [{ name: 'the published tables are all 2024' }, { name: 'the 怀化 2023 绩效 tables', fixture: 'huaihua-2023-jixiao.xlsx' }],
  invalid: [
    {
      name: 'a 2023 公开09表 among 2024 tables',
      build: edited(GONGKAI, { '公开09表!A1': '2023年度财政拨款"三公"经费支出决算表' }),
      findings: [{ severity: 'error', cells: ['公开09表!A1', '公开01表!A1'], expected: '2024', actual: '2023', message: /公开09表 是 2023 年度的表/ }],
    },
  ],
};
