import type { RangeRef } from '../grid/address';
import type { Grid } from '../grid/grid';
import { normalizeLabel } from '../grid/text';

/** The header block of a grid table: its rows, the 栏次 row, and each column's header words. */
export interface HeaderBlock {
  firstRow: number;
  /** Last header row (the 栏次 row when there is one). */
  lastRow: number;
  lanciRow: number | null;
  /** col → 栏次 number. */
  lanci: Map<number, number>;
  /** col → normalized header texts top to bottom, merged repeats removed. */
  texts: Map<number, string[]>;
}

const NOTE_START = /^(注|说明|备注|填表人|本部门|本单位|本表)/;

/**
 * The characters a text must hold for NOTE_START to match after folding: the first characters of
 * its words and the only other characters NFKC folds to them (㊟ → 注, 🉀 → 〔本〕).
 */
const NOTE_CHARS = /[注说备填本\u329F\u{1F240}]/u;

export function isNoteText(text: string): boolean {
  return NOTE_CHARS.test(text) && NOTE_START.test(normalizeLabel(text));
}

/** The 栏次 numbers of a row when it is a 栏次 row: integer cells reading 1, 2, …, n left to right. */
export function lanciOf(grid: Grid, row: number, range: RangeRef): Map<number, number> | null {
  const found = new Map<number, number>();
  let label = false;
  let expected = 1;
  for (let c = range.left; c <= range.right; c++) {
    if (!grid.isMasterOrSingle(row, c)) continue;
    const v = grid.value(row, c);
    if (v === null || v === '') continue;
    const t = normalizeLabel(String(v));
    if (t === '栏次') {
      label = true;
      continue;
    }
    if (/^\d{1,2}$/.test(t) && Number(t) === expected) {
      found.set(c, expected);
      expected++;
      continue;
    }
    // Other text on a 栏次 row: labels such as "类款项"; any other number disqualifies it.
    if (/\d/.test(t)) return null;
  }
  if (found.size >= 2 || (label && found.size >= 1)) return found;
  return null;
}

/**
 * Reads the header from `firstRow` until the 栏次 row, or until `isData(row)` holds for a row.
 * Rows are read through merges, so "本年支出/小计" arrives as two texts for the 小计 column.
 */
export function readHeader(
  grid: Grid,
  range: RangeRef,
  firstRow: number,
  isData: (row: number) => boolean,
  maxRows = 8,
  opts: HeaderOptions = {},
): HeaderBlock {
  let lastRow = firstRow;
  let lanciRow: number | null = null;
  let lanci = new Map<number, number>();
  for (let r = firstRow; r <= Math.min(range.bottom, firstRow + maxRows); r++) {
    const l = lanciOf(grid, r, range);
    if (l) {
      lanciRow = r;
      lanci = l;
      lastRow = r;
      break;
    }
    if (r > firstRow && isData(r)) {
      lastRow = r - 1;
      break;
    }
    lastRow = r;
  }
  const texts = new Map<number, string[]>();
  const textEnd = lanciRow ?? lastRow;
  const spans = opts.fillSpans ? spanTexts(grid, range, firstRow, textEnd) : null;
  for (let c = range.left; c <= range.right; c++) {
    const list: string[] = [];
    for (let r = firstRow; r <= textEnd; r++) {
      if (r === lanciRow && lanci.has(c)) continue;
      if (opts.exclude?.(r, c)) continue;
      const t = spans ? spans[r - firstRow][c - range.left] : grid.text(r, c);
      if (!t) continue;
      const n = normalizeLabel(t);
      if (n === '栏次' && r === lanciRow) continue;
      if (list[list.length - 1] !== n) list.push(n);
    }
    texts.set(c, list);
  }
  return { firstRow, lastRow, lanciRow, lanci, texts };
}

export interface HeaderOptions {
  /** Cells whose text is no header word (the 合计 and amounts of a 合计 row printed on a header row). */
  exclude?: (row: number, col: number) => boolean;
  /**
   * Read a header whose group cells are not merged: an empty cell continues the text of its left
   * neighbour when the cell above it continues too (or it is in the first header row), so
   * "预算数 | (empty) …" or "公务用车购置及运行维护费 | (empty) | (empty)" cover their columns as a
   * merge would, and a child row never runs past its parent's span.
   */
  fillSpans?: boolean;
}

/** Header texts row by row, empty cells filled from the left within their parent's span. */
function spanTexts(grid: Grid, range: RangeRef, first: number, last: number): string[][] {
  const out: string[][] = [];
  const continued: boolean[][] = [];
  for (let r = first; r <= last; r++) {
    const row: string[] = [];
    const cont: boolean[] = [];
    for (let c = range.left; c <= range.right; c++) {
      const own = grid.text(r, c);
      const j = c - range.left;
      const parentContinues = r === first || continued[r - first - 1][j];
      if (!own && j > 0 && parentContinues && row[j - 1]) {
        row.push(row[j - 1]);
        cont.push(true);
      } else {
        row.push(own);
        cont.push(false);
      }
    }
    out.push(row);
    continued.push(cont);
  }
  return out;
}

/** All header words of a column joined, for keyword tests. */
export function headerText(h: HeaderBlock, col: number): string {
  return (h.texts.get(col) ?? []).join('/');
}

/** First row at or after `from` (within the region) whose cells contain every keyword. */
export function findRowWith(grid: Grid, range: RangeRef, from: number, keywords: readonly string[], to = range.bottom): number | null {
  for (let r = from; r <= to; r++) {
    let joined = '';
    for (let c = range.left; c <= range.right; c++) {
      if (grid.isMasterOrSingle(r, c) || grid.mergeAt(r, c)?.top !== r) {
        const t = grid.text(r, c);
        if (t) joined += normalizeLabel(t) + '|';
      }
    }
    if (keywords.every((k) => joined.includes(k))) return r;
  }
  return null;
}

/** Text of all master cells of a row, normalized, joined by "|". */
export function rowText(grid: Grid, range: RangeRef, row: number): string {
  // only the cells the row holds: a sheet whose one value sits at XFD1048576 must not cost a scan
  // of every column of every row (covered cells of a merge hold no value of their own)
  let joined = '';
  for (const c of grid.usedCols(row)) {
    if (c < range.left || c > range.right || !grid.isMasterOrSingle(row, c)) continue;
    const t = grid.text(row, c);
    if (t) joined += normalizeLabel(t) + '|';
  }
  return joined;
}
