import type { CellRef } from '../grid/address';
import { amountColumns, childrenOf, LEDGER_TYPES, rowSumColumns, topLevelLines } from '../tables/ledger-lines';
import type { Line } from '../tables/types';
import { sumOf } from './formula';
import { sumAmounts } from './read';
import type { Calculator, CellWrite } from './types';

/**
 * 合计/小计 of the 科目 tables (GK02, GK03, GK05, GK07, GK08): the 合计 row of each column sums the
 * top-level 科目 rows (the 类 rows when subtotal rows exist); each 类/款 subtotal row sums its
 * children; each row's 合计 (小计) column sums the row's component columns — except on the 合计
 * row itself, whose 合计 column is already the column sum.
 */
export const ledgerTotals: Calculator = {
  quantity: '合计',
  title: '收入/支出决算表的合计与小计',
  plan(tables, ctx) {
    const out: CellWrite[] = [];
    for (const t of tables) {
      if (!LEDGER_TYPES.includes(t.type)) continue;
      const columns = amountColumns(t);
      const written = new Set<string>();
      const push = (ref: CellRef | undefined, refs: (CellRef | undefined)[], description: string) => {
        if (!ref) return;
        const k = `${ref.row}:${ref.col}`;
        const parts = refs.filter((r): r is CellRef => !!r);
        if (written.has(k) || parts.length === 0) return;
        const value = sumAmounts(ctx, t, parts);
        if (value === null) return;
        written.add(k);
        out.push({ sheet: t.sheet, ref, formula: sumOf(parts), inputs: parts, value, numFmt: '#,##0.00', quantity: '合计', description: `${t.sheet} ${description}` });
      };
      const label = (l: Line) => (l.code ? `${l.code} ${l.label}` : l.label);
      const total = t.line('合计');
      for (const key of columns) {
        if (total) push(total.cells[key], topLevelLines(t).map((l) => l.cells[key]), `合计行“${key}”栏 = 各科目之和`);
        for (const parent of t.lines.filter((l) => l.kind === 'subtotal' && l.code)) {
          const kids = childrenOf(t, parent);
          if (kids.length) push(parent.cells[key], kids.map((l) => l.cells[key]), `${parent.level}级科目 ${label(parent)}“${key}”栏 = 下级科目之和`);
        }
      }
      const rowSum = rowSumColumns(t);
      if (rowSum && rowSum.parts.length) {
        for (const line of t.lines) {
          if (line.key === '合计') continue;
          push(line.cells[rowSum.total], rowSum.parts.map((k) => line.cells[k]), `${label(line)} ${rowSum.total} = 各栏之和`);
        }
      }
    }
    return out;
  },
};
