import type { CellRef } from '../grid/address';
import { a1 } from './formula';
import { sumAmounts } from './read';
import type { Calculator, CellWrite } from './types';

/**
 * 三公 合计/小计: GK09 合计 = 因公出国（境）费 + 公务用车小计 + 公务接待费 and 小计 = 购置费 + 运行维护费,
 * on the 预算 and 决算 sides; 基础数据表 三公经费 = 公务用车购置和维护经费 + 出国经费 + 公务接待 and
 * 公务用车购置和维护经费 = 公车购置 + 公车运行维护, in each column.
 */
export const sangongTotals: Calculator = {
  quantity: '合计',
  title: '"三公"经费合计与小计',
  plan(tables, ctx) {
    const out: CellWrite[] = [];
    for (const t of tables) {
      const push = (ref: CellRef | undefined, parts: (CellRef | undefined)[], description: string) => {
        const refs = parts.filter((r): r is CellRef => !!r);
        if (!ref || refs.length !== parts.length) return;
        const value = sumAmounts(ctx, t, refs);
        if (value === null) return;
        // a few non-adjacent cells: written as a plain sum, easier to read than SUM(…)
        out.push({ sheet: t.sheet, ref, formula: refs.map(a1).join('+'), inputs: refs, value, numFmt: '#,##0.00', quantity: '合计', description: `${t.sheet} ${description}` });
      };
      if (t.type === 'GK09') {
        for (const l of t.lines) {
          for (const side of ['预算', '决算']) {
            const c = (k: string) => l.cells[`${side}.${k}`];
            push(c('公务用车购置及运行维护费.小计'), [c('公务用车购置费'), c('公务用车运行维护费')], `${side}数 公务用车购置及运行维护费小计`);
            push(c('合计'), [c('因公出国(境)费'), c('公务用车购置及运行维护费.小计'), c('公务接待费')], `${side}数 合计`);
          }
        }
      }
      if (t.type === 'PERF_BASE') {
        for (const col of ['上年决算数', '预算数', '决算数']) {
          const c = (k: string) => t.cell(k, col);
          push(c('公务用车购置和维护经费'), [c('公车购置'), c('公车运行维护')], `${col} 公务用车购置和维护经费`);
          push(c('三公经费'), [c('公务用车购置和维护经费'), c('出国经费'), c('公务接待')], `${col} 三公经费`);
        }
      }
    }
    return out;
  },
};
