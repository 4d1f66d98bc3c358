import type { Rule } from '../types';
import { cell, compare, COMPARE_MESSAGES } from './lib/compare';

/** GK09 决算 column → GK06 经济分类 款 code. */
const PAIRS: readonly [string, string, string][] = [
  ['决算.公务用车运行维护费', '30231', '公务用车运行维护费'],
  ['决算.公务接待费', '30217', '公务接待费'],
  ['决算.因公出国(境)费', '30212', '因公出国（境）费'],
  ['决算.公务用车购置费', '31013', '公务用车购置费'],
];

export const gk06Gk09ThreePublic: Rule = {
  meta: {
    id: 'GK06-GK09.three-public',
    title: '“三公”经费表与基本支出决算明细表：三公经费对应经济分类（提示）',
    severity: 'warning',
    identity:
      '财政拨款“三公”经费支出决算表的决算数：公务用车运行维护费 = 基本支出决算明细表 30231 公务用车运行维护费；公务接待费 = 30217 公务接待费；因公出国（境）费 = 30212 因公出国（境）费用；' +
      '公务用车购置费 = 31013 公务用车购置。只有全部三公经费都由一般公共预算财政拨款基本支出列支时才严格相等，故只作提示',
    tables: ['GK06', 'GK09'],
    source: 'B11',
    level: 'advisory',
    messages: { ...COMPARE_MESSAGES, note:
      '“三公”经费表的决算数包括项目支出、政府性基金和以前年度结转资金安排的三公经费，基本支出明细表只含一般公共预算财政拨款基本支出，' +
      '若有三公经费列支在项目支出中，两表本就不同；否则请核对。' },
  },
  check(ctx) {
    const a = ctx.only('GK09');
    const b = ctx.only('GK06');
    if (!a || !b) return [];
    const row = a.lines[0];
    if (!row) return [];
    return PAIRS.flatMap(([col, code, subject]) => {
      const ra = row.cells[col];
      const line = b.line(`经济.${code}`) ?? b.line(code);
      const rb = line?.cells['决算数'];
      if (!ra || !rb) return [];
      return compare(ctx, this.meta, cell(a, ra, `决算数“${subject}”栏`), cell(b, rb, `${code} ${line.label}`), { subject, noteId: 'note' });
    });
  },
};
