import type { CellRef } from '../grid/address';
import { sumOf } from './formula';
import { sumAmounts } from './read';
import type { Calculator, CellWrite } from './types';

/** GK06: each 经济分类 block (301, 302, 303, 310, …) = Σ its items; 人员经费合计 = 301 + 303; 公用经费合计 = the other blocks. */
export const gk06Totals: Calculator = {
  quantity: '合计',
  title: '基本支出决算明细表的类级合计与人员/公用经费合计',
  plan(tables, ctx) {
    const out: CellWrite[] = [];
    for (const t of tables) {
      if (t.type !== 'GK06') continue;
      const push = (ref: CellRef | undefined, parts: (CellRef | undefined)[], description: string) => {
        const refs = parts.filter((r): r is CellRef => !!r);
        if (!ref || !refs.length) return;
        const value = sumAmounts(ctx, t, refs);
        if (value === null) return;
        out.push({ sheet: t.sheet, ref, formula: sumOf(refs), inputs: refs, value, numFmt: '#,##0.00', quantity: '合计', description: `${t.sheet} ${description}` });
      };
      const blocks = t.lines.filter((l) => l.kind === 'subtotal' && l.code);
      for (const b of blocks) {
        push(b.cells['决算数'], t.lines.filter((l) => l.level === '款' && l.code!.startsWith(b.code!)).map((l) => l.cells['决算数']), `${b.code} ${b.label} = 各款之和`);
      }
      const personnel = blocks.filter((b) => b.code === '301' || b.code === '303');
      const others = blocks.filter((b) => b.code !== '301' && b.code !== '303');
      push(t.cell('人员经费合计', '决算数'), personnel.map((b) => b.cells['决算数']), '人员经费合计 = 301 + 303');
      push(t.cell('公用经费合计', '决算数'), others.map((b) => b.cells['决算数']), `公用经费合计 = ${others.map((b) => b.code).join(' + ')}`);
    }
    return out;
  },
};
