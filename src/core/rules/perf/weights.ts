import { Decimal, ZERO } from '../../money/decimal';
import type { CellRef } from '../../grid/address';
import type { Finding } from '../../report';
import type { SemanticTable } from '../../tables/types';
import type { RuleContext } from '../context';
import type { Rule, RuleMeta } from '../types';
import { distinctCells, fmtScore, goals, indicatorLines, isNotApplicable, level1Groups, moneyBlock, operands, perfName, readScore, selfEvalTables, valueOf } from './lib/perf-read';

const HUNDRED = new Decimal(100);

/**
 * Weights of the 绩效自评表. 湖南: under each 一级 "(N分)" the 分值 of its rows add up to N, and
 * 预算执行 分值 + Σ N = 100 (渌口 10+50+30+10, 怀化 10+20+40+20+10, 汨罗 10+30+30+10+20). 湖北 (no 分值
 * column): 预算执行 20 + Σ 一级 "(N分)" = 100 for a project (20+40+30+10), 20 + Σ 年度目标 "(N分)" = 100
 * for the 整体 table (20+20+60).
 *
 * Rows marked 无 / 不适用 (meta.notApplicable) are left out of the sums, per DOMAIN §0.1: they are
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
  },
  check(ctx) {
    return selfEvalTables(ctx).flatMap((t) => [...level1Sums(ctx, this.meta, t), ...grandTotal(ctx, this.meta, t)]);
  },
};

function level1Sums(ctx: RuleContext, meta: RuleMeta, t: SemanticTable): Finding[] {
  if (!indicatorLines(t).some((l) => l.cells['分值'])) return [];
  const out: Finding[] = [];
  for (const g of level1Groups(t)) {
    if (g.weight === null) continue;
    const used = g.lines.filter((l) => !isNotApplicable(l));
    const cells = distinctCells(used, '分值').map((c) => ({ ref: c.ref, n: readScore(ctx, t, c.ref), label: c.lines[0].label }));
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
    out.push({
      rule: meta.id,
      severity: meta.severity,
      cells: [blamed.ref, ...(g.ref ? [g.ref] : []), ...filled.filter((c) => c !== blamed).map((c) => c.ref)].map((r) => ctx.pointer(t, r)),
      expected: fmtScore(need),
      actual: blamed.n.kind === 'amount' ? fmtScore(blamed.n.value) : null,
      message:
        `${perfName(ctx, t)} 一级指标“${g.label}（${g.weight}分）”：下属各项分值 ` +
        `${filled.length ? filled.map((c) => fmtScore(valueOf(c.n))).join(' + ') : '均为空'} = ${fmtScore(sum)} 分，` +
        `与标注的 ${g.weight} 分不符，相差 ${fmtScore(sum.minus(n).abs())} 分` +
        (excluded ? `（${excluded} 项标为“无/不适用”的指标不计入）` : '') +
        `；若“（${g.weight}分）”的标注无误，各项分值合计须${sum.greaterThan(n) ? '减少' : '增加'} ${fmtScore(sum.minus(n).abs())} 分` +
        `（例如“${short(blamed.label)}”由 ${blamed.n.kind === 'amount' ? fmtScore(blamed.n.value) : '空'} 分改为 ${fmtScore(need)} 分）。`,
      difference: fmtScore(sum.minus(n)),
    });
  }
  return out;
}

function grandTotal(ctx: RuleContext, meta: RuleMeta, t: SemanticTable): Finding[] {
  const m = moneyBlock(ctx, t);
  if (!m || m.weight.kind === 'unknown') return [];
  if (m.variant === 'hunan') operands(ctx, t, [{ ref: m.weightRef, label: '预算执行分值' }]);
  const parts: { label: string; value: Decimal; ref: CellRef | undefined }[] = [];
  if (m.weight.kind === 'amount') parts.push({ label: '预算执行', value: m.weight.value, ref: m.weightRef });
  const gs = goals(ctx, t).filter((g) => g.weight !== null);
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
    {
      rule: meta.id,
      severity: meta.severity,
      cells: parts.filter((p) => p.ref).map((p) => ctx.pointer(t, p.ref!)),
      expected: '100',
      actual: fmtScore(sum),
      message:
        `${perfName(ctx, t)} 权重合计：${parts.map((p) => `${p.label} ${fmtScore(p.value)}`).join(' + ')} = ${fmtScore(sum)} 分，` +
        `应为 100 分，相差 ${fmtScore(sum.minus(HUNDRED).abs())} 分。`,
      difference: fmtScore(sum.minus(HUNDRED)),
    },
  ];
}

function short(label: string): string {
  const one = label.replace(/\s+/g, ' ').trim();
  return one.length > 16 ? `${one.slice(0, 14)}…` : one;
}
