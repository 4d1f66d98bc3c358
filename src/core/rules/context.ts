import { refToA1, type CellRef } from '../grid/address';
import type { Cell, Grid, Workbook } from '../grid/grid';
import { parseAmount } from '../grid/parse-amount';
import { Decimal, ZERO } from '../money/decimal';
import { classifyDifference, DEFAULT_TOLERANCE, ToleranceSettings } from '../money/tolerance';
import type { CellPointer, Finding } from '../report';
import type { SemanticTable, TableType } from '../tables/types';
import type { RuleMeta } from './types';

export interface RuleSettings {
  tolerance: ToleranceSettings;
  /** 0/0 执行率 and 控制率: the seeds print 100% (nothing to spend, nothing unspent). */
  zeroOverZeroRate: '100%' | '0%' | 'blank';
}

export const DEFAULT_SETTINGS: RuleSettings = { tolerance: DEFAULT_TOLERANCE, zeroOverZeroRate: '100%' };

/** One operand of an identity: a table cell and how to name it in a message. */
export interface Term {
  table: SemanticTable;
  ref: CellRef | undefined;
  label: string;
  /** −1 for a part that is subtracted (年末 = 年初 + 收入 − 支出). */
  sign?: 1 | -1;
}

/** What a cell holds, read as an amount. */
export type Reading =
  | { kind: 'amount'; value: Decimal; fromText: boolean; decimals: number }
  | { kind: 'empty' }
  /** Text that is no number, a formula without a cached result, or an Excel error: not checkable. */
  | { kind: 'unknown'; why: string };

export function formatAmount(d: Decimal): string {
  return d.decimalPlaces() <= 2 ? d.toFixed(2) : d.toString();
}

export class RuleContext {
  readonly settings: RuleSettings;
  private readonly grids = new Map<string, Grid>();
  /** Set by tests (the mutation test) to learn which cells take part in an identity. */
  operandListener?: (table: SemanticTable, ref: CellRef, rule: RuleMeta | undefined) => void;
  /** The rule being run (set by runRules), for the listener. */
  currentRule?: RuleMeta;

  constructor(
    readonly workbook: Workbook,
    readonly tables: readonly SemanticTable[],
    settings: Partial<RuleSettings> = {},
    /** Cells that read differently from the grid (a fill plan's computed values), by sheet and row·16384+col. */
    private readonly overlay?: ReadonlyMap<string, ReadonlyMap<number, Cell>>,
  ) {
    this.settings = { ...DEFAULT_SETTINGS, ...settings };
    for (const g of workbook.sheets) this.grids.set(g.name, g);
  }

  tablesOf(type: TableType): SemanticTable[] {
    return this.tables.filter((t) => t.type === type);
  }

  /** The table of a type when the workbook holds exactly one (cross-table rules need a pairing). */
  only(type: TableType): SemanticTable | undefined {
    const list = this.tablesOf(type);
    return list.length === 1 ? list[0] : undefined;
  }

  grid(table: SemanticTable): Grid {
    const g = this.grids.get(table.sheet);
    if (!g) throw new Error(`sheet ${table.sheet} missing`);
    return g;
  }

  /** Readings memoized per context: every rule reads the same cells, and parsing makes Decimals. */
  private readonly readings = new Map<Grid, Map<number, Reading>>();

  read(table: SemanticTable, ref: CellRef | undefined): Reading {
    if (!ref) return { kind: 'empty' };
    const grid = this.grid(table);
    let memo = this.readings.get(grid);
    if (!memo) this.readings.set(grid, (memo = new Map()));
    const k = ref.row * 16384 + ref.col;
    let r = memo.get(k);
    if (!r) memo.set(k, (r = this.readUncached(grid, ref)));
    return r;
  }

  private readUncached(grid: Grid, ref: CellRef): Reading {
    const cell = this.overlay?.get(grid.name)?.get(ref.row * 16384 + ref.col) ?? grid.cell(ref.row, ref.col);
    if (!cell) return { kind: 'empty' };
    if (cell.noCachedResult) return { kind: 'unknown', why: '公式没有计算结果' };
    if (cell.error) return { kind: 'unknown', why: `单元格是错误值 ${cell.error}` };
    const p = parseAmount(cell.value);
    if (p.kind === 'empty') return { kind: 'empty' };
    if (p.kind === 'text') return { kind: 'unknown', why: `“${String(p.raw)}”不是数字` };
    return { kind: 'amount', value: p.value, fromText: p.fromText, decimals: p.decimals };
  }

  pointer(table: SemanticTable, ref: CellRef): CellPointer {
    return { sheet: table.sheet, address: refToA1(ref) };
  }

  /** Name of a table for messages: its 公开0N表 label, else its sheet. */
  tableName(table: SemanticTable): string {
    return table.label ?? table.sheet;
  }

  unitOf(table: SemanticTable): string {
    return table.unit ?? '万元';
  }

  /**
   * total = Σ parts, rounding-aware. Empty cells count as 0; if any operand is unknown (text that
   * is no number, an uncalculated formula) the identity is skipped: the hygiene rules report those.
   */
  /** Rules with their own arithmetic call this for each operand, as sumIdentity/equality do. */
  operand(term: Term): void {
    if (this.operandListener && term.ref) this.operandListener(term.table, term.ref, this.currentRule);
  }

  sumIdentity(meta: RuleMeta, total: Term, parts: Term[], subject: string): Finding[] {
    this.operand(total);
    parts.forEach((p) => this.operand(p));
    const t = this.read(total.table, total.ref);
    const ps = parts.map((p) => ({ term: p, reading: this.read(p.table, p.ref) }));
    if (t.kind === 'unknown' || ps.some((p) => p.reading.kind === 'unknown') || !total.ref) return [];
    if (t.kind === 'empty' && ps.every((p) => p.reading.kind === 'empty')) return [];
    const actual = t.kind === 'amount' ? t.value : ZERO;
    let expected = ZERO;
    for (const p of ps) if (p.reading.kind === 'amount') expected = expected.plus(p.term.sign === -1 ? p.reading.value.negated() : p.reading.value);
    const diff = actual.minus(expected);
    const filled = ps.filter((p) => p.reading.kind === 'amount' && p.term.ref);
    // Only printed amounts were rounded: empty parts add no rounding error.
    const verdict = classifyDifference(diff, Math.max(1, filled.length), this.settings.tolerance);
    if (verdict === 'equal') return [];
    const unit = this.unitOf(total.table);
    const partText = filled.length > 6
      ? `${filled.length} 项之和（${filled.slice(0, 3).map((p) => p.term.label).join('、')} 等）`
      : filled.length
      ? filled
          .map((p, i) => `${i === 0 ? (p.term.sign === -1 ? '−' : '') : p.term.sign === -1 ? ' − ' : ' + '}${p.term.label} ${formatAmount((p.reading as { value: Decimal }).value)}`)
          .join('')
      : '各组成项均为空';
    const totalText = t.kind === 'empty' ? `${total.label}为空` : `${total.label} ${formatAmount(actual)} ${unit}`;
    const message =
      `${this.tableName(total.table)} ${subject}：${totalText}，应等于 ${partText} = ${formatAmount(expected)} ${unit}，` +
      `相差 ${formatAmount(diff.abs())} ${unit}` +
      (verdict === 'rounding' ? '，在四舍五入的尾差范围内（尾差）。' : '。');
    return [
      {
        rule: meta.id,
        severity: verdict === 'rounding' ? 'warning' : meta.severity,
        cells: [this.pointer(total.table, total.ref), ...filled.map((p) => this.pointer(p.term.table, p.term.ref!))],
        expected: formatAmount(expected),
        actual: t.kind === 'empty' ? null : formatAmount(actual),
        message,
        difference: formatAmount(diff),
        ...(verdict === 'rounding' ? { rounding: true } : {}),
      },
    ];
  }

  /** a = b between two cells, often of two tables (two rounded values of one quantity: n = 1). */
  equality(meta: RuleMeta, a: Term, b: Term, subject: string): Finding[] {
    this.operand(a);
    this.operand(b);
    const ra = this.read(a.table, a.ref);
    const rb = this.read(b.table, b.ref);
    if (!a.ref || !b.ref || ra.kind === 'unknown' || rb.kind === 'unknown') return [];
    if (ra.kind === 'empty' && rb.kind === 'empty') return [];
    const va = ra.kind === 'amount' ? ra.value : ZERO;
    const vb = rb.kind === 'amount' ? rb.value : ZERO;
    const diff = va.minus(vb);
    const verdict = classifyDifference(diff, 1, this.settings.tolerance);
    if (verdict === 'equal') return [];
    const unit = this.unitOf(a.table);
    const show = (r: Reading, v: Decimal) => (r.kind === 'empty' ? '为空' : `${formatAmount(v)} ${unit}`);
    const message =
      `${subject}：${this.tableName(a.table)} ${a.label} ${show(ra, va)}，${this.tableName(b.table)} ${b.label} ${show(rb, vb)}，` +
      `相差 ${formatAmount(diff.abs())} ${unit}` +
      (verdict === 'rounding' ? '（尾差）。' : '。');
    return [
      {
        rule: meta.id,
        severity: verdict === 'rounding' ? 'warning' : meta.severity,
        cells: [this.pointer(a.table, a.ref), this.pointer(b.table, b.ref)],
        expected: rb.kind === 'empty' ? null : formatAmount(vb),
        actual: ra.kind === 'empty' ? null : formatAmount(va),
        message,
        difference: formatAmount(diff),
        ...(verdict === 'rounding' ? { rounding: true } : {}),
      },
    ];
  }
}
