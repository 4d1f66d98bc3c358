import type { RuleCases } from '../tester';
import { edited, GONGKAI } from '../subjects/edit';

export const cases: RuleCases = {
  valid: [
    { name: 'the published tables all state 单位：万元' },
    { name: 'the 绩效 tables state （万元） in their headers', fixture: 'miluo-2023-jixiao.xlsx' },
  ],
  invalid: [
    {
      name: '公开05表 states 元 while the other eight state 万元',
      build: edited(GONGKAI, { '公开05表!E3': '单位：元' }),
      findings: [{ severity: 'error', cells: ['公开05表!E3', '公开01表!F3'], message: /公开05表 的金额单位是“元”，而 公开01表、公开02表、公开03表 等 8 张表 的金额单位是“万元”/ }],
    },
  ],
};
