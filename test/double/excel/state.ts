/**
 * The workbook the double holds: sheets of cells (value, formula, number format), merged areas,
 * hidden rows and columns, conditional formats in priority order, the selection, the user's undo
 * stack; formulas recalculated after every change by the project's test evaluator.
 */
import { MAX_COL, type RangeRef } from '../../../src/core/grid/address';
import type { Workbook } from '../../../src/core/grid/grid';
import { Grid } from '../../../src/core/grid/grid';
import { Decimal } from '../../../src/core/money/decimal';
import { evaluateFormula, FormulaSyntaxError, isFormulaError, type Value } from '../../helpers/formula-eval';
import { intersects } from './address';
import { errors } from './errors';
import { adjustFormula, moveRows, type StructuralEdit } from './refs';

export type CellScalar = number | string | boolean;

export interface DCell {
  /** null: empty. An error value is its text ("#DIV/0!") with `error` set. */
  value: CellScalar | null;
  /** With its leading "=". */
  formula?: string;
  numFmt: string;
  error?: boolean;
}

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';
export type BorderIndex = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight';

export interface CFFormat {
  numberFormat?: string;
  fillColor?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: string;
  strikethrough?: boolean;
  borders: Partial<Record<BorderIndex, { color?: string; style?: string }>>;
}

export interface CFState {
  id: string;
  type: 'Custom';
  range: RangeRef;
  formula: string;
  stopIfTrue: boolean;
  format: CFFormat;
}

/** A custom XML part of the workbook (ExcelApi 1.5): its id and its XML. */
export interface CustomXmlPartState {
  id: string;
  xml: string;
}

export const GENERAL = 'General';
const key = (r: number, c: number) => r * 16384 + c;

export class SheetState {
  readonly cells = new Map<number, DCell>();
  merges: RangeRef[] = [];
  hiddenRows = new Set<number>();
  hiddenCols = new Set<number>();
  /** Index 0 is the top priority. */
  cfs: CFState[] = [];
  visibility: Visibility = 'Visible';

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  get(r: number, c: number): DCell | undefined {
    return this.cells.get(key(r, c));
  }

  put(r: number, c: number, cell: DCell | undefined): void {
    if (!cell || (cell.value === null && !cell.formula && cell.numFmt === GENERAL)) this.cells.delete(key(r, c));
    else this.cells.set(key(r, c), cell);
  }

  numFmt(r: number, c: number): string {
    return this.get(r, c)?.numFmt ?? GENERAL;
  }

  /** The used range: cells with a value or formula, and with `valuesOnly` false also cells with a format. */
  usedRange(valuesOnly: boolean): RangeRef | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, cell] of this.cells) {
      if (valuesOnly && cell.value === null && !cell.formula) continue;
      const r = Math.floor(k / 16384);
      const c = k % 16384;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    }
    if (!valuesOnly) {
      for (const m of this.merges) {
        top = Math.min(top, m.top);
        bottom = Math.max(bottom, m.bottom);
        left = Math.min(left, m.left);
        right = Math.max(right, m.right);
      }
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }
}

export interface UndoEntry {
  sheet: SheetState;
  range: RangeRef;
  before: Map<number, DCell | undefined>;
}

export class WorkbookState {
  sheets: SheetState[] = [];
  activeSheet: SheetState | undefined;
  selection: { sheet: SheetState; range: RangeRef; areas: RangeRef[] } | undefined;
  undo: UndoEntry[] = [];
  /** The workbook's custom XML parts, in the order added (kept in the file; not part of the cells' undo). */
  customXmlParts: CustomXmlPartState[] = [];
  private nextId = 1;

  constructor(public name: string) {}

  newId(prefix: string): string {
    return `{${prefix}-${String(this.nextId++).padStart(8, '0')}}`;
  }

  /** A GUID-shaped id, as Excel gives custom XML parts ("{5DB7F0DB-0000-4000-8000-000000000001}"). */
  newGuid(): string {
    return `{5DB7F0DB-0000-4000-8000-${String(this.nextId++).padStart(12, '0')}}`;
  }

  static fromWorkbook(wb: Workbook): WorkbookState {
    const state = new WorkbookState(wb.name);
    for (const grid of wb.sheets) {
      const s = state.addSheet(grid.name);
      for (let r = 0; r < grid.rowCount; r++) {
        for (let c = 0; c < grid.colCount; c++) {
          const cell = grid.cell(r, c);
          if (!cell) continue;
          const numFmt = cell.numFmt ?? GENERAL;
          if (cell.error) s.put(r, c, { value: cell.error, error: true, numFmt, ...(cell.formula ? { formula: `=${cell.formula}` } : {}) });
          else s.put(r, c, { value: cell.value === '' ? null : cell.value, numFmt, ...(cell.formula ? { formula: `=${cell.formula}` } : {}) });
        }
      }
      s.merges = grid.merges.map((m) => ({ ...m }));
      s.hiddenRows = new Set(grid.hiddenRows);
      s.hiddenCols = new Set(grid.hiddenCols);
    }
    state.activeSheet = state.sheets[0];
    if (state.activeSheet) state.selection = { sheet: state.activeSheet, range: { top: 0, left: 0, bottom: 0, right: 0 }, areas: [{ top: 0, left: 0, bottom: 0, right: 0 }] };
    state.recalc();
    return state;
  }

  /** Excel's sheet names are case-insensitive; ids are matched first. */
  find(key: string): SheetState | undefined {
    return this.sheets.find((s) => s.id === key) ?? this.sheets.find((s) => s.name.toLowerCase() === key.toLowerCase());
  }

  addSheet(name?: string): SheetState {
    let finalName = name;
    if (finalName === undefined) {
      let n = this.sheets.length + 1;
      while (this.find(`Sheet${n}`)) n++;
      finalName = `Sheet${n}`;
    }
    if (this.find(finalName)) throw errors.itemAlreadyExists(finalName);
    if (!validSheetName(finalName)) throw errors.invalidArgument('name');
    const s = new SheetState(this.newId('sheet'), finalName);
    this.sheets.push(s);
    return s;
  }

  // ------------------------------------------------------------------------------------------
  // Structural edits: cells, merges, hidden rows, conditional formats and every formula move along.

  insertRows(sheet: SheetState, at: number, count: number): void {
    const moved = new Map<number, DCell>();
    for (const [k, cell] of sheet.cells) {
      const r = Math.floor(k / 16384);
      moved.set(r >= at ? k + count * 16384 : k, cell);
    }
    sheet.cells.clear();
    for (const [k, cell] of moved) sheet.cells.set(k, cell);
    // "Format Same As Above", Excel's default for inserted rows: the number formats of the row above.
    if (at > 0) {
      for (let c = 0; c <= MAX_COL; c++) {
        const above = sheet.get(at - 1, c);
        if (!above) continue;
        if (above.numFmt !== GENERAL) for (let r = at; r < at + count; r++) sheet.put(r, c, { value: null, numFmt: above.numFmt });
      }
    }
    this.structural({ kind: 'insertRows', sheet: sheet.name, at, count }, sheet);
  }

  deleteRows(sheet: SheetState, at: number, count: number): void {
    const moved = new Map<number, DCell>();
    for (const [k, cell] of sheet.cells) {
      const r = Math.floor(k / 16384);
      if (r >= at && r < at + count) continue;
      moved.set(r >= at + count ? k - count * 16384 : k, cell);
    }
    sheet.cells.clear();
    for (const [k, cell] of moved) sheet.cells.set(k, cell);
    this.structural({ kind: 'deleteRows', sheet: sheet.name, at, count }, sheet);
  }

  renameSheet(sheet: SheetState, to: string): void {
    if (sheet.name === to) return;
    const clash = this.find(to);
    if (clash && clash !== sheet) throw errors.itemAlreadyExists(to);
    if (!validSheetName(to)) throw errors.invalidArgument('name');
    const from = sheet.name;
    sheet.name = to;
    this.rewriteFormulas({ kind: 'renameSheet', from, to });
  }

  deleteSheet(sheet: SheetState): void {
    if (sheet.visibility === 'Visible' && this.sheets.filter((s) => s.visibility === 'Visible').length === 1) throw errors.invalidOperation('delete');
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.rewriteFormulas({ kind: 'deleteSheet', sheet: sheet.name });
    if (this.activeSheet === sheet) this.activeSheet = this.sheets.find((s) => s.visibility === 'Visible');
    if (this.selection?.sheet === sheet && this.activeSheet) this.selection = { sheet: this.activeSheet, range: { top: 0, left: 0, bottom: 0, right: 0 }, areas: [{ top: 0, left: 0, bottom: 0, right: 0 }] };
    this.undo = [];
  }

  private structural(edit: Extract<StructuralEdit, { kind: 'insertRows' | 'deleteRows' }>, sheet: SheetState): void {
    const moveRange = (r: RangeRef): RangeRef | null => {
      const rows = moveRows(r.top, r.bottom, sheet.name, edit);
      return rows ? { top: rows[0], bottom: rows[1], left: r.left, right: r.right } : null;
    };
    sheet.merges = sheet.merges.map(moveRange).filter((m): m is RangeRef => m !== null && (m.bottom > m.top || m.right > m.left));
    sheet.cfs = sheet.cfs
      .map((cf) => {
        const range = moveRange(cf.range);
        return range ? { ...cf, range } : null;
      })
      .filter((cf): cf is CFState => cf !== null);
    const hidden = new Set<number>();
    for (const r of sheet.hiddenRows) {
      const rows = moveRows(r, r, sheet.name, edit);
      if (rows) hidden.add(rows[0]);
    }
    sheet.hiddenRows = hidden;
    if (this.selection?.sheet === sheet) {
      const moved = moveRange(this.selection.range);
      if (moved) this.selection = { sheet, range: moved, areas: [moved] };
    }
    this.rewriteFormulas(edit);
    this.undo = [];
  }

  /** Every cell formula and conditional-format rule after a structural edit. */
  private rewriteFormulas(edit: StructuralEdit): void {
    for (const s of this.sheets) {
      for (const cell of s.cells.values()) if (cell.formula) cell.formula = adjustFormula(cell.formula, s.name, edit);
      for (const cf of s.cfs) cf.formula = adjustFormula(cf.formula, s.name, edit);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Calculation

  /** Recomputes every formula (the double's calculation mode is always automatic). */
  recalc(): void {
    const done = new Map<DCell, Value | { error: string }>();
    const busy = new Set<DCell>();
    const evalCell = (sheet: SheetState, cell: DCell): Value | { error: string } => {
      const known = done.get(cell);
      if (known !== undefined) return known;
      if (!cell.formula) return toValue(cell);
      if (busy.has(cell)) return new Decimal(0); // a circular reference: Excel shows 0 and warns
      busy.add(cell);
      let result: Value | { error: string };
      if (cell.formula.includes('#REF!')) result = { error: '#REF!' };
      else {
        try {
          result = evaluateFormula(cell.formula, sheet.name, (name, r, c) => {
            const target = this.find(name);
            if (!target) return { error: '#REF!' };
            const other = target.get(r, c);
            return other ? evalCell(target, other) : null;
          });
        } catch (e) {
          if (!(e instanceof FormulaSyntaxError)) throw e;
          result = { error: '#NAME?' };
        }
      }
      // a function outside the test evaluator gives #NAME?: keep the value Excel cached for it
      if (isFormulaError(result) && result.error === '#NAME?' && cell.value !== null && !cell.error) result = toValue({ ...cell, formula: undefined });
      busy.delete(cell);
      done.set(cell, result);
      return result;
    };
    for (const s of this.sheets) {
      for (const cell of s.cells.values()) {
        if (!cell.formula) continue;
        const v = evalCell(s, cell);
        if (isFormulaError(v)) {
          cell.value = v.error;
          cell.error = true;
        } else {
          cell.value = v instanceof Decimal ? v.toNumber() : v;
          delete cell.error;
        }
      }
    }
  }

  /** The grid model of the current state (what an exact reader of the open workbook would see). */
  toWorkbook(options: { includeHidden?: boolean } = {}): Workbook {
    const sheets = this.sheets
      .filter((s) => options.includeHidden || s.visibility !== 'VeryHidden')
      .map((s) => {
        const g = new Grid({ name: s.name, merges: s.merges.map((m) => ({ ...m })), hiddenRows: s.hiddenRows, hiddenCols: s.hiddenCols });
        const entries = [...s.cells.entries()].sort((a, b) => a[0] - b[0]);
        for (const [k, cell] of entries) {
          if (cell.value === null && !cell.formula) continue;
          const r = Math.floor(k / 16384);
          const c = k % 16384;
          const numFmt = cell.numFmt === GENERAL ? undefined : cell.numFmt;
          g.set(r, c, {
            value: cell.error ? null : cell.value,
            ...(cell.formula ? { formula: cell.formula.slice(1) } : {}),
            ...(numFmt ? { numFmt } : {}),
            ...(cell.error ? { error: String(cell.value) } : {}),
          });
        }
        return g;
      });
    return { name: this.name, sheets };
  }

  cfsIntersecting(sheet: SheetState, range: RangeRef): CFState[] {
    return sheet.cfs.filter((cf) => intersects(cf.range, range));
  }
}

function toValue(cell: DCell): Value | { error: string } {
  if (cell.error) return { error: String(cell.value) };
  if (typeof cell.value === 'number') return new Decimal(cell.value);
  return cell.value;
}

/** Excel's rule for sheet names: 1–31 characters, none of : \ / ? * [ ], not starting or ending with '. */
export function validSheetName(name: string): boolean {
  return name.length > 0 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !name.startsWith("'") && !name.endsWith("'");
}
