import type { CellWrite } from '../../../../src/core/fill/types';
import { fromA1 } from '../../../../src/core/grid/address';
import { Decimal } from '../../../../src/core/money/decimal';
import { SheetPatcher } from '../../../../src/hosts/xlsx/package/sheet-patch';
import { StylesPatcher } from '../../../../src/hosts/xlsx/package/styles';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const STYLES = `<styleSheet ${NS}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="4" borderId="1"/></cellXfs></styleSheet>`;

const w = (a1: string, formula: string, value: number, numFmt = ''): CellWrite => ({
  sheet: 's',
  ref: fromA1(a1),
  formula,
  value: new Decimal(value),
  inputs: [],
  numFmt,
  quantity: 'q',
  description: 'd',
});

function patch(body: string, writes: CellWrite[], values = false): string {
  const p = new SheetPatcher('s', `<worksheet ${NS}>${body}</worksheet>`, new StylesPatcher(STYLES));
  p.apply(writes, values);
  return p.render().slice(`<worksheet ${NS}>`.length, -'</worksheet>'.length);
}

describe('SheetPatcher', () => {
  test('only the written cell, its row spans and the dimension change', () => {
    const body = '<dimension ref="A1:B2"/><sheetData><row r="1" spans="1:2"><c r="A1" s="1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="A2"><v>3</v></c></row></sheetData><mergeCells count="0"/>';
    expect(patch(body, [w('D1', 'A1+B1', 3)])).toBe(
      '<dimension ref="A1:D2"/><sheetData><row r="1" spans="1:4"><c r="A1" s="1"><v>1</v></c><c r="B1"><v>2</v></c><c r="D1"><f>A1+B1</f><v>3</v></c></row><row r="2"><c r="A2"><v>3</v></c></row></sheetData><mergeCells count="0"/>',
    );
  });

  test('new rows go in row order; a self-closing sheetData is opened; values mode writes no formula', () => {
    expect(patch('<sheetData/>', [w('A3', 'x', 1), w('B1', 'y', -0)], true)).toBe('<sheetData><row r="1"><c r="B1"><v>0</v></c></row><row r="3"><c r="A3"><v>1</v></c></row></sheetData>');
  });

  test('rows and cells without addresses gain them when the row is touched or a row is inserted before them', () => {
    const body = '<sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row></sheetData>';
    expect(patch(body, [w('C1', 'A1', 1)])).toBe(
      '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><f>A1</f><v>1</v></c></row><row><c><v>3</v></c></row></sheetData>',
    );
  });

  test('a write into a merged range lands on its top-left cell, with the cell format copied to the new number format', () => {
    const body = '<sheetData><row r="2"><c r="B2" s="1"/></row></sheetData><mergeCells count="1"><mergeCell ref="B2:C3"/></mergeCells>';
    expect(patch(body, [w('C3', 'SUM(A1:A9)', 45, '0.00')])).toBe(
      '<sheetData><row r="2"><c r="B2" s="2"><f>SUM(A1:A9)</f><v>45</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="B2:C3"/></mergeCells>',
    );
  });

  test('a new cell takes its row\'s format, else its column\'s', () => {
    const body = '<cols><col min="3" max="4" style="1"/></cols><sheetData><row r="1" s="1" customFormat="1"/></sheetData>';
    expect(patch(body, [w('A1', '1', 1), w('D2', '2', 2)])).toBe(
      '<cols><col min="3" max="4" style="1"/></cols><sheetData><row r="1" s="1" customFormat="1"><c r="A1" s="1"><f>1</f><v>1</v></c></row><row r="2"><c r="D2" s="1"><f>2</f><v>2</v></c></row></sheetData>',
    );
  });
});

describe('SheetPatcher: linear in rows (issue 16, item 8)', () => {
  /** n existing rows (odd row numbers) and a write into each even row, which the sheet does not have yet. */
  function interleaved(n: number): { body: string; writes: CellWrite[] } {
    let rows = '';
    const writes: CellWrite[] = [];
    for (let i = 0; i < n; i++) {
      rows += `<row r="${2 * i + 1}"><c r="A${2 * i + 1}"><v>${i}</v></c></row>`;
      writes.push(w(`B${2 * i + 2}`, `A${2 * i + 1}*2`, 2 * i));
    }
    return { body: `<sheetData>${rows}</sheetData>`, writes };
  }

  test('20,000 rows each followed by a new row are patched in under 2 s (10 s before), in order', () => {
    const { body, writes } = interleaved(20_000);
    const start = performance.now();
    const out = patch(body, writes);
    // Re-sorting the pending rows before each existing one took 10 s here.
    expect(performance.now() - start).toBeLessThan(5000);
    const order = [...out.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
    expect(order).toEqual(Array.from({ length: 40_000 }, (_, i) => i + 1));
  });
});
