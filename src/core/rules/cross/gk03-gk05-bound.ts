import type { Finding } from '../../findings';
import type { Rule } from '../types';
import { cell, compare, itemLines, subjectOf, tableDisplayName, COMPARE_MESSAGES } from './lib/compare';

const COLUMNS: readonly [string, string][] = [
  ['合计', '合计'],
  ['基本支出', '基本支出'],
  ['项目支出', '项目支出'],
];

export const gk03Gk05Bound: Rule = {
  meta: {
    id: 'GK03-GK05.bound',
    title: '一般公共预算财政拨款支出不超过部门支出',
    severity: 'error',
    identity:
      '一般公共预算财政拨款支出决算表每个科目（及合计行）的合计、基本支出、项目支出，都不大于支出决算表同一科目的本年支出合计、基本支出、项目支出：' +
      '支出决算表是部门全部资金的支出，一般公共预算财政拨款只是其中一部分（两表之差是其他收入、政府性基金、上级补助等资金安排的支出）',
    tables: ['GK03', 'GK05'],
    source: 'B09',
    level: 'mandatory',
    messages: { ...COMPARE_MESSAGES, note:
      '一般公共预算财政拨款支出是部门支出的一部分，不应大于支出决算表的同一数字。' },
  },
  check(ctx) {
    const a = ctx.only('GK05');
    const b = ctx.only('GK03');
    if (!a || !b) return [];
    const findings: Finding[] = [];
    const colName = (t: 'GK03' | 'GK05', k: string) => (k === '合计' ? (t === 'GK03' ? '本年支出合计' : '合计') : k);
    if (a.line('合计') && b.line('合计')) {
      for (const [ka, kb] of COLUMNS) {
        const ra = a.cell('合计', ka);
        const rb = b.cell('合计', kb);
        if (!ra || !rb) continue;
        findings.push(
          ...compare(ctx, this.meta, cell(a, ra, `合计行“${colName('GK05', ka)}”栏`), cell(b, rb, `合计行“${colName('GK03', kb)}”栏`), {
            subject: `合计·${ka}`,
            mode: 'le',
            noteId: 'note',
          }),
        );
      }
    }
    const ib = itemLines(b);
    for (const [code, la] of itemLines(a)) {
      const lb = ib.get(code);
      for (const [ka, kb] of COLUMNS) {
        const ra = la.cells[ka];
        if (!ra) continue;
        findings.push(
          ...compare(
            ctx,
            this.meta,
            cell(a, ra, `“${colName('GK05', ka)}”栏`),
            lb ? cell(b, lb.cells[kb], `“${colName('GK03', kb)}”栏`) : { operands: [], absent: `${tableDisplayName(ctx, b)} 没有这一科目` },
            { subject: `${subjectOf(code, la, lb)}·${ka}`, mode: 'le', noteId: 'note' },
          ),
        );
      }
    }
    return findings;
  },
};
