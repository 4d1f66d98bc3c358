import type { CellRef } from '../grid/address';
import type { Grid } from '../grid/grid';
import { parseAmount } from '../grid/parse-amount';
import { itemName, normalizeLabel } from '../grid/text';
import { functionalClassCode } from '../catalog/functional-classes';
import { headerText, isNoteText, readHeader } from './header';
import type { LayoutFailure, Region } from './template';
import { cellName, cellWords, readHeadFacts, rowsName } from './template';
import { Column, Line, SemanticTable, TableType } from './types';

/**
 * The shared layout of GK01 收入支出决算总表 and GK04 财政拨款收入支出决算总表: an income side
 * (项目 | 行次 | 决算数) beside an expenditure side (项目 | 行次 | 决算数 columns), one line per side
 * per row. Items are known by name; 类 rows get their 功能分类 code from the national list.
 */
export interface NamedItem {
  key: string;
  test: (name: string) => boolean;
  kind?: 'total' | 'subtotal';
}

export interface TwoSidedSpec {
  type: TableType;
  /** The template's name, for messages. */
  name: string;
  income: readonly NamedItem[];
  expenditure: readonly NamedItem[];
  /** Expenditure amount columns (GK04 has four; GK01 one). */
  expenditureColumns: readonly { key: string; test: (h: string) => boolean }[];
  /** A carry-over line followed by per-budget-type sub-rows whose labels may be blank. */
  subRows?: { side: '收入' | '支出'; after: string; keys: readonly string[] }[];
}

export function layoutTwoSided(spec: TwoSidedSpec, region: Region): SemanticTable | LayoutFailure {
  const { grid, range } = region;
  const facts = readHeadFacts(region);
  // The header row holds 项目 twice: income and expenditure label columns.
  let itemRow = -1;
  let labelCols: number[] = [];
  for (let r = region.titleRow; r <= Math.min(range.bottom, region.titleRow + 8) && itemRow < 0; r++) {
    const cols: number[] = [];
    for (let c = range.left; c <= range.right; c++) {
      if (grid.isMasterOrSingle(r, c) && normalizeLabel(grid.text(r, c)) === '项目') cols.push(c);
    }
    if (cols.length >= 2) {
      itemRow = r;
      labelCols = cols;
    }
  }
  if (itemRow < 0) {
    const rows = rowsName(region.titleRow, Math.min(range.bottom, region.titleRow + 8));
    const one = findItemCell(grid, region.titleRow, Math.min(range.bottom, region.titleRow + 8), range.left, range.right);
    const found = one ? `只有 ${cellName(one[0], one[1])} 一个“项目”` : '一个“项目”也没有';
    return { failure: `表名下${rows}没有收入、支出两侧的“项目”表头：${found} (no two-sided 项目 header)` };
  }
  const headerStart = itemRow > range.top && /收入/.test(normalizeLabel(grid.text(itemRow - 1, labelCols[0]))) ? itemRow - 1 : itemRow;
  const [incomeLabel, expLabel] = labelCols;
  const h = readHeader(grid, range, headerStart, (r) => {
    const t = itemName(grid.text(r, incomeLabel) || grid.text(r, expLabel));
    return spec.income.some((i) => i.test(t)) || !!functionalClassCode(t);
  });

  const columns: Column[] = [
    { key: '收入.项目', label: '项目', col: incomeLabel, group: '收入' },
    { key: '支出.项目', label: '项目', col: expLabel, group: '支出' },
  ];
  let incomeLineNo: number | undefined;
  let expLineNo: number | undefined;
  let incomeAmount: number | undefined;
  for (let c = incomeLabel + 1; c < expLabel; c++) {
    if (grid.isHiddenCol(c)) continue;
    const t = headerText(h, c);
    if (/行次/.test(t)) incomeLineNo ??= c;
    else if (/决算|金额|数/.test(t) && incomeAmount === undefined) incomeAmount = c;
  }
  if (incomeAmount === undefined) {
    return { failure: `收入侧（${cellName(itemRow, incomeLabel)}“项目”与 ${cellName(itemRow, expLabel)}“项目”之间）没有“决算数”或“金额”栏 (no income amount column)` };
  }
  columns.push({ key: '收入.决算数', label: headerText(h, incomeAmount), col: incomeAmount, lanci: h.lanci.get(incomeAmount), group: '收入' });
  const used = new Set<string>();
  for (let c = expLabel + 1; c <= range.right; c++) {
    if (grid.isHiddenCol(c)) continue;
    const t = headerText(h, c);
    if (/行次/.test(t)) {
      expLineNo ??= c;
      continue;
    }
    const s = spec.expenditureColumns.find((x) => !used.has(x.key) && x.test(t));
    if (!s) continue;
    used.add(s.key);
    columns.push({ key: `支出.${s.key}`, label: t, col: c, lanci: h.lanci.get(c), group: '支出' });
  }
  const expCols = columns.filter((c) => c.group === '支出' && c.key !== '支出.项目');
  if (expCols.length === 0) {
    const odd: string[] = [];
    for (let c = expLabel + 1; c <= range.right && odd.length < 3; c++) if (!grid.isHiddenCol(c) && grid.text(itemRow, c)) odd.push(cellWords(grid, itemRow, c));
    const why = odd.length ? `；${odd.join('、')}不是${spec.name}的支出栏目` : '';
    return { failure: `支出侧（${cellName(itemRow, expLabel)}“项目”右侧）没有决算数栏${why} (no expenditure amount column)` };
  }

  const lines: Line[] = [];
  const notes: string[] = [];
  let bottom = h.lastRow;
  const pending: Record<'收入' | '支出', { keys: readonly string[]; next: number } | null> = { 收入: null, 支出: null };
  // lines read so far with the 总计 keys, counted as they are added (not searched for on every row)
  let incomeTotals = 0;
  let expenditureTotals = 0;
  const add = (line: Line) => {
    lines.push(line);
    if (line.key === '收入.总计') incomeTotals++;
    else if (line.key === '支出.总计') expenditureTotals++;
  };
  for (let r = h.lastRow + 1; r <= range.bottom; r++) {
    const left = grid.text(r, incomeLabel);
    // Below both 总计 lines only notes follow ("2. 本套报表金额单位转换时可能存在尾数误差。").
    const closed = incomeTotals > 0 && expenditureTotals > 0;
    if (left && (closed || isNoteText(left)) && !grid.text(r, expLabel)) {
      notes.push(left);
      continue;
    }
    if (closed) continue;
    const sides: ['收入' | '支出', number, number | undefined, Column[], readonly NamedItem[]][] = [
      ['收入', incomeLabel, incomeLineNo, columns.filter((c) => c.key === '收入.决算数'), spec.income],
      ['支出', expLabel, expLineNo, expCols, spec.expenditure],
    ];
    for (const [side, labelCol, lineNoCol, amountCols, items] of sides) {
      const raw = grid.isMasterOrSingle(r, labelCol) ? grid.text(r, labelCol) : '';
      const name = itemName(raw);
      const lineNoValue = lineNoCol !== undefined ? Number(normalizeLabel(grid.text(r, lineNoCol))) : NaN;
      const cells: Record<string, CellRef> = {};
      for (const c of amountCols) cells[c.key.slice(side.length + 1)] = { row: r, col: c.col };
      const base = { row: r, group: side, cells, labelCell: { row: r, col: labelCol }, lineNo: Number.isFinite(lineNoValue) && lineNoValue > 0 ? lineNoValue : undefined };
      const sub = pending[side];
      if (sub && sub.next < sub.keys.length && (!name || sub.keys[sub.next].endsWith(name))) {
        add({ ...base, key: `${side}.${sub.keys[sub.next]}`, label: raw || sub.keys[sub.next], kind: 'detail', meta: raw ? undefined : { blankLabel: true } });
        sub.next++;
        bottom = r;
        continue;
      }
      if (sub && name) pending[side] = null; // the template has no sub-rows here
      if (!name) continue;
      const item = items.find((i) => i.test(name));
      if (item) {
        add({ ...base, key: `${side}.${item.key}`, label: raw, kind: item.kind ?? 'detail' });
        const s = spec.subRows?.find((x) => x.side === side && x.after === item.key);
        if (s) pending[side] = { keys: s.keys, next: 0 };
        bottom = r;
        continue;
      }
      const code = side === '支出' ? functionalClassCode(name) : null;
      if (code) {
        add({ ...base, key: `${side}.${name}`, label: raw, kind: 'detail', code, level: '类' });
      } else {
        add({ ...base, key: `${side}.${name}`, label: raw, kind: 'detail', meta: { unknownItem: true } });
      }
      bottom = r;
    }
  }
  if (!lines.some((l) => l.key === '收入.总计') && !lines.some((l) => l.key === '支出.总计')) {
    return { failure: `表头下${rowsName(h.lastRow + 1, range.bottom)}中，${cellName(h.lastRow + 1, incomeLabel).replace(/\d+$/, '')} 列和 ${cellName(h.lastRow + 1, expLabel).replace(/\d+$/, '')} 列都没有“总计”行 (no 总计 line)` };
  }
  for (const s of spec.subRows ?? []) splitByColumn(grid, lines, s);
  return new SemanticTable({
    type: spec.type,
    sheet: grid.name,
    title: region.title,
    range: { ...range, bottom: Math.max(bottom, lastNoteRow(grid, bottom, range.bottom)) },
    year: facts.year,
    unit: facts.unit,
    department: facts.department,
    label: facts.label,
    variant: incomeLineNo === undefined ? '无行次' : undefined,
    columns,
    lines,
    notes,
  });
}

/**
 * A carry-over broken down by column instead of by row: the national template prints 年末财政拨款
 * 结转和结余 once, with 小计 and one column per budget type, and leaves the rows under it empty. When
 * the parent line holds a budget-type amount and its sub-rows hold none, each sub-line reads the
 * parent's cell of its own column (as 小计 and as that column), so `支出.年末.<type>` keeps its meaning.
 */
function splitByColumn(grid: Grid, lines: Line[], s: NonNullable<TwoSidedSpec['subRows']>[number]): void {
  const parent = lines.find((l) => l.key === `${s.side}.${s.after}`);
  const subs = lines.filter((l) => s.keys.some((k) => l.key === `${s.side}.${k}`));
  if (!parent || subs.length === 0) return;
  const amount = (ref: CellRef | undefined) => {
    const p = ref ? parseAmount(grid.value(ref.row, ref.col)) : null;
    return !!p && p.kind === 'number' && !p.value.isZero();
  };
  const types = s.keys.map((k) => k.slice(k.indexOf('.') + 1));
  if (!types.some((t) => amount(parent.cells[t])) || subs.some((l) => Object.values(l.cells).some(amount))) return;
  for (const l of subs) {
    const type = l.key.slice(l.key.lastIndexOf('.') + 1);
    const ref = parent.cells[type];
    l.cells = ref ? { 小计: ref, [type]: ref } : {};
    l.meta = { ...l.meta, byColumn: true, printedRow: l.row };
    l.row = parent.row;
    l.labelCell = parent.labelCell;
  }
}

/** The first "项目" header cell under the title, if any. */
function findItemCell(grid: Grid, top: number, bottom: number, left: number, right: number): [number, number] | null {
  for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) if (grid.isMasterOrSingle(r, c) && normalizeLabel(grid.text(r, c)) === '项目') return [r, c];
  return null;
}

function lastNoteRow(grid: Grid, from: number, to: number): number {
  let last = from;
  for (let r = from + 1; r <= to; r++) if (!grid.isRowEmpty(r)) last = r;
  return last;
}

export const eq = (k: string) => (n: string) => n === k;
export const has = (...parts: string[]) => (n: string) => parts.every((p) => n.includes(p));
