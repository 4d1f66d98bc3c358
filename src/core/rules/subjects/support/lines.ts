import type { CellRef } from '../../../grid/address';
import { itemName } from '../../../grid/text';
import { normalizeSubjectName } from '../../../catalog/subject-names';
import type { Line, SemanticTable, TableType } from '../../../tables/types';
import type { RuleContext } from '../../context';
import type { CellPointer } from '../../../findings';

/**
 * Helpers of the 科目 rules (not a rule: this folder holds no Rule export, so the registry test
 * does not look at it).
 */

/** The 科目 tables with a 功能分类 code column: 收入/支出/一般公共预算/基金/国资 决算表. */
export const LEDGER_TYPES: readonly TableType[] = ['GK02', 'GK03', 'GK05', 'GK07', 'GK08'];

/** The two tables printing 类 rows by name only (codes come from the national list). */
export const SUMMARY_TYPES: readonly TableType[] = ['GK01', 'GK04'];

export function ledgerTables(ctx: RuleContext): SemanticTable[] {
  return ctx.tables.filter((t) => LEDGER_TYPES.includes(t.type));
}

const ordered = new WeakMap<SemanticTable, readonly Line[]>();

/**
 * Lines in reading order (rows top to bottom; GK06 groups left to right on a row), sorted once per
 * table (several 科目 rules walk them).
 */
export function inOrder(table: SemanticTable): readonly Line[] {
  let lines = ordered.get(table);
  if (!lines) {
    const col = new Map(table.lines.map((l) => [l, firstCol(l)]));
    lines = [...table.lines].sort((a, b) => a.row - b.row || col.get(a)! - col.get(b)!);
    ordered.set(table, lines);
  }
  return lines;
}

function firstCol(l: Line): number {
  const cols = Object.values(l.cells).map((c) => c.col);
  return cols.length ? Math.min(...cols) : (l.labelCell?.col ?? 0);
}

/** 1-based index of the GK06 column group a line belongs to (by its 决算数 column). */
export function gk06Group(table: SemanticTable, line: Line): number | undefined {
  const col = line.cells['决算数']?.col;
  if (col === undefined) return undefined;
  const c = table.columns.find((x) => /^组\d+\.决算数$/.test(x.key) && x.col === col);
  return c ? Number(/^组(\d+)/.exec(c.key)![1]) : undefined;
}

/** The cell holding a line's 科目编码: the code column of its table (of its group in GK06). */
export function codeCell(table: SemanticTable, line: Line): CellRef | undefined {
  if (table.type === 'GK06') {
    const g = gk06Group(table, line);
    const col = g === undefined ? undefined : table.column(`组${g}.科目编码`)?.col;
    return col === undefined ? undefined : { row: line.row, col };
  }
  if (SUMMARY_TYPES.includes(table.type)) return line.labelCell;
  const col = table.column('科目编码')?.col;
  return col === undefined ? undefined : { row: line.row, col };
}

/** The cell holding a line's 科目名称. */
export function nameCell(line: Line): CellRef | undefined {
  return line.labelCell;
}

/** The printed 科目名称 of a line, without ordinals ("十九、住房保障支出" → "住房保障支出"). */
export function printedName(table: SemanticTable, line: Line): string {
  return SUMMARY_TYPES.includes(table.type) ? itemName(line.label) : line.label.replace(/\s+/g, '');
}

/**
 * Folded names by printed name (several 科目 rules compare each line's, and a name recurs across
 * tables). A convenience, not a store: emptied when it grows past MAX_FOLDED.
 */
const folded = new Map<string, string>();
const MAX_FOLDED = 100_000;

/** Normalized name for comparisons. */
export function comparableName(table: SemanticTable, line: Line): string {
  const printed = printedName(table, line);
  let name = folded.get(printed);
  if (name === undefined) {
    if (folded.size >= MAX_FOLDED) folded.clear();
    folded.set(printed, (name = normalizeSubjectName(printed)));
  }
  return name;
}

/** "科目 2210201 住房公积金" for messages. */
export function subjectText(table: SemanticTable, line: Line): string {
  const name = printedName(table, line);
  return line.code ? `科目 ${line.code}${name ? ` ${name}` : ''}` : name || `第 ${line.row + 1} 行`;
}

export function pointers(ctx: RuleContext, table: SemanticTable, refs: (CellRef | undefined)[]): CellPointer[] {
  return refs.filter((r): r is CellRef => !!r).map((r) => ctx.pointer(table, r));
}

/** Raw text of a cell ('' when empty). */
export function cellText(ctx: RuleContext, table: SemanticTable, ref: CellRef | undefined): string {
  if (!ref) return '';
  return ctx.grid(table).text(ref.row, ref.col);
}

/** Similarity of two names (Dice coefficient over character bigrams), for "did you mean". */
export function similarity(a: string, b: string): number {
  const grams = (s: string) => {
    const out: string[] = [];
    for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
    return out;
  };
  const x = grams(a);
  const y = grams(b);
  if (!x.length || !y.length) return a === b ? 1 : 0;
  const pool = [...y];
  let hits = 0;
  for (const g of x) {
    const i = pool.indexOf(g);
    if (i >= 0) {
      hits++;
      pool.splice(i, 1);
    }
  }
  return (2 * hits) / (x.length + y.length);
}
