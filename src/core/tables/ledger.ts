import type { CellRef } from '../grid/address';
import type { Grid } from '../grid/grid';
import { itemName, normalizeLabel } from '../grid/text';
import { HeaderBlock, headerText, isNoteText, readHeader } from './header';
import type { LayoutFailure, Region, TableTemplate } from './template';
import { readHeadFacts } from './template';
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

/** Rebuilds a 科目编码 from its cells: "2210201", "221|02|01", "20103|302" (款 + 项 tail). */
export function rebuildCode(parts: string[], previous: { lei: string; kuan: string }): { code: string; rest: string } | null {
  const clean = parts.map((p) => p.normalize('NFKC').replace(/\s+/g, ''));
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
  if (headerStart < 0) return { failure: '未找到“科目编码/科目名称”表头 (no 科目 header found)' };
  const h = readHeader(grid, range, headerStart, (r) => {
    const first = firstText(grid, r, range.left, range.right);
    return !!first && (/^\d{3,7}/.test(normalizeLabel(first.text)) || isTotalLabel(first.text));
  });
  const codeCols = findCodeColumns(grid, h, range.left, range.right);
  if (!codeCols) return { failure: '表头中没有科目编码和科目名称列 (no code/name columns in the header)' };

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
  if (missing.length) return { failure: `缺少列：${missing.join('、')} (missing columns)` };

  const lines: Line[] = [];
  const notes: string[] = [];
  const previous = { lei: '', kuan: '' };
  let bottom = h.lastRow;
  for (let r = h.lastRow + 1; r <= range.bottom; r++) {
    if (grid.isHiddenRow(r) && grid.isRowEmpty(r)) continue;
    const first = firstText(grid, r, range.left, range.right);
    if (!first) continue;
    if (isNoteText(first.text)) {
      notes.push(first.text);
      bottom = Math.max(bottom, r);
      continue;
    }
    const cells: Record<string, CellRef> = {};
    for (const col of columns) cells[col.key] = { row: r, col: col.col };
    const codeTexts = codeCols.code.map((c) => (grid.isMasterOrSingle(r, c) ? grid.text(r, c) : ''));
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
    const hasAmount = columns.some((col) => grid.value(r, col.col) !== null && grid.value(r, col.col) !== '');
    if (hasAmount && !lines.some((l) => l.key === '合计') && !lines.some((l) => l.code)) {
      lines.push({ key: '合计', label: nameText || codeTexts.join(' '), row: r, kind: 'total', cells, meta: { garbledLabel: true } });
      bottom = r;
      continue;
    }
    if (hasAmount) {
      lines.push({ key: `行.${r + 1}`, label: joined.replace(/\s+/g, ''), row: r, kind: 'detail', cells, labelCell: { row: r, col: codeCols.name }, meta: { unreadableCode: true } });
      bottom = r;
    }
  }
  if (!lines.some((l) => l.key === '合计')) return { failure: '未找到合计行 (no 合计 row)' };
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
