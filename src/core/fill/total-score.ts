import type { CellRef } from '../grid/address';
import { ZERO } from '../money/decimal';
import type { WorkbookReader } from '../reading';
import { moneyBlock } from '../reading/perf';
import { distinctCells, indicatorLines, isNotApplicable } from '../tables/perf-structure';
import type { SemanticTable } from '../tables/types';
import { sumOf } from './formula';
import type { Calculator, CellWrite } from './types';

/**
 * 总分 = 预算执行得分 + Σ 指标得分 (a merged score shared by rows counted once, 无/不适用 left out);
 * 湖南 tables also get 总分分值 = 预算执行分值 + Σ 分值. A score typed as text ("20分") is invisible to
 * Excel's SUM, so such a table gets no 总分 formula (the hygiene rules report the text).
 */
export const totalScore: Calculator = {
  quantity: '总分',
  title: '总分 = Σ 得分',
  plan(tables, ctx) {
    const out: CellWrite[] = [];
    for (const t of tables) {
      if (t.type !== 'PERF_DEPT' && t.type !== 'PERF_PROJECT') continue;
      const total = t.line('总分');
      const money = moneyBlock(ctx, t);
      if (!total || !money) continue;
      const used = indicatorLines(t).filter((l) => !isNotApplicable(l));
      for (const [column, head] of [['得分', money.score], ['分值', money.line.cells['分值']]] as const) {
        const target = total.cells[column];
        if (!target || !head) continue;
        const refs: CellRef[] = [head, ...distinctCells(used, column).map((d) => d.ref)].filter((r) => !(r.row === target.row && r.col === target.col));
        const sum = numericSum(ctx, t, refs);
        if (!sum) continue;
        out.push({
          sheet: t.sheet,
          ref: target,
          formula: sumOf(refs),
          inputs: refs,
          value: sum,
          numFmt: sum.decimalPlaces() > 0 ? '0.00' : '0',
          quantity: '总分',
          description: `${t.sheet} 总分（${column}）= 预算执行${column} + 各指标${column}之和`,
        });
      }
    }
    return out;
  },
};

function numericSum(ctx: WorkbookReader, t: SemanticTable, refs: readonly CellRef[]) {
  let total = ZERO;
  for (const r of refs) {
    const reading = ctx.read(t, r);
    if (reading.kind === 'unknown') return null;
    if (reading.kind === 'amount') total = total.plus(reading.value);
  }
  return total;
}
