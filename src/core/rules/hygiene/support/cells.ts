import type { CellRef } from '../../../grid/address';
import type { Cell } from '../../../grid/grid';
import { Decimal } from '../../../money/decimal';
import { CellMap } from '../../../tables/cell-map';
import type { Line, SemanticTable, TableType } from '../../../tables/types';
import type { RuleContext } from '../../context';

/**
 * Helpers of the hygiene rules (not a rule: the registry test only looks at the .ts files directly
 * in the folder).
 */

export const GK_TYPES: readonly TableType[] = ['GK01', 'GK02', 'GK03', 'GK04', 'GK05', 'GK06', 'GK07', 'GK08', 'GK09'];

export const isGk = (t: SemanticTable) => GK_TYPES.includes(t.type);

/** What a role cell holds: money (万元/元), a rate, a score, a count (people, ㎡); null = free text. */
export type CellRole = 'money' | 'rate' | 'score' | 'count';

const PERF_MONEY = new Set(['预算数', '执行数', '年初预算数', '全年预算数', '全年执行数', '上年决算数', '决算数', '预算投资', '实际投资']);
const PERF_SCORE = new Set(['分值', '得分']);
const PERF_COUNT = new Set(['批复规模', '实际规模']);

export function roleOf(table: SemanticTable, line: Line, key: string): CellRole | null {
  if (isGk(table)) return 'money';
  if (line.meta?.embedded) return null;
  if (PERF_MONEY.has(key)) return 'money';
  if (key === '金额') return 'money';
  if (/率$/.test(key)) return 'rate';
  if (PERF_SCORE.has(key)) return 'score';
  if (PERF_COUNT.has(key)) return 'count';
  if (key === '值') return /率/.test(line.key) ? 'rate' : 'count';
  return null;
}

interface RoleCell {
  line: Line;
  key: string;
  ref: CellRef;
  role: CellRole | null;
}

/**
 * How a table's role cells are walked: straight over its lines when they already give each address
 * once, top to bottom and left to right (a 科目 table: no list kept for tens of thousands of cells),
 * else over a list made once (merged score cells shared by lines, two-sided rows).
 */
const roleCellCache = new WeakMap<SemanticTable, RoleCell[] | 'lines'>();

/** Whether the lines, sorted by row (stably), list their cells strictly in reading order. */
function linesInReadingOrder(table: SemanticTable): boolean {
  let row = -1;
  let col = -1;
  let lineRow = -Infinity;
  for (const line of table.lines) {
    if (line.row < lineRow) return false;
    lineRow = line.row;
    for (const key in line.cells) {
      const ref = line.cells[key];
      if (ref.row < row || (ref.row === row && ref.col <= col)) return false;
      row = ref.row;
      col = ref.col;
    }
  }
  return true;
}

/**
 * Every line × column cell of a table, each address once (merged score cells are shared by lines),
 * top to bottom and left to right. Five hygiene rules walk the same cells.
 */
export function forEachRoleCell(table: SemanticTable, visit: (line: Line, key: string, ref: CellRef, role: CellRole | null) => void): void {
  let cells = roleCellCache.get(table);
  if (!cells) roleCellCache.set(table, (cells = linesInReadingOrder(table) ? 'lines' : roleCellList(table)));
  if (cells !== 'lines') {
    for (const rc of cells) visit(rc.line, rc.key, rc.ref, rc.role);
    return;
  }
  const gk = isGk(table);
  for (const line of table.lines) {
    for (const key in line.cells) visit(line, key, line.cells[key], gk ? 'money' : roleOf(table, line, key));
  }
}

function roleCellList(table: SemanticTable): RoleCell[] {
  const seen = new CellMap<true>(table.range.bottom + 1);
  const out: RoleCell[] = [];
  const lines = [...table.lines].sort((a, b) => a.row - b.row);
  const gk = isGk(table);
  for (const line of lines) {
    for (const key in line.cells) {
      const ref = line.cells[key];
      if (seen.has(ref.row, ref.col)) continue;
      seen.set(ref.row, ref.col, true);
      out.push({ line, key, ref, role: gk ? 'money' : roleOf(table, line, key) });
    }
  }
  out.sort((a, b) => a.ref.row - b.ref.row || a.ref.col - b.ref.col);
  return out;
}

export function rawCell(ctx: RuleContext, table: SemanticTable, ref: CellRef): Cell | undefined {
  return ctx.grid(table).cell(ref.row, ref.col);
}

/** "科目 2210201 住房公积金（合计）" — the line and column of a role cell, for messages. */
export function describe(table: SemanticTable, line: Line, key: string): string {
  const label = line.label.replace(/\s+/g, '');
  let what: string;
  if (line.key === '金额' && table.type === 'GK09') return key;
  if (line.code) what = `科目 ${line.code} ${label}`;
  else if (/^指标\./.test(line.key)) what = `指标“${String(line.meta?.name || label)}”`;
  else what = label || line.key;
  return `${what}（${key}）`;
}

/** Decimals of amounts as published: from the tolerance's half unit (0.005 → 2). */
export function amountDecimals(ctx: RuleContext): number {
  return Math.max(0, new Decimal(ctx.settings.tolerance.halfUlp).decimalPlaces() - 1);
}

/**
 * Decimal places of a stored number as Excel shows it at most (15 significant digits), so that
 * binary noise such as 1016.3600000000001 counts as 2 decimals.
 */
export function storedDecimals(value: number): number {
  return new Decimal(String(value)).toSignificantDigits(15).decimalPlaces();
}

/**
 * `storedDecimals(value) <= dp`, decided from the number's shortest text when it shows at most `dp`
 * decimals (rounding to 15 significant digits only ever drops decimals): no Decimal for the common
 * cell.
 */
export function storedWithin(value: number, dp: number): boolean {
  if (Number.isFinite(value)) {
    const s = String(value);
    const dot = s.indexOf('.');
    if (!s.includes('e') && (dot < 0 || s.length - dot - 1 <= dp)) return true;
  }
  return storedDecimals(value) <= dp;
}

/** First master cell in rows [from, to] of the table's columns whose folded text passes `test`. */
export function findCell(ctx: RuleContext, table: SemanticTable, test: (text: string) => boolean, from: number, to: number): CellRef | null {
  const grid = ctx.grid(table);
  const { left, right } = table.range;
  for (let r = Math.max(0, from); r <= to; r++) {
    for (let c = left; c <= right; c++) {
      if (!grid.isMasterOrSingle(r, c)) continue;
      const t = fold(grid.text(r, c));
      if (t && test(t)) return { row: r, col: c };
    }
  }
  return null;
}

export function fold(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

function firstLineRow(table: SemanticTable): number {
  return table.lines.length ? Math.min(...table.lines.map((l) => l.row)) : table.range.bottom;
}

/** The cell holding the table's title. */
export function titleCell(ctx: RuleContext, table: SemanticTable): CellRef | null {
  const title = fold(table.title);
  if (!title) return null;
  return findCell(ctx, table, (t) => t.includes(title) || (t.length >= 4 && title.includes(t) && /表/.test(t)), table.range.top - 2, firstLineRow(table));
}

const UNIT_IN_TEXT = /(?:金额)?单位[:：]?(万元|元)|[(（](万元|元)[)）]/;

/**
 * The unit a table states and the cell stating it. For the 决算 tables the recognizer's unit (read
 * from the 单位 line) is taken, with the cell found in the head rows or else the title. For the 绩效
 * tables (whose recognizers assume 万元) the unit counts only when a cell says so ("（万元）").
 */
export function statedUnit(ctx: RuleContext, table: SemanticTable): { unit: '万元' | '元'; cell: CellRef | null } | null {
  if (isGk(table)) {
    if (!table.unit) return null;
    const cell =
      findCell(ctx, table, (t) => UNIT_IN_TEXT.test(t), table.range.top - 2, firstLineRow(table)) ?? titleCell(ctx, table);
    return { unit: table.unit, cell };
  }
  const cell = findCell(ctx, table, (t) => UNIT_IN_TEXT.test(t), table.range.top - 2, table.range.bottom);
  if (!cell) return null;
  const m = UNIT_IN_TEXT.exec(fold(ctx.grid(table).text(cell.row, cell.col)))!;
  return { unit: (m[1] ?? m[2]) as '万元' | '元', cell };
}

/** The cell stating the table's year ("2024年度…"), else the title cell. */
export function yearCell(ctx: RuleContext, table: SemanticTable): CellRef | null {
  if (table.year === null) return null;
  const y = `${table.year}年`;
  return findCell(ctx, table, (t) => t.includes(y), table.range.top - 2, Math.min(firstLineRow(table), table.range.top + 4)) ?? titleCell(ctx, table);
}

/** Department name folded for comparison: spaces, full-width forms and "（盖章）" removed. */
export function foldDepartment(name: string): string {
  return fold(name).replace(/[(（]?盖章[)）]?/g, '').replace(/^[:：]/, '');
}

/** The cell stating the department: 单位名称/主管部门 value cells, a 部门： line, else the title. */
export function departmentCell(ctx: RuleContext, table: SemanticTable): CellRef | null {
  if (!table.department) return null;
  for (const key of ['单位名称', '主管部门']) {
    const ref = table.line(key)?.cells['文本'];
    if (ref && foldDepartment(ctx.grid(table).text(ref.row, ref.col)).includes(foldDepartment(table.department))) return ref;
  }
  const dep = foldDepartment(table.department);
  return findCell(ctx, table, (t) => t.includes(dep), table.range.top - 2, firstLineRow(table)) ?? titleCell(ctx, table);
}

/** "公开01表、公开02表、公开03表 等 8 张表" — a short list of table names for messages. */
export function tableList(names: readonly string[], max = 3): string {
  const unique = [...new Set(names)];
  return unique.length <= max ? unique.join('、') : `${unique.slice(0, max).join('、')} 等 ${unique.length} 张表`;
}
