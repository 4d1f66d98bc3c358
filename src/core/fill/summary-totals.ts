import type { CellRef } from '../grid/address';
import type { SemanticTable } from '../tables/types';
import { sumOf } from './formula';
import { sumAmounts } from './read';
import type { Calculator, CellWrite } from './types';

const GK01_INCOME = ['一般公共预算财政拨款收入', '政府性基金预算财政拨款收入', '国有资本经营预算财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'];
const BUDGET_TYPES = ['一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'];

/**
 * The totals of GK01 收入支出决算总表 and GK04 财政拨款收入支出决算总表: 本年收入合计, 本年支出合计
 * (Σ 类 rows), 总计 on both sides, GK04's 年初/年末 carry-over from their sub-rows and each
 * expenditure row's 小计 from the three budget-type columns.
 */
export const summaryTotals: Calculator = {
  quantity: '合计',
  title: '收入支出决算总表与财政拨款收入支出决算总表的合计、总计',
  plan(tables, ctx) {
    const out: CellWrite[] = [];
    const push = (t: SemanticTable, ref: CellRef | undefined, parts: (CellRef | undefined)[], description: string) => {
      const refs = parts.filter((r): r is CellRef => !!r);
      if (!ref || refs.length === 0) return;
      const value = sumAmounts(ctx, t, refs);
      if (value === null) return;
      out.push({ sheet: t.sheet, ref, formula: sumOf(refs), inputs: refs, value, numFmt: '#,##0.00', quantity: '合计', description: `${t.sheet} ${description}` });
    };
    for (const t of tables) {
      if (t.type === 'GK01') {
        const at = (k: string) => t.at(`${k}.决算数`);
        push(t, at('收入.本年收入合计'), GK01_INCOME.map((k) => at(`收入.${k}`)), '本年收入合计 = 各项收入之和');
        push(t, at('收入.总计'), [at('收入.本年收入合计'), at('收入.使用非财政拨款结余'), at('收入.年初结转和结余')], '收入总计');
        push(t, at('支出.本年支出合计'), t.lines.filter((l) => l.group === '支出' && l.level === '类').map((l) => l.cells['决算数']), '本年支出合计 = 各类支出之和');
        push(t, at('支出.总计'), [at('支出.本年支出合计'), at('支出.结余分配'), at('支出.年末结转和结余')], '支出总计');
      }
      if (t.type === 'GK04') {
        const inc = (k: string) => t.at(`收入.${k}.决算数`);
        push(t, inc('本年收入合计'), BUDGET_TYPES.map((k) => inc(k)), '本年收入合计');
        push(t, inc('年初财政拨款结转和结余'), BUDGET_TYPES.map((k) => inc(`年初.${k}`)), '年初财政拨款结转和结余');
        push(t, inc('总计'), [inc('本年收入合计'), inc('年初财政拨款结转和结余')], '收入总计');
        const exp = t.lines.filter((l) => l.group === '支出');
        for (const l of exp) push(t, l.cells['小计'], BUDGET_TYPES.map((k) => l.cells[k]), `${l.label || l.key.slice(3)} 小计`);
        for (const col of BUDGET_TYPES) {
          const cell = (k: string) => t.at(`支出.${k}.${col}`);
          push(t, cell('本年支出合计'), exp.filter((l) => l.level === '类').map((l) => l.cells[col]), `本年支出合计（${col}）`);
          push(t, cell('年末财政拨款结转和结余'), BUDGET_TYPES.map((k) => cell(`年末.${k}`)), `年末财政拨款结转和结余（${col}）`);
          push(t, cell('总计'), [cell('本年支出合计'), cell('年末财政拨款结转和结余')], `支出总计（${col}）`);
        }
      }
    }
    return out;
  },
};
