import type { RuleCases } from '../tester';
import { edited, GONGKAI } from '../subjects/edit';

export const cases: RuleCases = {
  valid: [
    { name: 'the published tables hold values' },
    { name: 'a formula with its cached result', build: edited(GONGKAI, { '公开02表!C7': { value: 22899.22, formula: 'SUM(C8:C32)' } }) },
  ],
  invalid: [
    {
      name: 'formulas saved without results in 公开02表 合计 and a 三公 cell',
      build: edited(GONGKAI, {
        '公开02表!C7': { value: null, formula: 'SUM(C8:C32)', noCachedResult: true },
        '公开09表!I8': { value: null, formula: 'J8+K8', noCachedResult: true },
      }),
      findings: [
        { severity: 'warning', cells: ['公开02表!C7'], message: /合计（合计）：单元格是公式（=SUM\(C8:C32\)），但文件中没有保存计算结果/ },
        { severity: 'warning', cells: ['公开09表!I8'], message: /决算.公务用车购置及运行维护费.小计/ },
      ],
    },
  ],
};
