import type { CellRef } from '../grid/address';
import { findYear, itemName, normalizeLabel } from '../grid/text';
import { cellFor, findCell, mapHeader, ownText, rawText, tailOf, textLine, yearNear } from './perf-common';
import type { LayoutFailure, Region, TableTemplate } from './template';
import { Column, Line, LineKind, SemanticTable } from './types';

/**
 * 部门整体支出绩效评价基础数据表 (PERF_BASE, 湖南): four blocks under one another.
 * 1. 财政供养人员情况（人）: 编制数 | {YYYY}年实际在职人数 | 控制率, values on the row below.
 * 2. 经费控制情况（万元）: {上年}年决算数 | {YYYY}年预算数 | {YYYY}年决算数, one row per item: 三公经费 and
 *    its parts, then 专项资金 + one row per 专项 (怀化) or 项目支出 / 业务工作经费 / 运行维护经费 /
 *    县级专项资金 + itemized 专项 (汨罗), then 公用经费 and its parts, 政府采购金额, 部门基本支出预算调整.
 * 3. 楼堂馆所控制情况: six headers, values on the row below (blank in 汨罗).
 * 4. 厉行节约保障措施 | {text}.
 */
export const perfBase: TableTemplate = {
  type: 'PERF_BASE',
  name: '部门整体支出绩效评价基础数据表',
  matchTitle: (t) => (t.includes('基础数据表') && /绩效|部门整体/.test(t) ? 50 : 0),
  headerSignature: ['财政供养人员情况', '编制数', '实际在职人数'],
  layout: layoutPerfBase,
};

const STAFF: readonly (readonly [string, RegExp])[] = [
  ['编制数', /^编制数/],
  ['实际在职人数', /实际在职人数/],
  ['控制率', /^控制率/],
];

const BUILDINGS: readonly (readonly [string, RegExp])[] = [
  ['批复规模', /^批复规模/],
  ['实际规模', /^实际规模/],
  ['规模控制率', /规模控/],
  ['预算投资', /^预算投资/],
  ['实际投资', /^实际投资/],
  ['投资概算控制率', /^投资概算/],
];

/** Block-2 item names (after ordinals, "其中：", 、 and a trailing "（一个专项一行）" are removed). */
const KNOWN_ITEMS = new Set([
  '三公经费',
  '公务用车购置和维护经费',
  '公车购置',
  '公车运行维护',
  '出国经费',
  '公务接待',
  '专项资金',
  '项目支出',
  '业务工作经费',
  '运行维护经费',
  '县级专项资金',
  '公用经费',
  '办公经费',
  '水费电费差旅费',
  '会议费培训费',
  '政府采购金额',
  '部门基本支出预算调整',
]);
/** Items that sum rows under them (A23, A24). */
const SUBTOTALS = new Set(['三公经费', '公务用车购置和维护经费', '专项资金', '项目支出', '县级专项资金', '公用经费']);
/** The rows after these are one 专项 each, until the next known item. */
const SPECIAL_HEADS = new Set(['专项资金', '县级专项资金']);

function itemKey(label: string): string {
  return itemName(label)
    .replace(/[(（][^()（）]*[)）]$/, '')
    .replace(/[:：]$/, '')
    .replace(/、/g, '');
}

function layoutPerfBase(region: Region): SemanticTable | LayoutFailure {
  const { grid, range } = region;
  const lines: Line[] = [];
  const columns: Column[] = [];

  // Block 1: 财政供养人员情况.
  const staffAt = findCell(grid, range, (t) => /^编制数/.test(t));
  if (!staffAt) return { failure: '未找到“编制数”表头 (no 编制数 header)' };
  const staffCols = mapHeader(grid, range, staffAt.row, STAFF);
  let year: number | null = null;
  for (const [key, col] of staffCols) {
    columns.push({ key, label: rawText(grid, staffAt.row, col).replace(/\s+/g, ''), col, group: '财政供养人员情况' });
    const cell = cellFor(grid, staffAt.row + 1, col);
    if (cell) lines.push({ key, label: key, row: staffAt.row + 1, kind: 'detail', group: '财政供养人员情况', cells: { 值: cell.ref }, labelCell: { row: staffAt.row, col } });
    year ??= findYear(rawText(grid, staffAt.row, col));
  }

  // Block 2: 经费控制情况, up to the 楼堂馆所 row.
  const moneyAt = findCell(grid, range, (t) => /^经费控制情况/.test(t), staffAt.row + 1);
  if (!moneyAt) return { failure: '未找到“经费控制情况”表头 (no 经费控制情况 header)' };
  const buildingsAt = findCell(grid, range, (t) => /^楼堂馆所/.test(t), moneyAt.row + 1);
  const moneyCols = moneyColumns(region, moneyAt.row);
  if (!moneyCols.some((c) => c.key === '决算数')) return { failure: '经费控制情况缺少决算数列 (no 决算数 column)' };
  columns.push(...moneyCols);
  const moneyEnd = buildingsAt ? buildingsAt.row - 1 : range.bottom;
  let special: string | null = null;
  let variant: string | undefined;
  for (let r = moneyAt.row + 1; r <= moneyEnd; r++) {
    const label = ownText(grid, r, moneyAt.col);
    if (!label) continue;
    const name = itemKey(label);
    let key = name;
    let kind: LineKind = SUBTOTALS.has(name) ? 'subtotal' : 'detail';
    if (KNOWN_ITEMS.has(name)) {
      special = SPECIAL_HEADS.has(name) ? name : null;
      if (name === '专项资金') variant = 'huaihua';
      if (name === '县级专项资金') variant = 'miluo';
    } else if (special) {
      key = `专项.${name}`;
      kind = 'detail';
    }
    const cells: Record<string, CellRef> = {};
    for (const c of moneyCols) {
      const cell = cellFor(grid, r, c.col);
      if (cell) cells[c.key] = cell.ref;
    }
    lines.push({ key, label: rawText(grid, r, moneyAt.col).trim(), row: r, kind, group: special && key !== special ? special : '经费控制情况', cells, labelCell: { row: r, col: moneyAt.col } });
  }

  // Block 3: 楼堂馆所, values on the row under the header even when blank (汨罗).
  let last = moneyEnd;
  if (buildingsAt) {
    const cols = mapHeader(grid, range, buildingsAt.row, BUILDINGS);
    const cells: Record<string, CellRef> = {};
    for (const [key, col] of cols) {
      columns.push({ key, label: rawText(grid, buildingsAt.row, col).replace(/\s+/g, ''), col, group: '楼堂馆所' });
      cells[key] = cellFor(grid, buildingsAt.row + 1, col)?.ref ?? { row: buildingsAt.row + 1, col };
    }
    lines.push({ key: '楼堂馆所', label: rawText(grid, buildingsAt.row, buildingsAt.col), row: buildingsAt.row + 1, kind: 'detail', group: '楼堂馆所', cells, labelCell: buildingsAt });
    last = buildingsAt.row + 1;
  }

  // Block 4: 厉行节约保障措施 | {text}.
  const savingAt = findCell(grid, range, (t) => /^厉行节约/.test(t), last);
  if (savingAt) {
    lines.push(textLine(grid, '厉行节约保障措施', savingAt));
    last = savingAt.row;
  }
  const tail = tailOf(grid, range, last);

  return new SemanticTable({
    type: 'PERF_BASE',
    sheet: grid.name,
    title: region.title,
    range: { ...range, bottom: tail.bottom },
    year: yearNear(region) ?? year,
    unit: '万元',
    department: null,
    label: null,
    variant,
    columns,
    lines,
    notes: tail.notes,
  });
}

/**
 * "2022年决算数 | 2024年预算数 | 2024年决算数": the 决算 column left of the 预算 column is the prior
 * year's (怀化 2024 labels it 2022, so position decides, not the year). The label keeps the text.
 */
function moneyColumns(region: Region, row: number): Column[] {
  const { grid, range } = region;
  const out: Column[] = [];
  let budgetSeen = false;
  for (let c = range.left; c <= range.right; c++) {
    const t = ownText(grid, row, c);
    if (!t) continue;
    const label = normalizeLabel(t);
    let key: string | null = null;
    if (/预算/.test(t)) {
      key = '预算数';
      budgetSeen = true;
    } else if (/决算/.test(t)) key = budgetSeen ? '决算数' : '上年决算数';
    if (key && !out.some((o) => o.key === key)) out.push({ key, label, col: c, group: '经费控制情况' });
  }
  return out;
}
