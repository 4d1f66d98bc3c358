import type { CellRef } from '../grid/address';
import { ratio } from './formula';
import { amount, isBlank } from './read';
import { rateValue } from './rate';
import type { Calculator, CellWrite } from './types';

/**
 * 基础数据表 ratios: 控制率 = 实际在职人数 ÷ 编制数; 规模控制率 = 实际规模 ÷ 批复规模; 投资概算控制率
 * = 实际投资 ÷ 预算投资 — 0/0 per the setting (the seeds print 100%).
 */
export const controlRate: Calculator = {
  quantity: '控制率',
  title: '控制率 = 实际 ÷ 核定',
  plan(tables, ctx) {
    const out: CellWrite[] = [];
    for (const t of tables) {
      if (t.type !== 'PERF_BASE') continue;
      const push = (target: CellRef | undefined, num: CellRef | undefined, den: CellRef | undefined, description: string) => {
        if (!target || !num || !den || (isBlank(ctx, t, num) && isBlank(ctx, t, den))) return;
        const n = amount(ctx, t, num);
        const d = amount(ctx, t, den);
        if (n === null || d === null) return;
        const value = rateValue(n, d, ctx.settings.zeroOverZeroRate);
        if (value === null) return;
        out.push({ sheet: t.sheet, ref: target, formula: ratio(num, den, ctx.settings.zeroOverZeroRate), inputs: [num, den], value, numFmt: '0.00%', quantity: '控制率', description: `${t.sheet} ${description}` });
      };
      push(t.cell('控制率', '值'), t.cell('实际在职人数', '值'), t.cell('编制数', '值'), '控制率 = 实际在职人数 ÷ 编制数');
      push(t.cell('楼堂馆所', '规模控制率'), t.cell('楼堂馆所', '实际规模'), t.cell('楼堂馆所', '批复规模'), '规模控制率 = 实际规模 ÷ 批复规模');
      push(t.cell('楼堂馆所', '投资概算控制率'), t.cell('楼堂馆所', '实际投资'), t.cell('楼堂馆所', '预算投资'), '投资概算控制率 = 实际投资 ÷ 预算投资');
    }
    return out;
  },
};
