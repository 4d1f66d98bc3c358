import { refToA1 } from '../../../src/core/grid/address';
import { planFills } from '../../../src/core/fill/plan';
import { Decimal } from '../../../src/core/money/decimal';
import { evaluateFormula, isFormulaError, referencesOf, type Value } from '../../helpers/formula-eval';
import { variantWorkbook } from '../../helpers/variant-workbook';
import { recognizeWorkbook } from '../../../src/core/tables/recognize';
import type { Workbook } from '../../../src/core/grid/grid';
import { loadFixture } from '../../helpers/fixtures';

const FIXTURES = ['jiangan-2024-gongkai.xlsx', 'jiangan-2024-jixiao.xlsx', 'huaihua-2023-jixiao.xlsx', 'huaihua-2024-jixiao.xlsx', 'lukou-2022-jixiao.xlsx', 'miluo-2023-jixiao.xlsx'];

/**
 * Every formula the fills write is evaluated by an independent evaluator over the workbook as the
 * plan leaves it (the other planned cells hold their computed values) and must give the value the
 * calculator computed; and it must read exactly the cells the calculator says it uses.
 */
function checkAll(workbook: Workbook) {
  const { tables } = recognizeWorkbook(workbook);
  const plan = planFills(workbook, tables, { overwrite: true });
  const planned = new Map(plan.writes.map((w) => [`${w.sheet}!${w.ref.row}:${w.ref.col}`, w.value]));
  const read = (sheet: string, row: number, col: number): Value => {
    const p = planned.get(`${sheet}!${row}:${col}`);
    if (p) return p;
    const g = workbook.sheets.find((s) => s.name === sheet);
    const v = g?.cell(row, col)?.value ?? null;
    if (typeof v === 'number') return new Decimal(String(v));
    return v; // text stays text: Excel's SUM ignores it, arithmetic converts plain numbers
  };
  const mismatches: string[] = [];
  for (const w of plan.writes) {
    const got = evaluateFormula(w.formula, w.sheet, read);
    if (isFormulaError(got) || !(got instanceof Decimal) || !got.equals(w.value)) {
      mismatches.push(`${w.sheet}!${refToA1(w.ref)} =${w.formula}: evaluates to ${isFormulaError(got) ? got.error : String(got)}, computed ${w.value}`);
    }
    const refs = referencesOf(w.formula, w.sheet).map((r) => `${r.sheet}!${r.row}:${r.col}`).sort();
    const inputs = w.inputs.map((r) => `${w.sheet}!${r.row}:${r.col}`).sort();
    if (JSON.stringify([...new Set(refs)]) !== JSON.stringify([...new Set(inputs)])) mismatches.push(`${w.sheet}!${refToA1(w.ref)} reads ${refs.length} cells, declares ${inputs.length}`);
  }
  return { count: plan.writes.length, mismatches };
}

describe('every written formula evaluates to the computed value', () => {
  test.each(FIXTURES)('%s', async (name) => {
    const { count, mismatches } = checkAll(await loadFixture(name));
    expect(count).toBeGreaterThan(0);
    expect(mismatches).toEqual([]);
  });

  test.each(['offset-b4', 'stacked-all-nine', 'national-split-codes'])('layout variant %s (tables not at A1, stacked, 类/款 subtotals)', async (name) => {
    const { count, mismatches } = checkAll(await variantWorkbook(name));
    expect(count).toBeGreaterThan(50);
    expect(mismatches).toEqual([]);
  });
});
