import type * as SheetJS from '@e965/xlsx';
import type { RangeRef } from '../../../core/grid/address';
import { Grid, type Cell, type Workbook } from '../../../core/grid/grid';
import { Budget, DEFAULT_READ_LIMITS, ReadFailure, type ReadLimits } from './limits';
import { dateText, isDateFormat, unescapeFormat } from './number-formats';

/**
 * Legacy .xls (BIFF5/BIFF8, Excel 97–2003) through SheetJS (the @e965/xlsx republication of the
 * SheetJS Community Edition, docs/decisions/0001-xlsx-reader.md): a BIFF reader is a large piece of
 * work that SheetJS has kept for a decade. This module is imported only when sniff.ts has found a
 * legacy workbook, so the .xlsx path never loads SheetJS (nor its code pages).
 *
 * SheetJS parses the whole file before we see a cell, so the budget is applied to what it returns
 * and the file's size is limited first; BIFF8 itself bounds addresses to 65,536 rows × 256 columns.
 */

/** Legacy workbooks larger than this are refused before parsing: the official exports are a few MB. */
export const MAX_XLS_BYTES = 32 * 1024 * 1024;

export async function readXls(bytes: Uint8Array, fileName: string, limits: Partial<ReadLimits> = {}): Promise<Workbook> {
  if (bytes.length > MAX_XLS_BYTES) {
    throw new ReadFailure('too-large', { zh: `.xls 文件超过 ${MAX_XLS_BYTES / 1048576} MB`, en: `an .xls file over ${MAX_XLS_BYTES / 1048576} MB` });
  }
  const X = await loadSheetJs();
  let wb: SheetJS.WorkBook;
  try {
    wb = X.read(bytes, { type: 'array', cellFormula: true, cellNF: true, cellStyles: true, cellDates: false, dense: true });
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    if (/password|encrypt/i.test(message)) throw new ReadFailure('encrypted', { zh: '文件已加密', en: 'the file is encrypted' }, { cause });
    throw new ReadFailure('corrupt', { zh: message, en: message }, { cause });
  }
  return sheetJsWorkbook(wb, fileName, limits);
}

async function loadSheetJs(): Promise<typeof SheetJS> {
  const X = await import('@e965/xlsx');
  // Code pages for the 8-bit strings of BIFF5 files and of some BIFF8 records (GBK for Chinese ones).
  const cptable: unknown = await import('@e965/xlsx/dist/cpexcel');
  X.set_cptable(cptable);
  return X;
}

/** A workbook as SheetJS read it, in the grid model: the same conventions as the .xlsx reader. */
export function sheetJsWorkbook(wb: SheetJS.WorkBook, fileName: string, limits: Partial<ReadLimits> = {}): Workbook {
  const budget = new Budget({ ...DEFAULT_READ_LIMITS, ...limits });
  const date1904 = wb.Workbook?.WBProps?.date1904 === true;
  const sheets: Grid[] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    if (!ws || ws['!type'] === 'chart') continue;
    sheets.push(sheetGrid(name, ws, date1904, budget));
  }
  return { name: fileName, sheets };
}

function sheetGrid(name: string, ws: SheetJS.WorkSheet, date1904: boolean, budget: Budget): Grid {
  const merges: RangeRef[] = (ws['!merges'] ?? []).map((m) => {
    budget.merge();
    return { top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c };
  });
  const grid = new Grid({ name, merges });
  const data = (ws['!data'] ?? []) as (SheetJS.CellObject | undefined)[][];
  let maxCol = -1;
  data.forEach((line, r) => {
    if (!line) return;
    let rowHasCells = false;
    line.forEach((cell, c) => {
      const value = cell ? cellOf(cell, date1904) : null;
      if (!value) return;
      budget.cell();
      if (typeof value.value === 'string') budget.chars(value.value.length);
      rowHasCells = true;
      if (c > maxCol) maxCol = c;
      const m = merges.length > 0 ? grid.mergeAt(r, c) : undefined;
      if (m && (m.top !== r || m.left !== c)) return;
      grid.set(r, c, value);
    });
    if (rowHasCells && ws['!rows']?.[r]?.hidden) grid.hiddenRows.add(r);
  });
  (ws['!cols'] ?? []).forEach((col, c) => {
    if (col?.hidden && c <= maxCol) grid.hiddenCols.add(c);
  });
  return grid;
}

function cellOf(cell: SheetJS.CellObject, date1904: boolean): Cell | null {
  const numFmt = typeof cell.z === 'string' && cell.z !== 'General' ? unescapeFormat(cell.z) : undefined;
  const formula = cell.f;
  const base: Cell = formula === undefined ? { value: null, numFmt } : { value: null, formula, numFmt };
  switch (cell.t) {
    case 'z':
      return formula === undefined ? null : { ...base, noCachedResult: true };
    case 'e':
      return { ...base, error: cell.w ?? '#N/A' };
    case 'b':
      return { ...base, value: cell.v === true };
    case 's':
      return cell.v === undefined && formula !== undefined ? { ...base, noCachedResult: true } : { ...base, value: String(cell.v ?? '') };
    case 'd':
      return { ...base, value: cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v) };
    case 'n': {
      if (cell.v === undefined) return formula === undefined ? null : { ...base, noCachedResult: true };
      const n = Number(cell.v);
      if (!Number.isFinite(n)) return { ...base, error: '#NUM!' };
      if (isDateFormat(numFmt)) {
        const text = dateText(n, date1904);
        if (text !== null) return { ...base, value: text };
      }
      return { ...base, value: n };
    }
    default:
      return null;
  }
}
