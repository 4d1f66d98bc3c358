import { analyze } from '../../../src/core/analyze';
import { refToA1 } from '../../../src/core/grid/address';
import type { Workbook } from '../../../src/core/grid/grid';
import { loadFixture } from '../../helpers/fixtures';
import { variantWorkbook } from '../../helpers/variant-workbook';

const sheet = (wb: Workbook, name: string) => wb.sheets.find((s) => s.name === name)!;

describe('the structural confidence gate', () => {
  test('a table read with its header shifted gives one finding that says where, not a cascade of errors', async () => {
    const wb = await loadFixture('jiangan-2024-gongkai.xlsx');
    const before = analyze(wb).findings.filter((f) => f.severity === 'error').length;
    // the header words of 本年支出合计 and 基本支出 swapped: every row reads the wrong column as its total
    const g = sheet(wb, '公开03表');
    const c = g.cell(3, 2)!;
    const d = g.cell(3, 3)!;
    g.set(3, 2, { ...c, value: d.value });
    g.set(3, 3, { ...d, value: c.value });
    const { findings } = analyze(wb);
    const structure = findings.filter((f) => f.rule === 'STRUCTURE.uncertain');
    expect(structure).toHaveLength(1);
    expect(structure[0].cells[0].sheet).toBe('公开03表');
    expect(structure[0].message).toMatch(/公开03表 的表格结构未能完全识别.*个等式中有 \d+ 个不成立.*表头/);
    // no cascade: no error cites the misread table any more, and the other tables' errors stay
    expect(findings.filter((f) => f.severity === 'error' && f.cells.some((x) => x.sheet === '公开03表'))).toEqual([]);
    expect(findings.filter((f) => f.severity === 'error').length).toBeLessThanOrEqual(before);
    expect(findings.some((f) => f.rule === 'LEDGER.row-sum' && f.cells[0].sheet === '公开02表' && f.severity === 'error')).toBe(true);
  });

  test('one digit dropped from a 类 row of an otherwise consistent table is still an error at that cell', async () => {
    const wb = await variantWorkbook('national-split-codes');
    const clean = analyze(wb);
    const t = clean.tables.find((x) => x.type === 'GK03')!;
    const lei = t.lines.find((l) => l.level === '类' && l.code === '221')!;
    const ref = lei.cells['合计'];
    const g = sheet(wb, t.sheet);
    const v = Number(g.value(ref.row, ref.col));
    // 20958.26 → 2095.826 would be a decimal slip; a dropped digit: 20958.26 → 2958.26
    const dropped = Number(String(v).replace(/^(\d)\d/, '$1'));
    g.set(ref.row, ref.col, { ...g.cell(ref.row, ref.col)!, value: dropped });
    const { findings } = analyze(wb);
    expect(findings.filter((f) => f.rule === 'STRUCTURE.uncertain')).toEqual([]);
    const at = `${t.sheet}!${refToA1(ref)}`;
    expect(findings.some((f) => f.severity === 'error' && f.cells.some((c) => `${c.sheet}!${c.address}` === at))).toBe(true);
  });

  test('no structure finding on any consistent sample or layout variant', async () => {
    for (const name of ['jiangan-2024-gongkai.xlsx', 'jiangan-2024-jixiao.xlsx', 'huaihua-2023-jixiao.xlsx', 'huaihua-2024-jixiao.xlsx', 'lukou-2022-jixiao.xlsx', 'miluo-2023-jixiao.xlsx']) {
      expect(analyze(await loadFixture(name)).findings.filter((f) => f.rule === 'STRUCTURE.uncertain')).toEqual([]);
    }
    for (const name of ['national-split-codes', 'national-single-code-column', 'yuan-units', 'text-numbers']) {
      expect(analyze(await variantWorkbook(name)).findings.filter((f) => f.rule === 'STRUCTURE.uncertain')).toEqual([]);
    }
  });
});
