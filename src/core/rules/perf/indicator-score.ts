import type { CellValue } from '../../grid/grid';
import { parseAmount } from '../../grid/parse-amount';
import { Decimal, halfOfLastDigit } from '../../money/decimal';
import { createFinding, type Finding } from '../../findings';
import type { Line, SemanticTable } from '../../tables/types';
import type { RuleContext } from '../context';
import type { Rule, RuleMeta } from '../types';
import { formatScore } from '../../money/format';
import { indicatorTarget } from '../../tables/perf-common';
import { indicatorLines, isNotApplicable, perfTableName, selfEvalTables } from '../../tables/perf-structure';

/**
 * 定量指标计分 (000 备注): 正向 (目标 ≥X) 得分 = min(权重, 权重 × B/A); 反向 (目标 ≤X) 得分 = min(权重,
 * 权重 × A/B). Only for rows with their own 分值 and 得分 (湖南; 湖北 tables have no 分值 column, and a
 * merged score belongs to a group) whose 年度指标值 A and 实际完成值 B both read as one number with the
 * same unit ("≥18个" / "19个", 98% / 95%, "≤202万元" / "533.63万元"). Without an operator the row
 * counts as 正向, except 成本 indicators which count as 反向. The seeds' practice differs often
 * (floors to integers, rounds up, no penalty: docs/domain.md §2(d)), so a deviation beyond the printed
 * precision is only ever a warning.
 */
export const perfIndicatorScore: Rule = {
  meta: {
    id: 'PERF.indicator-score',
    title: '绩效自评表：定量指标得分',
    severity: 'warning',
    identity:
      '定量指标（目标值与实际完成值都是数字）：正向指标（≥、不低于、以上…）得分 = min(分值, 分值 × 实际值 ÷ 目标值)；' +
      '反向指标（≤、不超过、以内…）得分 = min(分值, 分值 × 目标值 ÷ 实际值)；未写方向时按正向，成本指标按反向。' +
      '表中得分与此不符（超出得分的显示精度）只给警告，不算错误。',
    tables: [],
    source: 'PERF(d)',
    level: 'advisory',
    scope: 'table',
    messages: {
      scoreDiffers:
        '{{table}} 指标“{{indicator}}”（{{what}}）：目标值 {{target}}，实际完成值 {{actual}}，{{why}}计分 {{formula}} = {{expected}} 分，表中得分 {{score}} 分，相差 {{difference}} 分。' +
        '实际打分常有取整、定性调整等做法，仅作提示，请核对计分依据。',
    },
  },
  check(ctx) {
    return selfEvalTables(ctx.tables).flatMap((t) => indicatorLines(t).flatMap((l) => checkLine(ctx, this.meta, t, l)));
  },
};

type Direction = 'ge' | 'le';

interface Quantity {
  value: Decimal;
  unit: string;
  op: Direction | null;
  text: string;
}

const GE = ['大于等于', '不低于', '不少于', '不小于', '大于', '高于', '至少', '>=', '≥', '≧', '>'];
const LE = ['小于等于', '不超过', '不高于', '不多于', '不大于', '控制在', '小于', '低于', '少于', '<=', '≤', '≦', '≼', '<'];
const SUFFIX: Record<string, Direction> = { 及以上: 'ge', 以上: 'ge', 及以下: 'le', 以下: 'le', 以内: 'le' };
const QUANTITY = /^(\d+(?:\.\d+)?)(?:余|多)?([^\d<>=≥≤≧≦≼.]{0,5}?)(及以上|以上|及以下|以下|以内)?$/;

/** "≥18个", "95%以上", "≤202万元", 0.98 in a 0% cell → a number, its unit and direction. */
function quantity(raw: CellValue, numFmt: string | undefined): Quantity | null {
  if (typeof raw === 'number') {
    const p = parseAmount(raw);
    if (p.kind !== 'number') return null;
    return { value: p.value, unit: numFmt?.includes('%') ? '%' : '', op: null, text: numFmt?.includes('%') ? `${p.value.times(100).toString()}%` : p.value.toString() };
  }
  if (typeof raw !== 'string') return null;
  let s = raw.normalize('NFKC').replace(/\s+/g, '');
  let op: Direction | null = null;
  for (const [list, dir] of [[GE, 'ge'], [LE, 'le']] as const) {
    const hit = list.find((w) => s.startsWith(w));
    if (hit) {
      op = dir;
      s = s.slice(hit.length);
      break;
    }
  }
  const m = QUANTITY.exec(s);
  if (!m) return null;
  let value = new Decimal(m[1]);
  let unit = m[2];
  if (m[3]) op ??= SUFFIX[m[3]];
  if (unit === '%') value = value.div(100);
  else if (unit.startsWith('%')) return null;
  if (/[，,、;；:：]/.test(unit)) return null;
  unit = unit.replace(/^左右$/, '');
  return { value, unit, op, text: raw.trim() };
}

function sameUnit(a: Quantity, b: Quantity): boolean {
  if (a.unit === b.unit) return true;
  // a plain number against a count with its unit ("≥1000户" / 1034); never against a percentage
  return (a.unit === '' && b.unit !== '%') || (b.unit === '' && a.unit !== '%');
}

function checkLine(ctx: RuleContext, meta: RuleMeta, t: SemanticTable, l: Line): Finding[] {
  if (isNotApplicable(l) || l.meta?.scoreShared || l.meta?.weightShared) return [];
  const { 目标值: targetRef, 实际值: actualRef, 分值: weightRef, 得分: scoreRef } = l.cells;
  if (!targetRef || !actualRef || !weightRef || !scoreRef) return [];
  const w = ctx.readScore(t, weightRef);
  const s = ctx.readScore(t, scoreRef);
  if (w.kind !== 'amount' || s.kind !== 'amount' || !w.value.greaterThan(0)) return [];
  const grid = ctx.grid(t);
  const tc = indicatorTarget(grid, l);
  const ac = grid.cell(actualRef.row, actualRef.col);
  const a = tc ? quantity(tc.value, tc.numFmt) : null;
  const b = ac ? quantity(ac.value, ac.numFmt) : null;
  if (!a || !b || !sameUnit(a, b)) return [];
  const isCost = /成本/.test(`${l.meta?.level1 ?? ''}${l.meta?.level2 ?? ''}`);
  const dir: Direction = a.op ?? (isCost ? 'le' : 'ge');
  const why = a.op ? (dir === 'ge' ? '正向指标' : '反向指标') : isCost ? '未写方向的成本指标，按反向' : '未写方向，按正向';
  let expected: Decimal;
  let formula: string;
  if (dir === 'ge') {
    if (!a.value.greaterThan(0)) return [];
    expected = Decimal.min(w.value, w.value.times(b.value).div(a.value));
    formula = `min(分值 ${formatScore(w.value)}, ${formatScore(w.value)} × 实际 ÷ 目标)`;
  } else {
    expected = b.value.greaterThan(0) ? Decimal.min(w.value, w.value.times(a.value).div(b.value)) : w.value;
    formula = `min(分值 ${formatScore(w.value)}, ${formatScore(w.value)} × 目标 ÷ 实际)`;
  }
  const half = halfOfLastDigit(s.decimals);
  if (s.value.minus(expected).abs().lessThanOrEqualTo(half)) return [];
  const shown = expected.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const what = `${String(l.meta?.level1 ?? '')}/${String(l.meta?.level2 ?? '')}`.replace(/^\/|\/$/g, '');
  return [
    createFinding(
      meta,
      'scoreDiffers',
      {
        table: perfTableName(t),
        indicator: l.label.replace(/\s+/g, ' ').trim(),
        what,
        target: a.text,
        actual: b.text,
        why,
        formula,
        expected: formatScore(shown),
        score: formatScore(s.value),
        difference: formatScore(s.value.minus(shown).abs()),
      },
      {
        severity: 'warning',
        cells: [scoreRef, weightRef, targetRef, actualRef].map((r) => ctx.pointer(t, r)),
        expected: formatScore(shown),
        actual: formatScore(s.value),
        difference: formatScore(s.value.minus(shown)),
      },
    ),
  ];
}
