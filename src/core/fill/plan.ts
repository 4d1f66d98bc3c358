import { refToA1 } from '../grid/address';
import type { Cell, Grid, Workbook } from '../grid/grid';
import { parseAmount } from '../grid/parse-amount';
import type { Decimal } from '../money/decimal';
import { createFinding, type Finding, type FindingSource } from '../findings';
import { WorkbookReader } from '../reading';
import type { SemanticTable } from '../tables/types';
import { CALCULATORS } from './index';
import { suggestBands } from './suggest-bands';
import type { Calculator, CellWrite, FillOptions, FillPlan, PlannedWrite, WriteStatus } from './types';

/** Decimals a number format shows: "0.00%" → 4 (of the fraction), "#,##0.00" → 2, "0" → 0. */
export function shownDecimals(numFmt: string): number {
  const m = /0\.(0+)/.exec(numFmt.split(';')[0]);
  const dp = m ? m[1].length : 0;
  return numFmt.includes('%') ? dp + 2 : dp;
}

export function formatValue(value: Decimal, numFmt: string): string {
  const dp = shownDecimals(numFmt);
  if (numFmt.includes('%')) return `${value.times(100).toFixed(Math.max(0, dp - 2))}%`;
  return value.toFixed(dp);
}

const normalizeFormula = (f: string) => f.replace(/^=/, '').replace(/\s+/g, '').replace(/\$/g, '').toUpperCase();

/**
 * Plans every fill: computes each calculator's writes on a working copy of the sheets, applying the
 * writes that will be made and recomputing until nothing changes (a 合计 over 类 rows sees the 类
 * subtotals the same plan fills), then classifies each target against what the user has there.
 * A different value or formula is a conflict: reported, and written only with `overwrite`.
 */
export function planFills(
  workbook: Workbook,
  tables: readonly SemanticTable[],
  options: FillOptions = {},
  calculators: readonly Calculator[] = CALCULATORS,
): FillPlan {
  const zeroOverZero = options.zeroOverZero ?? '100%';
  const original = new Map(workbook.sheets.map((g) => [g.name, g]));
  // 1. The ideal state: every computed value applied, recomputed until stable, so a 合计 over 类
  //    rows sees the 类 subtotals the same plan computes. Conflicts are judged against it.
  const ideal = settle(workbook, tables, calculators, zeroOverZero, () => true);
  // 2. Each target against what the user has there.
  const planned = ideal.map((w) => classify(original.get(w.sheet)!, w, options));
  // 3. A constant that equals its computed value becomes a formula only if every input it reads is
  //    as computed: one reading a conflict left as it is would then show a different number.
  const key = (sheet: string, r: { row: number; col: number }) => `${sheet}!${r.row}:${r.col}`;
  const byKey = new Map(planned.map((p) => [key(p.sheet, p.ref), p]));
  const unfixed = (sheet: string, r: { row: number; col: number }): boolean => {
    const input = byKey.get(key(sheet, r));
    return !!input && input.status !== 'same-value' && input.status !== 'same-formula' && (input.blockedBy !== undefined || !willWrite(input, options));
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of planned) {
      if (p.blockedBy || p.status === 'empty' || !willWrite(p, options)) continue;
      if (p.inputs.some((r) => unfixed(p.sheet, r))) {
        p.blockedBy = 'input';
        changed = true;
      }
    }
  }
  // 4. What is written is computed from the workbook as it will be: the written cells applied, the
  //    kept ones as they are (a blank 总分 gets the sum of the scores actually shown).
  const writing = new Set(planned.filter((p) => willWrite(p, options)).map((p) => key(p.sheet, p.ref)));
  const isWritten = (w: CellWrite) => writing.has(key(w.sheet, w.ref));
  const asWritten = new Map(settle(workbook, tables, calculators, zeroOverZero, isWritten, ideal.filter(isWritten)).map((w) => [key(w.sheet, w.ref), w.value]));
  for (const p of planned) {
    const v = asWritten.get(key(p.sheet, p.ref));
    if (writing.has(key(p.sheet, p.ref)) && v) p.value = v;
  }
  const suggestions = suggestBands(tables, new WorkbookReader(workbook, tables, { zeroOverZeroRate: zeroOverZero }));
  return { writes: planned, suggestions, findings: planned.filter((p) => p.status === 'conflict').map((p) => conflictFinding(p, options)) };
}

/** Computes every write on a copy of the sheets, applying those `apply` selects, until stable. */
function settle(
  workbook: Workbook,
  tables: readonly SemanticTable[],
  calculators: readonly Calculator[],
  zeroOverZero: '100%' | '0%' | 'blank',
  apply: (w: CellWrite) => boolean,
  /** Start from these values (the ideal ones): the loop then only corrects what differs. */
  seed: readonly CellWrite[] = [],
): CellWrite[] {
  // computed values live in an overlay the context reads through: no copy of the sheets is made
  const overlay = new Map<string, Map<number, Cell>>();
  const put = (w: CellWrite) => {
    let sheet = overlay.get(w.sheet);
    if (!sheet) overlay.set(w.sheet, (sheet = new Map()));
    sheet.set(w.ref.row * 16384 + w.ref.col, { value: Number(w.value.toString()), formula: w.formula });
  };
  const valueAt = (w: CellWrite) => overlay.get(w.sheet)?.get(w.ref.row * 16384 + w.ref.col)?.value ?? workbook.sheets.find((g) => g.name === w.sheet)?.value(w.ref.row, w.ref.col) ?? null;
  for (const w of seed) put(w);
  let writes: CellWrite[] = [];
  for (let pass = 0; pass < 8; pass++) {
    const ctx = new WorkbookReader(workbook, tables, { zeroOverZeroRate: zeroOverZero }, overlay);
    const seen = new Set<string>();
    writes = [];
    for (const calc of calculators) {
      for (const w of calc.plan(tables, ctx)) {
        const k = `${w.sheet}!${w.ref.row}:${w.ref.col}`;
        if (seen.has(k)) continue;
        seen.add(k);
        writes.push(w);
      }
    }
    const changed = new Set<string>();
    for (const w of writes) {
      if (!apply(w)) continue;
      const current = parseAmount(valueAt(w));
      if (current.kind === 'number' && current.value.equals(w.value)) continue;
      put(w);
      changed.add(`${w.sheet}!${w.ref.row}:${w.ref.col}`);
    }
    // another pass only if some write reads a cell this pass changed (a 总分 over the new scores)
    if (!writes.some((w) => w.inputs.some((r) => changed.has(`${w.sheet}!${r.row}:${r.col}`)))) break;
  }
  return writes;
}

/** Is this planned write applied under these options? */
export function willWrite(p: PlannedWrite, options: FillOptions): boolean {
  if (p.blockedBy) return false;
  if (p.status === 'empty') return true;
  if (p.status === 'same-value') return !options.values; // a constant becomes its live formula
  if (p.status === 'same-formula') return false;
  return !!options.overwrite;
}

/**
 * The number format to write: a money total keeps the cell's own format (the office's house style);
 * a total that is 0 in a blank cell gets a zero-hiding format so the published blank stays blank
 * while the formula stays live.
 */
function formatFor(grid: Grid, w: CellWrite): string {
  const cell = grid.cell(w.ref.row, w.ref.col);
  const isMoney = !w.numFmt.includes('%') && w.quantity === '合计';
  // scores keep the cell's own format (9 stays "9", not "9.00")
  if (w.quantity === '指标得分' && cell?.numFmt && cell.numFmt !== 'General') return cell.numFmt;
  // the cell's own format, else that of the first input that has one (the column's house style)
  const own = cell?.numFmt && cell.numFmt !== 'General' ? cell.numFmt : undefined;
  const fromInputs = w.inputs.map((r) => grid.cell(r.row, r.col)?.numFmt).find((f) => f && f !== 'General' && !f.includes('%'));
  let fmt = isMoney ? own ?? fromInputs ?? w.numFmt : w.numFmt;
  const blank = !cell || cell.value === null || cell.value === '';
  if (isMoney && w.value.isZero() && blank && !fmt.includes(';')) fmt = `${fmt};-${fmt};`;
  return fmt;
}

function classify(grid: Grid, write: CellWrite, options: FillOptions): PlannedWrite {
  const w = { ...write, numFmt: formatFor(grid, write) };
  const cell = grid.cell(w.ref.row, w.ref.col);
  const shown = (c: typeof cell) => (c?.formula ? `=${c.formula}` : c?.value === null || c?.value === undefined ? null : String(c.value));
  const current = shown(cell);
  let status: WriteStatus;
  if (!cell || ((cell.value === null || cell.value === '') && !cell.formula)) status = 'empty';
  else if (cell.formula && normalizeFormula(cell.formula) === normalizeFormula(w.formula)) status = 'same-formula';
  else if (cell.formula && !options.values) status = 'conflict'; // a user's formula is never replaced silently
  else {
    const p = parseAmount(cell.value);
    // compare at the calculator's precision, not at whatever the cell's own format shows
    const dp = shownDecimals(write.numFmt);
    status =
      p.kind === 'number' && p.value.toDecimalPlaces(dp).equals(w.value.toDecimalPlaces(dp)) && !cell.noCachedResult ? 'same-value' : 'conflict';
  }
  return { ...w, status, current, valueFormat: write.numFmt };
}

/** The fill's own finding: a computed cell that holds something else. */
export const FILL_DIFFERS: FindingSource = {
  id: 'FILL.differs',
  severity: 'warning',
  messages: {
    replaced: '{{what}}：表中为“{{current}}”，按计算应为 {{expected}}（公式 ={{formula}}）。已按计算结果替换。',
    keptFormula: '{{what}}：表中为“{{current}}”，按计算应为 {{expected}}（公式 ={{formula}}）。单元格里是用户自己的公式，未改动；确认后用 --overwrite 替换。',
    kept: '{{what}}：表中为“{{current}}”，按计算应为 {{expected}}（公式 ={{formula}}）。未改动；确认后用 --overwrite 替换。',
  },
};

function conflictFinding(p: PlannedWrite, options: FillOptions): Finding {
  const expected = formatValue(p.value, p.valueFormat);
  const ownFormula = p.current === null || p.current.startsWith('=');
  return createFinding(
    FILL_DIFFERS,
    options.overwrite ? 'replaced' : ownFormula ? 'keptFormula' : 'kept',
    { what: p.description, current: String(p.current), expected, formula: p.formula },
    { cells: [{ sheet: p.sheet, address: refToA1(p.ref) }], expected, actual: p.current },
  );
}
