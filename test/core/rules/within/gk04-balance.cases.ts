import type { RuleCases } from '../tester';

export const cases: RuleCases = {
  valid: [{ name: 'the published GK04: 22854.27 both sides' }],
  invalid: [
    { name: 'expenditure 总计 小计 +0.01 is a 尾差', set: { 'GK04 支出.总计.小计': 22854.28 }, findings: [{ severity: 'warning', message: /尾差/ }] },
    { name: 'income 总计 wrong sign', set: { 'GK04 收入.总计.决算数': -22854.27 }, findings: [{ severity: 'error', cells: ['公开04表!C39', '公开04表!F39'] }] },
  ],
};
