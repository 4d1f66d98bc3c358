import type { CellRef } from '../grid/address';
import type { CellValue, Grid } from '../grid/grid';
import { parseAmount } from '../grid/parse-amount';
import { itemName, normalizeLabel } from '../grid/text';
import { isNoteText } from './header';
import { codePart } from './ledger';
import type { LayoutFailure, Region, TableTemplate } from './template';
import { cellName, cellWords, readHeadFacts, rowsName } from './template';
import { Column, Line, SemanticTable } from './types';

/**
 * 公开06表 一般公共预算财政拨款基本支出决算（明细）表 (GK06): side-by-side column groups of
 * 经济分类科目编码 | 科目名称 | 决算数 (人员经费: 301, 303; 公用经费: 302, 310, …), 3-digit block
 * rows that sum their 5-digit items, and the 人员经费合计 / 公用经费合计 line.
 */
export const gk06: TableTemplate = {
  type: 'GK06',
  name: '一般公共预算财政拨款基本支出决算明细表',
  matchTitle: (t) =>
    t.includes('基本支出决算明细表') || (t.includes('基本支出决算表') && t.includes('财政拨款')) ? 35 : 0,
  headerSignature: ['人员经费', '公用经费', '经济分类科目编码'],
  layout: layoutGk06,
};

interface Group {
  code: number;
  /** The 款 column when the code is split over 类 | 款 (301 | 01), else undefined. */
  kuan?: number;
  name: number;
  amount: number;
  label: string;
}

function layoutGk06(region: Region): SemanticTable | LayoutFailure {
  const { grid, range } = region;
  const facts = readHeadFacts(region);
  let headerRow = -1;
  let codeCols: number[] = [];
  for (let r = region.titleRow; r <= Math.min(range.bottom, region.titleRow + 8) && headerRow < 0; r++) {
    const cols: number[] = [];
    for (let c = range.left; c <= range.right; c++) {
      if (/科目编码|^编码$/.test(normalizeLabel(grid.text(r, c))) && grid.isMasterOrSingle(r, c)) cols.push(c);
    }
    if (cols.length >= 1) {
      headerRow = r;
      codeCols = cols;
    }
  }
  if (headerRow < 0) {
    return { failure: `表名下${rowsName(region.titleRow, Math.min(range.bottom, region.titleRow + 8))}没有“经济分类科目编码”表头 (no 经济分类 header)` };
  }
  // "类 | 款" under each 经济分类科目编码 header: the code is split over two columns (301 | 01).
  const sub = headerRow + 1;
  const split = codeCols.every((c) => normalizeLabel(grid.text(sub, c)) === '类' && normalizeLabel(grid.text(sub, c + 1)) === '款');
  const groups: Group[] = [];
  for (let i = 0; i < codeCols.length; i++) {
    const end = i + 1 < codeCols.length ? codeCols[i + 1] - 1 : range.right;
    let name = -1;
    let amount = -1;
    for (let c = codeCols[i] + (split ? 2 : 1); c <= end; c++) {
      const t = normalizeLabel(grid.text(headerRow, c));
      if (name < 0 && /名称/.test(t)) name = c;
      else if (amount < 0 && /决算|金额|数/.test(t)) amount = c;
    }
    if (name < 0 || amount < 0) {
      const lack = [name < 0 ? '“科目名称”' : '', amount < 0 ? '“决算数”' : ''].filter(Boolean).join('和');
      return { failure: `第 ${i + 1} 组（${cellWords(grid, headerRow, codeCols[i])}起，到 ${cellName(headerRow, end)}）没有${lack}栏 (column group ${i + 1} incomplete)` };
    }
    const above = headerRow > range.top ? groupLabel(grid, headerRow - 1, codeCols[i], range.left) : '';
    groups.push({ code: codeCols[i], kuan: split ? codeCols[i] + 1 : undefined, name, amount, label: /公用/.test(above) ? '公用经费' : /人员/.test(above) ? '人员经费' : above });
  }
  const columns: Column[] = [];
  groups.forEach((g, i) => {
    const n = i + 1;
    columns.push(
      { key: `组${n}.科目编码`, label: '经济分类科目编码', col: g.code, group: g.label },
      { key: `组${n}.科目名称`, label: '科目名称', col: g.name, group: g.label },
      { key: `组${n}.决算数`, label: '决算数', col: g.amount, group: g.label },
    );
  });
  const lines: Line[] = [];
  const notes: string[] = [];
  let bottom = headerRow;
  const blocks = new Map<Group, string>();
  for (let r = headerRow + (split ? 2 : 1); r <= range.bottom; r++) {
    let any = false;
    for (const g of groups) {
      if (!grid.isMasterOrSingle(r, g.code)) continue;
      const code = economicCode(grid.text(r, g.code), g.kuan === undefined ? '' : codePart(grid, r, g.kuan), blocks.get(g));
      if (!code) continue;
      if (code.length === 3) blocks.set(g, code);
      any = true;
      const cells: Record<string, CellRef> = { 决算数: { row: r, col: g.amount } };
      lines.push({
        key: `经济.${code}`,
        label: grid.text(r, g.name).replace(/\s+/g, ''),
        row: r,
        kind: code.length === 3 ? 'subtotal' : 'detail',
        group: code.startsWith('301') || code.startsWith('303') ? '人员经费' : '公用经费',
        code,
        level: code.length === 3 ? '类' : '款',
        cells,
        labelCell: { row: r, col: g.name },
      });
    }
    // 人员经费合计 / 公用经费合计: the amount is in a group amount column right of the label and left
    // of the next label — the one that holds a value, else the last (江岸 puts 公用经费合计 under
    // its third group, I34, with the label merged D34:H34 or, unmerged, alone in D34).
    const labels = totalLabels(grid, r, range.left, range.right);
    for (let c = range.left; c <= range.right; c++) {
      if (!grid.isMasterOrSingle(r, c)) continue;
      const raw = grid.text(r, c);
      const t = itemName(raw);
      if (t === '人员经费合计' || t === '公用经费合计' || t === '合计') {
        const end = grid.mergeAt(r, c)?.right ?? c;
        const next = labels.find((l) => l > end) ?? Infinity;
        const candidates = groups.map((g) => g.amount).filter((a) => a > end && a < next);
        const amountCol = candidates.find((a) => isFilled(grid.value(r, a))) ?? candidates[candidates.length - 1];
        if (amountCol === undefined) continue;
        any = true;
        lines.push({
          key: t === '合计' ? '合计' : t,
          label: raw,
          row: r,
          kind: 'total',
          cells: { 决算数: { row: r, col: amountCol } },
          labelCell: { row: r, col: c },
        });
      } else if (isNoteText(raw) && c === range.left) {
        notes.push(raw);
        any = true;
      }
    }
    if (any) bottom = r;
  }
  if (!lines.some((l) => l.kind === 'subtotal')) {
    const cols = groups.map((g) => cellName(headerRow, g.code).replace(/\d+$/, '')).join('、');
    return { failure: `表头下${rowsName(headerRow + 1, range.bottom)}的编码栏（${cols} 列）没有 301、302、303 等经济分类类级编码 (no 3-digit 经济分类 rows)` };
  }
  return new SemanticTable({
    type: 'GK06',
    sheet: grid.name,
    title: region.title,
    range: { ...range, bottom },
    year: facts.year,
    unit: facts.unit,
    department: facts.department,
    label: facts.label,
    variant: groups.length === 3 ? '三组' : groups.length === 2 ? '两组' : undefined,
    columns,
    lines,
    notes,
  });
}

/** The text over a group's code column: its own cell, or (unmerged) the nearest filled cell to its left. */
function groupLabel(grid: Grid, row: number, col: number, left: number): string {
  for (let c = col; c >= left; c--) {
    const t = normalizeLabel(grid.text(row, c));
    if (t) return t;
  }
  return '';
}

/** Columns of the row's 人员经费合计 / 公用经费合计 / 合计 labels. */
function totalLabels(grid: Grid, row: number, left: number, right: number): number[] {
  const out: number[] = [];
  for (let c = left; c <= right; c++) {
    if (grid.isMasterOrSingle(row, c) && /^(人员经费合计|公用经费合计|合计)$/.test(itemName(grid.text(row, c)))) out.push(c);
  }
  return out;
}

function isFilled(v: CellValue): boolean {
  const p = parseAmount(v);
  return p.kind === 'number' && !p.value.isZero();
}

/**
 * A 经济分类 code from its cells: "30101" in one cell, or split "301 | 01" (the 类 cell of an item
 * row may be blank: then the block above gives it). null for anything else.
 */
function economicCode(leiText: string, kuanText: string, block: string | undefined): string | null {
  const lei = normalizeLabel(leiText);
  const kuan = normalizeLabel(kuanText);
  if (!kuan) return /^\d{3}(\d{2})?$/.test(lei) ? lei : null;
  if (!/^\d{2}$/.test(kuan)) return null;
  if (/^\d{3}$/.test(lei)) return lei + kuan;
  if (/^\d{5}$/.test(lei) && lei.endsWith(kuan)) return lei;
  if (!lei && block) return block + kuan;
  return null;
}
