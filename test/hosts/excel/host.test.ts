import { analyze } from '../../../src/core/analyze';
import { planFills } from '../../../src/core/fill/plan';
import { Grid } from '../../../src/core/grid/grid';
import { recognizeWorkbook } from '../../../src/core/tables/recognize';
import { ExcelHostError } from '../../../src/hosts/excel/errors';
import { ExcelHost, type ExcelRuntime } from '../../../src/hosts/excel/excel-host';
import { glyphFormat, LIST_SHEET, REGISTRY_SHEET } from '../../../src/hosts/excel/marks';
import { ExcelDouble } from '../../double/excel';
import { connect, doubleOf, expectedMarks, glyphAt, shownMarks, syncsOf } from './helpers';

const GONGKAI = 'jiangan-2024-gongkai.xlsx';

describe('marks', () => {
  test('survive the session: a new host (the file reopened) reads them back and has nothing to rewrite', async () => {
    const double = await doubleOf(GONGKAI);
    const first = await connect(double);
    const wb = await first.readWorkbook();
    const findings = analyze(wb).findings;
    await first.applyPlan({ marks: findings });
    const marks = shownMarks(double);

    const second = await connect(double);
    const again = await second.readWorkbook();
    expect(again.sheets.map((s) => s.name)).not.toContain(LIST_SHEET);
    expect(again.sheets.map((s) => s.name)).not.toContain(REGISTRY_SHEET);
    const { syncs } = await syncsOf(double, () => second.applyPlan({ marks: analyze(again).findings }));
    expect(syncs).toBe(0);
    expect(shownMarks(double)).toEqual(marks);
    // a reviewer without the add-in sees them: nothing but the workbook decides how a cell looks
    expect(double.displayed('公开02表', 'C29')).toMatchObject({ fillColor: '#FFC7CE', numberFormat: glyphFormat('0.00', '✖') });
  });

  test("a cell's own format and the user's own conditional formats are kept, and exactly restored by clearing", async () => {
    const double = await doubleOf(GONGKAI);
    await double.Excel.run(async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem('公开02表').getRange('C7:C32').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=TRUE';
      cf.custom.format.font.italic = true;
      cf.custom.format.fill.color = '#DDEBF7';
      await ctx.sync();
    });
    const before = double.formatSnapshot();
    const host = await connect(double);
    await host.applyPlan({ marks: analyze(await host.readWorkbook()).findings });
    // the mark's fill wins over the user's (a new rule has the top priority); their italics stay
    expect(double.displayed('公开02表', 'C29')).toMatchObject({ fillColor: '#FFC7CE', italic: true });
    expect(double.displayed('公开02表', 'C30')).toMatchObject({ fillColor: '#DDEBF7', italic: true, numberFormat: '0.00' });
    await host.applyPlan({ clearMarks: true });
    expect(double.formatSnapshot()).toBe(before);
  });

  test('the glyph keeps the cell’s own number format for every sign and for text', () => {
    expect(glyphFormat('General', '✖')).toBe('"✖"General;"✖"-General;"✖"General;"✖"@');
    expect(glyphFormat('0.00', '⚠')).toBe('"⚠"0.00;"⚠"-0.00;"⚠"0.00;"⚠"@');
    expect(glyphFormat('#,##0.00_ ;[Red]\\-#,##0.00\\ ', '✖')).toBe('"✖"#,##0.00_ ;[Red]"✖"\\-#,##0.00\\ ;"✖"#,##0.00_ ;"✖"@');
    expect(glyphFormat('0.00;(0.00);"-"', '✖')).toBe('"✖"0.00;"✖"(0.00);"✖""-";"✖"@');
    expect(glyphFormat('@', '✖')).toBe('"✖"@');
    expect(glyphFormat('[$-804]0.00%;"a;b"', '✖')).toBe('[$-804]"✖"0.00%;"✖""a;b";[$-804]"✖"0.00%;"✖"@');
  });

  test('an Excel without conditional-format APIs (before ExcelApi 1.6): no marks, and a note says so', async () => {
    const double = await doubleOf(GONGKAI, { apiVersion: '1.5' });
    const host = await connect(double);
    expect(host.capabilities.marks).toBe(false);
    const { value: applied, syncs } = await syncsOf(double, async () => host.applyPlan({ marks: analyze(await host.readWorkbook()).findings }));
    expect(syncs).toBe(1);
    expect(applied.notes?.map((n) => n.requirement)).toEqual(['ExcelApi 1.6']);
    expect(double.sheetNames({ includeHidden: true })).not.toContain(REGISTRY_SHEET);
  });
});

describe('fills', () => {
  test('formulas by default, values on request, in one sync; read back as Excel computed them', async () => {
    const double = await doubleOf('huaihua-2024-jixiao.xlsx');
    const host = await connect(double);
    const wb = await host.readWorkbook();
    const plan = planFills(wb, recognizeWorkbook(wb).tables);
    const writes = plan.writes.filter((w) => w.status === 'empty' || w.status === 'same-value');
    expect(writes.length).toBeGreaterThan(0);
    const { syncs } = await syncsOf(double, () => host.applyPlan({ writes }));
    expect(syncs).toBe(1);
    for (const w of writes) {
      const cell = double.sheet(w.sheet).get(w.ref.row, w.ref.col);
      if (w.valueOnly) expect(cell?.formula).toBeUndefined();
      else expect(cell?.formula).toBe(`=${w.formula}`);
      expect(Number(cell?.value)).toBeCloseTo(w.value.toNumber(), 9);
      expect(cell?.numFmt).toBe(w.numFmt);
    }
    const valuesDouble = await doubleOf('huaihua-2024-jixiao.xlsx');
    const valuesHost = await connect(valuesDouble);
    await valuesHost.readWorkbook();
    await valuesHost.applyPlan({ writes, values: true });
    for (const w of writes) expect(valuesDouble.sheet(w.sheet).get(w.ref.row, w.ref.col)?.formula).toBeUndefined();
  });

  test("the add-in's own fills start no re-check, even without triggerSource (before ExcelApi 1.14)", async () => {
    jest.useFakeTimers();
    try {
      for (const version of ['1.20', '1.13']) {
        const double = await doubleOf('huaihua-2024-jixiao.xlsx', { apiVersion: version });
        const host = await connect(double);
        const changes: unknown[] = [];
        await host.onChange((c) => changes.push(c));
        const wb = await host.readWorkbook();
        const writes = planFills(wb, recognizeWorkbook(wb).tables).writes.filter((w) => w.status === 'empty');
        await host.applyPlan({ writes });
        await jest.advanceTimersByTimeAsync(1000);
        expect(changes).toEqual([]);
        double.user.edit('基础数据表', 'D12', 1);
        await jest.advanceTimersByTimeAsync(1000);
        expect(changes).toHaveLength(1);
        await host.dispose();
        expect(double.handlerCount).toBe(0);
      }
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('reading', () => {
  function bigBook(rows: number): ExcelDouble {
    const g = new Grid({ name: 'Big' });
    for (let r = 0; r < rows; r++) for (let c = 0; c < 8; c++) g.set(r, c, { value: r * 8 + c + 0.25, numFmt: '0.00' });
    const small = new Grid({ name: 'Small' });
    small.set(0, 0, { value: 'x' });
    return new ExcelDouble({ name: 'big.xlsx', sheets: [small, g] });
  }

  test('a sheet too large for one request (Excel on the web, 5 MB) is read in row blocks, every request under the cap', async () => {
    const double = bigBook(40_000);
    const host = await connect(double);
    const first = await syncsOf(double, () => host.readWorkbook());
    const big = first.value.sheets[1];
    expect(big.rowCount).toBe(40_000);
    expect(big.value(39_999, 7)).toBe(39_999 * 8 + 7 + 0.25);
    expect(big.cell(12_345, 3)).toEqual({ value: 12_345 * 8 + 3 + 0.25, numFmt: '0.00' });
    const requests = double.syncs.slice(-first.syncs);
    // the sizes were not known: one request refused by Excel, one to measure, then the blocks
    expect(requests[0].error).toBe('ResponsePayloadSizeLimitExceeded');
    expect(requests.slice(1).every((r) => !r.error && r.responseBytes <= 5 * 1024 * 1024)).toBe(true);
    expect(first.syncs).toBeGreaterThan(3);
    expect(first.syncs).toBeLessThanOrEqual(10);
    // the next read knows the sizes: blocks at once, nothing refused
    const second = await syncsOf(double, () => host.readWorkbook());
    expect(double.syncs.slice(-second.syncs).every((r) => !r.error)).toBe(true);
    expect(second.syncs).toBeLessThanOrEqual(first.syncs - 2);
    expect(second.syncs).toBeGreaterThan(1);
    expect(second.value.sheets[1].value(39_999, 7)).toBe(39_999 * 8 + 7 + 0.25);
  });

  test('hidden rows and columns through getVisibleView when getSpecialCells is missing (before ExcelApi 1.9)', async () => {
    const g = new Grid({ name: 'S', hiddenRows: [2, 5], hiddenCols: [1] });
    for (let r = 0; r < 8; r++) for (let c = 0; c < 4; c++) g.set(r, c, { value: r + c });
    for (const version of ['1.20', '1.8']) {
      const double = new ExcelDouble({ name: 'h.xlsx', sheets: [g] }, { apiVersion: version });
      const wb = await (await connect(double)).readWorkbook();
      expect([...wb.sheets[0].hiddenRows].sort()).toEqual([2, 5]);
      expect([...wb.sheets[0].hiddenCols]).toEqual([1]);
    }
  });

  test('a sheet deleted behind the host’s back: the list is read again and the rest is read', async () => {
    const double = await doubleOf(GONGKAI, { apiVersion: '1.6' }); // no events: the host cannot know
    const host = await connect(double);
    double.user.deleteSheet('公开08表');
    const wb = await host.readWorkbook();
    expect(wb.sheets.map((s) => s.name)).not.toContain('公开08表');
    expect(wb.sheets).toHaveLength(8);
  });
});

describe('selecting and errors', () => {
  test("a finding's cells are selected on its sheet; the user's selection is reported", async () => {
    const double = await doubleOf(GONGKAI);
    const host = await connect(double);
    await host.readWorkbook();
    const { syncs } = await syncsOf(double, () =>
      host.select([
        { sheet: '公开02表', address: 'C29' },
        { sheet: '公开02表', address: 'D29' },
        { sheet: '公开03表', address: 'C29' },
      ]),
    );
    expect(syncs).toBe(1);
    expect(double.state.activeSheet?.name).toBe('公开02表');
    expect(double.state.selection?.areas.map((a) => [a.top, a.left])).toEqual([
      [28, 2],
      [28, 3],
    ]);
    const seen: unknown[] = [];
    await host.onSelect((s) => seen.push(s));
    double.user.select('公开05表', 'D7');
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([{ sheet: '公开05表', address: 'D7' }]);
    await host.dispose();
    expect(double.handlerCount).toBe(0);
  });

  test('Office.js errors are wrapped: the code, the cause, Chinese first', async () => {
    const double = await doubleOf(GONGKAI);
    const host = await connect(double);
    await host.readWorkbook();
    double.user.deleteSheet('公开09表');
    const error = await host.select([{ sheet: '公开09表', address: 'A1' }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelHostError);
    expect(error).toMatchObject({ code: 'ItemNotFound', message: expect.stringMatching(/^定位单元格失败：找不到.*\/ Selecting the cells failed/) as unknown });
    expect((error as Error).cause).toMatchObject({ code: 'ItemNotFound' });
  });

  test('outside Excel there is nothing to connect to', async () => {
    await expect(ExcelHost.connect({ excel: undefined, requirements: undefined })).rejects.toThrow(/未在 Excel 中运行/);
    const excel = { run: () => Promise.reject(new Error('unused')) } as unknown as ExcelRuntime;
    await expect(ExcelHost.connect({ excel, requirements: { isSetSupported: () => false } })).rejects.toThrow(/过旧/);
  });

  test('marks are the findings on a workbook the host reads (for the record: the oracle is independent)', async () => {
    const double = await doubleOf('miluo-2023-jixiao.xlsx');
    const host = await connect(double);
    const wb = await host.readWorkbook();
    const findings = analyze(wb).findings;
    await host.applyPlan({ marks: findings });
    expect(shownMarks(double)).toEqual(expectedMarks(findings, wb));
    // one cell with an error and a warning shows the error
    const both = findings.filter((f) => f.severity === 'warning').map((f) => f.cells[0]).find((c) => findings.some((f) => f.severity === 'error' && f.cells[0]?.sheet === c.sheet && f.cells[0]?.address === c.address));
    if (both) expect(glyphAt(double, both.sheet, both.address)).toBe('error');
  });
});
