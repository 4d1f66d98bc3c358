import type { RuleCases } from '../tester';

export const cases: RuleCases = {
  valid: [{ name: 'the published GK09 (0.182 vs 0.18 is only a 尾差)' }],
  invalid: [
    {
      name: '预算 公务接待费 added without updating 合计',
      set: { 'GK09 金额.预算.公务接待费': 2 },
      ignoreRounding: true,
      findings: [{ severity: 'error', cells: ['公开09表!A8', '公开09表!C8', '公开09表!F8'], expected: '10.82', actual: '8.82' }],
    },
    {
      name: '决算 小计 ≠ 购置费 + 运行维护费',
      set: { 'GK09 金额.决算.公务用车购置及运行维护费.小计': 1.8 },
      ignoreRounding: true,
      findings: [
        { severity: 'error', cells: ['公开09表!G8', '公开09表!I8'] },
        { severity: 'error', cells: ['公开09表!I8', '公开09表!K8'], expected: '0.18', actual: '1.80' },
      ],
    },
  ],
};
