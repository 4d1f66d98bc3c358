import type { Finding } from '../../findings';
import type { Line, SemanticTable } from '../../tables/types';
import type { Rule } from '../types';
import { compare, isBlankOrZero, itemLines, subjectOf, tableDisplayName, type Operand, type Side, COMPARE_MESSAGES } from './lib/compare';

const TYPES = ['一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'];

/** GK04 has no fiscal carry-over: 年初 and 年末 lines (and their per-type sub-rows) all empty or 0. */
function noCarryOver(ctx: Parameters<Rule['check']>[0], gk04: SemanticTable): boolean | undefined {
  const refs = [
    gk04.at('收入.年初财政拨款结转和结余.决算数'),
    ...TYPES.map((k) => gk04.at(`收入.年初.${k}.决算数`)),
    ...['小计', ...TYPES].map((c) => gk04.cell('支出.年末财政拨款结转和结余', c)),
    ...TYPES.flatMap((k) => ['小计', ...TYPES].map((c) => gk04.cell(`支出.年末.${k}`, c))),
  ];
  for (const r of refs) {
    if (!r) continue;
    const blank = isBlankOrZero(ctx, gk04, r);
    if (blank !== true) return blank;
  }
  return true;
}

/** The spending column of GK07 / GK08: 本年支出.小计 (GK07, national GK08) or 合计 (湖北 GK08). */
function spentColumn(t: SemanticTable): string | undefined {
  return t.column('本年支出.小计') ? '本年支出.小计' : t.column('合计') ? '合计' : undefined;
}

export const gk02Gk05Fiscal: Rule = {
  meta: {
    id: 'GK02-GK05.fiscal',
    title: '收入决算表财政拨款收入与三张财政拨款支出表一致',
    severity: 'error',
    identity:
      '当财政拨款收入支出决算总表没有年初、年末财政拨款结转和结余时，收入决算表每个科目（及合计行）的“财政拨款收入” = 一般公共预算财政拨款支出决算表该科目合计 + ' +
      '政府性基金预算财政拨款收入支出决算表该科目本年支出小计 + 国有资本经营预算财政拨款支出决算表该科目合计',
    tables: ['GK02', 'GK04', 'GK05'],
    source: 'B10',
    level: 'mandatory',
    messages: { ...COMPARE_MESSAGES, note:
      '没有财政拨款结转结余时，本年取得的财政拨款应全部形成同一科目的财政拨款支出（一般公共预算、政府性基金、国有资本经营三张支出表之和）。' },
  },
  check(ctx) {
    const gk02 = ctx.only('GK02');
    const gk04 = ctx.only('GK04');
    const gk05 = ctx.only('GK05');
    if (!gk02 || !gk04 || !gk05) return [];
    if (noCarryOver(ctx, gk04) !== true) return [];
    // GK07/GK08 missing: fine only when GK04 shows no spending of that budget type.
    const others: { table: SemanticTable; col: string }[] = [];
    for (const [type, k] of [
      ['GK07', '政府性基金预算财政拨款'],
      ['GK08', '国有资本经营预算财政拨款'],
    ] as const) {
      const t = ctx.only(type);
      const col = t && spentColumn(t);
      if (t && col) others.push({ table: t, col });
      else if (ctx.tablesOf(type).length > 0 || isBlankOrZero(ctx, gk04, gk04.cell('支出.本年支出合计', k)) !== true) return [];
    }
    const spending = [{ table: gk05, col: '合计' }, ...others];
    const colLabel = (col: string, total: boolean) => `${total ? '合计行' : ''}“${col === '本年支出.小计' ? '本年支出小计' : col}”栏`;
    const findings: Finding[] = [];

    const sideOf = (rows: { table: SemanticTable; line: Line | undefined; col: string }[]): Operand[] =>
      rows
        .filter((r) => r.line && r.line.cells[r.col])
        .map((r) => ({ table: r.table, ref: r.line!.cells[r.col], label: colLabel(r.col, r.line!.kind === 'total') }));

    if (gk02.line('合计')) {
      const right: Side = { operands: sideOf(spending.map((s) => ({ ...s, line: s.table.line('合计') }))) };
      findings.push(
        ...compare(ctx, this.meta, { operands: sideOf([{ table: gk02, line: gk02.line('合计'), col: '财政拨款收入' }]) }, right, {
          subject: '合计·财政拨款收入',
          noteId: 'note',
        }),
      );
    }
    const items = [gk02, ...spending.map((s) => s.table)].map(itemLines);
    const codes = [...new Set(items.flatMap((m) => [...m.keys()]))].sort();
    for (const code of codes) {
      const l2 = items[0].get(code);
      const right = sideOf(spending.map((s, i) => ({ ...s, line: items[i + 1].get(code) })));
      findings.push(
        ...compare(
          ctx,
          this.meta,
          l2 ? { operands: sideOf([{ table: gk02, line: l2, col: '财政拨款收入' }]) } : { operands: [], absent: `${tableDisplayName(ctx, gk02)} 没有这一科目` },
          { operands: right, absent: '三张财政拨款支出表都没有这一科目' },
          { subject: subjectOf(code, l2, ...items.slice(1).map((m) => m.get(code))), noteId: 'note' },
        ),
      );
    }
    return findings;
  },
};
