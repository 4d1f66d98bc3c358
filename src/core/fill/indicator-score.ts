import { Decimal } from '../money/decimal';
import type { CellValue } from '../grid/grid';
import { a1 } from './formula';
import { parseActual, parseTarget, quantitativeScore, unitFactor, isQuantity } from './indicator';
import { excelRound } from './read';
import { scorableIndicators } from './indicator-rows';
import type { Calculator, CellWrite } from './types';

/**
 * 定量指标得分 (000 备注2): 正向 (target ≥X) 分值 × B/A, 反向 (≤X) 分值 × A/B, capped at 分值, 2 decimals.
 * Only rows with their own 分值 and 得分 cells (the 湖南 templates; 湖北 scores one merged cell per
 * 一级). Target and actual come from their texts ("≥10000套", "12569套"); when both are plain number
 * cells the formula refers to them, otherwise it carries the parsed numbers and refers to the 分值.
 * Qualitative indicators get no score here: the planner suggests a band instead.
 */
export const indicatorScore: Calculator = {
  quantity: '指标得分',
  title: '定量指标得分 = 分值 × 完成比例（正向 B/A，反向 A/B），不超过分值',
  plan(tables, ctx) {
    const out: CellWrite[] = [];
    for (const { table: t, line, weightRef: w, scoreRef: s, targetRef: tRef, actualRef: aRef, weight, target: tc, actual: ac } of scorableIndicators(tables, ctx)) {
      const target = cached(targets, tc?.value, tc?.numFmt, parseTarget);
      const actual = cached(actuals, ac?.value, ac?.numFmt, parseActual);
      const exact = quantitativeScore(weight, target, actual);
      if (exact === null || target.kind !== 'quantitative' || !isQuantity(actual)) continue;
      const positive = target.direction !== 'negative';
      const bothCells = typeof tc?.value === 'number' && typeof ac?.value === 'number' && isPercent(tc.numFmt) === isPercent(ac.numFmt);
      const factor = unitFactor(actual.unit, target.target.unit) ?? new Decimal(1);
      const A = bothCells ? a1(tRef) : target.target.value.toString();
      const B = bothCells ? a1(aRef) : actual.value.times(factor).toString();
      const W = a1(w);
      const ratio = positive ? `${B}/${A}` : `${A}/${B}`;
      out.push({
        sheet: t.sheet,
        ref: s,
        formula: `ROUND(MIN(${W},${W}*${ratio}),2)`,
        inputs: bothCells ? [w, tRef, aRef] : [w],
        value: excelRound(exact, 2),
        numFmt: '0.00',
        quantity: '指标得分',
        description: `${t.sheet} 指标“${String(line.meta?.name ?? line.label)}”得分 = ${positive ? '分值 × 实际 ÷ 目标（正向' + (target.direction === 'exact' ? '，未写方向按正向' : '') + '）' : '分值 × 目标 ÷ 实际（反向）'}，不超过分值`,
      });
    }
    return out;
  },
};

const isPercent = (fmt?: string) => !!fmt && fmt.includes('%');

// Parsing indicator texts is regex-heavy and the planner recomputes fills several times: memoize by
// text and format (bounded, the texts of one office's workbooks repeat).
const targets = new Map<string, ReturnType<typeof parseTarget>>();
const actuals = new Map<string, ReturnType<typeof parseActual>>();

function cached<T>(memo: Map<string, T>, value: CellValue | undefined, numFmt: string | undefined, parse: (raw: string | number | null, numFmt?: string) => T): T {
  const raw = value === undefined || value === null ? null : typeof value === 'number' || typeof value === 'string' ? value : String(value);
  const k = `${typeof raw}:${String(raw)}|${numFmt ?? ''}`;
  let v = memo.get(k);
  if (v === undefined) {
    if (memo.size > 10000) memo.clear();
    v = parse(raw, numFmt);
    memo.set(k, v);
  }
  return v;
}
