import type { RuleCases } from '../tester';

export const cases: RuleCases = {
  valid: [{ name: 'the published tables: 公务用车运行维护费 0.18 on both, the rest empty' }],
  invalid: [
    {
      name: '公务接待费 in 公开09表 but not in 30217 (charged to 项目支出?)',
      set: { 'GK09 金额.决算.公务接待费': 0.5 },
      findings: [{ severity: 'warning', cells: ['公开09表!L8', '公开06表!F22'], expected: null, actual: '0.50', message: /项目支出/ }],
    },
    {
      name: '30231 公务用车运行维护费 differs from 公开09表',
      set: { 'GK06 经济.30231.决算数': 0.28 },
      findings: [{ severity: 'warning', cells: ['公开09表!K8', '公开06表!F30'], expected: '0.28', actual: '0.18' }],
    },
  ],
};
