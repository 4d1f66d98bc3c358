import { refToA1 } from '../grid/address';
import type { Cell, Grid, Workbook } from '../grid/grid';
import { parseAmount } from '../grid/parse-amount';
import { Decimal } from '../money/decimal';
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

/** Quantities that add cells up (a blank sum of blanks stays blank); rates and scores are not sums. */
const SUMS = new Set(['合计', '总分']);

const sameNumber = (a: Decimal, b: Decimal) => a.toSignificantDigits(15).equals(b.toSignificantDigits(15));

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
    // a blank kept blank reads as the 0 the plan computed for it: not unfixed
    if (!input || input.blockedBy === 'blank') return false;
    return input.status !== 'same-value' && input.status !== 'same-formula' && (input.blockedBy !== undefined || !willWrite(input, options));
  };
  // 2b. A blank 合计 over parts that are all blank stays blank (the table prints zeros as blanks):
  //     only sums, and through subtotals that stay blank themselves.
  const blank = (sheet: string, r: { row: number; col: number }) => {
    const v = original.get(sheet)?.cell(r.row, r.col);
    if (v && v.value !== null && v.value !== '') return false;
    const w = byKey.get(key(sheet, r));
    return !w || w.blockedBy === 'blank';
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of planned) {
      if (p.blockedBy || p.status !== 'empty' || !SUMS.has(p.quantity) || p.inputs.length === 0) continue;
      if (p.inputs.every((r) => blank(p.sheet, r))) {
        p.blockedBy = 'blank';
        changed = true;
      }
    }
  }
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
  // 5. Formulas only where Excel will compute what was planned: not over numbers stored as text
  //    (unless the user asks to convert them), never in a circle.
  if (!options.values) {
    planned.push(...guardTextInputs(planned, original, options));
    breakCircles(planned, options);
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
    if (!sheet) overlay.set(w.sheet, (sheet = new Map<number, Cell>()));
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
  if (p.status === 'text-number') return !!options.numbersFromText;
  // a constant becomes its live formula; written as a value it would change nothing
  if (p.status === 'same-value') return !options.values && !p.valueOnlyReason;
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
    // Only the very same number is the same value: a cell holding 0.182 where the parts add up to
    // 0.18 would change at its third decimal, so it is a conflict, shown and left alone. Stored
    // numbers are compared at the 15 significant digits Excel keeps (1016.3600000000001 = 1016.36).
    status = p.kind === 'number' && sameNumber(p.value, w.value) && !cell.noCachedResult ? 'same-value' : 'conflict';
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

/**
 * A formula reading a number stored as text shows a wrong result in Excel (SUM skips text), so such a
 * write becomes its value — or, with numbersFromText, the text cells are planned as conversions to
 * the same numbers (status 'text-number') and the formula stays.
 */
function guardTextInputs(planned: PlannedWrite[], sheets: ReadonlyMap<string, Grid>, options: FillOptions): PlannedWrite[] {
  const written = new Set(planned.filter((p) => willWrite(p, options)).map((p) => `${p.sheet}!${p.ref.row}:${p.ref.col}`));
  const conversions = new Map<string, PlannedWrite>();
  for (const p of planned) {
    if (!willWrite(p, options) && p.status !== 'same-value') continue;
    const grid = sheets.get(p.sheet)!;
    const texts = p.inputs.filter((r) => !written.has(`${p.sheet}!${r.row}:${r.col}`) && typeof grid.cell(r.row, r.col)?.value === 'string');
    if (texts.length === 0) continue;
    const convertible = texts.every((r) => parseAmount(grid.value(r.row, r.col)).kind === 'number');
    if (options.numbersFromText && convertible) {
      for (const r of texts) {
        const k = `${p.sheet}!${r.row}:${r.col}`;
        if (conversions.has(k)) continue;
        const cell = grid.cell(r.row, r.col)!;
        const parsed = parseAmount(cell.value);
        if (parsed.kind !== 'number') continue;
        conversions.set(k, {
          sheet: p.sheet,
          ref: r,
          formula: '',
          value: parsed.value,
          inputs: [],
          numFmt: cell.numFmt && cell.numFmt !== 'General' && cell.numFmt !== '@' ? cell.numFmt : '0.00',
          valueFormat: '0.00',
          quantity: '文本转数值',
          description: `${p.sheet}!${refToA1(r)} 以文本存放的数字“${String(cell.value)}”改为数值`,
          valueOnly: true,
          status: 'text-number',
          current: String(cell.value),
        });
      }
      continue;
    }
    p.valueOnly = true;
    p.valueOnlyReason = 'text-inputs';
    p.textInputs = texts.map((r) => `${p.sheet}!${refToA1(r)}`);
  }
  return [...conversions.values()];
}

/** Formulas that would read one another in a circle are written as values (Tarjan's SCCs). */
function breakCircles(planned: PlannedWrite[], options: FillOptions): void {
  const formulas = planned.filter((p) => willWrite(p, options) && !p.valueOnly);
  const byKey = new Map(formulas.map((p) => [`${p.sheet}!${p.ref.row}:${p.ref.col}`, p]));
  const edges = (p: PlannedWrite) =>
    p.inputs.map((r) => byKey.get(`${p.sheet}!${r.row}:${r.col}`)).filter((q): q is PlannedWrite => !!q);
  let counter = 0;
  const index = new Map<PlannedWrite, number>();
  const low = new Map<PlannedWrite, number>();
  const stack: PlannedWrite[] = [];
  const onStack = new Set<PlannedWrite>();
  const connect = (v: PlannedWrite) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges(v)) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: PlannedWrite[] = [];
    for (let w = stack.pop()!; ; w = stack.pop()!) {
      onStack.delete(w);
      component.push(w);
      if (w === v) break;
    }
    if (component.length > 1 || edges(v).includes(v)) {
      for (const w of component) {
        w.valueOnly = true;
        w.valueOnlyReason = 'circular';
      }
    }
  };
  for (const p of formulas) if (!index.has(p)) connect(p);
}

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
