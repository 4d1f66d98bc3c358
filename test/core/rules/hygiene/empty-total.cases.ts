import type { RuleCases } from '../tester';
import { editedVariant } from '../subjects/edit';

export const cases: RuleCases = {
  valid: [
    { name: 'the published tables fill every total (公开07/08表 are empty throughout)' },
    { name: 'a 0 total is not blank', set: { 'GK09 金额.决算.公务用车购置及运行维护费.小计': 0 } },
  ],
  invalid: [
    {
      name: '公开09表 决算数 合计 blank',
      set: { 'GK09 金额.决算.合计': null },
      findings: [{ severity: 'error', cells: ['公开09表!G8', '公开09表!I8'], expected: '0.18', actual: null, message: /决算数“三公”经费合计：合计为空/ }],
    },
    {
      name: '公开06表 302 block and 公开03表 row total blank',
      set: { 'GK03 科目.2210201.合计': null, 'GK06 经济.302.决算数': '—' },
      findings: [
        { severity: 'error', cells: ['公开03表!C29', '公开03表!D29'], expected: '103.24', message: /科目 2210201 住房公积金“合计”：合计为空/ },
        { severity: 'error', cells: ['公开06表!F6', '公开06表!F7', '公开06表!F30'], expected: '74.16', message: /302 商品和服务支出：合计为空/ },
      ],
    },
    {
      name: 'national template: a blank 类 row over a blank 款 row; its 项 stand in',
      build: editedVariant('national-single-code-column', { '表2!C43': null, '表2!C44': null }),
      findings: [
        { severity: 'error', cells: ['表2!C43', '表2!C45', '表2!C49', '表2!C50', '表2!C54'], expected: '20962.00', message: /科目 221 住房保障支出（类）合计列：合计为空/ },
        { severity: 'error', cells: ['表2!C44', '表2!C45', '表2!C49'], message: /科目 22101 保障性安居工程支出（款）合计列：合计为空/ },
      ],
    },
    {
      name: '公开02表 合计 row blank in two columns',
      set: { 'GK02 合计.合计': null, 'GK02 合计.其他收入': null },
      findings: [
        { severity: 'error', cells: ['公开02表!C7', '公开02表!C8', '公开02表!C32'], expected: '22899.27', message: /合计行合计列：合计为空/ },
        { severity: 'error', cells: ['公开02表!I7', '公开02表!I13', '公开02表!I29'], expected: '44.96', message: /合计行“其他收入”列：合计为空/ },
      ],
    },
  ],
};
