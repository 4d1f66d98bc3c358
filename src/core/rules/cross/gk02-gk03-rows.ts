import type { Finding } from '../../findings';
import type { Rule } from '../types';
import { cell, compare, isBlankOrZero, itemLines, subjectOf, tableDisplayName, COMPARE_MESSAGES } from './lib/compare';

/** GK01 carry-over lines: all empty means income of the year = spending of the year, per 科目. */
const CARRY_OVER = ['收入.使用非财政拨款结余', '收入.年初结转和结余', '支出.结余分配', '支出.年末结转和结余'];

export const gk02Gk03Rows: Rule = {
  meta: {
    id: 'GK02-GK03.rows',
    title: '收入决算表与支出决算表：无结转结余时各科目收支相等',
    severity: 'error',
    identity:
      '当收入支出决算总表的使用非财政拨款结余、年初结转和结余、结余分配、年末结转和结余均为空（或为 0）时，收入决算表每个“项”级科目的本年收入合计 = 支出决算表同一科目的本年支出合计，' +
      '合计行亦然；一张表有而另一张表没有的科目（金额不为 0）也是错误',
    tables: ['GK01', 'GK02', 'GK03'],
    source: 'B04',
    level: 'mandatory',
    messages: { ...COMPARE_MESSAGES, note:
      '收入支出决算总表没有结转结余，本年各科目的收入应全部形成同一科目的支出，请核对两表该科目的金额。' },
  },
  check(ctx) {
    const t1 = ctx.only('GK01');
    const a = ctx.only('GK02');
    const b = ctx.only('GK03');
    if (!t1 || !a || !b) return [];
    // The condition: every carry-over cell that the GK01 has is empty or 0 (unreadable → unknown → skip).
    for (const k of CARRY_OVER) {
      const ref = t1.at(`${k}.决算数`);
      if (!ref) continue;
      if (isBlankOrZero(ctx, t1, ref) !== true) return [];
    }
    const findings: Finding[] = [];
    const ra = a.cell('合计', '合计');
    const rb = b.cell('合计', '合计');
    if (ra && rb) findings.push(...compare(ctx, this.meta, cell(a, ra, '合计行本年收入合计'), cell(b, rb, '合计行本年支出合计'), { subject: '合计', noteId: 'note' }));

    const ia = itemLines(a);
    const ib = itemLines(b);
    const codes = [...new Set([...ia.keys(), ...ib.keys()])].sort();
    for (const code of codes) {
      const la = ia.get(code);
      const lb = ib.get(code);
      findings.push(
        ...compare(
          ctx,
          this.meta,
          la ? cell(a, la.cells['合计'], '本年收入合计') : { operands: [], absent: `${tableDisplayName(ctx, a)} 没有这一科目` },
          lb ? cell(b, lb.cells['合计'], '本年支出合计') : { operands: [], absent: `${tableDisplayName(ctx, b)} 没有这一科目` },
          { subject: subjectOf(code, la, lb), noteId: 'note' },
        ),
      );
    }
    return findings;
  },
};
