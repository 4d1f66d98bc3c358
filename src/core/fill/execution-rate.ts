import { ONE_HUNDRED_PERCENT, rateValue } from './rate';
import { ratio } from './formula';
import { amount, isBlank } from './read';
import type { Calculator, CellWrite } from './types';

/**
 * 执行率 (executionRate) = 执行数 ÷ 预算数: 湖北 执行数(B)/预算数(A); 湖南 全年执行数/全年预算数
 * (never the 年初预算数). Rounded to 4 decimals of the fraction, shown as 0.00%.
 */
export const executionRate: Calculator = {
  quantity: '执行率',
  title: '执行率 = 执行数 ÷ 预算数',
  plan(tables, ctx) {
    const out: CellWrite[] = [];
    for (const t of tables) {
      if (t.type !== 'PERF_DEPT' && t.type !== 'PERF_PROJECT') continue;
      for (const line of t.lines) {
        const rate = line.cells['执行率'];
        const budget = line.cells['全年预算数'] ?? line.cells['预算数'];
        const spent = line.cells['全年执行数'] ?? line.cells['执行数'];
        if (!rate || !budget || !spent || (isBlank(ctx, t, budget) && isBlank(ctx, t, spent))) continue;
        const a = amount(ctx, t, budget);
        const b = amount(ctx, t, spent);
        if (a === null || b === null) continue;
        const zeroOverZero = ctx.settings.zeroOverZeroRate;
        const value = rateValue(b, a, zeroOverZero);
        if (value === null) continue;
        out.push({
          sheet: t.sheet,
          ref: rate,
          formula: ratio(spent, budget, zeroOverZero),
          inputs: [spent, budget],
          value,
          numFmt: '0.00%',
          quantity: '执行率',
          description: `${t.sheet} ${line.label.replace(/\s+/g, '')} 执行率 = ${line.cells['全年执行数'] ? '全年执行数 ÷ 全年预算数' : '执行数 ÷ 预算数'}${value.equals(ONE_HUNDRED_PERCENT) && a.isZero() ? '（0/0 按 100% 计）' : ''}`,
        });
      }
    }
    return out;
  },
};
