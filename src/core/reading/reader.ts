/**
 * The one way the core reads a recognized workbook. Rules, fills and the narrative all read cells
 * through a WorkbookReader: the same parsing of amounts, percentages and scores, memoized per
 * reader (every rule reads the same cells, and parsing makes Decimals), and the same overlay of
 * values that are not in the grid yet (a fill plan's computed cells).
 */
import { refToA1, type CellRef } from '../grid/address';
import type { Cell, Grid, Workbook } from '../grid/grid';
import { parseAmount } from '../grid/parse-amount';
import { Decimal } from '../money/decimal';
import { toWan } from '../money/units';
import type { SemanticTable, TableType } from '../tables/types';
import { tableName } from '../tables/types';
import { DEFAULT_SETTINGS, type CheckSettings } from './settings';

/** What a cell holds, read as a number. */
export type Reading =
  | {
      kind: 'amount';
      value: Decimal;
      fromText: boolean;
      decimals: number;
      /**
       * The value in integer hundredths when it has at most two decimals and fits a safe integer:
       * identities over such amounts are decided in integer arithmetic, and only a broken one builds
       * Decimals for its message (the common case, a table that adds up, allocates nothing).
       */
      cents?: number;
    }
  | { kind: 'empty' }
  /** Text that is no number, a formula without a cached result, or an Excel error: not checkable. */
  | { kind: 'unknown'; why: string };

/** Cells that read differently from the grid, by sheet and row·16384+col (a fill plan's computed values). */
export type CellOverlay = ReadonlyMap<string, ReadonlyMap<number, Cell>>;

export const cellKey = (ref: CellRef): number => ref.row * 16384 + ref.col;

/**
 * Memoized amount readings: per sheet, keyed by the Grid object (a sheet read again is a new Grid,
 * whose cells are looked up afresh), and per raw value (a re-read sheet's unchanged numbers are not
 * parsed again: a reading depends on the value alone). Readings are immutable, so they are shared.
 */
export interface ReadingCache {
  /** Per sheet, row by row: `byGrid.get(grid)[row][col]` (arrays: looked up faster than a keyed map). */
  byGrid: WeakMap<Grid, (Reading | undefined)[][]>;
  byValue: Map<string | number | boolean, Reading>;
}

export const newReadingCache = (): ReadingCache => ({ byGrid: new WeakMap(), byValue: new Map() });

/** The value cache is a convenience, not a store: it is emptied when it grows past this. */
const MAX_VALUES = 200_000;

const SCORE_TEXT = /^([+-]?\d+(?:\.\d+)?)分$/;

export class WorkbookReader {
  readonly settings: CheckSettings;
  private readonly grids = new Map<string, Grid>();
  private readonly amounts: ReadingCache;

  constructor(
    readonly workbook: Workbook,
    private readonly tableList: readonly SemanticTable[],
    settings: Partial<CheckSettings> = {},
    private readonly overlay?: CellOverlay,
    /** Readings of earlier readers to reuse (a live analysis keeps them for the sheets that did not change). */
    cache?: ReadingCache,
  ) {
    this.settings = { ...DEFAULT_SETTINGS, ...settings };
    // an overlay changes what cells read, so such a reader never shares its readings
    this.amounts = overlay || !cache ? newReadingCache() : cache;
    for (const g of workbook.sheets) this.grids.set(g.name, g);
  }

  // -- lookups ------------------------------------------------------------------------------

  /** Every recognized table, in workbook order. */
  get tables(): readonly SemanticTable[] {
    return this.tableList;
  }

  tablesOf(type: TableType): SemanticTable[] {
    return this.tableList.filter((t) => t.type === type);
  }

  /** The table of a type when the workbook holds exactly one (cross-table checks need a pairing). */
  only(type: TableType): SemanticTable | undefined {
    const list = this.tablesOf(type);
    return list.length === 1 ? list[0] : undefined;
  }

  grid(table: SemanticTable): Grid {
    const g = this.grids.get(table.sheet);
    if (!g) throw new Error(`sheet ${table.sheet} missing`);
    return g;
  }

  /** The cell as it reads: the overlay's value where there is one, else the grid's. */
  cell(table: SemanticTable, ref: CellRef): Cell | undefined {
    const grid = this.grid(table);
    return this.overlay?.get(grid.name)?.get(cellKey(ref)) ?? grid.cell(ref.row, ref.col);
  }

  pointer(table: SemanticTable, ref: CellRef): { sheet: string; address: string } {
    return { sheet: table.sheet, address: refToA1(ref) };
  }

  /** Name of a table for messages: its 公开0N表 label, else its sheet. */
  tableName(table: SemanticTable): string {
    return tableName(table);
  }

  unitOf(table: SemanticTable): string {
    return table.unit ?? '万元';
  }

  // -- readings -----------------------------------------------------------------------------

  /** The table last read and its readings: rules read one table's cells in a row (a hot path). */
  private lastTable: SemanticTable | undefined;
  private lastMemo: (Reading | undefined)[][] | undefined;

  /**
   * Forgets the table last read, so that the next read goes through `grid()` again (a subclass that
   * records the sheets read calls it when it starts a new record).
   */
  protected forgetLastRead(): void {
    this.lastTable = undefined;
    this.lastMemo = undefined;
  }

  /** An amount (万元, 元, 人, 分 …) as the cell holds it. */
  read(table: SemanticTable, ref: CellRef | undefined): Reading {
    if (!ref) return { kind: 'empty' };
    let memo = this.lastMemo;
    if (table !== this.lastTable || !memo) {
      const grid = this.grid(table);
      memo = this.amounts.byGrid.get(grid);
      if (!memo) this.amounts.byGrid.set(grid, (memo = new Array<(Reading | undefined)[]>(grid.rowCount)));
      this.lastTable = table;
      this.lastMemo = memo;
    }
    const row = memo[ref.row] ?? (memo[ref.row] = []);
    return row[ref.col] ?? (row[ref.col] = this.readUncached(table, ref));
  }

  private readUncached(table: SemanticTable, ref: CellRef): Reading {
    const cell = this.cell(table, ref);
    if (!cell) return { kind: 'empty' };
    const bad = unreadable(cell);
    if (bad) return bad;
    if (cell.value === null) return EMPTY;
    const byValue = this.amounts.byValue;
    let r = byValue.get(cell.value);
    if (!r) {
      if (byValue.size >= MAX_VALUES) byValue.clear();
      byValue.set(cell.value, (r = amountReading(cell.value)));
    }
    return r;
  }

  /** An amount of a money table in 万元 (empty counts as 0); undefined when the cell is no number. */
  wan(table: SemanticTable, ref: CellRef | undefined): Decimal | undefined {
    const r = this.read(table, ref);
    if (r.kind === 'unknown') return undefined;
    return r.kind === 'amount' ? toWan(r.value, table.unit) : new Decimal(0);
  }

  /**
   * A score cell. Besides plain numbers, 绩效 tables write scores as text with the unit: "20分",
   * "39 分" (湖北 merged 一级 scores, 渌口 预算执行 分值). The number is read out of them.
   */
  readScore(table: SemanticTable, ref: CellRef | undefined): Reading {
    const r = this.read(table, ref);
    if (r.kind !== 'unknown' || !ref) return r;
    const cell = this.cell(table, ref);
    if (typeof cell?.value === 'string' && !cell.error && !cell.noCachedResult) {
      const m = SCORE_TEXT.exec(cell.value.normalize('NFKC').replace(/\s+/g, ''));
      if (m) {
        const value = new Decimal(m[1]);
        return { kind: 'amount', value, fromText: true, decimals: Math.max(0, value.decimalPlaces()) };
      }
    }
    return r;
  }

  /**
   * A percentage cell, as a fraction. A number (cell formatted 0% / 0.00%) is the fraction itself
   * (0.7954); text with a % sign ("100%", "79.54％") is divided by 100. `decimals` is the number of
   * decimals of the percent figure (0.7954 → 2, "66.7%" → 1), the precision a stated rate is
   * checked at.
   */
  readPercent(table: SemanticTable, ref: CellRef | undefined): Reading {
    if (!ref) return { kind: 'empty' };
    const cell = this.cell(table, ref);
    if (!cell) return { kind: 'empty' };
    const bad = unreadable(cell);
    if (bad) return bad;
    const p = parseAmount(cell.value);
    if (p.kind === 'empty') return { kind: 'empty' };
    if (p.kind === 'text') return { kind: 'unknown', why: `“${String(p.raw)}”不是数字` };
    const decimals = p.percent ? p.decimals : Math.max(0, p.value.decimalPlaces() - 2);
    return { kind: 'amount', value: p.value, fromText: p.fromText, decimals };
  }
}

const EMPTY: Reading = { kind: 'empty' };

function amountReading(value: string | number | boolean): Reading {
  const p = parseAmount(value);
  if (p.kind === 'empty') return EMPTY;
  if (p.kind === 'text') return { kind: 'unknown', why: `“${String(p.raw)}”不是数字` };
  // cents always present (undefined when the value has none): every amount reading has one shape
  return { kind: 'amount', value: p.value, fromText: p.fromText, decimals: p.decimals, cents: centsOf(p.value) };
}

const MAX_CENTS = Number.MAX_SAFE_INTEGER / 1024;

/** Integer hundredths of a value with at most two decimals, well inside the safe integers. */
export function centsOf(value: Decimal): number | undefined {
  if (value.decimalPlaces() > 2) return undefined;
  const n = Number(value.times(100).toFixed(0));
  return Math.abs(n) < MAX_CENTS ? n : undefined;
}

function unreadable(cell: Cell): Reading | null {
  if (cell.noCachedResult) return { kind: 'unknown', why: '公式没有计算结果' };
  if (cell.error) return { kind: 'unknown', why: `单元格是错误值 ${cell.error}` };
  return null;
}

/** The number inside an embedded text such as "一般公共预算：1364.72" (its amountText "1364.72"). */
export function readEmbedded(amountText: string): Reading {
  const t = amountText.normalize('NFKC').trim().replace(/万?元$/, '').trim();
  const p = parseAmount(t);
  if (p.kind === 'empty') return { kind: 'empty' };
  if (p.kind === 'text') return { kind: 'unknown', why: `“${amountText}”不是数字` };
  return { kind: 'amount', value: p.value, fromText: true, decimals: p.decimals };
}

/** The value of a reading, 0 for an empty or unreadable one. */
export const valueOf = (r: Reading): Decimal => (r.kind === 'amount' ? r.value : new Decimal(0));
