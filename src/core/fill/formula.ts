import { refToA1, type CellRef } from '../grid/address';

/**
 * Building blocks of the formulas the fills write. References stay on the table's own sheet, in
 * A1 notation, so the formulas keep working without the add-in and survive a table not at A1.
 */
export const a1 = (ref: CellRef): string => refToA1(ref);

/**
 * SUM over cells: contiguous runs in one column or one row collapse to ranges ("C8:C32"), the rest
 * are listed; Excel allows 255 arguments, so longer lists are split into SUM(...)+SUM(...).
 */
export function sumOf(refs: readonly CellRef[]): string {
  if (refs.length === 0) return '0';
  const sorted = [...refs].sort((a, b) => a.col - b.col || a.row - b.row);
  const args: string[] = [];
  let start = sorted[0];
  let prev = sorted[0];
  const flush = () => args.push(start.row === prev.row && start.col === prev.col ? a1(start) : `${a1(start)}:${a1(prev)}`);
  for (const r of sorted.slice(1)) {
    const sameCol = r.col === prev.col && r.row === prev.row + 1 && start.col === prev.col;
    const sameRow = r.row === prev.row && r.col === prev.col + 1 && start.row === prev.row;
    if (sameCol || sameRow) {
      prev = r;
      continue;
    }
    flush();
    start = r;
    prev = r;
  }
  flush();
  const chunks: string[] = [];
  for (let i = 0; i < args.length; i += 255) chunks.push(`SUM(${args.slice(i, i + 255).join(',')})`);
  return chunks.join('+');
}

/** A ratio that never shows #DIV/0!: 0/0 per the setting, x/0 → 0. */
export function ratio(numerator: CellRef, denominator: CellRef, zeroOverZero: '100%' | '0%' | 'blank', decimals = 4): string {
  const n = a1(numerator);
  const d = a1(denominator);
  const base = `IFERROR(ROUND(${n}/${d},${decimals}),0)`;
  if (zeroOverZero === '100%') return `IF(AND(N(${n})=0,N(${d})=0),1,${base})`;
  return base;
}
