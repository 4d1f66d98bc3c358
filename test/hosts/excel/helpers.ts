/// <reference types="office-js" />
import { readFileSync } from 'fs';
import * as path from 'path';
import type { Finding } from '../../../src/core/findings';
import type { Workbook } from '../../../src/core/grid/grid';
import { columnLetters, fromA1 } from '../../../src/core/grid/address';
import { ExcelHost, type ExcelHostOptions, type ExcelRuntime } from '../../../src/hosts/excel/excel-host';
import { MARK_STYLE } from '../../../src/hosts/excel/marks';
import { ExcelDouble, type ExcelDoubleOptions } from '../../double/excel';

export const SAMPLES = path.resolve(__dirname, '../../../samples');
export const FIXTURES = ['huaihua-2023-jixiao.xlsx', 'huaihua-2024-jixiao.xlsx', 'jiangan-2024-gongkai.xlsx', 'jiangan-2024-jixiao.xlsx', 'lukou-2022-jixiao.xlsx', 'miluo-2023-jixiao.xlsx'];

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(SAMPLES, name)));
}

export function doubleOf(name: string, options?: ExcelDoubleOptions): Promise<ExcelDouble> {
  return ExcelDouble.fromXlsx(fixtureBytes(name), name, options);
}

/** The Excel host on the double (its globals passed in, as Office.js would provide them). */
export function connect(double: ExcelDouble, options: ExcelHostOptions = {}): Promise<ExcelHost> {
  return ExcelHost.connect({ excel: double.Excel as unknown as ExcelRuntime, requirements: double.Office.context.requirements, ...options });
}

/** How many requests `f` cost. */
export async function syncsOf<T>(double: ExcelDouble, f: () => Promise<T>): Promise<{ value: T; syncs: number }> {
  const before = double.syncCount;
  const value = await f();
  return { value, syncs: double.syncCount - before };
}

/** The glyph a cell shows through the conditional formats ('' when unmarked). */
export function glyphAt(double: ExcelDouble, sheet: string, address: string): string {
  const f = double.displayed(sheet, address).numberFormat;
  if (f.startsWith(`"${MARK_STYLE.error.glyph}"`)) return 'error';
  if (f.startsWith(`"${MARK_STYLE.warning.glyph}"`)) return 'warning';
  return '';
}

/** The mark every cell of the user's sheets shows, as "sheet!A1 severity" lines. */
export function shownMarks(double: ExcelDouble): string[] {
  const out: string[] = [];
  for (const name of double.sheetNames()) {
    const s = double.sheet(name);
    for (const cf of s.cfs) {
      for (let r = cf.range.top; r <= cf.range.bottom; r++) {
        for (let c = cf.range.left; c <= cf.range.right; c++) {
          const address = `${columnLetters(c)}${r + 1}`;
          const g = glyphAt(double, name, address);
          if (g) out.push(`${name}!${address} ${g}`);
        }
      }
    }
  }
  return [...new Set(out)].sort();
}

/**
 * What the marks should be: the first cell of every error and warning finding (the master cell of its
 * merge, with the merges of `workbook`: what the host could read), the most severe winning.
 */
export function expectedMarks(findings: readonly Finding[], workbook: Workbook): string[] {
  const by = new Map<string, string>();
  for (const f of findings) {
    if (f.severity !== 'error' && f.severity !== 'warning') continue;
    const first = f.cells[0];
    if (!first) continue;
    const at = fromA1(first.address);
    const m = workbook.sheets.find((g) => g.name === first.sheet)?.mergeAt(at.row, at.col);
    const key = `${first.sheet}!${m ? `${columnLetters(m.left)}${m.top + 1}` : first.address}`;
    if (by.get(key) !== 'error') by.set(key, f.severity);
  }
  return [...by].map(([k, v]) => `${k} ${v}`).sort();
}
