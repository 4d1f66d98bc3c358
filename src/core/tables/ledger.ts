import type { CellRef } from '../grid/address';
import type { CellValue, Grid } from '../grid/grid';
import { itemName, normalizeLabel } from '../grid/text';
import { HeaderBlock, headerText, isNoteText, readHeader } from './header';
import type { LayoutFailure, Region, TableTemplate } from './template';
import { cellName, cellWords, readHeadFacts, rowsName } from './template';
import { CodeLevel, Column, Line, SemanticTable, TableType } from './types';

/**
 * The shared layout of the 科目 tables (GK02, GK03, GK05, GK07, GK08): a 科目编码 column (or 类|款|项
 * columns), a 科目名称 column, amount columns known by their header words, a 合计 row (top or bottom),
 * 项 rows and, in the national template, 类/款 subtotal rows.
 */
export interface AmountColumnSpec {
  key: string;
  /** Tested against the column's joined header words. */
  test: (header: string) => boolean;
}

export interface LedgerSpec {
  type: TableType;
  name: string;
  /** Column specs, or a choice of them made from all header words of the table. */
  columns: readonly AmountColumnSpec[] | ((allHeaders: string) => readonly AmountColumnSpec[]);
  /** Columns that must be found for the layout to count as this table. */
  required: readonly string[];
}

interface CodeColumns {
  /** One column holding the whole code, or three columns 类|款|项. */
  code: number[];
  name: number;
}

const CODE_HEADER = /编码|科目代码|^类款项$/;
const NAME_HEADER = /科目名称|^项目$|^科目$/;

function findCodeColumns(grid: Grid, h: HeaderBlock, left: number, right: number): CodeColumns | null {
  let name = -1;
  const code: number[] = [];
  for (let c = left; c <= right; c++) {
    if (grid.isHiddenCol(c)) continue;
    const words = h.texts.get(c) ?? [];
    const last = words[words.length - 1] ?? '';
    if (words.some((w) => w === '类') && code.length === 0) {
      // split code: 类 | 款 | 项 in three adjacent columns
      const k = (h.texts.get(c + 1) ?? []).includes('款');
      const x = (h.texts.get(c + 2) ?? []).includes('项');
      if (k && x) {
        code.push(c, c + 1, c + 2);
        c += 2;
        continue;
      }
    }
    if (code.length === 0 && words.some((w) => CODE_HEADER.test(w))) {
      code.push(c);
      continue;
    }
    if (name < 0 && (words.some((w) => /科目名称/.test(w)) || (code.length > 0 && NAME_HEADER.test(last)))) {
      name = c;
      continue;
    }
  }
  if (code.length === 0 || name < 0) return null;
  return { code, name };
}

/** Printed ASCII without spaces: its own NFKC form, nothing to fold (a 科目编码 as most cells hold it). */
const PLAIN_ASCII = /^[!-~]*$/;

/** Rebuilds a 科目编码 from its cells: "2210201", "221|02|01", "20103|302" (款 + 项 tail). */
export function rebuildCode(parts: string[], previous: { lei: string; kuan: string }): { code: string; rest: string } | null {
  const clean = parts.map((p) => (PLAIN_ASCII.test(p) ? p : p.normalize('NFKC').replace(/\s+/g, '')));
  if (clean.length === 1) {
    const m = /^(\d{3}(?:\d{2}){0,2})(\D.*)?$/.exec(clean[0]);
    if (m) return { code: m[1], rest: m[2] ?? '' };
    const split = /^(\d{5})(\d{3})$/.exec(clean[0]);
    if (split) return { code: split[1] + split[2].slice(-2), rest: '' };
    return null;
  }
  const [lei, kuan, xiang] = clean;
  if (!lei && !kuan && !xiang) return null;
  if (![lei, kuan, xiang].every((p) => p === '' || /^\d+$/.test(p))) return null;
  // The whole code in the 类 cell ("2080501 |  | "), or repeated there with 款/项 agreeing with it.
  if (/^\d{3}(\d{2}){1,2}$/.test(lei) && (!kuan || kuan === lei.slice(3, 5)) && (!xiang || (lei.length === 7 && xiang === lei.slice(5)))) {
    return { code: lei, rest: '' };
  }
  // The 类/款 cells of child rows may be blank ("inherit from the row above").
  const L = lei || previous.lei;
  if (lei.length === 5 && xiang.length >= 2 && !kuan) return { code: lei + xiang.slice(-2), rest: '' };
  if (!kuan && !xiang) return lei.length === 3 ? { code: lei, rest: '' } : null;
  const K = kuan ? (kuan.length === 2 ? L + kuan : kuan) : previous.kuan.slice(3);
  const kuanCode = K.length === 5 ? K : L + K;
  if (!xiang) return kuanCode.length === 5 ? { code: kuanCode, rest: '' } : null;
  const code = xiang.length === 2 ? kuanCode + xiang : xiang;
  return code.length === 7 ? { code, rest: '' } : null;
}

function levelOf(code: string): CodeLevel | undefined {
  return code.length === 3 ? '类' : code.length === 5 ? '款' : code.length === 7 ? '项' : undefined;
}

function isTotalLabel(text: string): boolean {
  // 计 is its own and only NFKC form: a text without it is no total, and most rows end here
  if (!text.includes('计')) return false;
  const n = itemName(text);
  return n === '合计' || n === '总计' || n === '本年合计';
}

export function layoutLedger(spec: LedgerSpec, region: Region): SemanticTable | LayoutFailure {
  const { grid, range } = region;
  const facts = readHeadFacts(region);
  // The header starts at the first row under the title whose text names a code column.
  let headerStart = -1;
  for (let r = region.titleRow; r <= Math.min(range.bottom, region.titleRow + 8); r++) {
    for (let c = range.left; c <= range.right; c++) {
      const t = normalizeLabel(grid.text(r, c));
      if (CODE_HEADER.test(t) || t === '项目' || t === '类' || /科目名称/.test(t)) {
        headerStart = r;
        break;
      }
    }
    if (headerStart >= 0) break;
  }
  if (headerStart < 0) {
    return { failure: `表名下${rowsName(region.titleRow, Math.min(range.bottom, region.titleRow + 8))}没有“科目编码”“科目名称”或“类 | 款 | 项”表头 (no 科目 header found)` };
  }
  const isData = (r: number) => {
    const first = firstText(grid, r, range.left, range.right);
    return !!first && (/^\d{3,7}/.test(normalizeLabel(first.text)) || isTotalLabel(first.text));
  };
  let h = readHeader(grid, range, headerStart, isData);
  const codeCols = findCodeColumns(grid, h, range.left, range.right);
  if (!codeCols) return { failure: `${missingCodeColumns(grid, h, range)} (no code/name columns in the header)` };
  // The national template prints the 合计 row on the header row of the 类 | 款 | 项 labels.
  const headerTotal = totalRowInHeader(grid, h, codeCols);
  if (headerTotal !== null) h = readHeader(grid, range, headerStart, isData, 8, { exclude: (r, c) => r === headerTotal && !codeCols.code.includes(c) });

  // Amount columns: right of the name column, visible, each spec used once, left to right.
  const columns: Column[] = [];
  const used = new Set<string>();
  const specs =
    typeof spec.columns === 'function'
      ? spec.columns([...h.texts.values()].map((t) => t.join('/')).join('|'))
      : spec.columns;
  for (let c = codeCols.name + 1; c <= range.right; c++) {
    if (grid.isHiddenCol(c)) continue;
    const text = headerText(h, c);
    if (!text) continue;
    const spec = spec_match(specs, text, used);
    if (!spec) continue;
    used.add(spec.key);
    columns.push({ key: spec.key, label: (h.texts.get(c) ?? []).join('/'), col: c, lanci: h.lanci.get(c) });
  }
  const missing = spec.required.filter((k) => !used.has(k));
  if (missing.length) {
    const odd = unmatchedHeaders(grid, h, codeCols.name + 1, range.right, columns).slice(0, 3);
    const why = odd.length ? `；${odd.map(([r, c]) => cellWords(grid, r, c)).join('、')}不是${spec.name}的标准栏目` : '';
    return { failure: `表头（${rowsName(h.firstRow, h.lastRow)}）中没有“${missing.join('”“')}”栏${why} (missing columns: ${missing.join(', ')})` };
  }

  const lines: Line[] = [];
  const notes: string[] = [];
  const previous = { lei: '', kuan: '' };
  let bottom = h.lastRow;
  const cellsOf = (r: number) => {
    const cells: Record<string, CellRef> = {};
    for (const col of columns) cells[col.key] = { row: r, col: col.col };
    return cells;
  };
  if (headerTotal !== null) {
    lines.push({ key: '合计', label: '合计', row: headerTotal, kind: 'total', cells: cellsOf(headerTotal), labelCell: { row: headerTotal, col: codeCols.name }, meta: { inHeader: true } });
  }
  for (let r = h.lastRow + 1; r <= range.bottom; r++) {
    if (grid.isHiddenRow(r) && grid.isRowEmpty(r)) continue;
    const first = firstText(grid, r, range.left, range.right);
    if (!first) continue;
    if (isNoteText(first.text)) {
      notes.push(first.text);
      bottom = Math.max(bottom, r);
      continue;
    }
    const cells = cellsOf(r);
    const codeTexts = codeCols.code.map((c, i) => (!grid.isMasterOrSingle(r, c) ? '' : i > 0 ? codePart(grid, r, c) : grid.text(r, c)));
    const nameText = grid.text(r, codeCols.name);
    const joined = codeTexts.join('') + nameText;
    if (isTotalLabel(codeTexts.join('')) || isTotalLabel(nameText) || isTotalLabel(joined)) {
      lines.push({ key: '合计', label: '合计', row: r, kind: 'total', cells, labelCell: { row: r, col: codeCols.name } });
      bottom = r;
      continue;
    }
    const rebuilt = rebuildCode(codeTexts, previous);
    if (rebuilt) {
      const code = rebuilt.code;
      const level = levelOf(code);
      if (level === '类') {
        previous.lei = code;
        previous.kuan = '';
      } else if (level === '款') {
        previous.lei = code.slice(0, 3);
        previous.kuan = code;
      }
      const label = (nameText || rebuilt.rest).replace(/\s+/g, '');
      lines.push({
        key: `科目.${code}`,
        label,
        row: r,
        kind: level === '项' ? 'detail' : 'subtotal',
        code,
        level,
        cells,
        labelCell: { row: r, col: codeCols.name },
      });
      bottom = r;
      continue;
    }
    // A row with amounts but no readable code before any 科目 row: a garbled 合计 (seen in PDF pastes).
    // Words alone ("决算数" over the amount columns under the 栏次 row) are no amounts.
    const hasAmount = columns.some((col) => isAmountLike(grid.value(r, col.col)));
    if (hasAmount && !lines.some((l) => l.key === '合计' || l.code)) {
      lines.push({ key: '合计', label: nameText || codeTexts.join(' '), row: r, kind: 'total', cells, meta: { garbledLabel: true } });
      bottom = r;
      continue;
    }
    if (hasAmount) {
      // the name as label: the code cells are shown on their own by whoever reports the row
      lines.push({ key: `行.${r + 1}`, label: (nameText || joined).replace(/\s+/g, ''), row: r, kind: 'detail', cells, labelCell: { row: r, col: codeCols.name }, meta: { unreadableCode: true } });
      bottom = r;
    }
  }
  if (!lines.some((l) => l.key === '合计')) {
    const rows = h.lastRow < range.bottom ? `表头下${rowsName(h.lastRow + 1, range.bottom)}` : '表头下';
    return {
      failure: `${rows}没有合计行：科目名称列（${cellName(h.firstRow, codeCols.name).replace(/\d+$/, '')} 列）没有“合计”，也没有编码为空而有金额的行 (no 合计 row)`,
    };
  }
  return new SemanticTable({
    type: spec.type,
    sheet: grid.name,
    title: region.title,
    range: { ...range, bottom },
    year: facts.year,
    unit: facts.unit,
    department: facts.department,
    label: facts.label,
    variant: codeCols.code.length === 3 ? '类款项分列' : undefined,
    columns: [
      { key: '科目编码', label: '科目编码', col: codeCols.code[0] },
      { key: '科目名称', label: '科目名称', col: codeCols.name },
      ...columns,
    ],
    lines,
    notes,
  });
}

/** Why the header has no code or no name column, naming the cell found (for the failure message). */
function missingCodeColumns(grid: Grid, h: HeaderBlock, range: Region['range']): string {
  let code: [number, number] | null = null;
  let name: [number, number] | null = null;
  for (let r = h.firstRow; r <= h.lastRow; r++) {
    for (let c = range.left; c <= range.right; c++) {
      if (!grid.isMasterOrSingle(r, c)) continue;
      const t = normalizeLabel(grid.text(r, c));
      if (!code && (CODE_HEADER.test(t) || t === '类')) code = [r, c];
      if (!name && /科目名称/.test(t)) name = [r, c];
    }
  }
  const where = `表头（${rowsName(h.firstRow, h.lastRow)}）`;
  if (code && !name) return `${where}有 ${cellWords(grid, ...code)}，但没有“科目名称”栏`;
  if (name && !code) return `${where}有 ${cellWords(grid, ...name)}，但它左侧没有“科目编码”或“类 | 款 | 项”栏`;
  return `${where}没有“科目编码”（或“类 | 款 | 项”）和“科目名称”栏`;
}

/** Header cells right of the name column whose words no column spec took: [row, col] of their first word. */
function unmatchedHeaders(grid: Grid, h: HeaderBlock, from: number, to: number, taken: Column[]): [number, number][] {
  const out: [number, number][] = [];
  for (let c = from; c <= to; c++) {
    if (grid.isHiddenCol(c) || taken.some((t) => t.col === c) || !headerText(h, c)) continue;
    for (let r = h.firstRow; r <= h.lastRow; r++) {
      if (r !== h.lanciRow && grid.isMasterOrSingle(r, c) && grid.text(r, c)) {
        out.push([r, c]);
        break;
      }
    }
  }
  return out;
}

/** A header row whose name (or code) cell says 合计: the 合计 line printed beside the 类 | 款 | 项 labels. */
function totalRowInHeader(grid: Grid, h: HeaderBlock, cols: CodeColumns): number | null {
  for (let r = h.firstRow + 1; r <= h.lastRow; r++) {
    if (r === h.lanciRow) continue;
    const name = grid.isMasterOrSingle(r, cols.name) ? grid.text(r, cols.name) : '';
    const code = cols.code.map((c) => (grid.isMasterOrSingle(r, c) ? grid.text(r, c) : '')).join('');
    if (isTotalLabel(name) || isTotalLabel(code)) return r;
  }
  return null;
}

/** A 款 or 项 cell: "03" as written, or 3 stored as a number (Excel drops the leading zero). */
export function codePart(grid: Grid, row: number, col: number): string {
  const v = grid.value(row, col);
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 10 ? `0${v}` : grid.text(row, col);
}

/** A number, or text holding a digit (a number pasted as text); not header words or dashes. */
function isAmountLike(v: CellValue): boolean {
  return typeof v === 'number' || (typeof v === 'string' && /\d/.test(v.normalize('NFKC')));
}

function spec_match(specs: readonly AmountColumnSpec[], text: string, used: Set<string>): AmountColumnSpec | undefined {
  return specs.find((s) => !used.has(s.key) && s.test(text));
}

function firstText(grid: Grid, row: number, left: number, right: number): { col: number; text: string } | null {
  for (let c = left; c <= right; c++) {
    if (grid.isHiddenCol(c) || !grid.isMasterOrSingle(row, c)) continue;
    const t = grid.text(row, c);
    if (t) return { col: c, text: t };
  }
  return null;
}

/** Builds a TableTemplate for a ledger spec, with the title test given. */
export function ledgerTemplate(spec: LedgerSpec, matchTitle: (t: string) => number, headerSignature: readonly string[]): TableTemplate {
  return {
    type: spec.type,
    name: spec.name,
    matchTitle,
    headerSignature,
    layout: (region) => layoutLedger(spec, region),
  };
}
