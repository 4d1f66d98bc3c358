import type { RuleCases } from '../tester';
import { combined } from './workbooks';

const JIANGAN = () => combined('jiangan-2024-gongkai.xlsx', 'jiangan-2024-jixiao.xlsx', ['部门整体绩效自评表']);

export const cases: RuleCases = {
  valid: [
    { name: '江岸 公开05表 with its 部门整体绩效自评表 (1449.61 | 21404.66 | 22854.27 on both)', build: JIANGAN },
    {
      name: 'a 湖南 部门整体支出绩效自评表 is not compared with 公开05表',
      build: () => combined('jiangan-2024-gongkai.xlsx', 'lukou-2022-jixiao.xlsx', ['部门整体支出绩效自评表']),
    },
  ],
  invalid: [
    {
      name: '基本支出总额 written with the 公开03表 figure (1494.57)',
      build: JIANGAN,
      set: { 'PERF_DEPT 基本支出总额.金额': 1494.57 },
      findings: [{ severity: 'error', cells: ['部门整体绩效自评表!B3', '公开05表!D7'], expected: '1449.61', actual: '1494.57', message: /基本支出总额/ }],
    },
    {
      name: '执行数 (B) written as the budget (1405.65)',
      build: JIANGAN,
      set: { 'PERF_DEPT 预算执行.执行数': 1405.65 },
      findings: [{ severity: 'error', cells: ['部门整体绩效自评表!D5', '公开05表!C7'], expected: '22854.27', actual: '1405.65' }],
    },
    {
      name: '项目支出 off by 0.01: 尾差',
      build: JIANGAN,
      set: { 'GK05 合计.项目支出': 21404.67 },
      findings: [{ severity: 'warning', cells: ['部门整体绩效自评表!E3', '公开05表!E7'], message: /尾差/ }],
    },
  ],
};
