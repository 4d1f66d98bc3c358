import type { Rule } from '../types';
import { cell, compare, type Side, COMPARE_MESSAGES } from './lib/compare';

/** GK01 income rows → the GK02 合计 column they equal. */
const SINGLE: readonly [string, string, string][] = [
  ['本年收入合计', '合计', '本年收入合计'],
  ['上级补助收入', '上级补助收入', '上级补助收入'],
  ['事业收入', '事业收入', '事业收入'],
  ['经营收入', '经营收入', '经营收入'],
  ['附属单位上缴收入', '附属单位上缴收入', '附属单位上缴收入'],
  ['其他收入', '其他收入', '其他收入'],
];

const FISCAL = ['一般公共预算财政拨款收入', '政府性基金预算财政拨款收入', '国有资本经营预算财政拨款收入'];

export const gk01Gk02Columns: Rule = {
  meta: {
    id: 'GK01-GK02.columns',
    title: '收入支出决算总表与收入决算表：各项收入一致',
    severity: 'error',
    identity:
      '收入支出决算总表的本年收入合计 = 收入决算表合计行“本年收入合计”栏；一般公共预算、政府性基金、国有资本经营三项财政拨款收入之和 = 合计行“财政拨款收入”栏；' +
      '上级补助收入、事业收入、经营收入、附属单位上缴收入、其他收入分别等于合计行同名栏',
    tables: ['GK01', 'GK02'],
    source: 'B02',
    level: 'mandatory',
    messages: COMPARE_MESSAGES,
  },
  check(ctx) {
    const a = ctx.only('GK01');
    const b = ctx.only('GK02');
    if (!a || !b || !b.line('合计')) return [];
    const total = (k: string) => `合计行“${k === '合计' ? '本年收入合计' : k}”栏`;
    const one = ([k1, k2, subject]: readonly [string, string, string]) => {
      const ra = a.at(`收入.${k1}.决算数`);
      const rb = b.cell('合计', k2);
      return ra && rb ? compare(ctx, this.meta, cell(a, ra, k1), cell(b, rb, total(k2)), { subject }) : [];
    };
    const fiscal: Side = {
      name: '三项财政拨款收入',
      operands: FISCAL.filter((k) => a.at(`收入.${k}.决算数`)).map((k) => ({ table: a, ref: a.at(`收入.${k}.决算数`), label: k })),
    };
    const rf = b.cell('合计', '财政拨款收入');
    const findings = [
      ...one(SINGLE[0]),
      ...(fiscal.operands.length && rf ? compare(ctx, this.meta, fiscal, cell(b, rf, total('财政拨款收入')), { subject: '财政拨款收入' }) : []),
      ...SINGLE.slice(1).flatMap(one),
    ];
    return findings;
  },
};
