import type { RuleCases } from '../tester';
import { edited, editedVariant, GONGKAI } from './edit';

export const cases: RuleCases = {
  valid: [
    { name: 'national template: 类/款 rows in 公开02/03/05表 and 类 rows in 公开01/04表', build: editedVariant('national-single-code-column') },
    { name: 'the published 江岸 2024 tables print each code with one name' },
    {
      name: 'spaces and full-width brackets are no difference',
      build: edited(GONGKAI, { '公开03表!B17': '行政单位 医疗', '公开06表!E17': '因公出国(境)费用' }),
    },
  ],
  invalid: [
    {
      name: '公开03表 names 2210201 differently from 公开02/05表',
      build: edited(GONGKAI, { '公开03表!B29': '住房补助' }),
      findings: [{ severity: 'error', cells: ['公开03表!B29', '公开02表!B29'], message: /科目 2210201 的名称不一致：公开03表 为“住房补助”，公开02表、公开05表 为“住房公积金”/ }],
    },
    {
      name: 'a name cut short is a warning; spacing alone is not reported',
      build: edited(GONGKAI, { '公开05表!B13': '机关事业单位基本养老保险', '公开03表!B17': '行政单位 医疗' }),
      findings: [{ severity: 'warning', cells: ['公开05表!B13', '公开02表!B13'], message: /截断/ }],
    },
    {
      name: 'a 类 name in 公开04表 that differs from 公开01表 (both map to 210)',
      build: edited(GONGKAI, { '公开04表!D16': '九、医疗卫生与计划生育支出' }),
      findings: [{ severity: 'error', cells: ['公开04表!D16', '公开01表!D15'], message: /科目 210 的名称不一致/ }],
    },
  ],
};
