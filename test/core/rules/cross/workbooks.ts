import type { Workbook } from '../../../../src/core/grid/grid';
import { variant } from '../../../fixtures/variants';
import { loadBytes, loadFixture } from '../../../helpers/fixtures';

/**
 * Workbooks for the between-table cases that no single fixture holds: sheets of several fixtures
 * (or of a layout variant) put together in one workbook. Sheet names do not collide across the
 * fixtures used here (公开0N表 / 部门整体绩效自评表 / 基础数据表).
 */
export async function combined(base: string, other: string, sheets: string[]): Promise<Workbook> {
  const a = await loadFixture(base);
  const b = await loadFixture(other);
  const extra = sheets.map((name) => {
    const g = b.sheets.find((s) => s.name === name);
    if (!g) throw new Error(`no sheet ${name} in ${other}`);
    return g;
  });
  return { name: `${base}+${other}`, sheets: [...a.sheets, ...extra] };
}

/** The 江岸 公开 workbook with some sheets replaced by their 元 copies (amounts × 10000, 单位：元). */
export async function withYuanSheets(sheets: string[]): Promise<Workbook> {
  const a = await loadFixture('jiangan-2024-gongkai.xlsx');
  const y = await loadBytes(await variant('yuan-units').build(), 'yuan-units.xlsx');
  return { name: 'mixed-units.xlsx', sheets: a.sheets.map((g) => (sheets.includes(g.name) ? y.sheets.find((s) => s.name === g.name)! : g)) };
}

/** A layout variant of the 江岸 公开 workbook (national template, …). */
export async function variantWorkbook(name: string): Promise<Workbook> {
  return loadBytes(await variant(name).build(), `${name}.xlsx`);
}

/** A fixture with raw cells overwritten by address ('公开03表!A23'), for edits no line key reaches (科目编码). */
export async function withCells(fixture: string, cells: Record<string, string | number | null>): Promise<Workbook> {
  const wb = await loadFixture(fixture);
  for (const [at, value] of Object.entries(cells)) {
    const m = /^(.+)!([A-Z]+)(\d+)$/.exec(at);
    if (!m) throw new Error(`bad address ${at}`);
    const grid = wb.sheets.find((s) => s.name === m[1]);
    if (!grid) throw new Error(`no sheet ${m[1]}`);
    const col = [...m[2]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const row = Number(m[3]) - 1;
    grid.set(row, col, { ...(grid.cell(row, col) ?? {}), value, formula: undefined, noCachedResult: undefined });
  }
  return wb;
}
