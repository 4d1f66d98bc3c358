import type { CellRef, RangeRef } from '../grid/address';
import type { CellValue, Grid } from '../grid/grid';
import { findYear, itemName, normalizeLabel } from '../grid/text';
import { isNoteText } from './header';
import type { Region } from './template';
import type { Column, Line } from './types';

/**
 * Shared reading of the 绩效 tables (PERF_DEPT, PERF_PROJECT, PERF_BASE): label cells and their
 * value cells, "(N分)" weights, the indicator block (一级 | 二级 | 三级 | 目标值 | 实际值 | 分值 | 得分)
 * with its merged labels and merged scores, the 总分 row and the notes under the table.
 */

type Meta = Record<string, string | number | boolean | null>;

/** Normalized text of a cell read through merges ('' when empty). */
export function textAt(grid: Grid, row: number, col: number): string {
  const t = grid.text(row, col);
  return t ? normalizeLabel(t) : '';
}

/** Normalized text of the cell's own value: '' for the covered cells of a merge. */
export function ownText(grid: Grid, row: number, col: number): string {
  if (!grid.isMasterOrSingle(row, col)) return '';
  return textAt(grid, row, col);
}

/** Raw text of a cell through merges, trimmed, line breaks kept. */
export function rawText(grid: Grid, row: number, col: number): string {
  return grid.text(row, col);
}

/** The cell itself, or the master of the merge covering it. */
export function masterRef(grid: Grid, row: number, col: number): CellRef {
  const m = grid.mergeAt(row, col);
  return m ? { row: m.top, col: m.left } : { row, col };
}

/** The value cell right of a label ("单位名称 | {名称}"): the cell after the label's merge, as a master. */
export function rightOf(grid: Grid, row: number, col: number): CellRef {
  const m = grid.mergeAt(row, col);
  return masterRef(grid, row, (m ? m.right : col) + 1);
}

/**
 * The cell of column `col` on `row` for a line: a merge that starts in this column (a score merged
 * down several rows, a 得分 merged over F:G) gives its master; a merge that started in another
 * column (D16:I16 "不适用" over the value columns) means the column has no cell on this row.
 */
export function cellFor(grid: Grid, row: number, col: number): { ref: CellRef; rows: number } | null {
  const m = grid.mergeAt(row, col);
  if (!m) return { ref: { row, col }, rows: 1 };
  if (m.left !== col) return null;
  return { ref: { row: m.top, col: m.left }, rows: m.bottom - m.top + 1 };
}

const WEIGHT = /[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]/;

/** The N of "(N分)" / "（N分）" in a label such as "产出指标（40分）" or "年度目标1（20分）". */
export function weightOf(text: string): number | null {
  const m = WEIGHT.exec(text.normalize('NFKC').replace(/\s+/g, ''));
  return m ? Number(m[1]) : null;
}

/** The label without its "(N分)" weight: "产出指标(40分)" → "产出指标". */
export function stripWeight(text: string): string {
  return normalizeLabel(text).replace(new RegExp(WEIGHT.source, 'g'), '');
}

/** First master cell in rows [from, to] whose normalized text passes `test`. */
export function findCell(
  grid: Grid,
  range: RangeRef,
  test: (text: string) => boolean,
  from = range.top,
  to = range.bottom,
): CellRef | null {
  for (let r = from; r <= Math.min(to, range.bottom); r++) {
    for (let c = range.left; c <= range.right; c++) {
      const t = ownText(grid, r, c);
      if (t && test(t)) return { row: r, col: c };
    }
  }
  return null;
}

/** Column of each header key on `row`: the first master cell whose text passes the key's test. */
export function mapHeader(grid: Grid, range: RangeRef, row: number, specs: readonly (readonly [string, RegExp])[]): Map<string, number> {
  const found = new Map<string, number>();
  for (let c = range.left; c <= range.right; c++) {
    const t = ownText(grid, row, c);
    if (!t) continue;
    const spec = specs.find(([key, re]) => !found.has(key) && re.test(t));
    if (spec) found.set(spec[0], c);
  }
  return found;
}

/**
 * The target of an indicator as one text: the 目标值 cell, or for the 四川 form its 指标性质, 指标值
 * and 度量单位 cells together ("=" "100" "%" → "=100%").
 */
export function indicatorTarget(grid: Grid, line: Line): { value: CellValue; numFmt?: string } | null {
  const ref = line.cells['目标值'];
  if (!ref) return null;
  const cell = grid.cell(ref.row, ref.col);
  const op = line.cells['指标性质'];
  const unit = line.cells['度量单位'];
  if (!op && !unit) return cell ? { value: cell.value, numFmt: cell.numFmt } : null;
  const part = (r: CellRef | undefined) => (r ? rawText(grid, r.row, r.col) : '');
  const value = cell?.value;
  const text = `${part(op)}${value === null || value === undefined ? '' : String(value)}${part(unit)}`;
  return { value: text === '' ? null : text };
}

export function columnsOf(grid: Grid, row: number, cols: Map<string, number>, group: string): Column[] {
  return [...cols.entries()].map(([key, col]) => ({ key, label: rawText(grid, row, col).replace(/\s+/g, ''), col, group }));
}

/** Year of the table: "2024年度" in the title or the lines just around it ("（2022年度）"). */
export function yearNear(region: Region): number | null {
  const fromTitle = findYear(region.title);
  if (fromTitle) return fromTitle;
  const { grid, range } = region;
  for (let r = Math.max(range.top, region.titleRow - 1); r <= Math.min(range.bottom, region.titleRow + 2); r++) {
    for (let c = range.left; c <= range.right; c++) {
      const m = /(19\d\d|20\d\d)年度/.exec(ownText(grid, r, c));
      if (m) return Number(m[1]);
    }
  }
  return null;
}

/** An info line: a label and the text cell right of it ("单位名称 | 江岸区…"). */
export function textLine(grid: Grid, key: string, label: CellRef, cellKey = '文本'): Line {
  const value = rightOf(grid, label.row, label.col);
  return {
    key,
    label: textAt(grid, label.row, label.col),
    row: label.row,
    kind: 'info',
    cells: { [cellKey]: value },
    labelCell: label,
    meta: { text: rawText(grid, value.row, value.col) },
  };
}

/** Header words of the indicator block. 湖北 project says 具体指标名称 for 三级指标. */
export const INDICATOR_HEADER: readonly (readonly [string, RegExp])[] = [
  ['一级指标', /^一级指标/],
  ['二级指标', /^二级指标/],
  ['三级指标', /^(三级指标|具体指标)/],
  // 四川: the target is written in three cells, 指标性质 (≥ = ≤ …) | 指标值 | 度量单位
  ['指标性质', /^指标性质/],
  ['目标值', /目标值|指标值/],
  ['度量单位', /^(度量|计量)单位/],
  ['实际值', /实际完成值|实际值|^完成值/],
  ['分值', /^(分值|权重)/],
  ['得分', /^得分/],
  ['偏差原因', /^(偏差原因|未完成原因)/],
];

export interface IndicatorBlock {
  headerRow: number;
  cols: Map<string, number>;
  lines: Line[];
  /** Last row read. */
  end: number;
}

/** Rows whose own cells hold "一级指标" and "二级指标": the header rows of indicator blocks. */
export function indicatorHeaderRows(grid: Grid, range: RangeRef): number[] {
  const rows: number[] = [];
  for (let r = range.top; r <= range.bottom; r++) {
    const cols = mapHeader(grid, range, r, INDICATOR_HEADER);
    if (cols.has('一级指标') && cols.has('二级指标') && cols.has('三级指标') && cols.has('得分')) rows.push(r);
  }
  return rows;
}

const NOT_APPLICABLE = new Set(['不适用', '无']);

/**
 * Reads the indicator rows under `headerRow` as lines 指标.{first}, 指标.{first+1}, …
 * The block ends where the leftmost column starts a new label ("总分", "年度目标2") outside the
 * merged "绩效指标" cell that holds the header. Rows with no cell of their own (the blank filler
 * rows under merged 二级 labels in 汨罗 3-8…3-11) are skipped.
 */
export function readIndicatorBlock(grid: Grid, range: RangeRef, headerRow: number, first: number, extra: Meta = {}): IndicatorBlock {
  const cols = mapHeader(grid, range, headerRow, INDICATOR_HEADER);
  const c1 = cols.get('一级指标')!;
  const c2 = cols.get('二级指标')!;
  const c3 = cols.get('三级指标')!;
  const valueKeys = ['目标值', '实际值', '分值', '得分'].filter((k) => cols.has(k));
  const leftMerge = grid.mergeAt(headerRow, range.left);
  const lines: Line[] = [];
  let end = headerRow;
  for (let r = headerRow + 1; r <= range.bottom; r++) {
    const inLeftMerge = !!leftMerge && r >= leftMerge.top && r <= leftMerge.bottom;
    if (range.left < c1 && !inLeftMerge && textAt(grid, r, range.left)) break;
    if (/^总分/.test(textAt(grid, r, c1))) break;
    end = r;
    const ownCols = [c1, c2, c3, ...valueKeys.map((k) => cols.get(k)!)];
    if (!ownCols.some((c) => ownText(grid, r, c))) continue;

    const cells: Record<string, CellRef> = {};
    let scoreShared = false;
    let weightShared = false;
    for (const [key, col] of cols) {
      const cell = cellFor(grid, r, col);
      if (!cell) continue;
      cells[key] = cell.ref;
      if (key === '得分' && cell.rows > 1) scoreShared = true;
      if (key === '分值' && cell.rows > 1) weightShared = true;
    }
    const level1Raw = textAt(grid, r, c1);
    const level2 = textAt(grid, r, c2);
    // The 三级 text as written (whitespace collapsed); its normalized form decides 不适用/无.
    const name = cells['三级指标'] ? rawText(grid, r, c3).replace(/\s+/g, ' ') : '';
    // A score merged over several rows belongs to the group, not to the row holding its master.
    const hasValues = valueKeys.some((k) => {
      const col = cols.get(k)!;
      const shared = (grid.mergeAt(r, col)?.bottom ?? r) > r;
      return ownText(grid, r, col) !== '' && !shared;
    });
    const meta: Meta = {
      ...extra,
      level1: stripWeight(level1Raw),
      level2,
      name,
      weight1: weightOf(level1Raw),
      scoreShared,
    };
    if (weightShared) meta.weightShared = true;
    if (NOT_APPLICABLE.has(normalizeLabel(name))) meta.notApplicable = true;
    // Only a 二级 label ("经济效益指标" with no 三级): still a line, it shares the 一级's merged score.
    if (!name && !hasValues) meta.empty = true;
    lines.push({
      key: `指标.${first + lines.length}`,
      label: name || level2 || stripWeight(level1Raw),
      row: r,
      kind: 'detail',
      cells,
      labelCell: cells['三级指标'] ?? { row: r, col: c3 },
      meta,
    });
  }
  return { headerRow, cols, lines, end };
}

/** The 总分 row after `from`: 分值 (湖南) and 得分 in the indicator columns. */
export function totalLine(grid: Grid, range: RangeRef, from: number, cols: Map<string, number>): Line | null {
  for (let r = from; r <= range.bottom; r++) {
    let labelCol = -1;
    for (let c = range.left; c <= range.right; c++) {
      if (/^(总分|合计)$|^总分/.test(ownText(grid, r, c))) {
        labelCol = c;
        break;
      }
    }
    if (labelCol < 0) continue;
    const cells: Record<string, CellRef> = {};
    for (const key of ['分值', '得分']) {
      const col = cols.get(key);
      if (col === undefined) continue;
      const cell = cellFor(grid, r, col);
      if (cell) cells[key] = cell.ref;
    }
    return { key: '总分', label: '总分', row: r, kind: 'total', cells, labelCell: { row: r, col: labelCol } };
  }
  return null;
}

/**
 * The table ends at the last filled row after `from` that is no more than two blank rows from the
 * one before it: 偏差/改进 rows, 备注 and 填表人 lines stay in, free text further down does not.
 * Texts of those trailing rows that read as notes are returned too.
 */
export function tailOf(grid: Grid, range: RangeRef, from: number): { bottom: number; notes: string[] } {
  let bottom = from;
  const notes: string[] = [];
  for (let r = from + 1; r <= range.bottom && r - bottom <= 3; r++) {
    const cols = grid.usedCols(r).filter((c) => c >= range.left && c <= range.right);
    if (cols.length === 0) continue;
    bottom = r;
    const first = grid.text(r, cols[0]);
    if (isNoteText(first) || /^\d+[.、．]/.test(first.trim()) || /^(部门|单位).*(盖章)/.test(normalizeLabel(first))) notes.push(first);
  }
  return { bottom, notes };
}

export interface EmbeddedAmount {
  name: string;
  amountText: string;
}

/**
 * "其中：  一般公共预算：1644.62", "政府性基金拨款：5", "纳入专户管理的非税收入拨款：" → the item name and
 * the number text after the colon ('' when nothing follows).
 */
export function parseEmbedded(text: string): EmbeddedAmount | null {
  const folded = text.normalize('NFKC').trim().replace(/^其中\s*[:：]\s*/, '');
  const m = /^([^:：]+?)\s*[:：]\s*(.*)$/s.exec(folded);
  if (!m) return null;
  const name = itemName(m[1]);
  if (!name) return null;
  return { name, amountText: m[2].trim() };
}

/** 湖北 预算执行 header: 预算数（A）| 执行数（B）| 执行率（B/A）| 得分（20分*执行率）. */
export const HUBEI_MONEY: readonly (readonly [string, RegExp])[] = [
  ['预算数', /^预算数/],
  ['执行数', /^执行数/],
  ['执行率', /^执行率/],
  ['得分', /^得分/],
];

/**
 * 湖南 (and the national 财预〔2020〕10号 form) 年度预算申请 / 项目资金 header; the 四川 form's words for
 * the same columns: 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分.
 */
export const HUNAN_MONEY: readonly (readonly [string, RegExp])[] = [
  ['年初预算数', /^年初预算/],
  ['全年预算数', /^(全年预算数|调整后预算数)/],
  ['全年执行数', /^(全年执行数|预算执行数)/],
  ['分值', /^(分值|权重)/],
  ['执行率', /^(预算)?执行率/],
  ['得分', /^得分/],
];

/** The 湖北 预算执行 line of the row under `headerRow`. */
export function hubeiMoneyLine(grid: Grid, region: Region, headerRow: number, cols: Map<string, number>, key: string): Line {
  const { range } = region;
  const row = headerRow + 1;
  const cells: Record<string, CellRef> = {};
  for (const [k, col] of cols) {
    const cell = cellFor(grid, row, col);
    if (cell) cells[k] = cell.ref;
  }
  const firstValue = Math.min(...cols.values());
  let label = '';
  let labelCell: CellRef | undefined;
  let weight: number | null = null;
  for (let c = range.left; c < firstValue; c++) {
    const own = ownText(grid, row, c);
    if (own) {
      label = own;
      labelCell = { row, col: c };
    }
    weight ??= weightOf(textAt(grid, headerRow, c));
  }
  // Fallback: "得分（20分*执行率）".
  const scoreCol = cols.get('得分');
  if (weight === null && scoreCol !== undefined) {
    const m = /(\d+)分\*/.exec(textAt(grid, headerRow, scoreCol));
    if (m) weight = Number(m[1]);
  }
  return { key, label, row, kind: 'detail', cells, labelCell, meta: { weight } };
}

/** 湖南 "年度总体目标 | 预期目标 | 实际完成情况" and the text row under it. */
export function goalLine(grid: Grid, region: Region, row: number): Line | null {
  const { range } = region;
  const cells: Record<string, CellRef> = {};
  const meta: Record<string, string> = {};
  for (let c = range.left; c <= range.right; c++) {
    const t = ownText(grid, row, c);
    if (t === '预期目标' || t === '实际完成情况') {
      cells[t] = { row: row + 1, col: c };
      meta[t] = rawText(grid, row + 1, c);
    }
  }
  if (Object.keys(cells).length === 0) return null;
  return { key: '年度总体目标', label: '年度总体目标', row, kind: 'info', cells, meta };
}

/** 湖北 偏差大或目标未完成原因分析 / 改进措施及结果应用方案 rows under 总分. */
export function hubeiTailLines(grid: Grid, region: Region, from: number): Line[] {
  const { range } = region;
  const out: Line[] = [];
  for (let r = from + 1; r <= Math.min(range.bottom, from + 3); r++) {
    const t = ownText(grid, r, range.left);
    if (/^偏差/.test(t)) out.push(textLine(grid, '偏差原因分析', { row: r, col: range.left }));
    else if (/^改进措施/.test(t)) out.push(textLine(grid, '改进措施', { row: r, col: range.left }));
  }
  return out;
}

/** No year near the title (怀化): the 时效 target "2024年12月之前" names the year. */
export function yearFromIndicators(grid: Grid, indicators: Line[]): number | null {
  for (const l of indicators) {
    if (!/时效/.test(String(l.meta?.level2 ?? ''))) continue;
    const target = l.cells['目标值'];
    const year = target ? findYear(rawText(grid, target.row, target.col)) : null;
    if (year) return year;
  }
  return null;
}
