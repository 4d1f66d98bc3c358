import type { Finding } from '../../findings';
import type { Rule } from '../types';
import { cell, classCodesOf, classOperands, compare, tableDisplayName, COMPARE_MESSAGES } from './lib/compare';

export const gk01Gk03Classes: Rule = {
  meta: {
    id: 'GK01-GK03.classes',
    title: '收入支出决算总表与支出决算表：支出合计及各类支出一致',
    severity: 'error',
    identity:
      '收入支出决算总表的本年支出合计 = 支出决算表合计行“本年支出合计”栏；收入支出决算总表每个功能分类“类”行的决算数 = 支出决算表中科目编码以该类编码开头的各“项”行本年支出合计之和' +
      '（支出决算表印有类小计行时，改与该类小计行比较，不与其下各项重复相加）',
    tables: ['GK01', 'GK03'],
    source: 'B03',
    level: 'mandatory',
    messages: COMPARE_MESSAGES,
  },
  check(ctx) {
    const a = ctx.only('GK01');
    const b = ctx.only('GK03');
    if (!a || !b) return [];
    const findings: Finding[] = [];
    const ra = a.at('支出.本年支出合计.决算数');
    const rb = b.cell('合计', '合计');
    if (ra && rb) findings.push(...compare(ctx, this.meta, cell(a, ra, '本年支出合计'), cell(b, rb, '合计行“本年支出合计”栏'), { subject: '本年支出合计' }));

    const classes = a.lines.filter((l) => l.group === '支出' && l.level === '类' && l.code);
    for (const l of classes) {
      const code = l.code!;
      const parts = classOperands(b, code, '合计', '本年支出合计');
      const name = l.label.replace(/^[一二三四五六七八九十]+、/, '');
      findings.push(
        ...compare(
          ctx,
          this.meta,
          cell(a, l.cells['决算数'], `${name}`),
          { operands: parts, name: `类 ${code} 各项本年支出合计`, absent: `${tableDisplayName(ctx, b)} 没有类 ${code} 的科目行` },
          { subject: `类 ${code} ${name}` },
        ),
      );
    }

    // 类 spent in GK03 that GK01 does not list at all (GK01 rows it could not name are given the benefit of the doubt).
    const listed = new Set(classes.map((l) => l.code!));
    const unnamed = a.lines.some((l) => l.group === '支出' && l.meta?.unknownItem);
    if (!unnamed) {
      for (const code of classCodesOf(b)) {
        if (listed.has(code)) continue;
        findings.push(
          ...compare(
            ctx,
            this.meta,
            { operands: [], absent: `${tableDisplayName(ctx, a)} 没有类 ${code} 这一行` },
            { operands: classOperands(b, code, '合计', '本年支出合计'), name: `类 ${code} 各项本年支出合计` },
            { subject: `类 ${code}` },
          ),
        );
      }
    }
    return findings;
  },
};
