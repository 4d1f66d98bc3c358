/**
 * The reader the project used until the decision of docs/decisions/0001-xlsx-reader.md: exceljs
 * into the grid model, exactly as src/hosts/xlsx/load.ts did. Kept for the fidelity tests (the
 * lean reader must give the same grid) and the bench; exceljs stays a devDependency for that and
 * for tests that build workbooks.
 */
import ExcelJS from 'exceljs';
import { rangeFromA1 } from '../../../../src/core/grid/address';
import { Grid, type Cell, type CellValue, type Workbook } from '../../../../src/core/grid/grid';

export async function exceljsWorkbook(bytes: Uint8Array, fileName: string): Promise<Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs's typings ask for a Node Buffer; at run time it takes any binary JSZip accepts.
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return { name: fileName, sheets: wb.worksheets.map(toGrid) };
}

function toGrid(ws: ExcelJS.Worksheet): Grid {
  const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).map(rangeFromA1);
  const grid = new Grid({ name: ws.name, merges });
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (row.hidden) grid.hiddenRows.add(rowNumber - 1);
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // exceljs repeats a merge master's value in every covered cell; the model keeps it once.
      if (cell.isMerged && cell.master !== cell) return;
      const converted = convertCell(cell);
      if (converted) grid.set(rowNumber - 1, colNumber - 1, converted);
    });
  });
  const columnCount = ws.columnCount;
  for (let c = 1; c <= columnCount; c++) if (ws.getColumn(c).hidden) grid.hiddenCols.add(c - 1);
  return grid;
}

type FormulaValue = { formula?: string; sharedFormula?: string; result?: unknown };

function convertCell(cell: ExcelJS.Cell): Cell | null {
  const numFmt = cell.numFmt || undefined;
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && !(v instanceof Date)) {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      const f = o as FormulaValue;
      const formula = cell.formula || f.formula || f.sharedFormula || '';
      // exceljs leaves a cached 0 out of the value object; its `result` getter still has it.
      const cached = f.result ?? (cell as unknown as { result?: unknown }).result;
      if (cached === undefined || cached === null) return { value: null, formula, noCachedResult: true, numFmt };
      const result = cached as unknown;
      if (typeof result === 'object' && result !== null && 'error' in result) {
        return { value: null, formula, error: String((result).error), numFmt };
      }
      return { value: scalar(result), formula, numFmt };
    }
    if ('richText' in o) return { value: (o.richText as { text: string }[]).map((t) => t.text).join(''), numFmt };
    if ('error' in o) return { value: null, error: String(o.error), numFmt };
    if ('text' in o) return { value: String(o.text), numFmt };
    return { value: v instanceof Date ? v.toString() : JSON.stringify(v), numFmt };
  }
  return { value: scalar(v), numFmt };
}

function scalar(v: unknown): CellValue {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}
