import { Decimal } from '../../money/decimal';
import { ratioInterval } from '../../money/tolerance';
import type { CellRef } from '../../grid/address';
import { createFinding, type Finding } from '../../findings';
import type { Rule } from '../types';
import { formatAmount, formatPercent, formatScore } from '../../money/format';
import { moneyBlock, zeroOverZero, zeroOverZeroText } from '../../reading/perf';
import { perfTableName, selfEvalTables } from '../../tables/perf-structure';
import { operands } from './lib/perf-checks';

const ONE = new Decimal(1);

/**
 * 预算执行得分 = 权重 × min(1, 执行率), from the exact ratio of the amounts (not the rounded 执行率):
 * 湖北 20 × min(1, B/A) shown as an integer rounded half up (35.73% → 7, 94.94% → 19, not floor: 18);
 * 湖南 分值 × min(1, 全年执行数/全年预算数) with 2 decimals (79.54% → 7.95). The amounts are taken as
 * ±halfUlp, so any score the rounded inputs allow is accepted. Scores written as "20分" are read.
 */
export const perfExecutionScore: Rule = {
  meta: {
    id: 'PERF.execution-score',
    title: '绩效自评表：预算执行得分',
    severity: 'error',
    identity:
      '预算执行得分 = 权重 × min(1, 执行数 ÷ 预算数)：湖北 权重 20（得分（20分*执行率）），按整数四舍五入显示；' +
      '湖南 权重为年度资金总额的分值（通常 10），保留 2 位小数。用金额的精确比值（不用四舍五入后的执行率），按金额显示精度做区间运算。',
    tables: [],
    source: 'A18/A20',
    level: 'mandatory',
    scope: 'table',
    messages: {
      blank: '{{table}} 预算执行得分未填写：执行率 {{rate}}，得分应为 {{formula}}，{{display}}为 {{expected}} 分。',
      wrong: '{{table}} 预算执行得分：执行率 {{rate}}，得分应为 {{formula}}，{{display}}为 {{expected}} 分；表中为 {{actual}} 分，相差 {{difference}} 分。',
    },
  },
  check(ctx) {
    return selfEvalTables(ctx.tables).flatMap((t): Finding[] => {
      const m = moneyBlock(ctx, t);
      if (!m || m.weight.kind !== 'amount' || !m.score) return [];
      const w = m.weight.value;
      const a = ctx.read(t, m.budget.ref);
      const b = ctx.read(t, m.exec.ref);
      if (a.kind !== 'amount' || b.kind !== 'amount') return [];
      const stated = ctx.readScore(t, m.score);
      if (stated.kind === 'unknown') return [];

      let lo: Decimal;
      let hi: Decimal;
      let exact: Decimal;
      let rateText: string;
      if (a.value.isZero()) {
        const conv = zeroOverZero(ctx.settings);
        if (!b.value.isZero() || conv === null) return [];
        lo = hi = exact = conv;
        rateText = `0/0，${zeroOverZeroText(ctx.settings)}`;
      } else {
        exact = b.value.div(a.value);
        const iv = ratioInterval(b.value, a.value, ctx.settings.tolerance.halfUlp);
        lo = iv?.lo ?? exact;
        hi = iv?.hi ?? exact;
        rateText = `${m.exec.label} ${formatAmount(b.value)} ÷ ${m.budget.label} ${formatAmount(a.value)} = ${formatPercent(exact, 2)}`;
      }
      operands(ctx, t, [{ ref: m.score, label: '预算执行得分' }]);
      const score = (r: Decimal) => w.times(Decimal.min(ONE, r));
      const convDp = m.variant === 'hubei' ? 0 : 2;
      const exactScore = score(exact);
      const shown = (dp: number) => exactScore.toDecimalPlaces(dp, Decimal.ROUND_HALF_UP);
      const cells = [m.score, m.weightRef, m.budget.ref, m.exec.ref]
        .filter((r): r is CellRef => !!r)
        .map((r) => ctx.pointer(t, r));
      const formula = `${formatScore(w)} × min(1, ${formatPercent(exact, 2)}) = ${formatScore(exactScore.toDecimalPlaces(4, Decimal.ROUND_HALF_UP))}`;
      const display = m.variant === 'hubei' ? '按整数四舍五入' : '保留 2 位小数';

      if (stated.kind === 'empty') {
        const expected = formatScore(shown(convDp));
        return [createFinding(this.meta, 'blank', { table: perfTableName(t), rate: rateText, formula, display, expected }, { severity: 'warning', cells, expected, actual: null })];
      }
      const dp = Math.max(convDp, stated.decimals);
      const loR = score(lo).toDecimalPlaces(dp, Decimal.ROUND_HALF_UP);
      const hiR = score(hi).toDecimalPlaces(dp, Decimal.ROUND_HALF_UP);
      if (stated.value.greaterThanOrEqualTo(loR) && stated.value.lessThanOrEqualTo(hiR)) return [];
      const want = shown(dp);
      return [
        createFinding(
          this.meta,
          'wrong',
          { table: perfTableName(t), rate: rateText, formula, display, expected: formatScore(want), actual: formatScore(stated.value), difference: formatScore(stated.value.minus(want).abs()) },
          { cells, expected: formatScore(want), actual: formatScore(stated.value), difference: formatScore(stated.value.minus(want)) },
        ),
      ];
    });
  },
};
