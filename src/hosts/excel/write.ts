/// <reference types="office-js" />
/**
 * Fills written into the open workbook: a live formula by default (with the calculated number
 * format), the value when asked or when the plan says the cell must hold its value.
 */
import { toA1, type RangeRef } from '../../core/grid/address';
import type { CellWrite } from '../../core/fill/types';

export interface QueuedWrite {
  sheet: string;
  range: RangeRef;
}

/** Queues every write; returns where they go (to tell the add-in's own change events from the user's). */
export function queueFills(writes: readonly CellWrite[], values: boolean, sheetOf: (name: string) => Excel.Worksheet | undefined): QueuedWrite[] {
  const out: QueuedWrite[] = [];
  for (const w of writes) {
    const ws = sheetOf(w.sheet);
    if (!ws) throw new Error(`no worksheet “${w.sheet}” for a fill`);
    const address = toA1(w.ref.row, w.ref.col);
    const range = ws.getRange(address);
    if (values || w.valueOnly) range.values = [[w.value.toNumber()]];
    else range.formulas = [[`=${w.formula}`]];
    if (w.numFmt) range.numberFormat = [[w.numFmt]];
    out.push({ sheet: w.sheet, range: { top: w.ref.row, left: w.ref.col, bottom: w.ref.row, right: w.ref.col } });
  }
  return out;
}
