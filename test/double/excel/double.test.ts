/// <reference types="office-js" />
import { Grid } from '../../../src/core/grid/grid';
import { ExcelDouble, RichApiError } from '.';
import type { DoubleRequestContext } from './proxies';

function book(): ExcelDouble {
  const g = new Grid({ name: 'Data', merges: [{ top: 0, left: 0, bottom: 0, right: 2 }], hiddenRows: [3], hiddenCols: [4] });
  g.set(0, 0, { value: 'Title' });
  g.set(1, 0, { value: 1, numFmt: '0.00' });
  g.set(2, 0, { value: 2 });
  g.set(3, 0, { value: 3 });
  g.set(4, 0, { value: 6, formula: 'SUM(A2:A4)' });
  g.set(4, 5, { value: 'x' });
  const other = new Grid({ name: '3-1 项目' });
  other.set(0, 0, { value: 6, formula: 'Data!A5' });
  return new ExcelDouble({ name: 'b.xlsx', sheets: [g, other] });
}

const run = <T>(d: ExcelDouble, f: (ctx: DoubleRequestContext) => Promise<T>) => d.Excel.run(f);

describe('load and sync', () => {
  test('an unloaded property throws PropertyNotLoaded, a loaded one is there after sync', async () => {
    const d = book();
    await run(d, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('A1:A5');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded', name: 'RichApi.Error' }));
      r.load('values,address');
      expect(() => r.values).toThrow(/is not available/);
      await ctx.sync();
      expect(r.values.map((row) => row[0])).toEqual(['Title', 1, 2, 3, 6]);
      expect(r.address).toBe('Data!A1:A5');
      expect(() => r.formulas).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  test('writes take effect at sync, in order with the loads; formulas recalculate', async () => {
    const d = book();
    await run(d, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('data');
      const before = ws.getRange('A5').load('values');
      ws.getRange('A2').values = [[10]];
      expect(d.cell('Data', 'A2')?.value).toBe(1);
      const after = ws.getRange('A5').load('values,formulas');
      await ctx.sync();
      expect(before.values).toEqual([[6]]);
      expect(after.values).toEqual([[15]]);
      expect(after.formulas).toEqual([['=SUM(A2:A4)']]);
    });
    expect(d.cell('3-1 项目', 'A1')?.value).toBe(15);
  });

  test('a sync with nothing queued sends no request; each request is counted', async () => {
    const d = book();
    await run(d, async (ctx) => {
      await ctx.sync();
      ctx.workbook.worksheets.load('items/name');
      await ctx.sync();
      await ctx.sync();
    });
    expect(d.syncCount).toBe(1);
  });

  test('a request takes latencyMs on the timers in force (fake timers drive it)', async () => {
    jest.useFakeTimers();
    try {
      const d = book();
      d.latencyMs = 50;
      let done = false;
      const p = run(d, async (ctx) => {
        ctx.workbook.worksheets.load('items/name');
        await ctx.sync();
        done = true;
      });
      await jest.advanceTimersByTimeAsync(49);
      expect(done).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      await p;
      expect(done).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  test('OrNullObject results tell isNullObject after sync; getItem of a missing sheet fails the sync', async () => {
    const d = book();
    await run(d, async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Nope');
      const there = ctx.workbook.worksheets.getItemOrNullObject('Data');
      expect(() => missing.isNullObject).toThrow(/not available/);
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
      ctx.workbook.worksheets.getItem('Nope').load('name');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
  });

  test('objects of a finished run cannot be synced again', async () => {
    const d = book();
    let kept: DoubleRequestContext | undefined;
    await run(d, async (ctx) => {
      kept = ctx;
      await Promise.resolve();
    });
    kept?.workbook.worksheets.load('items/name');
    await expect(kept?.sync()).rejects.toMatchObject({ code: 'InvalidObjectPath' });
  });
});

describe('the environment', () => {
  test('requirement sets: isSetSupported answers for the configured version; a newer API fails with ApiNotFound', async () => {
    const d = book();
    d.apiVersion = '1.8';
    expect(d.Office.context.requirements.isSetSupported('ExcelApi', '1.8')).toBe(true);
    expect(d.Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(false);
    expect(d.Office.context.requirements.isSetSupported('ExcelApi', '1.13')).toBe(false);
    await run(d, async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getUsedRange(true).getMergedAreasOrNullObject().load('address');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
      ctx.workbook.worksheets.onChanged.add(() => Promise.resolve());
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
    });
  });

  test('Excel on the web: a response past the cap fails with ResponsePayloadSizeLimitExceeded, a request with RequestPayloadSizeLimitExceeded', async () => {
    const d = book();
    d.payloadLimitBytes = 2000;
    await run(d, async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('A1:Z40').load('values,formulas,numberFormat');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
      ctx.workbook.worksheets.getItem('Data').getRange('A1:Z40').values = Array.from({ length: 40 }, () => Array.from({ length: 26 }, () => 'text'));
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    });
    d.platform = 'desktop';
    await run(d, async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('A1:Z40').load('values,formulas,numberFormat');
      await ctx.sync();
    });
  });

  test('cell-edit mode: requests fail, except a run that asks to wait (ExcelApi 1.11)', async () => {
    const d = book();
    d.user.beginCellEdit();
    await expect(run(d, async (ctx) => {
      ctx.workbook.worksheets.load('items/name');
      await ctx.sync();
    })).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    let ran = false;
    const waiting = d.Excel.run({ delayForCellEdit: true }, async (ctx) => {
      ctx.workbook.worksheets.load('items/name');
      await ctx.sync();
      ran = true;
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(ran).toBe(false);
    d.user.endCellEdit({ sheet: 'Data', address: 'B2', value: 5 });
    await waiting;
    expect(ran).toBe(true);
    expect(d.cell('Data', 'B2')?.value).toBe(5);
  });
});

describe('worksheets', () => {
  test('a very hidden sheet cannot be deleted until it is made hidden', async () => {
    const d = book();
    await run(d, async (ctx) => {
      const ws = ctx.workbook.worksheets.add('Mine');
      ws.visibility = 'VeryHidden';
      await ctx.sync();
      ws.delete();
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
      ws.visibility = 'Hidden';
      ws.delete();
      await ctx.sync();
    });
    expect(d.sheetNames({ includeHidden: true })).toEqual(['Data', '3-1 项目']);
  });

  test('addresses quote the sheet names Excel quotes; merges, hidden rows and columns, visible cells', async () => {
    const d = book();
    await run(d, async (ctx) => {
      const used = ctx.workbook.worksheets.getItem('Data').getUsedRange(true);
      used.load('address,rowHidden,columnHidden');
      const merges = used.getMergedAreasOrNullObject().load('address');
      const visible = used.getSpecialCellsOrNullObject('Visible').load('address');
      const view = used.getVisibleView().load('cellAddresses');
      const other = ctx.workbook.worksheets.getItem('3-1 项目').getRange('A1').load('address');
      await ctx.sync();
      expect(used.address).toBe('Data!A1:F5');
      expect(used.rowHidden).toBeNull();
      expect(used.columnHidden).toBeNull();
      expect(merges.address).toBe('Data!A1:C1');
      expect(visible.address).toBe('Data!A1:D3, Data!F1:F3, Data!A5:D5, Data!F5');
      expect(view.cellAddresses[3]).toEqual(['Data!A5', 'Data!B5', 'Data!C5', 'Data!D5', 'Data!F5']);
      expect(other.address).toBe("'3-1 项目'!A1");
    });
  });
});

describe('the user and the events', () => {
  async function listen(d: ExcelDouble): Promise<unknown[]> {
    const seen: unknown[] = [];
    await run(d, async (ctx) => {
      const ws = ctx.workbook.worksheets;
      const push = (e: unknown) => {
        seen.push(e);
        return Promise.resolve();
      };
      ws.onChanged.add(push);
      ws.onAdded.add(push);
      ws.onDeleted.add(push);
      if (d.supports('1.17')) ws.onNameChanged.add(push);
      await ctx.sync();
    });
    return seen;
  }
  const tick = () => new Promise((r) => setTimeout(r, 0));

  test('a single-cell edit carries details, a paste none; the add-in\'s own write says ThisLocalAddin', async () => {
    const d = book();
    const seen = await listen(d);
    const id = d.sheet('Data').id;
    d.user.edit('Data', 'A2', 7);
    d.user.paste('Data', 'B2', [[1, 2], [3, 4]]);
    await tick();
    expect(seen).toEqual([
      { type: 'WorksheetChanged', worksheetId: id, address: 'A2', changeType: 'RangeEdited', source: 'Local', triggerSource: 'Unknown', details: { valueBefore: 1, valueTypeBefore: 'Double', valueAfter: 7, valueTypeAfter: 'Double' } },
      { type: 'WorksheetChanged', worksheetId: id, address: 'B2:C3', changeType: 'RangeEdited', source: 'Local', triggerSource: 'Unknown' },
    ]);
    await run(d, async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('D2:D3').values = [[1], [2]];
      await ctx.sync();
    });
    await tick();
    expect(seen[2]).toMatchObject({ address: 'D2:D3', triggerSource: 'ThisLocalAddin' });
    expect(seen[2]).not.toHaveProperty('details');
  });

  test('at ExcelApi 1.9 an event has its details but no triggerSource (1.14)', async () => {
    const d = book();
    d.apiVersion = '1.9';
    const seen = await listen(d);
    d.user.edit('Data', 'A2', 7);
    await tick();
    expect(seen[0]).not.toHaveProperty('triggerSource');
    expect(seen[0]).toHaveProperty('details');
  });

  test('inserting rows moves cells, merges, hidden rows, conditional formats and every reference', async () => {
    const d = book();
    await run(d, async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem('Data').getRange('A3').conditionalFormats.add('Custom');
      cf.custom.rule.formula = "='3-1 项目'!$A$1>0";
      await ctx.sync();
    });
    const seen = await listen(d);
    d.user.insertRows('Data', 3, 2);
    await tick();
    expect(d.cell('Data', 'A5')?.value).toBe(2);
    expect(d.cell('Data', 'A3')?.value ?? null).toBeNull();
    expect(d.cell('Data', 'A4')?.numFmt).toBe('0.00'); // the format of the row above
    expect(d.cell('Data', 'A7')?.formula).toBe('=SUM(A2:A6)');
    expect(d.cell('Data', 'A7')?.value).toBe(6);
    expect(d.cell('3-1 项目', 'A1')?.formula).toBe('=Data!A7');
    expect([...d.sheet('Data').hiddenRows]).toEqual([5]);
    expect(d.sheet('Data').cfs[0].range).toEqual({ top: 4, left: 0, bottom: 4, right: 0 });
    expect(seen).toEqual([expect.objectContaining({ changeType: 'RowInserted', address: '3:4' })]);
  });

  test('a renamed sheet is renamed in every formula; a deleted one leaves #REF!', async () => {
    const d = book();
    const seen = await listen(d);
    d.user.renameSheet('Data', '数据 表');
    expect(d.cell('3-1 项目', 'A1')?.formula).toBe("='数据 表'!A5");
    d.user.deleteSheet('数据 表');
    expect(d.cell('3-1 项目', 'A1')?.formula).toBe('=#REF!A5');
    expect(d.cell('3-1 项目', 'A1')).toMatchObject({ value: '#REF!', error: true });
    await tick();
    expect(seen).toEqual([
      expect.objectContaining({ type: 'WorksheetNameChanged', nameBefore: 'Data', nameAfter: '数据 表' }),
      expect.objectContaining({ type: 'WorksheetDeleted' }),
    ]);
  });

  test('undo restores the values of the last edit and raises onChanged; an API write clears the undo stack', async () => {
    const d = book();
    const seen = await listen(d);
    d.user.paste('Data', 'A2', [[5], [5]]);
    expect(d.cell('Data', 'A5')?.value).toBe(13);
    expect(d.user.undo()).toBe(true);
    expect(d.cell('Data', 'A2')?.value).toBe(1);
    expect(d.cell('Data', 'A5')?.value).toBe(6);
    await tick();
    expect(seen.at(-1)).toMatchObject({ address: 'A2:A3', changeType: 'RangeEdited' });
    d.user.edit('Data', 'A2', 9);
    await run(d, async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('H1').values = [[1]];
      await ctx.sync();
    });
    expect(d.user.undo()).toBe(false);
    expect(d.cell('Data', 'A2')?.value).toBe(9);
  });

  test('conditional formats apply by priority: each element from the highest true rule', async () => {
    const d = book();
    await run(d, async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Data').getRange('A2');
      const low = range.conditionalFormats.add('Custom');
      low.custom.rule.formula = '=TRUE';
      low.custom.format.fill.color = '#00FF00';
      low.custom.format.font.bold = true;
      const high = range.conditionalFormats.add('Custom');
      high.custom.rule.formula = '=Data!$A$2>0';
      high.custom.format.fill.color = '#FF0000';
      high.custom.format.numberFormat = '"!"0.00';
      await ctx.sync();
    });
    expect(d.displayed('Data', 'A2')).toEqual({ numberFormat: '"!"0.00', fillColor: '#FF0000', bold: true, borders: {} });
    d.user.edit('Data', 'A2', -1);
    expect(d.displayed('Data', 'A2')).toEqual({ numberFormat: '0.00', fillColor: '#00FF00', bold: true, borders: {} });
  });

  test('a handler that throws is recorded, not lost', async () => {
    const d = book();
    await run(d, async (ctx) => {
      ctx.workbook.worksheets.onChanged.add(() => Promise.reject(new RichApiError('X', 'handler failed')));
      await ctx.sync();
    });
    d.user.edit('Data', 'A2', 1);
    await tick();
    await tick();
    expect(d.handlerErrors).toHaveLength(1);
  });
});
