import { Decimal } from '../../money/decimal';
import { ratioInterval } from '../../money/tolerance';
import type { CellRef } from '../../grid/address';
import type { Finding } from '../../report';
import type { Rule } from '../types';
import { fmtPct, fmtScore, formatAmount, moneyBlock, operands, perfName, readAmount, readScore, selfEvalTables, zeroOverZero, zeroOverZeroText } from './lib/perf-read';

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
  },
  check(ctx) {
    return selfEvalTables(ctx).flatMap((t): Finding[] => {
      const m = moneyBlock(ctx, t);
      if (!m || m.weight.kind !== 'amount' || !m.score) return [];
      const w = m.weight.value;
      const a = readAmount(ctx, t, m.budget.ref);
      const b = readAmount(ctx, t, m.exec.ref);
      if (a.kind !== 'amount' || b.kind !== 'amount') return [];
      const stated = readScore(ctx, t, m.score);
      if (stated.kind === 'unknown') return [];

      let lo: Decimal;
      let hi: Decimal;
      let exact: Decimal;
      let rateText: string;
      if (a.value.isZero()) {
        const conv = zeroOverZero(ctx);
        if (!b.value.isZero() || conv === null) return [];
        lo = hi = exact = conv;
        rateText = `0/0，${zeroOverZeroText(ctx)}`;
      } else {
        exact = b.value.div(a.value);
        const iv = ratioInterval(b.value, a.value, ctx.settings.tolerance.halfUlp);
        lo = iv?.lo ?? exact;
        hi = iv?.hi ?? exact;
        rateText = `${m.exec.label} ${formatAmount(b.value)} ÷ ${m.budget.label} ${formatAmount(a.value)} = ${fmtPct(exact, 2)}`;
      }
      operands(ctx, t, [{ ref: m.score, label: '预算执行得分' }]);
      const score = (r: Decimal) => w.times(Decimal.min(ONE, r));
      const convDp = m.variant === 'hubei' ? 0 : 2;
      const exactScore = score(exact);
      const shown = (dp: number) => exactScore.toDecimalPlaces(dp, Decimal.ROUND_HALF_UP);
      const cells = [m.score, m.weightRef, m.budget.ref, m.exec.ref]
        .filter((r): r is CellRef => !!r)
        .map((r) => ctx.pointer(t, r));
      const formula = `${fmtScore(w)} × min(1, ${fmtPct(exact, 2)}) = ${fmtScore(exactScore.toDecimalPlaces(4, Decimal.ROUND_HALF_UP))}`;
      const display = m.variant === 'hubei' ? '按整数四舍五入' : '保留 2 位小数';

      if (stated.kind === 'empty') {
        return [
          {
            rule: this.meta.id,
            severity: 'warning',
            cells,
            expected: fmtScore(shown(convDp)),
            actual: null,
            message: `${perfName(ctx, t)} 预算执行得分未填写：执行率 ${rateText}，得分应为 ${formula}，${display}为 ${fmtScore(shown(convDp))} 分。`,
          },
        ];
      }
      const dp = Math.max(convDp, stated.decimals);
      const loR = score(lo).toDecimalPlaces(dp, Decimal.ROUND_HALF_UP);
      const hiR = score(hi).toDecimalPlaces(dp, Decimal.ROUND_HALF_UP);
      if (stated.value.greaterThanOrEqualTo(loR) && stated.value.lessThanOrEqualTo(hiR)) return [];
      const want = shown(dp);
      return [
        {
          rule: this.meta.id,
          severity: this.meta.severity,
          cells,
          expected: fmtScore(want),
          actual: fmtScore(stated.value),
          message:
            `${perfName(ctx, t)} 预算执行得分：执行率 ${rateText}，得分应为 ${formula}，${display}为 ${fmtScore(want)} 分；` +
            `表中为 ${fmtScore(stated.value)} 分，相差 ${fmtScore(stated.value.minus(want).abs())} 分。`,
          difference: fmtScore(stated.value.minus(want)),
        },
      ];
    });
  },
};
