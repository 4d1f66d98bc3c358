import { Decimal } from '../money/decimal';
import { a1 } from './formula';
import { amount, excelRound, min } from './read';
import type { Calculator, CellWrite } from './types';

/**
 * 预算执行得分: 湖北 20 × min(1, 执行数/预算数) shown as an integer, half up (35.73% → 7, 94.94% → 19);
 * 湖南 分值 × min(1, 全年执行数/全年预算数) with 2 decimals (79.54% → 7.95). The exact ratio of the
 * amounts is used, not the rounded 执行率 cell. 0 when the budget is 0 (nothing to execute).
 */
export const executionScore: Calculator = {
  quantity: '预算执行得分',
  title: '预算执行得分 = 分值 × min(1, 执行率)',
  plan(tables, ctx) {
    const out: CellWrite[] = [];
    for (const t of tables) {
      if (t.type !== 'PERF_DEPT' && t.type !== 'PERF_PROJECT') continue;
      for (const line of t.lines) {
        const score = line.cells['得分'];
        const budget = line.cells['全年预算数'] ?? line.cells['预算数'];
        const spent = line.cells['全年执行数'] ?? line.cells['执行数'];
        if (!score || !budget || !spent || line.key.startsWith('指标.')) continue;
        const hunan = !!line.cells['全年预算数'];
        const weightCell = line.cells['分值'];
        let weight: Decimal | null;
        let weightText: string;
        if (hunan) {
          if (!weightCell) continue;
          weight = amount(ctx, t, weightCell);
          weightText = a1(weightCell);
        } else {
          weight = new Decimal(Number(line.meta?.weight ?? 20));
          weightText = weight.toString();
        }
        const a = amount(ctx, t, budget);
        const b = amount(ctx, t, spent);
        if (weight === null || a === null || b === null || weight.isZero()) continue;
        const dp = hunan ? 2 : 0;
        const value = a.isZero() ? new Decimal(0) : excelRound(weight.times(min(new Decimal(1), b.div(a))), dp);
        out.push({
          sheet: t.sheet,
          ref: score,
          formula: `IFERROR(ROUND(${weightText}*MIN(1,${a1(spent)}/${a1(budget)}),${dp}),0)`,
          inputs: hunan && weightCell ? [spent, budget, weightCell] : [spent, budget],
          value,
          numFmt: hunan ? '0.00' : '0',
          quantity: '预算执行得分',
          description: `${t.sheet} ${line.label.replace(/\s+/g, '')} 预算执行得分 = ${hunan ? '分值' : weightText} × min(1, 执行率)，${hunan ? '保留 2 位小数' : '四舍五入取整'}`,
        });
      }
    }
    return out;
  },
};
