import type { RuleCases } from '../tester';
import { edited } from '../subjects/edit';

const LUKOU = 'lukou-2022-jixiao.xlsx';
const SHEET = '部门整体支出绩效自评表';

export const cases: RuleCases = {
  valid: [
    { name: 'the 汨罗 workbook (no plan stated in a 偏差原因)', fixture: 'miluo-2023-jixiao.xlsx' },
    { name: '渌口 with the target as the text states it (765户)', build: edited(LUKOU, { [`${SHEET}!E16`]: '≥765户' }) },
  ],
  invalid: [
    {
      name: 'the published 渌口 2022 table: "年初计划18个小区，765户" beside 改造户数 ≥766户',
      fixture: LUKOU,
      findings: [{ severity: 'warning', cells: [`${SHEET}!I15`, `${SHEET}!E16`], message: /年初计划18个小区,765户.*“改造户数”的年度指标值是“≥766户”/ }],
    },
    {
      name: 'the plan right but plan + increase not the actual (765 + 230 ≠ 990)',
      build: edited(LUKOU, { [`${SHEET}!E16`]: '≥765户', [`${SHEET}!F16`]: '990户' }),
      findings: [{ severity: 'warning', cells: [`${SHEET}!I15`, `${SHEET}!F16`], message: /计划 765户、增加 230户，合计 995户，而指标“改造户数”的实际完成值是“990户”/ }],
    },
  ],
};
