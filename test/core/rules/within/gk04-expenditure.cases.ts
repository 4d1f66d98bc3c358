import type { RuleCases } from '../tester';

export const cases: RuleCases = {
  valid: [{ name: 'the published GK04' }],
  invalid: [
    {
      name: '住房保障支出 小计 differs from its 一般公共预算 column',
      set: { 'GK04 支出.住房保障支出.小计': 20968.26 },
      findings: [
        { severity: 'error', cells: ['公开04表!F26', '公开04表!G26'], expected: '20958.26', actual: '20968.26' },
        { severity: 'error', cells: ['公开04表!F34', '公开04表!F26'], actual: '22854.27', expected: '22864.27' },
      ],
    },
    {
      name: '支出总计 (一般公共预算 column) off by 1.00',
      set: { 'GK04 支出.总计.一般公共预算财政拨款': 22855.27 },
      findings: [
        { severity: 'error', cells: ['公开04表!F39', '公开04表!G39'] },
        { severity: 'error', cells: ['公开04表!G39', '公开04表!G34'], expected: '22854.27', actual: '22855.27' },
      ],
    },
  ],
};
