import type { RuleCases } from '../tester';
import { edited } from '../subjects/edit';

const MILUO = 'miluo-2023-jixiao.xlsx';

export const cases: RuleCases = {
  valid: [
    {
      name: 'the 汨罗 基础数据表 with the 3-12/3-13 amounts as their 自评表 state them (names joined despite 管/管理, 验/检, 2023年)',
      build: edited(MILUO, { '基础数据表!D17': 20, '基础数据表!F17': 20, '基础数据表!D18': 5, '基础数据表!F18': 5, '基础数据表!D19': 334.74 }),
    },
  ],
  invalid: [
    {
      name: 'the published 汨罗 2023 workbook: 质量安全监督 and 招投标监督 amounts swapped between the 基础数据表 and their 自评表, 工作经费 预算数 left blank',
      fixture: MILUO,
      findings: [
        { severity: 'info', cells: ['基础数据表!A16'], message: /城建档案数字化管理和库房九防费用.*没有名称相近的项目支出绩效自评表/ },
        { severity: 'error', cells: ['基础数据表!D17', '3-12质量安全监督!D6'], expected: '20.00', actual: '5.00' },
        { severity: 'error', cells: ['基础数据表!F17', '3-12质量安全监督!E6'], expected: '20.00', actual: '5.00' },
        { severity: 'error', cells: ['基础数据表!D18', '3-13招投标监督!D6'], expected: '5.00', actual: '20.00' },
        { severity: 'error', cells: ['基础数据表!F18', '3-13招投标监督!E6'], expected: '5.00', actual: '20.00' },
        { severity: 'warning', cells: ['基础数据表!D19', '3-14工作经费!D6'], message: /工作经费“预算数” 为空/ },
      ],
    },
  ],
};
