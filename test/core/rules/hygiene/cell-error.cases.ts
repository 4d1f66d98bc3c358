import type { RuleCases } from '../tester';
import { edited } from '../subjects/edit';

export const cases: RuleCases = {
  valid: [{ name: 'the published 公开 workbook' }, { name: 'a 绩效 workbook', fixture: 'miluo-2023-jixiao.xlsx' }],
  invalid: [
    {
      name: 'a #DIV/0! in a 科目 row and a #NUM! (a stored NaN) in the 三公 table',
      build: edited('jiangan-2024-gongkai.xlsx', {
        '公开03表!D13': { value: null, error: '#DIV/0!', formula: 'C13/0' },
        '公开09表!H8': { value: null, error: '#NUM!' },
      }),
      findings: [
        { severity: 'warning', cells: ['公开03表!D13'], message: /公开03表 科目 2080505 .*单元格是错误值 #DIV\/0!（=C13\/0），其值未知/ },
        { severity: 'warning', cells: ['公开09表!H8'], message: /单元格是错误值 #NUM!/ },
      ],
    },
  ],
};
