import { Decimal, ZERO } from '../../money/decimal';
import type { CellRef } from '../../grid/address';
import { createFinding, type Finding } from '../../findings';
import type { SemanticTable } from '../../tables/types';
import type { RuleContext } from '../context';
import type { Rule, RuleMeta } from '../types';
import { formatScore } from '../../money/format';
import { valueOf } from '../../reading';
import { moneyBlock } from '../../reading/perf';
import { distinctCells, goals, indicatorLines, isNotApplicable, level1Groups, perfTableName, selfEvalTables } from '../../tables/perf-structure';
import { operands } from './lib/perf-checks';

const HUNDRED = new Decimal(100);

/**
 * Weights of the 绩效自评表. 湖南: under each 一级 "(N分)" the 分值 of its rows add up to N, and
 * 预算执行 分值 + Σ N = 100 (渌口 10+50+30+10, 怀化 10+20+40+20+10, 汨罗 10+30+30+10+20). 湖北 (no 分值
 * column): 预算执行 20 + Σ 一级 "(N分)" = 100 for a project (20+40+30+10), 20 + Σ 年度目标 "(N分)" = 100
 * for the 整体 table (20+20+60).
 *
 * Rows marked 无 / 不适用 (meta.notApplicable) are left out of the sums, per docs/domain.md §0.1: they are
 * indicators not used, and the weights of the remaining rows must still add up to N. (In the seeds
 * they carry no 分值, "无" or 0, so counting them as 0 would give the same sums.)
 */
export const perfWeights: Rule = {
  meta: {
    id: 'PERF.weights',
    title: '绩效自评表：指标权重合计',
    severity: 'error',
    identity:
      '湖南：每个一级指标“(N分)”下各行分值之和 = N（标为“无”“不适用”的指标不计入，其余指标的分值仍须加满 N）；预算执行分值 + Σ 一级指标 N = 100。' +
      '湖北：项目表 预算执行 20 + 产出 40 + 效益 30 + 满意度 10 = 100；部门整体表 预算执行 20 + 年度目标1 20 + 年度目标2 60 = 100。',
    tables: [],
    source: 'A18/A20',
    level: 'mandatory',
    scope: 'table',
    messages: {
      level1Mismatch:
        '{{table}} 一级指标“{{group}}（{{weight}}分）”：下属各项分值 {{weights}} = {{sum}} 分，与标注的 {{weight}} 分不符，相差 {{difference}} 分{{excluded}}；' +
        '若“（{{weight}}分）”的标注无误，各项分值合计须{{direction}} {{difference}} 分（例如“{{indicator}}”由 {{from}} 分改为 {{to}} 分）。',
      totalNot100: '{{table}} 权重合计：{{parts}} = {{sum}} 分，应为 100 分，相差 {{difference}} 分。',
    },
  },
  check(ctx) {
    return selfEvalTables(ctx.tables).flatMap((t) => [...level1Sums(ctx, this.meta, t), ...grandTotal(ctx, this.meta, t)]);
  },
};

function level1Sums(ctx: RuleContext, meta: RuleMeta, t: SemanticTable): Finding[] {
  if (!indicatorLines(t).some((l) => l.cells['分值'])) return [];
  const out: Finding[] = [];
  for (const g of level1Groups(t)) {
    if (g.weight === null) continue;
    const used = g.lines.filter((l) => !isNotApplicable(l));
    const cells = distinctCells(used, '分值').map((c) => ({ ref: c.ref, n: ctx.readScore(t, c.ref), label: c.lines[0].label }));
    if (cells.length === 0 || cells.some((c) => c.n.kind === 'unknown')) continue;
    operands(ctx, t, cells);
    const sum = cells.reduce((acc, c) => acc.plus(valueOf(c.n)), ZERO);
    const n = new Decimal(g.weight);
    if (sum.equals(n)) continue;
    const filled = cells.filter((c) => c.n.kind === 'amount');
    const excluded = g.lines.length - used.length;
    // The cell named first (and given as expected/actual) is the last 分值 of the group: the value it
    // would need if the label and the other rows are right. The message gives the whole sum.
    const blamed = filled[filled.length - 1] ?? cells[cells.length - 1];
    const need = n.minus(sum.minus(valueOf(blamed.n)));
    out.push(
      createFinding(
        meta,
        'level1Mismatch',
        {
          table: perfTableName(t),
          group: g.label,
          weight: g.weight,
          weights: filled.length ? filled.map((c) => formatScore(valueOf(c.n))).join(' + ') : '均为空',
          sum: formatScore(sum),
          difference: formatScore(sum.minus(n).abs()),
          excluded: excluded ? `（${excluded} 项标为“无/不适用”的指标不计入）` : '',
          direction: sum.greaterThan(n) ? '减少' : '增加',
          indicator: short(blamed.label),
          from: blamed.n.kind === 'amount' ? formatScore(blamed.n.value) : '空',
          to: formatScore(need),
        },
        {
          cells: [blamed.ref, ...(g.ref ? [g.ref] : []), ...filled.filter((c) => c !== blamed).map((c) => c.ref)].map((r) => ctx.pointer(t, r)),
          expected: formatScore(need),
          actual: blamed.n.kind === 'amount' ? formatScore(blamed.n.value) : null,
          difference: formatScore(sum.minus(n)),
        },
      ),
    );
  }
  return out;
}

function grandTotal(ctx: RuleContext, meta: RuleMeta, t: SemanticTable): Finding[] {
  const m = moneyBlock(ctx, t);
  if (!m || m.weight.kind === 'unknown') return [];
  if (m.variant === 'hunan') operands(ctx, t, [{ ref: m.weightRef, label: '预算执行分值' }]);
  const parts: { label: string; value: Decimal; ref: CellRef | undefined }[] = [];
  if (m.weight.kind === 'amount') parts.push({ label: '预算执行', value: m.weight.value, ref: m.weightRef });
  const gs = goals(ctx.grid(t), t).filter((g) => g.weight !== null);
  if (gs.length > 0) {
    for (const g of gs) parts.push({ label: g.goal, value: new Decimal(g.weight!), ref: g.ref });
  } else {
    const groups = level1Groups(t);
    if (groups.some((g) => g.weight === null)) return [];
    for (const g of groups) parts.push({ label: g.label, value: new Decimal(g.weight!), ref: g.ref });
  }
  if (parts.length < 2) return [];
  const sum = parts.reduce((acc, p) => acc.plus(p.value), ZERO);
  if (sum.equals(HUNDRED)) return [];
  return [
    createFinding(
      meta,
      'totalNot100',
      { table: perfTableName(t), parts: parts.map((p) => `${p.label} ${formatScore(p.value)}`).join(' + '), sum: formatScore(sum), difference: formatScore(sum.minus(HUNDRED).abs()) },
      { cells: parts.filter((p) => p.ref).map((p) => ctx.pointer(t, p.ref!)), expected: '100', actual: formatScore(sum), difference: formatScore(sum.minus(HUNDRED)) },
    ),
  ];
}

function short(label: string): string {
  const one = label.replace(/\s+/g, ' ').trim();
  return one.length > 16 ? `${one.slice(0, 14)}…` : one;
}
