import type { RuleCases } from '../tester';
import { edited, editedVariant, GONGKAI } from './edit';

export const cases: RuleCases = {
  valid: [
    { name: 'national template 类 subtotal rows', build: editedVariant('national-single-code-column') },
    { name: 'the published 公开01/04表 print the 26 类 with their 2024 names' },
    {
      name: 'a 类 subtotal row with the national name',
      build: edited(GONGKAI, { '公开02表!A32': '221', '公开02表!B32': '住房保障支出' }),
    },
  ],
  invalid: [
    {
      name: 'a 公开01表 类 row whose name is no 类 name',
      build: edited(GONGKAI, { '公开01表!D15': '九、卫生健康支持' }),
      findings: [{ severity: 'error', cells: ['公开01表!D15'], message: /不是支出功能分类的类名称，可能应为“卫生健康支出”（210）/ }],
    },
    {
      name: 'a former 类 name in a 2024 workbook',
      build: edited(GONGKAI, { '公开04表!D16': '九、医疗卫生与计划生育支出' }),
      findings: [{ severity: 'warning', cells: ['公开04表!D16'], message: /旧的类名称.*卫生健康支出/ }],
    },
    {
      name: 'a 3-digit row whose name belongs to another 类, and an unknown 类 code',
      build: edited(GONGKAI, { '公开03表!A32': '221', '公开03表!B32': '城乡社区支出', '公开05表!A32': '299', '公开05表!B32': '其他支出' }),
      findings: [
        { severity: 'error', cells: ['公开03表!A32', '公开03表!B32'], message: /类 221 的名称应为“住房保障支出”，而“城乡社区支出”是类 212 的名称/ },
        { severity: 'error', cells: ['公开05表!A32', '公开05表!B32'], message: /299 不是支出功能分类的类编码；“其他支出”的类编码是 229/ },
      ],
    },
  ],
};
