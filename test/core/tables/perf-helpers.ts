import { refToA1 } from '../../../src/core/grid/address';
import type { Workbook } from '../../../src/core/grid/grid';
import { parseAmount } from '../../../src/core/grid/parse-amount';
import { Recognition, recognizeWorkbook } from '../../../src/core/tables/recognize';
import type { SemanticTable } from '../../../src/core/tables/types';
import { loadFixture } from '../../helpers/fixtures';

/** Shared by the 绩效 recognizer tests: a fixture loaded and recognized. */
export async function open(file: string): Promise<{ wb: Workbook; rec: Recognition }> {
  const wb = await loadFixture(file);
  return { wb, rec: recognizeWorkbook(wb) };
}

/** The value of a line's cell as the rules will read it: a number, null when empty, else the raw text. */
export function val(wb: Workbook, t: SemanticTable, line: string, cell: string): number | string | null {
  const ref = t.cell(line, cell);
  if (!ref) throw new Error(`${t.sheet}: no cell ${line}.${cell}`);
  const grid = wb.sheets.find((s) => s.name === t.sheet)!;
  const p = parseAmount(grid.value(ref.row, ref.col));
  if (p.kind === 'number') return p.value.toNumber();
  if (p.kind === 'empty') return null;
  return String(p.raw);
}

/** The A1 address of a line's cell, "(none)" when the role is missing. */
export function a1(t: SemanticTable, line: string, cell: string): string {
  const ref = t.cell(line, cell);
  return ref ? refToA1(ref) : '(none)';
}
