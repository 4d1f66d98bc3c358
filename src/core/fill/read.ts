import type { CellRef } from '../grid/address';
import { Decimal, ZERO } from '../money/decimal';
import type { WorkbookReader } from '../reading';
import type { SemanticTable } from '../tables/types';

/** An amount for a fill's inputs: empty counts as 0 (as Excel's SUM does); text that is no number → null. */
export function amount(ctx: WorkbookReader, table: SemanticTable, ref: CellRef | undefined): Decimal | null {
  if (!ref) return null;
  const r = ctx.read(table, ref);
  if (r.kind === 'amount') return r.value;
  if (r.kind === 'empty') return ZERO;
  return null;
}

/** Sum of amounts; null when any part is unreadable (the fill is skipped, hygiene rules report it). */
export function sumAmounts(ctx: WorkbookReader, table: SemanticTable, refs: readonly (CellRef | undefined)[]): Decimal | null {
  let total = ZERO;
  for (const ref of refs) {
    const v = amount(ctx, table, ref);
    if (v === null) return null;
    total = total.plus(v);
  }
  return total;
}

/** Excel's ROUND (half away from zero). */
export function excelRound(v: Decimal, dp: number): Decimal {
  return v.toDecimalPlaces(dp, Decimal.ROUND_HALF_UP);
}

export function min(a: Decimal, b: Decimal): Decimal {
  return a.lessThan(b) ? a : b;
}

/** True when the cell holds nothing (a blank input is not a 0 input: no rate is computed from it). */
export function isBlank(ctx: WorkbookReader, table: SemanticTable, ref: CellRef | undefined): boolean {
  return !ref || ctx.read(table, ref).kind === 'empty';
}
