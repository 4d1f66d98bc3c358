import { Decimal } from '../../money/decimal';
import { createFinding, type Finding } from '../../findings';
import type { Line, SemanticTable } from '../../tables/types';
import type { RuleContext } from '../context';
import type { Rule, RuleMeta } from '../types';
import { formatScore } from '../../money/format';
import { moneyBlock } from '../../reading/perf';
import { distinctCells, indicatorLines, isNotApplicable, perfTableName, selfEvalTables } from '../../tables/perf-structure';
import { type Operand, sumCheck, SUM_CHECK_MESSAGES } from './lib/perf-checks';

const HUNDRED = new Decimal(100);

/**
 * 总分 of the 绩效自评表 = 预算执行得分 + Σ indicator 得分, each merged (shared) score counted once
 * and 无/不适用 rows left out. 湖南 tables also print the 总分 分值: it must equal 预算执行分值 + Σ 分值,
 * and be 100.
 */
export const perfTotalScore: Rule = {
  meta: {
    id: 'PERF.total-score',
    title: '绩效自评表：总分',
    severity: 'error',
    identity:
      '总分 = 预算执行得分 + Σ 各指标得分（同一合并得分单元格只计一次，“无”“不适用”的指标不计入）；' +
      '湖南表的总分分值 = 预算执行分值 + Σ 各指标分值 = 100。',
    tables: [],
    source: 'A18/A20',
    level: 'mandatory',
    scope: 'table',
    messages: { ...SUM_CHECK_MESSAGES, weightNot100: '{{table}} 总分的分值为 {{weight}} 分，应为 100 分。' },
  },
  check(ctx) {
    return selfEvalTables(ctx.tables).flatMap((t) => totals(ctx, this.meta, t));
  },
};

function totals(ctx: RuleContext, meta: RuleMeta, t: SemanticTable): Finding[] {
  const total = t.line('总分');
  const m = moneyBlock(ctx, t);
  if (!total || !m) return [];
  const used = indicatorLines(t).filter((l) => !isNotApplicable(l));
  const part = (ref: Operand['ref'], label: string): Operand => ({ ref, label, reading: ctx.readScore(t, ref) });
  const out: Finding[] = [];

  const scoreCells = distinctCells(used, '得分');
  const scoreParts = [part(m.score, '预算执行'), ...scoreCells.map((c) => part(c.ref, ''))];
  out.push(
    ...sumCheck(ctx, meta, t, part(total.cells['得分'], '总分'), scoreParts, {
      subject: '总分（得分）',
      unit: '分',
      fmt: formatScore,
      partsText: grouped(scoreParts[0], scoreCells, scoreParts.slice(1)),
    }),
  );

  if (total.cells['分值'] && used.some((l) => l.cells['分值'])) {
    const weightCells = distinctCells(used, '分值');
    const weightParts = [part(m.weightRef, '预算执行'), ...weightCells.map((c) => part(c.ref, ''))];
    const totalWeight = part(total.cells['分值'], '总分分值');
    out.push(
      ...sumCheck(ctx, meta, t, totalWeight, weightParts, {
        subject: '总分（分值）',
        unit: '分',
        fmt: formatScore,
        partsText: grouped(weightParts[0], weightCells, weightParts.slice(1)),
      }),
    );
    const w = totalWeight.reading;
    if (w.kind === 'amount' && !w.value.equals(HUNDRED)) {
      out.push(
        createFinding(meta, 'weightNot100', { table: perfTableName(t), weight: formatScore(w.value) }, {
          cells: [ctx.pointer(t, total.cells['分值'])],
          expected: '100',
          actual: formatScore(w.value),
          difference: formatScore(w.value.minus(HUNDRED)),
        }),
      );
    }
  }
  return out;
}

/**
 * The parts of a sum as a person reads them: 预算执行, then one subtotal per 一级 (per 年度目标 and
 * 一级 in the 湖北 整体 table): "预算执行 10 + 产出指标 30 + 效益指标 40 + 满意度指标 9 + 成本指标 20".
 * A merged score spanning several 一级 is named after its 年度目标.
 */
function grouped(first: Operand, cells: { lines: Line[] }[], parts: Operand[]): string {
  const items: { label: string; value: Decimal }[] = [];
  if (first.reading.kind === 'amount') items.push({ label: first.label, value: first.reading.value });
  cells.forEach((c, i) => {
    const r = parts[i].reading;
    if (r.kind !== 'amount') return;
    const level1 = [...new Set(c.lines.map((l) => String(l.meta?.level1 ?? '')))];
    const goal = typeof c.lines[0].meta?.goal === 'string' ? c.lines[0].meta.goal : '';
    const label = level1.length > 1 ? goal || level1.join('/') : `${goal ? goal + ' ' : ''}${level1[0] || '指标'}`;
    const last = items[items.length - 1];
    if (last && last.label === label && items.length > 1) {
      last.value = last.value.plus(r.value);
    } else items.push({ label, value: r.value });
  });
  return items.length ? items.map((x) => `${x.label} ${formatScore(x.value)}`).join(' + ') : '各组成项均为空';
}
