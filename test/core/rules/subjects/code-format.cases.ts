import type { RuleCases } from '../tester';
import { edited, editedVariant, GONGKAI } from './edit';

export const cases: RuleCases = {
  valid: [
    { name: 'the published 江岸 2024 tables: every code is a 7-digit 项 of a known 类, the 公开06表 items sit in their blocks' },
    { name: 'a 绩效 workbook has no 科目 tables', fixture: 'miluo-2023-jixiao.xlsx' },
    { name: 'national template, one code column with 类/款 subtotal rows', build: editedVariant('national-single-code-column') },
    { name: 'national template, codes split over 类|款|项 columns', build: editedVariant('national-split-codes') },
    {
      name: 'a 款 subtotal row followed by its own 项',
      build: edited(GONGKAI, { '公开02表!A31': '22103', '公开02表!B31': '城乡社区住宅' }),
    },
  ],
  invalid: [
    {
      name: 'split code cells that make no code: 款 written as 4 digits ("201 | 1308 | ") — the message says what each cell should hold',
      build: editedVariant('national-split-codes', { '表3!B11': '1308', '表3!C11': null }),
      ignoreRounding: true,
      findings: [{ severity: 'error', cells: ['表3!A11', '表3!B11', '表3!C11'], message: /第 11 行（招商引资）：科目编码分列写作“201 \| 1308”，读不出完整编码：类栏应为 3 位数字（或整个编码），款栏、项栏各 2 位/ }],
    },
    {
      name: 'a 项 whose 类 299 is no 功能分类 类',
      build: edited(GONGKAI, { '公开02表!A29': '2990201' }),
      findings: [{ severity: 'error', cells: ['公开02表!A29'], message: /前 3 位 299 不是支出功能分类的类编码/ }],
    },
    {
      name: 'a 项 listed under another 款 row (2210399 under 22102)',
      build: edited(GONGKAI, { '公开03表!A31': '22102', '公开03表!B31': '住房改革支出' }),
      findings: [{ severity: 'error', cells: ['公开03表!A32', '公开03表!A31'], message: /所属款应为 22103.*22102/ }],
    },
    {
      name: 'national template: a 款 under another 类 row, a 项 under another 款 row',
      build: editedVariant('national-single-code-column', { '表2!A36': '213', '表2!A41': '21601' }),
      findings: [
        { severity: 'error', cells: ['表2!A37', '表2!A36'], message: /科目 21201 城乡社区管理事务：所属类应为 212，却列在类级行 科目 213/ },
        { severity: 'error', cells: ['表2!A42', '表2!A41'], message: /科目 2160250 事业运行：所属款应为 21602/ },
      ],
    },
    {
      name: 'a 6-digit code on a row with amounts',
      build: edited(GONGKAI, { '公开05表!A32': '221039' }),
      findings: [{ severity: 'error', cells: ['公开05表!A32'], message: /“221039”是 6 位/ }],
    },
    {
      name: '公开06表: 30131 printed in the 302 group',
      build: edited(GONGKAI, { '公开06表!D30': '30131' }),
      findings: [{ severity: 'error', cells: ['公开06表!D30', '公开06表!D6'], message: /应列在 301 类之下/ }],
    },
    {
      name: '公开06表: a 4-digit 经济分类 code and a functional code',
      build: edited(GONGKAI, { '公开06表!D30': '3023', '公开06表!A12': '20805' }),
      findings: [
        { severity: 'error', cells: ['公开06表!A12'], message: /20805 不是部门预算支出经济分类编码/ },
        { severity: 'error', cells: ['公开06表!D30'], message: /“3023”是 4 位/ },
      ],
    },
  ],
};
