import ExcelJS from 'exceljs';
import { textNumberCells } from '../../../src/core/grid/text-numbers';
import { loadXlsx } from '../../../src/hosts/xlsx/load';
import { loadFixture } from '../../helpers/fixtures';

async function bytesOf(build: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('表'));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('loadXlsx', () => {
  test('keeps formulas: the cached result is the value; no cached result is marked, not 0', async () => {
    const wb = await loadXlsx(
      await bytesOf((ws) => {
        ws.getCell('A1').value = 1.5;
        ws.getCell('A2').value = 2.25;
        ws.getCell('A3').value = { formula: 'SUM(A1:A2)', result: 3.75 };
        ws.getCell('A4').value = { formula: 'A1*2' };
        ws.getCell('A5').value = { formula: '1/0', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellFormulaValue;
      }),
      'f.xlsx',
    );
    const g = wb.sheets[0];
    expect(g.cell(2, 0)).toMatchObject({ value: 3.75, formula: 'SUM(A1:A2)' });
    expect(g.cell(3, 0)).toMatchObject({ value: null, formula: 'A1*2', noCachedResult: true });
    expect(g.cell(4, 0)).toMatchObject({ value: null, error: '#DIV/0!' });
  });

  test('keeps merges with the value in the master cell only, hidden rows and columns, number formats', async () => {
    const wb = await loadXlsx(
      await bytesOf((ws) => {
        ws.getCell('B2').value = '2024年度收入决算表';
        ws.mergeCells('B2:E2');
        ws.getCell('C4').value = 12.5;
        ws.getCell('C4').numFmt = '#,##0.00';
        ws.getColumn(4).hidden = true;
        ws.getRow(5).hidden = true;
        ws.getCell('A5').value = 'x';
      }),
      'm.xlsx',
    );
    const g = wb.sheets[0];
    expect(g.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 4 }]);
    expect(g.value(1, 1)).toBe('2024年度收入决算表');
    expect(g.value(1, 3)).toBeNull();
    expect(g.text(1, 3)).toBe('2024年度收入决算表');
    expect(g.cell(3, 2)?.numFmt).toBe('#,##0.00');
    expect(g.isHiddenCol(3)).toBe(true);
    expect(g.isHiddenRow(4)).toBe(true);
  });

  test('reports the cells of a real workbook that hold numbers as text', async () => {
    const wb = await loadXlsx(
      await bytesOf((ws) => {
        ws.getCell('A1').value = '22854. 27';
        ws.getCell('B1').value = '合计';
        ws.getCell('C1').value = 12;
        ws.getCell('D1').value = '１２．００';
      }),
      't.xlsx',
    );
    expect(textNumberCells(wb.sheets[0]).map((c) => [c.address, c.value.toString()])).toEqual([
      ['A1', '22854.27'],
      ['D1', '12'],
    ]);
    const fixture = await loadFixture('jiangan-2024-gongkai.xlsx');
    // 科目编码 such as "2010302" are text that reads as a number; the amount columns hold real numbers.
    const gk02 = fixture.sheets.find((s) => s.name === '公开02表')!;
    expect(textNumberCells(gk02, { top: 6, left: 0, bottom: 31, right: 0 })).toHaveLength(25);
    expect(textNumberCells(gk02, { top: 6, left: 2, bottom: 31, right: 8 })).toEqual([]);
  });
});

describe('loadXlsx: cached results', () => {
  test('a formula whose cached result is 0 reads as 0, not as uncalculated', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    ws.getCell('A1').value = { formula: 'SUM(B1:B2)', result: 0 };
    const g = (await loadXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), 'z.xlsx')).sheets[0];
    expect(g.cell(0, 0)).toMatchObject({ value: 0, formula: 'SUM(B1:B2)' });
    expect(g.cell(0, 0)?.noCachedResult).toBeUndefined();
  });
});
