import type { RangeRef } from '../grid/address';
import type { Grid, Workbook } from '../grid/grid';
import { normalizeLabel } from '../grid/text';
import { isNoteText, rowText } from './header';
import { TEMPLATES } from './registry';
import { cellName, isFailure, Region, TableTemplate } from './template';
import type { SemanticTable, TableType } from './types';

export interface Unrecognized {
  sheet: string;
  bestGuess: TableType | null;
  reason: string;
  range?: RangeRef;
}

export interface Recognition {
  tables: SemanticTable[];
  unrecognized: Unrecognized[];
}

interface Anchor {
  row: number;
  title: string;
  candidates: TableTemplate[];
  /** Found by header words, not by a title. */
  byHeader?: boolean;
}

const LABEL_ONLY = /^公开0?\d{1,2}表$/;
const MAX_TITLE = 80;

/** Templates whose title test accepts `title`, most specific first. */
export function templatesForTitle(title: string): TableTemplate[] {
  return TEMPLATES.map((t) => ({ t, s: t.matchTitle(title) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s)
    .map((x) => x.t);
}

function findAnchors(grid: Grid): Anchor[] {
  const anchors: Anchor[] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    for (const c of grid.usedCols(r)) {
      const raw = grid.value(r, c);
      // a title holds 表, which is its own and only NFKC form: other cells are passed over unfolded
      if (typeof raw !== 'string' || !raw.includes('表')) continue;
      const title = normalizeLabel(raw);
      if (title.length < 4 || title.length > MAX_TITLE || LABEL_ONLY.test(title) || isNoteText(title)) continue;
      if (!title.includes('表')) continue;
      const candidates = templatesForTitle(title);
      if (candidates.length === 0) continue;
      anchors.push({ row: r, title: raw.replace(/\s+/g, ' ').trim(), candidates });
      break;
    }
  }
  if (anchors.length > 0) return anchors;
  // No title anywhere: fall back to header words ("财政拨款收入 | 上级补助收入 | 事业收入" → GK02).
  for (let r = 0; r < grid.rowCount; r++) {
    const text = rowText(grid, fullRange(grid), r) + (r + 1 < grid.rowCount ? rowText(grid, fullRange(grid), r + 1) : '');
    const found = TEMPLATES.filter((t) => t.headerSignature.length > 0 && t.headerSignature.every((k) => text.includes(k)));
    if (found.length > 0 && !anchors.some((a) => r - a.row < 4)) {
      anchors.push({ row: r, title: '', candidates: found, byHeader: true });
    }
  }
  return anchors;
}

function fullRange(grid: Grid): RangeRef {
  return { top: 0, left: 0, bottom: Math.max(0, grid.rowCount - 1), right: Math.max(0, grid.colCount - 1) };
}

/** The used rectangle of rows [top, bottom]: min and max filled columns, merges included. */
function usedRange(grid: Grid, top: number, bottom: number): RangeRef | null {
  let left = Infinity;
  let right = -Infinity;
  let last = -1;
  for (let r = top; r <= bottom; r++) {
    const cols = grid.usedCols(r);
    if (cols.length === 0) continue;
    left = Math.min(left, cols[0]);
    right = Math.max(right, cols[cols.length - 1]);
    last = r;
  }
  for (const m of grid.merges) {
    if (m.top >= top && m.top <= bottom) {
      left = Math.min(left, m.left);
      right = Math.max(right, m.right);
      last = Math.max(last, Math.min(m.bottom, bottom));
    }
  }
  if (last < 0) return null;
  return { top, left, bottom: last, right };
}

export function recognizeSheet(grid: Grid): Recognition {
  const anchors = findAnchors(grid);
  const tables: SemanticTable[] = [];
  const unrecognized: Unrecognized[] = [];
  anchors.forEach((anchor, i) => {
    const next = anchors[i + 1];
    // A short "附件1-2" line right above the title belongs to this table.
    let top = anchor.byHeader ? Math.max(0, anchor.row - 1) : anchor.row;
    if (!anchor.byHeader && top > 0 && /^附件/.test(normalizeLabel(grid.text(top - 1, grid.usedCols(top - 1)[0] ?? 0)))) top--;
    const bottom = next ? next.row - 1 - (next.row > 0 && /^附件/.test(normalizeLabel(grid.text(next.row - 1, grid.usedCols(next.row - 1)[0] ?? 0))) ? 1 : 0) : grid.rowCount - 1;
    const range = usedRange(grid, top, Math.max(top, bottom));
    if (!range) return;
    const region: Region = { grid, range, titleRow: anchor.byHeader ? anchor.row - 1 : anchor.row, title: anchor.title };
    const failures: { template: TableTemplate; failure: string }[] = [];
    for (const template of anchor.candidates) {
      const result = template.layout(region);
      if (!isFailure(result)) {
        tables.push(result);
        // A standard title read only as OTHER: say why it is not the standard table.
        if (failures.length > 0 && result.type === 'OTHER') {
          unrecognized.push({ sheet: grid.name, bestGuess: failures[0].template.type, reason: `${layoutReason(anchor, failures)}；已按“其他表格”读出，不做${failures[0].template.name}的核对`, range });
        }
        return;
      }
      failures.push({ template, failure: result.failure });
    }
    unrecognized.push({ sheet: grid.name, bestGuess: anchor.candidates[0]?.type ?? null, reason: layoutReason(anchor, failures), range });
  });
  if (tables.length === 0 && unrecognized.length === 0) unrecognized.push(explainSheet(grid));
  return { tables, unrecognized };
}

/** `“2024年度收入决算表”最接近收入决算表（GK02），但 表头下第 7–33 行没有合计行…`; other templates tried follow. */
function layoutReason(anchor: Anchor, failures: { template: TableTemplate; failure: string }[]): string {
  const title = anchor.title ? `“${anchor.title}”` : `第 ${anchor.row + 1} 行起的表头`;
  const [first, ...rest] = failures.filter((f) => f.template.type !== 'OTHER').concat(failures.filter((f) => f.template.type === 'OTHER'));
  if (!first) return `${title}的版式不符合任何模板`;
  const more = rest.map((f) => `按${f.template.name}（${f.template.type}）读：${f.failure}`);
  return `${title}最接近${first.template.name}（${first.template.type}），但${first.failure}${more.length ? `。另${more.join('；')}` : ''}`;
}

/** Why a sheet holds no standard table, and which template it resembles most. */
function explainSheet(grid: Grid): Unrecognized {
  const range = fullRange(grid);
  let text = '';
  let filled = 0;
  let numbers = 0;
  for (let r = 0; r < grid.rowCount; r++) {
    text += rowText(grid, range, r);
    for (const c of grid.usedCols(r)) {
      filled++;
      if (typeof grid.value(r, c) === 'number') numbers++;
    }
  }
  if (filled === 0) return { sheet: grid.name, bestGuess: null, reason: '工作表是空的 (the sheet is empty)' };
  let best: TableTemplate | null = null;
  let bestHits = 0;
  for (const t of TEMPLATES) {
    const hits = t.headerSignature.filter((k) => text.includes(k)).length;
    if (hits > bestHits) {
      bestHits = hits;
      best = t;
    }
  }
  if (numbers === 0) {
    return { sheet: grid.name, bestGuess: best?.type ?? null, reason: '只有文字，没有表格数据，也没有标准表名 (text only: no table title and no numbers)' };
  }
  if (!best) return { sheet: grid.name, bestGuess: null, reason: '没有找到标准表名或标准表头 (no standard table title or header found)' };
  const found = best.headerSignature.filter((k) => text.includes(k)).map((k) => `${wordCell(grid, k) ?? ''}“${k}”`);
  const lacking = best.headerSignature.filter((k) => !text.includes(k)).map((k) => `“${k}”`);
  return {
    sheet: grid.name,
    bestGuess: best.type,
    reason:
      `没有找到标准表名；表头最接近${best.name}（${best.type}）：有 ${found.join('、')}${lacking.length ? `，但没有 ${lacking.join('、')}` : ''}` +
      ` (no standard title; header words only partly match ${best.type})`,
  };
}

/** The first cell whose (normalized) text contains `word`, as "E4 ". */
function wordCell(grid: Grid, word: string): string | null {
  for (let r = 0; r < grid.rowCount; r++) {
    for (const c of grid.usedCols(r)) if (normalizeLabel(grid.text(r, c)).includes(word)) return `${cellName(r, c)} `;
  }
  return null;
}

/**
 * The sheet of figures the tables do not hold (上年数, 年初预算, 政府采购 …) that `gongkai narrate
 * --inputs-template` writes and the narrative reads by its labels: not a table to recognize.
 */
export const INPUTS_SHEET_NAME = '上年数及其他';

export function recognizeWorkbook(workbook: Workbook): Recognition {
  const tables: SemanticTable[] = [];
  const unrecognized: Unrecognized[] = [];
  for (const sheet of workbook.sheets) {
    if (sheet.name === INPUTS_SHEET_NAME) continue;
    const r = recognizeSheet(sheet);
    tables.push(...r.tables);
    unrecognized.push(...r.unrecognized);
  }
  return { tables, unrecognized };
}
