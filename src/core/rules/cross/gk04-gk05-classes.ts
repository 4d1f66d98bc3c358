import type { Finding } from '../../findings';
import type { Rule } from '../types';
import { cell, classCodesOf, classOperands, compare, tableDisplayName, COMPARE_MESSAGES } from './lib/compare';

const COL = '一般公共预算财政拨款';

export const gk04Gk05Classes: Rule = {
  meta: {
    id: 'GK04-GK05.classes',
    title: '财政拨款收入支出决算总表与一般公共预算财政拨款支出决算表：一般公共预算支出一致',
    severity: 'error',
    identity:
      '财政拨款收入支出决算总表本年支出合计行的“一般公共预算财政拨款”栏 = 一般公共预算财政拨款支出决算表合计行“合计”栏；财政拨款收入支出决算总表每个功能分类“类”行的“一般公共预算财政拨款”栏 = ' +
      '一般公共预算财政拨款支出决算表中该类各“项”行合计栏之和（印有类小计行时改与类小计行比较）',
    tables: ['GK04', 'GK05'],
    source: 'B05',
    level: 'mandatory',
    messages: COMPARE_MESSAGES,
  },
  check(ctx) {
    const a = ctx.only('GK04');
    const b = ctx.only('GK05');
    if (!a || !b) return [];
    const findings: Finding[] = [];
    const ra = a.cell('支出.本年支出合计', COL);
    const rb = b.cell('合计', '合计');
    if (ra && rb)
      findings.push(...compare(ctx, this.meta, cell(a, ra, '本年支出合计行“一般公共预算财政拨款”栏'), cell(b, rb, '合计行“合计”栏'), { subject: '一般公共预算财政拨款支出合计' }));

    const classes = a.lines.filter((l) => l.group === '支出' && l.level === '类' && l.code && l.cells[COL]);
    for (const l of classes) {
      const code = l.code!;
      const name = l.label.replace(/^[一二三四五六七八九十]+、/, '');
      findings.push(
        ...compare(
          ctx,
          this.meta,
          cell(a, l.cells[COL], `${name}“一般公共预算财政拨款”栏`),
          { operands: classOperands(b, code, '合计', '合计'), name: `类 ${code} 各项合计`, absent: `${tableDisplayName(ctx, b)} 没有类 ${code} 的科目行` },
          { subject: `类 ${code} ${name}` },
        ),
      );
    }
    const listed = new Set(classes.map((l) => l.code!));
    if (!a.lines.some((l) => l.group === '支出' && l.meta?.unknownItem)) {
      for (const code of classCodesOf(b)) {
        if (listed.has(code)) continue;
        findings.push(
          ...compare(
            ctx,
            this.meta,
            { operands: [], absent: `${tableDisplayName(ctx, a)} 没有类 ${code} 这一行` },
            { operands: classOperands(b, code, '合计', '合计'), name: `类 ${code} 各项合计` },
            { subject: `类 ${code}` },
          ),
        );
      }
    }
    return findings;
  },
};
