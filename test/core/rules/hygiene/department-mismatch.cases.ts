import type { RuleCases } from '../tester';
import { edited, GONGKAI } from '../subjects/edit';

export const cases: RuleCases = {
  valid: [
    { name: 'the published 决算 tables name one department' },
    {
      name: 'a name contained in another is the same department',
      build: edited(GONGKAI, { '公开03表!A3': '部门：江岸区住房保障和房屋管理局（盖章）' }),
    },
  ],
  invalid: [
    {
      name: '汨罗 2023: 部门整体表 says 汨罗市住建系统, the project tables 汨罗市住房和城乡建设局',
      fixture: 'miluo-2023-jixiao.xlsx',
      findings: [{ severity: 'warning', cells: ['部门整体支出绩效自评表!B3', '3-1帮代办!B4'], message: /“汨罗市住建系统”.*“汨罗市住房和城乡建设局”/ }],
    },
    {
      name: 'a table of another department',
      build: edited(GONGKAI, { '公开07表!A3': '部门：武汉市江岸区房屋征收管理办公室' }),
      findings: [{ severity: 'warning', cells: ['公开07表!A3', '公开01表!A3'] }],
    },
  ],
};
