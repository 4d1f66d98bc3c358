/**
 * Fills that would lose a user's numbers: a formula over numbers stored as text (SUM skips text, so
 * the total would show 0), a value that differs beyond the calculator's precision, and formulas that
 * would refer to one another in a circle.
 */
import { planFills, willWrite } from '../../../src/core/fill/plan';
import type { Calculator, CellWrite } from '../../../src/core/fill/types';
import { refToA1 } from '../../../src/core/grid/address';
import type { Workbook } from '../../../src/core/grid/grid';
import { Decimal } from '../../../src/core/money/decimal';
import { recognizeWorkbook } from '../../../src/core/tables/recognize';
import { evaluateFormula, isFormulaError, type Value } from '../../helpers/formula-eval';
import { loadFixture } from '../../helpers/fixtures';

/** The workbook with every number of one sheet stored as text, as when pasted from a PDF. */
async function withTextAmounts(sheet: string): Promise<Workbook> {
  const wb = await loadFixture('jiangan-2024-gongkai.xlsx');
  const g = wb.sheets.find((s) => s.name === sheet)!;
  for (let r = 0; r < g.rowCount; r++) {
    for (let c = 0; c < g.colCount; c++) {
      const cell = g.cell(r, c);
      if (cell && typeof cell.value === 'number' && !cell.formula) g.set(r, c, { ...cell, value: cell.value.toFixed(2) });
    }
  }
  return wb;
}

/** What Excel would show for each written formula, text read as text (SUM ignores it). */
function shownByExcel(wb: Workbook, writes: readonly CellWrite[]): Map<CellWrite, Value> {
  const written = new Map(writes.map((w) => [`${w.sheet}!${w.ref.row}:${w.ref.col}`, w]));
  const out = new Map<CellWrite, Value>();
  const read = (sheet: string, row: number, col: number): Value => {
    const w = written.get(`${sheet}!${row}:${col}`);
    if (w) return w.valueOnly ? w.value : (evaluateFormula(w.formula, w.sheet, read) as Value);
    const v = wb.sheets.find((s) => s.name === sheet)?.cell(row, col)?.value ?? null;
    return typeof v === 'number' ? new Decimal(String(v)) : v;
  };
  for (const w of writes) out.set(w, w.valueOnly ? w.value : (evaluateFormula(w.formula, w.sheet, read) as Value));
  return out;
}

describe('numbers stored as text', () => {
  test('no formula reads a text number: those totals are written as values, and every written cell shows the computed value', async () => {
    const wb = await withTextAmounts('公开03表');
    const { tables } = recognizeWorkbook(wb);
    const plan = planFills(wb, tables);
    const writes = plan.writes.filter((w) => willWrite(w, {}));
    const onSheet = plan.writes.filter((w) => w.sheet === '公开03表');
    expect(onSheet.length).toBeGreaterThan(20);
    // today's fault: "1494.57" was classed same-value and replaced by =SUM(…) showing 0
    for (const w of onSheet.filter((x) => x.valueOnlyReason === 'text-inputs')) expect(w.textInputs!.length).toBeGreaterThan(0);
    expect(onSheet.some((w) => w.valueOnlyReason === 'text-inputs')).toBe(true);
    const shown = shownByExcel(wb, writes);
    const wrong = writes.filter((w) => {
      const v = shown.get(w);
      return isFormulaError(v) || !(v instanceof Decimal) || !v.equals(w.value);
    });
    expect(wrong.map((w) => `${w.sheet}!${refToA1(w.ref)}`)).toEqual([]);
    // a text total that equals its parts stays as it is (a value write would change nothing)
    expect(onSheet.filter((w) => w.status === 'same-value').every((w) => !willWrite(w, {}))).toBe(true);
  });

  test('with numbersFromText the text cells become the same numbers and the totals stay live formulas', async () => {
    const wb = await withTextAmounts('公开03表');
    const { tables } = recognizeWorkbook(wb);
    const options = { numbersFromText: true };
    const plan = planFills(wb, tables, options);
    const conversions = plan.writes.filter((w) => w.status === 'text-number');
    expect(conversions.length).toBeGreaterThan(20);
    for (const c of conversions) {
      expect(c.valueOnly).toBe(true);
      expect(c.value.toFixed(2)).toBe(c.current);
    }
    const writes = plan.writes.filter((w) => willWrite(w, options));
    expect(writes.filter((w) => w.sheet === '公开03表' && w.valueOnlyReason === 'text-inputs')).toEqual([]);
    const shown = shownByExcel(wb, writes);
    expect(writes.filter((w) => !(shown.get(w) instanceof Decimal) || !(shown.get(w) as Decimal).equals(w.value)).length).toBe(0);
  });
});

describe('a value that would change at any decimal is a conflict', () => {
  test('公开09表!G8 holds 0.182 where its parts add up to 0.18: reported, not replaced', async () => {
    const wb = await loadFixture('jiangan-2024-gongkai.xlsx');
    const { tables } = recognizeWorkbook(wb);
    const plan = planFills(wb, tables);
    const g8 = plan.writes.find((w) => w.sheet === '公开09表' && refToA1(w.ref) === 'G8')!;
    expect(g8).toMatchObject({ status: 'conflict', current: '0.182' });
    expect(willWrite(g8, {})).toBe(false);
    expect(plan.findings.some((f) => f.rule === 'FILL.differs' && f.cells[0].address === 'G8' && f.actual === '0.182')).toBe(true);
  });
});

describe('no circular formulas', () => {
  test('two computed cells that read each other are written as values', async () => {
    const wb = await loadFixture('jiangan-2024-gongkai.xlsx');
    const { tables } = recognizeWorkbook(wb);
    const sheet = tables[0].sheet;
    const a = { row: 60, col: 10 };
    const b = { row: 61, col: 10 };
    const write = (ref: typeof a, other: typeof a): CellWrite => ({
      sheet,
      ref,
      formula: refToA1(other),
      value: new Decimal(1),
      inputs: [other],
      numFmt: '0.00',
      quantity: '合计',
      description: 'test',
    });
    const circle: Calculator = { quantity: '合计', title: 'test', plan: () => [write(a, b), write(b, a)] };
    const plan = planFills(wb, tables, {}, [circle]);
    expect(plan.writes.map((w) => w.valueOnlyReason)).toEqual(['circular', 'circular']);
  });
});

describe('zeros as the table prints them', () => {
  test('a blank 合计 whose parts are all blank stays blank; one over a filled part is written', async () => {
    const wb = await loadFixture('jiangan-2024-gongkai.xlsx');
    const { tables } = recognizeWorkbook(wb);
    const plan = planFills(wb, tables);
    const gk03 = plan.writes.filter((w) => w.sheet === '公开03表');
    // 上缴上级支出, 经营支出, 对附属单位补助支出 are blank in every row and in the 合计 row
    const kept = gk03.filter((w) => w.blockedBy === 'blank').map((w) => refToA1(w.ref));
    expect(kept).toEqual(expect.arrayContaining(['F7', 'G7', 'H7']));
    expect(gk03.filter((w) => w.blockedBy === 'blank').every((w) => !willWrite(w, {}))).toBe(true);
    // a blank total over a filled part is filled
    const g = wb.sheets.find((s) => s.name === '公开03表')!;
    g.set(9, 5, { value: 1.5 });
    const again = planFills(wb, recognizeWorkbook(wb).tables);
    const f7 = again.writes.find((w) => w.sheet === '公开03表' && refToA1(w.ref) === 'F7')!;
    expect(f7.blockedBy).toBeUndefined();
    expect(willWrite(f7, {})).toBe(true);
    expect(f7.value.toString()).toBe('1.5');
  });
});
