import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import type { CellRef } from '../../src/core/grid/address';
import type { Workbook } from '../../src/core/grid/grid';
import { parseAmount } from '../../src/core/grid/parse-amount';
import { recognizeWorkbook, Recognition } from '../../src/core/tables/recognize';
import type { SemanticTable, TableType } from '../../src/core/tables/types';
import { loadXlsx } from '../../src/hosts/xlsx/load';

/** The shared fixtures beside the repository (the finance office's exports of the seed tables). */
/** Falls back to the copies bundled in samples/ when the repository is checked out on its own. */
const SHARED_FIXTURES = path.resolve(__dirname, '../../../shared/fixtures');
export const FIXTURES = existsSync(SHARED_FIXTURES) ? SHARED_FIXTURES : path.resolve(__dirname, '../../samples');

export async function loadFixture(name: string): Promise<Workbook> {
  return loadXlsx(new Uint8Array(readFileSync(path.join(FIXTURES, name))), name);
}

/** A file of the repository's own samples/ (inputs sheets and texts that are not shared fixtures). */
export async function loadSample(name: string): Promise<Workbook> {
  return loadXlsx(new Uint8Array(readFileSync(path.resolve(__dirname, '../../samples', name))), name);
}

export async function loadBytes(bytes: Uint8Array, name = 'variant.xlsx'): Promise<Workbook> {
  return loadXlsx(bytes, name);
}

export interface Recognized extends Recognition {
  workbook: Workbook;
}

export async function recognizeFixture(name: string): Promise<Recognized> {
  const workbook = await loadFixture(name);
  return { workbook, ...recognizeWorkbook(workbook) };
}

export function tableOf(r: Recognition, type: TableType, index = 0): SemanticTable {
  const t = r.tables.filter((x) => x.type === type)[index];
  if (!t) throw new Error(`no ${type} #${index} recognized; got ${r.tables.map((x) => x.type).join(',')}`);
  return t;
}

/** The amount in a cell as a string with its exact decimals, '' when empty, the text otherwise. */
export function amountAt(workbook: Workbook, table: SemanticTable, ref: CellRef | undefined): string {
  if (!ref) throw new Error('no such cell role');
  const grid = workbook.sheets.find((s) => s.name === table.sheet);
  if (!grid) throw new Error(`no sheet ${table.sheet}`);
  const p = parseAmount(grid.value(ref.row, ref.col));
  if (p.kind === 'number') return p.value.toString();
  if (p.kind === 'empty') return '';
  return String(p.raw);
}
