import { readFileSync } from 'fs';
import * as path from 'path';
import { analyze } from '../../src/core/analyze';
import { planFills, willWrite } from '../../src/core/fill/plan';
import { XlsxFileHost } from '../../src/hosts/xlsx/file-host';
import { FIXTURES } from '../helpers/fixtures';

const bytesOf = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));

describe('the .xlsx file host', () => {
  test('reads the workbook once, and a plan of fills gives a new file that reads back with the values written', async () => {
    const original = bytesOf('miluo-2023-jixiao.xlsx');
    const copy = original.slice();
    const host = new XlsxFileHost(original, 'miluo-2023-jixiao.xlsx');
    const workbook = await host.readWorkbook();
    expect(await host.readWorkbook()).toBe(workbook);
    const { tables } = analyze(workbook);
    const plan = planFills(workbook, tables);
    const writes = plan.writes.filter((w) => willWrite(w, {}) && w.status === 'empty');
    expect(writes.length).toBeGreaterThan(0);
    const applied = await host.applyPlan({ writes, values: true });
    expect(applied.written).toBe(writes.length);
    // the original bytes are untouched; the new file holds the computed values
    expect(original).toEqual(copy);
    const after = await new XlsxFileHost(applied.bytes!, 'out.xlsx').readWorkbook();
    for (const w of writes) {
      const cell = after.sheets.find((s) => s.name === w.sheet)!.cell(w.ref.row, w.ref.col);
      expect(cell?.value).toBe(Number(w.value.toString()));
    }
  });

  test('marks give a marked copy (test/hosts/xlsx/review-marks.test.ts); the original bytes are untouched', async () => {
    const original = bytesOf('jiangan-2024-gongkai.xlsx');
    const copy = original.slice();
    const host = new XlsxFileHost(original, 'jiangan-2024-gongkai.xlsx');
    expect(host.capabilities.marks).toBe(true);
    const { findings } = analyze(await host.readWorkbook());
    const applied = await host.applyPlan({ marks: findings });
    expect(applied.marked).toBeGreaterThan(0);
    expect(applied.bytes).not.toEqual(original);
    expect(original).toEqual(copy);
  });
});
