import type { RuleCases } from '../tester';

const JA = 'jiangan-2024-jixiao.xlsx';
const HH24 = 'huaihua-2024-jixiao.xlsx';
const ML = 'miluo-2023-jixiao.xlsx';

export const cases: RuleCases = {
  valid: [
    { name: '怀化 2024: every 得分 ≤ 分值 (3 of 5 for 经济效益)', fixture: HH24 },
    { name: '渌口 2022', fixture: 'lukou-2022-jixiao.xlsx' },
    {
      name: '江岸 with the 整体 年度目标2 产出 score corrected to "32 分" (32 + 15 + 7 + 5 = 59 ≤ 60); the merged project scores stay within 40/30/10',
      fixture: JA,
      set: { 'PERF_DEPT 指标.12.得分': '32 分' },
    },
    { name: '汨罗 with 3-11 美化城市环境 scored 9.5 of 9.5', fixture: ML, set: { 'PERF_PROJECT#10 指标.7.得分': 9.5 } },
  ],
  invalid: [
    {
      name: '江岸 整体 as published: 年度目标2（60分） scores 39 分 + 15 + 7 + 5 = 66',
      fixture: JA,
      findings: [
        {
          severity: 'error',
          // the largest score is named first: at most 60 − (15 + 7 + 5) = 33
          cells: ['部门整体绩效自评表!G21', '部门整体绩效自评表!A19', '部门整体绩效自评表!G39', '部门整体绩效自评表!G50', '部门整体绩效自评表!G51'],
          expected: '33',
          actual: '39',
          message: /39 \+ 15 \+ 7 \+ 5 = 66.*超过其权重 60 分/,
        },
      ],
    },
    {
      name: '汨罗 as published: 3-11 美化城市环境 得分 10 > 分值 9.5',
      fixture: ML,
      findings: [{ severity: 'error', cells: ['3-11城建档案!H23', '3-11城建档案!G23'], expected: '9.5', actual: '10', message: /美化城市环境/ }],
    },
    {
      name: '怀化 2024 充分发挥资金效益 得分 6 > 分值 5',
      fixture: HH24,
      set: { 'PERF_DEPT 指标.8.得分': 6 },
      findings: [{ severity: 'error', cells: ['部门整体支出绩效自评表!H21', '部门整体支出绩效自评表!G21'], expected: '5', actual: '6' }],
    },
    {
      name: '怀化 2024 预算执行 得分 11 > 分值 10',
      fixture: HH24,
      set: { 'PERF_DEPT 年度资金总额.得分': 11 },
      findings: [{ severity: 'error', cells: ['部门整体支出绩效自评表!H5', '部门整体支出绩效自评表!F5'], expected: '10', actual: '11' }],
    },
    {
      name: '江岸 物业管理 产出 scores 15 + 10 + 10 + 10 = 45 > 40 (湖北: no 分值 column, the 一级 weight caps)',
      fixture: JA,
      set: { 'PERF_DEPT 指标.12.得分': 32, 'PERF_PROJECT#0 指标.1.得分': 15 },
      findings: [{ severity: 'error', cells: ['物业管理!G10', '物业管理!B10', '物业管理!G11', '物业管理!G12', '物业管理!G13'], expected: '10', actual: '15', message: /15 \+ 10 \+ 10 \+ 10 = 45/ }],
    },
    {
      name: '江岸 24小时 merged 产出 score "41分" counted once against 40',
      fixture: JA,
      set: { 'PERF_DEPT 指标.12.得分': 32, 'PERF_PROJECT#5 指标.1.得分': '41分' },
      findings: [{ severity: 'error', cells: ['24小时投诉值守!B10', '24小时投诉值守!G10'], expected: '40', actual: '41' }],
    },
  ],
};
