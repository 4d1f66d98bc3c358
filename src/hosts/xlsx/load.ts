import ExcelJS from 'exceljs';
import { rangeFromA1 } from '../../core/grid/address';
import { Cell, CellValue, Grid, Workbook } from '../../core/grid/grid';
import { describeProblem, sniffXlsx, SniffOptions } from './sniff';

/** A workbook that cannot be read: its one-line message is Chinese first, then English. */
export class WorkbookReadError extends Error {
  constructor(message: string, readonly problem: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WorkbookReadError';
  }
}

/**
 * Loads .xlsx bytes into the core's grid model, in Node and in the browser (exceljs resolves to its
 * browser build there). Merges are kept with the value in the master cell only; a formula's cached
 * result is its value, and a formula without one is marked, never read as 0.
 */
export async function loadXlsx(bytes: Uint8Array, fileName: string, options?: SniffOptions): Promise<Workbook> {
  const sniff = sniffXlsx(bytes, options);
  if (!sniff.ok) throw new WorkbookReadError(describeProblem(sniff.problem, fileName), sniff.problem);
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's typings ask for a Node Buffer; at run time it takes any binary JSZip accepts.
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (cause) {
    throw new WorkbookReadError(
      `无法读取“${fileName}”：文件已损坏或不是有效的 .xlsx 工作簿。 / Cannot read "${fileName}": the file is damaged or not a valid .xlsx workbook.`,
      'corrupt',
      { cause },
    );
  }
  const sheets = wb.worksheets.map(toGrid);
  if (sheets.length === 0 || sheets.every((s) => s.rowCount === 0)) {
    throw new WorkbookReadError(
      `“${fileName}”是空工作簿，没有任何数据。 / "${fileName}" is an empty workbook with no data.`,
      'empty-workbook',
    );
  }
  return { name: fileName, sheets };
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
      if (typeof result === 'object' && result !== null && 'error' in (result)) {
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
  if (v instanceof Date) {
    // A date cell: keep it as ISO text (dates appear only in 绩效 target texts such as 完工时间).
    return v.toISOString().slice(0, 10);
  }
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}
