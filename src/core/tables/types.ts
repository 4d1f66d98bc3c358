import type { CellRef, RangeRef } from '../grid/address';
import { CellMap } from './cell-map';

export type TableType =
  | 'GK01' | 'GK02' | 'GK03' | 'GK04' | 'GK05' | 'GK06' | 'GK07' | 'GK08' | 'GK09'
  | 'PERF_DEPT' | 'PERF_PROJECT' | 'PERF_BASE' | 'OTHER';

export type Unit = '元' | '万元';

/**
 * What a row (or one side of a two-sided row) is:
 * detail — an item line; subtotal — a line that sums lines below it (类/款 rows, 301 block header);
 * total — 合计/总计 lines; info — head-block facts such as 单位名称.
 */
export type LineKind = 'detail' | 'subtotal' | 'total' | 'info';

/** 功能分类/经济分类 科目 level by code length: 3 类, 5 款, 7 项. */
export type CodeLevel = '类' | '款' | '项';

export interface Column {
  /** Stable semantic key, e.g. "决算数", "财政拨款收入", "决算.公务接待费". */
  key: string;
  /** Header text as shown (merged header rows joined by "/"). */
  label: string;
  col: number;
  /** 栏次 number printed under the header, when the table has a 栏次 row. */
  lanci?: number;
  /** Column group: "收入"/"支出" side of GK01/GK04, a GK06 block, "预算"/"决算" of GK09. */
  group?: string;
}

export interface Line {
  /** Stable semantic key, e.g. "收入.一般公共预算财政拨款收入", "科目.2210201", "合计", "指标.3". */
  key: string;
  label: string;
  row: number;
  kind: LineKind;
  /** Side or block the line belongs to (GK01/GK04 收入/支出, GK06 人员经费/公用经费). */
  group?: string;
  /** 科目编码 (rebuilt when split over cells). */
  code?: string;
  level?: CodeLevel;
  /** 行次 as printed. */
  lineNo?: number;
  /** Column key → the cell holding this line's value in that column. */
  cells: Record<string, CellRef>;
  /** Where the label is (for messages and pinning). */
  labelCell?: CellRef;
  /** Extra facts the recognizer read (indicator texts, weights, parsed embedded amounts). */
  meta?: Record<string, string | number | boolean | null>;
}

export interface TableInit {
  type: TableType;
  sheet: string;
  title: string;
  range: RangeRef;
  year: number | null;
  unit: Unit | null;
  department: string | null;
  label: string | null;
  variant?: string;
  columns: Column[];
  lines: Line[];
  notes?: string[];
}

/**
 * A recognized table: its type and metadata, and the role of every line and column, so that rules
 * address `GK01 收入.一般公共预算财政拨款收入.决算数` rather than "C7".
 */
export class SemanticTable {
  readonly type: TableType;
  readonly sheet: string;
  readonly title: string;
  readonly range: RangeRef;
  readonly year: number | null;
  readonly unit: Unit | null;
  readonly department: string | null;
  readonly label: string | null;
  readonly variant?: string;
  readonly columns: Column[];
  readonly lines: Line[];
  readonly notes: string[];
  private readonly byKey = new Map<string, Line>();
  private readonly columnByKey = new Map<string, Column>();

  constructor(init: TableInit) {
    this.type = init.type;
    this.sheet = init.sheet;
    this.title = init.title;
    this.range = init.range;
    this.year = init.year;
    this.unit = init.unit;
    this.department = init.department;
    this.label = init.label;
    this.variant = init.variant;
    this.columns = init.columns;
    this.lines = init.lines;
    this.notes = init.notes ?? [];
    for (const c of this.columns) if (!this.columnByKey.has(c.key)) this.columnByKey.set(c.key, c);
    for (const l of this.lines) {
      if (!this.byKey.has(l.key)) this.byKey.set(l.key, l);
      // 科目 lines are also reachable by their bare code ("支出.221", "科目.2210201" → "2210201").
      if (l.code && !this.byKey.has(l.code)) this.byKey.set(l.code, l);
    }
  }

  line(key: string): Line | undefined {
    return this.byKey.get(key);
  }

  column(key: string): Column | undefined {
    return this.columnByKey.get(key);
  }

  /** `cell("收入.一般公共预算财政拨款收入", "决算数")`. */
  cell(lineKey: string, columnKey: string): CellRef | undefined {
    return this.byKey.get(lineKey)?.cells[columnKey];
  }

  /** A dotted path: the longest line key that prefixes it, then the column key. */
  at(path: string): CellRef | undefined {
    for (let i = path.lastIndexOf('.'); i > 0; i = path.lastIndexOf('.', i - 1)) {
      const cell = this.byKey.get(path.slice(0, i))?.cells[path.slice(i + 1)];
      if (cell) return cell;
    }
    return undefined;
  }

  linesOf(kind: LineKind): Line[] {
    return this.lines.filter((l) => l.kind === kind);
  }

  /** The first line holding each cell (its column found again on lookup: no object per cell). */
  private byCell: CellMap<Line> | null = null;

  /** The line and column a cell plays in this table (the reverse of `cell`), if any. */
  locate(ref: CellRef): { line: Line; column: string } | undefined {
    if (!this.byCell) {
      this.byCell = new CellMap(this.range.bottom + 1);
      for (const l of this.lines) {
        for (const column in l.cells) {
          const r = l.cells[column];
          if (!this.byCell.has(r.row, r.col)) this.byCell.set(r.row, r.col, l);
        }
      }
    }
    const line = this.byCell.get(ref.row, ref.col);
    if (!line) return undefined;
    for (const column in line.cells) {
      const r = line.cells[column];
      if (r.row === ref.row && r.col === ref.col) return { line, column };
    }
    return undefined;
  }
}

/** Name of a table for messages: its 公开0N表 label, else its sheet. */
export function tableName(table: SemanticTable): string {
  return table.label ?? table.sheet;
}
