import { Decimal, ZERO } from '../../money/decimal';
import type { CellRef } from '../../grid/address';
import { createFinding, type Finding, type MessageData } from '../../findings';
import type { SemanticTable } from '../../tables/types';
import type { RuleContext } from '../context';
import type { Rule, RuleMeta } from '../types';
import { formatScore } from '../../money/format';
import { valueOf } from '../../reading';
import { moneyBlock } from '../../reading/perf';
import { distinctCells, goals, indicatorLines, isNotApplicable, level1Groups, perfTableName, selfEvalTables } from '../../tables/perf-structure';

/**
 * 得分不得突破权重: 湖南 each indicator's 得分 ≤ its 分值 (and 预算执行 得分 ≤ 分值). 湖北 tables have no
 * 分值 column and often merge one score over a whole 一级 ("40", "20分"): there the scores under a
 * 一级 (each merged score once) must not exceed the "(N分)" of the 一级, and in the 整体 table, whose
 * 一级 carry no weight, the scores of a 年度目标 must not exceed the goal's "(N分)".
 */
export const perfScoreCap: Rule = {
  meta: {
    id: 'PERF.score-cap',
    title: '绩效自评表：得分不超过分值',
    severity: 'error',
    identity:
      '每项得分 ≤ 其分值（湖南）；预算执行得分 ≤ 其权重；湖北表没有分值列，同一一级指标下各得分（合并单元格只计一次）之和 ≤ 一级指标的“(N分)”，' +
      '部门整体表同一年度目标下的得分之和 ≤ 年度目标的“(N分)”。',
    tables: [],
    source: 'A18/A20',
    level: 'mandatory',
    scope: 'table',
    messages: {
      moneyOver: '{{table}} 预算执行：得分 {{score}} 超过其权重（分值）{{cap}} 分，多出 {{excess}} 分；得分不得突破权重。',
      indicatorOver: '{{table}} 指标“{{indicator}}”（{{what}}）：得分 {{score}} 超过其分值 {{cap}} 分，多出 {{excess}} 分；得分不得突破权重。',
      groupOver:
        '{{table}} {{group}}：各项得分 {{scores}}（合并的得分只计一次），超过其权重 {{weight}} 分，多出 {{excess}} 分；得分不得突破权重。' +
        '若其余得分无误，其中最大的一项 {{largest}} 分最多只能是 {{allowed}} 分。',
    },
  },
  check(ctx) {
    return selfEvalTables(ctx.tables).flatMap((t) => [...moneyCap(ctx, this.meta, t), ...indicatorCaps(ctx, this.meta, t)]);
  },
};

function moneyCap(ctx: RuleContext, meta: RuleMeta, t: SemanticTable): Finding[] {
  const m = moneyBlock(ctx, t);
  if (!m || !m.score || m.weight.kind !== 'amount') return [];
  const s = ctx.readScore(t, m.score);
  if (s.kind !== 'amount' || s.value.lessThanOrEqualTo(m.weight.value)) return [];
  const cells = [m.score, m.weightRef].filter((r): r is CellRef => !!r).map((r) => ctx.pointer(t, r));
  return [over(meta, 'moneyOver', { table: perfTableName(t), score: formatScore(s.value) }, cells, s.value, m.weight.value)];
}

function indicatorCaps(ctx: RuleContext, meta: RuleMeta, t: SemanticTable): Finding[] {
  const lines = indicatorLines(t).filter((l) => !isNotApplicable(l));
  const out: Finding[] = [];
  const name = perfTableName(t);
  if (lines.some((l) => l.cells['分值'])) {
    // 湖南: per score cell, against the 分值 of the rows sharing it.
    for (const sc of distinctCells(lines, '得分')) {
      const s = ctx.readScore(t, sc.ref);
      if (s.kind !== 'amount') continue;
      const weights = distinctCells(sc.lines, '分值').map((w) => ({ ref: w.ref, n: ctx.readScore(t, w.ref) }));
      if (weights.length === 0 || weights.some((w) => w.n.kind === 'unknown') || weights.every((w) => w.n.kind === 'empty')) continue;
      const cap = weights.reduce((acc, w) => acc.plus(valueOf(w.n)), ZERO);
      if (s.value.lessThanOrEqualTo(cap)) continue;
      const l = sc.lines[0];
      const what = `${String(l.meta?.level1 ?? '')}/${String(l.meta?.level2 ?? '')}`.replace(/^\/|\/$/g, '');
      out.push(
        over(meta, 'indicatorOver', { table: name, indicator: l.label, what, score: formatScore(s.value) }, [ctx.pointer(t, sc.ref), ...weights.map((w) => ctx.pointer(t, w.ref))], s.value, cap),
      );
    }
    return out;
  }
  // 湖北: Σ scores under a weighted 一级, and under a weighted 年度目标.
  const groups: { label: string; weight: number; ref: CellRef | undefined; lines: typeof lines }[] = [];
  for (const g of level1Groups(t)) {
    if (g.weight !== null) groups.push({ label: `一级指标“${g.label}（${g.weight}分）”`, weight: g.weight, ref: g.ref, lines: g.lines.filter((l) => !isNotApplicable(l)) });
  }
  for (const g of goals(ctx.grid(t), t)) {
    if (g.weight !== null) groups.push({ label: `“${g.goal}（${g.weight}分）${g.name ? ' ' + g.name : ''}”`, weight: g.weight, ref: g.ref, lines: g.lines.filter((l) => !isNotApplicable(l)) });
  }
  for (const g of groups) {
    const scores = distinctCells(g.lines, '得分').map((c) => ({ ref: c.ref, n: ctx.readScore(t, c.ref) }));
    if (scores.some((s) => s.n.kind === 'unknown')) continue;
    const filled = scores.filter((s) => s.n.kind === 'amount');
    if (filled.length === 0) continue;
    const sum = filled.reduce((acc, s) => acc.plus(valueOf(s.n)), ZERO);
    const cap = new Decimal(g.weight);
    if (sum.lessThanOrEqualTo(cap)) continue;
    // Named first (with expected/actual): the largest score, at most cap − the others.
    const blamed = filled.reduce((a, b) => (valueOf(b.n).greaterThan(valueOf(a.n)) ? b : a));
    const need = cap.minus(sum.minus(valueOf(blamed.n)));
    const parts = filled.map((s) => formatScore(valueOf(s.n))).join(' + ');
    const allowed = formatScore(Decimal.max(ZERO, need));
    const largest = formatScore(valueOf(blamed.n));
    out.push({
      ...over(
        meta,
        'groupOver',
        { table: name, group: g.label, scores: filled.length > 1 ? `${parts} = ${formatScore(sum)}` : formatScore(sum), weight: g.weight, largest, allowed },
        [blamed.ref, ...(g.ref ? [g.ref] : []), ...filled.filter((s) => s !== blamed).map((s) => s.ref)].map((r) => ctx.pointer(t, r)),
        sum,
        cap,
      ),
      expected: allowed,
      actual: largest,
    });
  }
  return out;
}

function over(meta: RuleMeta, messageId: string, data: MessageData, cells: Finding['cells'], actual: Decimal, cap: Decimal): Finding {
  return createFinding(meta, messageId, { ...data, cap: formatScore(cap), excess: formatScore(actual.minus(cap)) }, {
    cells,
    expected: formatScore(cap),
    actual: formatScore(actual),
    difference: formatScore(actual.minus(cap)),
  });
}
