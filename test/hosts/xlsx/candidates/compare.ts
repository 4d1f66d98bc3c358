import { rangeToA1, toA1 } from '../../../../src/core/grid/address';
import type { Cell, Grid, Workbook } from '../../../../src/core/grid/grid';

/**
 * The differences between two readings of one workbook, cell by cell: value, formula, cached-result
 * mark, number format, error; merges; hidden rows (those holding a cell: an empty hidden row
 * changes nothing) and hidden columns (up to the last column holding a cell). [] when identical.
 */
export function gridDifferences(a: Workbook, b: Workbook, limit = 20, options: CompareOptions = {}): string[] {
  const out: string[] = [];
  const names = (w: Workbook) => w.sheets.map((s) => s.name).join('|');
  if (names(a) !== names(b)) return [`sheets: ${names(a)} ≠ ${names(b)}`];
  a.sheets.forEach((ga, i) => sheetDifferences(ga, b.sheets[i], out, limit, options));
  return out.slice(0, limit);
}

export interface CompareOptions {
  /** A format code "General" counts as no format (SheetJS cannot tell a custom "General" from none). */
  generalIsNone?: boolean;
}

function sheetDifferences(a: Grid, b: Grid, out: string[], limit: number, options: CompareOptions): void {
  const at = (r: number, c: number) => `${a.name}!${toA1(r, c)}`;
  const rows = Math.max(a.rowCount, b.rowCount);
  const cols = Math.max(a.colCount, b.colCount);
  for (let r = 0; r < rows && out.length < limit; r++) {
    const colsA = new Set([...cellsOf(a, r), ...cellsOf(b, r)]);
    for (const c of colsA) {
      const x = norm(a.cell(r, c), options);
      const y = norm(b.cell(r, c), options);
      if (x !== y) out.push(`${at(r, c)}: ${x} ≠ ${y}`);
    }
  }
  const merges = (g: Grid) => g.merges.map(rangeToA1).sort().join(',');
  if (merges(a) !== merges(b)) out.push(`${a.name} merges: ${merges(a)} ≠ ${merges(b)}`);
  const hiddenRows = (g: Grid) => [...g.hiddenRows].filter((r) => cellsOf(a, r).length + cellsOf(b, r).length > 0).sort((x, y) => x - y).join(',');
  if (hiddenRows(a) !== hiddenRows(b)) out.push(`${a.name} hidden rows: ${hiddenRows(a)} ≠ ${hiddenRows(b)}`);
  const hiddenCols = (g: Grid) => [...g.hiddenCols].filter((c) => c < cols).sort((x, y) => x - y).join(',');
  if (hiddenCols(a) !== hiddenCols(b)) out.push(`${a.name} hidden columns: ${hiddenCols(a)} ≠ ${hiddenCols(b)}`);
}

/** Columns of row r holding a cell (any: value, formula or error). */
function cellsOf(g: Grid, r: number): number[] {
  const out: number[] = [];
  for (let c = 0; c < g.colCount; c++) if (g.cell(r, c)) out.push(c);
  return out;
}

function norm(cell: Cell | undefined, options: CompareOptions): string {
  if (!cell) return '∅';
  const { value, formula, noCachedResult, error } = cell;
  const numFmt = options.generalIsNone && cell.numFmt === 'General' ? undefined : cell.numFmt;
  return JSON.stringify({ value, formula: formula || undefined, noCachedResult: noCachedResult || undefined, numFmt: numFmt || undefined, error });
}
