import { toA1 } from './address';
import type { Grid } from './grid';
import { parseAmount } from './parse-amount';
import type { Decimal } from '../money/decimal';

export interface TextNumberCell {
  row: number;
  col: number;
  address: string;
  raw: string;
  value: Decimal;
}

/**
 * Cells that hold a number as text ("22854. 27", "１２．００"): Excel does not add them up, so a
 * 合计 formula over them silently ignores them. Only the given rows/columns are scanned when a
 * range is passed.
 */
export function textNumberCells(grid: Grid, range?: { top: number; left: number; bottom: number; right: number }): TextNumberCell[] {
  const out: TextNumberCell[] = [];
  const top = range?.top ?? 0;
  const bottom = range?.bottom ?? grid.rowCount - 1;
  for (let r = top; r <= bottom; r++) {
    for (const c of grid.usedCols(r)) {
      if (range && (c < range.left || c > range.right)) continue;
      const raw = grid.value(r, c);
      if (typeof raw !== 'string') continue;
      const p = parseAmount(raw);
      if (p.kind === 'number' && p.fromText) out.push({ row: r, col: c, address: toA1(r, c), raw, value: p.value });
    }
  }
  return out;
}
