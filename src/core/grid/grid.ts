import { RangeRef, rangeContains } from './address';

/** What a cell holds as far as the core cares: the displayed value's type, not Excel's styling. */
export type CellValue = string | number | boolean | null;

export interface Cell {
  /** The cell's value; for a formula, its cached result. */
  value: CellValue;
  /** Formula text without the leading "=", when the cell holds one. */
  formula?: string;
  /** A formula whose result was never calculated and saved: its value is unknown, never 0. */
  noCachedResult?: boolean;
  /** Excel number format code, e.g. "0.00", "#,##0.00", "0.00%". */
  numFmt?: string;
  /** The cell holds an Excel error value such as #DIV/0!. */
  error?: string;
}

export interface GridInit {
  name: string;
  cells?: Iterable<[number, number, Cell]>;
  merges?: RangeRef[];
  hiddenRows?: Iterable<number>;
  hiddenCols?: Iterable<number>;
}

/**
 * Merges up to this many cells are indexed cell by cell; larger ones are tested in turn (real sheets
 * have few: a text block, a title over a wide table). The .xlsx reader bounds how many a sheet may have.
 */
export const INDEXED_MERGE_AREA = 4096;

/**
 * One sheet: a sparse row-major store of cells, merged ranges and hidden rows/columns.
 * A merged range keeps its value in the top-left (master) cell only; `text()` reads through merges
 * because headers are merged, while sums must only ever see the master cell.
 */
export class Grid {
  readonly name: string;
  private readonly rows: (Cell | undefined)[][] = [];
  readonly merges: RangeRef[] = [];
  readonly hiddenRows = new Set<number>();
  readonly hiddenCols = new Set<number>();
  /** merge index per covered cell, built lazily. */
  private mergeIndex: Map<number, RangeRef> | null = null;
  /** Merges larger than INDEXED_MERGE_AREA, kept out of mergeIndex. */
  private wideMerges: RangeRef[] = [];
  private maxCol = -1;

  constructor(init: GridInit) {
    this.name = init.name;
    for (const [r, c, cell] of init.cells ?? []) this.set(r, c, cell);
    for (const m of init.merges ?? []) this.merges.push(m);
    for (const r of init.hiddenRows ?? []) this.hiddenRows.add(r);
    for (const c of init.hiddenCols ?? []) this.hiddenCols.add(c);
  }

  get rowCount(): number {
    return this.rows.length;
  }

  get colCount(): number {
    return this.maxCol + 1;
  }

  set(row: number, col: number, cell: Cell): void {
    let line = this.rows[row];
    if (!line) {
      line = [];
      // fill holes so rowCount stays row-indexed
      for (let r = this.rows.length; r < row; r++) this.rows[r] = this.rows[r] ?? [];
      this.rows[row] = line;
    }
    line[col] = cell;
    if (col > this.maxCol) this.maxCol = col;
  }

  /** A copy whose cells can be changed without touching this grid (cells are copied shallowly). */
  clone(): Grid {
    const g = new Grid({ name: this.name, merges: this.merges.map((m) => ({ ...m })), hiddenRows: this.hiddenRows, hiddenCols: this.hiddenCols });
    this.rows.forEach((line, r) => line?.forEach((cell, c) => cell && g.set(r, c, { ...cell })));
    return g;
  }

  addMerge(range: RangeRef): void {
    this.merges.push(range);
    this.mergeIndex = null;
  }

  cell(row: number, col: number): Cell | undefined {
    return this.rows[row]?.[col];
  }

  /** The cell's own value (null for the non-master cells of a merge). */
  value(row: number, col: number): CellValue {
    return this.rows[row]?.[col]?.value ?? null;
  }

  /** The merged range covering (row, col), if any. */
  mergeAt(row: number, col: number): RangeRef | undefined {
    if (this.merges.length === 0) return undefined;
    if (!this.mergeIndex) {
      this.mergeIndex = new Map();
      this.wideMerges = [];
      for (const m of this.merges) {
        // A merge over a whole sheet (A1:XFD1048576) must not cost an entry per cell: wide ones are tested one by one.
        if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > INDEXED_MERGE_AREA) {
          this.wideMerges.push(m);
          continue;
        }
        for (let r = m.top; r <= m.bottom; r++) {
          for (let c = m.left; c <= m.right; c++) this.mergeIndex.set(r * 16384 + c, m);
        }
      }
    }
    const indexed = this.mergeIndex.get(row * 16384 + col);
    if (indexed || this.wideMerges.length === 0) return indexed;
    return this.wideMerges.find((m) => rangeContains(m, row, col));
  }

  /** The value shown at (row, col): the master's value when the cell is inside a merge. */
  shown(row: number, col: number): CellValue {
    const m = this.mergeAt(row, col);
    return m ? this.value(m.top, m.left) : this.value(row, col);
  }

  /** Shown value as trimmed text ('' for empty). */
  text(row: number, col: number): string {
    const v = this.shown(row, col);
    if (v === null) return '';
    return String(v).trim();
  }

  isMasterOrSingle(row: number, col: number): boolean {
    const m = this.mergeAt(row, col);
    return !m || (m.top === row && m.left === col);
  }

  isHiddenCol(col: number): boolean {
    return this.hiddenCols.has(col);
  }

  isHiddenRow(row: number): boolean {
    return this.hiddenRows.has(row);
  }

  /** Columns of `row` that hold a cell with a non-empty value (master cells only). */
  usedCols(row: number): number[] {
    const line = this.rows[row];
    if (!line) return [];
    const out: number[] = [];
    for (let c = 0; c < line.length; c++) {
      const v = line[c]?.value;
      if (v !== null && v !== undefined && v !== '') out.push(c);
    }
    return out;
  }

  isRowEmpty(row: number): boolean {
    return this.usedCols(row).length === 0;
  }

  inMerge(range: RangeRef, row: number, col: number): boolean {
    return rangeContains(range, row, col);
  }
}

export interface Workbook {
  /** File name as given by the host (no path). */
  name: string;
  sheets: Grid[];
}
