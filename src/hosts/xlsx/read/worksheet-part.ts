import { MAX_COL, MAX_ROW, type RangeRef } from '../../../core/grid/address';
import { Grid, type Cell } from '../../../core/grid/grid';
import { shiftFormula } from '../package/formula-shift';
import { Budget, ReadFailure, SMALL_MERGE_AREA } from './limits';
import { dateText } from './number-formats';
import type { Parts } from './parts';
import { decodeEscapes } from './shared-strings-part';
import type { CellFormats } from './styles-part';

export interface SheetContext {
  strings: readonly string[];
  formats: CellFormats;
  date1904: boolean;
  budget: Budget;
}

/** What a `<c>` element held, gathered while it is parsed. */
interface CellState {
  row: number;
  col: number;
  type: string | undefined;
  style: number;
  /** Text of `<v>`; undefined when there was none. */
  v: string | undefined;
  /** `<f>` was present with text or a type (exceljs's test for a formula cell). */
  hasFormula: boolean;
  f: string;
  fType: string | undefined;
  fRef: string | undefined;
  fSi: string | undefined;
  /** Text of `<is>` (inline string) runs. */
  inline: string | undefined;
}

type TextTarget = 'v' | 'f' | 'is' | null;

/**
 * One worksheet part into a Grid, streaming. Nothing the file declares is allocated before it is
 * checked: addresses beyond XFD1048576 are refused; `<col>` ranges, merges and `spans` are clamped
 * to the cells that exist (a declared A400:XFD1048576 over an empty area costs nothing); every cell
 * and every character kept counts against the workbook's budget.
 *
 * The grid reads as exceljs read it (the reader it replaces; test/hosts/xlsx/fidelity.test.ts
 * compares the two on every fixture and layout variant): a formula's cached result is its value, a
 * formula without one is marked `noCachedResult`; a shared formula's members get the master's text
 * moved to their place; a value in a date format reads as its ISO date; the covered cells of a merge
 * hold nothing. Where exceljs was wrong, this reader is not: a `<v>` that is no finite number (NaN,
 * 1e309) is the error #NUM! (exceljs gave NaN or Infinity, which made every sum over it silently
 * fail), and `<rPh>` phonetic guides are not part of an inline string's text.
 */
export function readWorksheet(parts: Parts, path: string, name: string, ctx: SheetContext): Grid {
  const { strings, formats, date1904, budget } = ctx;
  const rows: number[] = [];
  const cols: number[] = [];
  const cells: Cell[] = [];
  const hiddenRowMarks: number[] = [];
  // Hidden column ranges as a difference array over the sheet's columns: O(1) per <col>, whatever its span.
  const hiddenColDiff = new Int32Array(MAX_COL + 2);
  const declaredMerges: RangeRef[] = [];
  const sharedMasters = new Map<string, { row: number; col: number; text: string }>();
  let maxRow = -1;
  let maxCol = -1;

  let inSheetData = false;
  let row = -1;
  let rowHidden = false;
  let rowHasCells = false;
  let lastCol = -1;
  let cell: CellState | null = null;
  let target: TextTarget = null;
  let inlineText = false;
  let phonetic = 0;

  const outOfRange = (ref: string): ReadFailure => {
    const shown = ref.length > 24 ? `${ref.slice(0, 24)}…` : ref;
    return new ReadFailure('out-of-range', {
      zh: `工作表“${name}”中的单元格地址 ${shown} 超出 Excel 的范围（最大为 XFD1048576）`,
      en: `sheet "${name}" has the cell address ${shown}, beyond Excel's last cell XFD1048576`,
    });
  };

  const finishRow = (): void => {
    if (rowHidden && rowHasCells) hiddenRowMarks.push(row);
  };

  parts.parse(path, {
    open(el, a) {
      if (cell) {
        switch (el) {
          case 'v':
            target = 'v';
            if (cell.v === undefined) cell.v = '';
            return;
          case 'f':
            target = 'f';
            cell.fType = a.t;
            cell.fRef = a.ref;
            cell.fSi = a.si;
            if (a.t) cell.hasFormula = true;
            return;
          case 'is':
            target = 'is';
            if (cell.inline === undefined) cell.inline = '';
            return;
          case 'rPh':
            phonetic++;
            return;
          case 't':
            inlineText = target === 'is' && phonetic === 0;
            return;
          default:
            return;
        }
      }
      switch (el) {
        case 'sheetData':
          inSheetData = true;
          return;
        case 'row': {
          if (!inSheetData) return;
          const r = a.r === undefined ? row + 1 : parseRowNumber(a.r);
          if (r === null) throw outOfRange(a.r ?? '');
          row = r;
          rowHidden = a.hidden === '1' || a.hidden === 'true';
          rowHasCells = false;
          lastCol = -1;
          return;
        }
        case 'c': {
          if (!inSheetData) return;
          let r = row < 0 ? 0 : row;
          let c = lastCol + 1;
          if (a.r !== undefined) {
            const ref = parseCellRef(a.r);
            if (!ref) throw outOfRange(a.r);
            r = ref.row;
            c = ref.col;
          } else if (c > MAX_COL) throw outOfRange(`R${r + 1}C${c + 1}`);
          lastCol = c;
          if (r > maxRow) maxRow = r;
          if (c > maxCol) maxCol = c;
          const style = a.s === undefined ? 0 : Number(a.s) || 0;
          // A self-closing <c/> ends at its closetag too (saxes sends one): finishCell runs there.
          cell = { row: r, col: c, type: a.t, style, v: undefined, hasFormula: false, f: '', fType: undefined, fRef: undefined, fSi: undefined, inline: undefined };
          return;
        }
        case 'col': {
          if (a.hidden !== '1' && a.hidden !== 'true') return;
          // min/max beyond the sheet are clamped, not refused: a column range allocates nothing.
          const min = clampInt(a.min, 1, MAX_COL + 1);
          const max = clampInt(a.max, 1, MAX_COL + 1);
          if (min === null || max === null || min > max) return;
          hiddenColDiff[min - 1]++;
          hiddenColDiff[max]--;
          return;
        }
        case 'mergeCell': {
          if (a.ref === undefined) return;
          const range = parseRange(a.ref);
          if (!range) throw outOfRange(a.ref);
          budget.merge();
          declaredMerges.push(range);
          return;
        }
        default:
          return;
      }
    },
    close(el) {
      if (cell) {
        switch (el) {
          case 'c':
            finishCell();
            return;
          case 'v':
          case 'f':
          case 'is':
            target = null;
            return;
          case 'rPh':
            phonetic--;
            return;
          case 't':
            inlineText = false;
            return;
          default:
            return;
        }
      }
      if (el === 'row' && inSheetData) finishRow();
      else if (el === 'sheetData') inSheetData = false;
    },
    text(t) {
      if (!cell || target === null) return;
      if (target === 'v') {
        budget.chars(t.length);
        cell.v += t;
      } else if (target === 'f') {
        budget.chars(t.length);
        cell.f += t;
        if (t) cell.hasFormula = true;
      } else if (inlineText) {
        budget.chars(t.length);
        cell.inline += t;
      }
    },
  });

  function finishCell(): void {
    const c = cell!;
    cell = null;
    target = null;
    inlineText = false;
    phonetic = 0;
    const value = cellValue(c);
    if (!value) return;
    budget.cell();
    rows.push(c.row);
    cols.push(c.col);
    cells.push(value);
    rowHasCells = true;
  }

  function cellValue(c: CellState): Cell | null {
    const numFmt = formats.numFmt(c.style);
    const v = c.v === '' ? undefined : c.v;
    if (c.hasFormula) {
      let formula = c.f;
      if (c.fType === 'shared' && c.fSi !== undefined) {
        if (c.fRef) sharedMasters.set(c.fSi, { row: c.row, col: c.col, text: c.f });
        else {
          const master = sharedMasters.get(c.fSi);
          if (master) formula = shiftFormula(master.text, c.row - master.row, c.col - master.col);
        }
      }
      if (v === undefined) return { value: null, formula, noCachedResult: true, numFmt };
      switch (c.type) {
        case 'str':
          return { value: v, formula, numFmt };
        case 'b':
          return { value: parseInt(v, 10) !== 0, formula, numFmt };
        case 'e':
          return { value: null, formula, error: v, numFmt };
        default:
          return withNumber(v, c.style, numFmt, formula);
      }
    }
    switch (c.type) {
      case 's': {
        if (v === undefined) return null;
        const s = strings[parseInt(v, 10)];
        return s === undefined ? null : { value: s, numFmt };
      }
      case 'inlineStr': {
        const text = c.inline ? decodeEscapes(c.inline) : v;
        return text === undefined ? null : { value: text, numFmt };
      }
      case 'str':
        return v === undefined ? null : { value: v, numFmt };
      case 'b':
        return v === undefined ? null : { value: parseInt(v, 10) !== 0, numFmt };
      case 'e':
        return v === undefined ? null : { value: null, error: v, numFmt };
      case 'd':
        // An ISO 8601 date cell (strict OOXML, some generators): the date as the grid keeps dates.
        return v === undefined ? null : { value: v.slice(0, 10), numFmt };
      default:
        return v === undefined ? null : withNumber(v, c.style, numFmt, undefined);
    }
  }

  function withNumber(v: string, style: number, numFmt: string | undefined, formula: string | undefined): Cell {
    const n = parseFloat(v);
    const base: Cell = formula === undefined ? { value: null, numFmt } : { value: null, formula, numFmt };
    // NaN and ±Infinity are no numbers Excel can hold: as an error value, the rules skip the cell
    // and say so, instead of every sum over it failing without a word.
    if (!Number.isFinite(n)) return { ...base, error: '#NUM!' };
    if (formats.isDate(style)) {
      const text = dateText(n, date1904);
      if (text !== null) return { ...base, value: text };
    }
    return { ...base, value: n };
  }

  // ---- the grid: merges clamped to the cells that exist, covered cells emptied ----
  const merges: RangeRef[] = [];
  let largeMerges = 0;
  for (const m of declaredMerges) {
    const clamped = { top: m.top, left: m.left, bottom: Math.min(m.bottom, maxRow), right: Math.min(m.right, maxCol) };
    if (clamped.top > clamped.bottom || clamped.left > clamped.right) continue; // all of it outside the cells: costs nothing
    const area = (clamped.bottom - clamped.top + 1) * (clamped.right - clamped.left + 1);
    if (area > SMALL_MERGE_AREA) {
      if (++largeMerges > budget.limits.maxLargeMergesPerSheet) {
        throw new ReadFailure('too-large', {
          zh: `工作表“${name}”的大范围合并单元格超过 ${budget.limits.maxLargeMergesPerSheet} 处`,
          en: `sheet "${name}" has more than ${budget.limits.maxLargeMergesPerSheet} large merged ranges`,
        });
      }
    } else budget.mergedCells(area);
    merges.push(clamped);
  }
  const grid = new Grid({ name, merges });
  for (let i = 0; i < cells.length; i++) {
    const r = rows[i];
    const c = cols[i];
    if (merges.length > 0) {
      const m = grid.mergeAt(r, c);
      if (m && (m.top !== r || m.left !== c)) continue;
    }
    grid.set(r, c, cells[i]);
  }
  for (const r of hiddenRowMarks) grid.hiddenRows.add(r);
  let hidden = 0;
  for (let c = 0; c <= maxCol; c++) {
    hidden += hiddenColDiff[c];
    if (hidden > 0) grid.hiddenCols.add(c);
  }
  return grid;
}

/** A row number "1" … "1048576" as a zero-based row; null beyond the sheet or when it is no number. */
function parseRowNumber(s: string): number | null {
  if (s.length === 0 || s.length > 7) return null;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    n = n * 10 + d;
  }
  return n >= 1 && n <= MAX_ROW + 1 ? n - 1 : null;
}

/**
 * "B12" or "$B$12" as a zero-based cell; null beyond XFD1048576 or when it is no address. Reads at
 * most 3 letters and 7 digits, so "A2000000000" is refused at its eighth digit, not parsed.
 */
export function parseCellRef(s: string): { row: number; col: number } | null {
  let i = 0;
  if (s.charCodeAt(i) === 36) i++; // $
  let col = 0;
  const colStart = i;
  for (; i < s.length; i++) {
    const ch = s.charCodeAt(i) | 0x20; // lower-case letters
    if (ch < 97 || ch > 122) break;
    if (i - colStart >= 3) return null;
    col = col * 26 + (ch - 96);
  }
  if (i === colStart || col - 1 > MAX_COL) return null;
  if (s.charCodeAt(i) === 36) i++;
  const row = parseRowNumber(s.slice(i));
  return row === null ? null : { row, col: col - 1 };
}

function parseRange(s: string): RangeRef | null {
  const colon = s.indexOf(':');
  const a = parseCellRef(colon < 0 ? s : s.slice(0, colon));
  const b = colon < 0 ? a : parseCellRef(s.slice(colon + 1));
  if (!a || !b) return null;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

/** An integer attribute clamped to [lo, hi]; null when it is not a number. */
function clampInt(s: string | undefined, lo: number, hi: number): number | null {
  if (s === undefined) return null;
  const n = Number(s);
  if (!Number.isFinite(n)) return null;
  return Math.min(hi, Math.max(lo, Math.floor(n)));
}
