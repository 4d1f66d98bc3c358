import type { Rule } from '../types';
import { cell, compare, COMPARE_MESSAGES } from './lib/compare';

/** GK01 income item → GK04 income item. */
const PAIRS: readonly [string, string, string][] = [
  ['一般公共预算财政拨款收入', '一般公共预算财政拨款', '一般公共预算财政拨款收入'],
  ['政府性基金预算财政拨款收入', '政府性基金预算财政拨款', '政府性基金预算财政拨款收入'],
  ['国有资本经营预算财政拨款收入', '国有资本经营预算财政拨款', '国有资本经营预算财政拨款收入'],
];

export const gk01Gk04Income: Rule = {
  meta: {
    id: 'GK01-GK04.income',
    title: '收入支出决算总表与财政拨款收入支出决算总表：三类财政拨款收入一致',
    severity: 'error',
    identity:
      '收入支出决算总表的一般公共预算财政拨款收入、政府性基金预算财政拨款收入、国有资本经营预算财政拨款收入（行次1–3），分别等于财政拨款收入支出决算总表收入侧同名三行（行次1–3）',
    tables: ['GK01', 'GK04'],
    source: 'B01',
    level: 'mandatory',
    messages: COMPARE_MESSAGES,
  },
  check(ctx) {
    const a = ctx.only('GK01');
    const b = ctx.only('GK04');
    if (!a || !b) return [];
    return PAIRS.flatMap(([k1, k4, subject]) => {
      const ra = a.at(`收入.${k1}.决算数`);
      const rb = b.at(`收入.${k4}.决算数`);
      if (!ra || !rb) return [];
      return compare(ctx, this.meta, cell(a, ra, k1), cell(b, rb, b.line(`收入.${k4}`)?.label.replace(/^[一二三四五六七八九十]+、/, '') ?? k4), { subject });
    });
  },
};
