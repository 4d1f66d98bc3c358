import { classifyDifference } from '../../money/tolerance';
import { ZERO } from '../../money/decimal';
import { createFinding, type Finding } from '../../findings';
import { formatAmount } from '../../money/format';
import type { SemanticTable } from '../../tables/types';
import type { RuleContext } from '../context';
import type { Rule } from '../types';
import { IDENTITY_MESSAGES, sumIdentity } from '../lib/identity';

const OFFICE_PARTS = ['办公经费', '水费电费差旅费', '会议费培训费'];
const PART_NAMES: Record<string, string> = { 办公经费: '办公经费', 水费电费差旅费: '水费、电费、差旅费', 会议费培训费: '会议费、培训费' };

/**
 * 基础数据表, per column: 专项资金 = Σ the 专项 rows under it (怀化, "一个专项一行"); 3、县级专项资金 = Σ the
 * itemized projects under it (汨罗); 公用经费 ≥ 办公经费 + 水费、电费、差旅费 + 会议费、培训费 (they are only
 * "其中" items of 公用经费: less is an error, more is normal). "——" counts as blank.
 */
export const baseSpecialFunds: Rule = {
  meta: {
    id: 'BASE.special-funds',
    title: '基础数据表：专项资金与公用经费',
    severity: 'error',
    identity:
      '各列：专项资金 = Σ 各专项行（怀化）；县级专项资金 = Σ 其下逐项列出的专项（汨罗）；公用经费 ≥ 办公经费 + 水费、电费、差旅费 + 会议费、培训费（其中项之和不得超过公用经费）',
    tables: ['PERF_BASE'],
    source: 'A24',
    level: 'mandatory',
    scope: 'table',
    messages: {
      ...IDENTITY_MESSAGES,
      officeOver: '{{table}} {{column}}：公用经费{{total}}，小于其中项 {{parts}} = {{sum}} {{unit}}，少 {{difference}} {{unit}}；其中项之和不能超过公用经费。',
      officeOverRounding: '{{table}} {{column}}：公用经费{{total}}，小于其中项 {{parts}} = {{sum}} {{unit}}，少 {{difference}} {{unit}}，在四舍五入的尾差范围内（尾差）。',
    },
  },
  check(ctx) {
    return ctx.tablesOf('PERF_BASE').flatMap((t) =>
      t.columns
        .filter((c) => c.group === '经费控制情况')
        .flatMap((c) => [...specials(ctx, this, t, c.key), ...office(ctx, this, t, c.key)]),
    );
  },
};

function specials(ctx: RuleContext, rule: Rule, t: SemanticTable, col: string): Finding[] {
  const colName = t.column(col)?.label ?? col;
  return ['专项资金', '县级专项资金'].flatMap((head) => {
    if (!t.line(head)) return [];
    const items = t.lines.filter((l) => l.group === head && l.key.startsWith('专项.'));
    if (items.length === 0) return [];
    return sumIdentity(ctx, 
      rule.meta,
      { table: t, ref: t.cell(head, col), label: head },
      items.map((l) => ({ table: t, ref: l.cells[col], label: l.key.slice(3) })),
      `${colName}列`,
    );
  });
}

function office(ctx: RuleContext, rule: Rule, t: SemanticTable, col: string): Finding[] {
  const totalRef = t.cell('公用经费', col);
  if (!totalRef) return [];
  const total = ctx.read(t, totalRef);
  const parts = OFFICE_PARTS.filter((k) => t.cell(k, col)).map((k) => ({ key: k, ref: t.cell(k, col)!, r: ctx.read(t, t.cell(k, col)) }));
  if (total.kind === 'unknown' || parts.some((p) => p.r.kind === 'unknown')) return [];
  const filled = parts.filter((p) => p.r.kind === 'amount');
  if (filled.length === 0) return [];
  const totalValue = total.kind === 'amount' ? total.value : ZERO;
  const sum = filled.reduce((acc, p) => acc.plus(p.r.kind === 'amount' ? p.r.value : ZERO), ZERO);
  const diff = totalValue.minus(sum);
  if (diff.greaterThanOrEqualTo(0)) return [];
  const verdict = classifyDifference(diff, filled.length, ctx.settings.tolerance);
  const unit = ctx.unitOf(t);
  const colName = t.column(col)?.label ?? col;
  const partText = filled.map((p) => `${PART_NAMES[p.key]} ${formatAmount(p.r.kind === 'amount' ? p.r.value : ZERO)}`).join(' + ');
  const rounding = verdict === 'rounding';
  return [
    createFinding(
      rule.meta,
      rounding ? 'officeOverRounding' : 'officeOver',
      {
        table: ctx.tableName(t),
        column: colName,
        total: total.kind === 'amount' ? ` ${formatAmount(totalValue)} ${unit}` : '为空',
        parts: partText,
        sum: formatAmount(sum),
        unit,
        difference: formatAmount(diff.abs()),
      },
      {
        severity: rounding ? 'warning' : rule.meta.severity,
        cells: [ctx.pointer(t, totalRef), ...filled.map((p) => ctx.pointer(t, p.ref))],
        expected: formatAmount(sum),
        actual: total.kind === 'amount' ? formatAmount(totalValue) : null,
        difference: formatAmount(diff),
        rounding,
      },
    ),
  ];
}
