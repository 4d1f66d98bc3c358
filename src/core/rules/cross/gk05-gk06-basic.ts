import type { Rule } from '../types';
import { cell, compare, type Operand, COMPARE_MESSAGES } from './lib/compare';

export const gk05Gk06Basic: Rule = {
  meta: {
    id: 'GK05-GK06.basic',
    title: '一般公共预算财政拨款支出决算表与基本支出决算明细表：基本支出一致',
    severity: 'error',
    identity:
      '一般公共预算财政拨款支出决算表合计行“基本支出”栏 = 一般公共预算财政拨款基本支出决算明细表的人员经费合计 + 公用经费合计（明细表没有这两个合计行时，用各经济分类“类”小计之和）',
    tables: ['GK05', 'GK06'],
    source: 'B08',
    level: 'mandatory',
    messages: COMPARE_MESSAGES,
  },
  check(ctx) {
    const a = ctx.only('GK05');
    const b = ctx.only('GK06');
    if (!a || !b) return [];
    const ra = a.cell('合计', '基本支出');
    if (!ra) return [];
    let parts: Operand[] = ['人员经费合计', '公用经费合计']
      .filter((k) => b.cell(k, '决算数'))
      .map((k) => ({ table: b, ref: b.cell(k, '决算数'), label: k }));
    let name: string | undefined;
    if (parts.length === 0) {
      parts = b.lines
        .filter((l) => l.level === '类' && l.code && l.cells['决算数'])
        .map((l) => ({ table: b, ref: l.cells['决算数'], label: `${l.code} ${l.label}` }));
      name = '各经济分类类小计之和';
    }
    if (parts.length === 0) return [];
    return compare(ctx, this.meta, cell(a, ra, '合计行“基本支出”栏'), { operands: parts, name }, { subject: '一般公共预算财政拨款基本支出' });
  },
};
