import type { RuleCases } from '../tester';
import { edited, editedVariant, GONGKAI } from './edit';

export const cases: RuleCases = {
  valid: [
    { name: 'national template 款 rows', build: editedVariant('national-single-code-column') },
    { name: 'the published tables: every 款/项 and 公开06表 name is the catalog name' },
    { name: 'a 绩效 workbook', fixture: 'lukou-2022-jixiao.xlsx' },
  ],
  invalid: [
    {
      name: 'a 项 name differing from the catalog, printed in two tables (one finding citing both)',
      build: edited(GONGKAI, { '公开02表!B26': '老旧小区改造工程', '公开03表!B26': '老旧小区改造工程' }),
      findings: [
        { severity: 'warning', cells: ['公开02表!B26', '公开03表!B26'], message: /科目 2210108 的名称“老旧小区改造工程”（公开02表、公开03表）与科目目录中的“老旧小区改造”不一致/ },
      ],
    },
    {
      name: 'the name of another 项 beside a code: 事业运行 beside 2120102 (其 02 is 一般行政管理事务), and 行政运行 beside 2160250 (事业运行)',
      build: edited(GONGKAI, { '公开03表!B22': '事业运行', '公开03表!B23': '行政运行' }),
      findings: [
        { severity: 'error', cells: ['公开03表!B22'], message: /科目 2120102 旁写的名称“事业运行”（公开03表）是另一科目的名称：“事业运行”的编码应为 2120150，而 2120102 是“一般行政管理事务”/ },
        { severity: 'error', cells: ['公开03表!B23'], message: /科目 2160250 旁写的名称“行政运行”.*编码应为 2160201，而 2160250 是“事业运行”/ },
      ],
    },
    {
      name: 'a clipped name is a warning, not an error',
      build: edited(GONGKAI, { '公开03表!B13': '机关事业单位基本养老保险缴费' }),
      findings: [{ severity: 'warning', cells: ['公开03表!B13'], message: /科目 2080505 的名称“机关事业单位基本养老保险缴费”/ }],
    },
    {
      name: 'an economic 款 name differing from the catalog, and a code the catalog does not know',
      build: edited(GONGKAI, { '公开06表!E28': '工会费', '公开05表!A12': '2069999', '公开05表!B12': '其他科技支出' }),
      findings: [
        { severity: 'warning', cells: ['公开06表!E28'], message: /30228.*“工会经费”/ },
        { severity: 'info', cells: ['公开05表!B12'], message: /科目 2069999 其他科技支出（公开05表）不在内置科目目录中/ },
      ],
    },
  ],
};

/** The same edits with the user's catalog knowing both: no findings at all. */
export const withUserCatalog: RuleCases = {
  valid: [{ name: 'user names accepted', build: edited(GONGKAI, { '公开02表!B26': '老旧小区改造工程', '公开05表!A12': '2069999', '公开05表!B12': '其他科技支出' }) }],
  invalid: [
    {
      name: 'a user name overrides the bundled one (the bundled name now differs)',
      findings: [{ severity: 'warning', cells: ['公开02表!B26', '公开03表!B26', '公开05表!B26'], message: /与科目目录中的“老旧小区改造工程”不一致/ }],
    },
  ],
};
