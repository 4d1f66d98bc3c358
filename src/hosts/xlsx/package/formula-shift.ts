/** Moving an A1 formula by (dRow, dCol), as Excel does when the master of a shared formula moves. */

import { columnFromLetters, columnLetters, MAX_COL, MAX_ROW } from '../../../core/grid/address';

const CELL_REF = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?::(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7}))?(?![A-Za-z0-9_.(!])/y;
const COL_RANGE = /(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_.(!])/y;
const ROW_RANGE = /(\$?)(\d{1,7}):(\$?)(\d{1,7})(?![A-Za-z0-9_.(!])/y;

/**
 * Moves the relative references of an A1 formula by dRow rows and dCol columns; `$` parts stay.
 * Strings, quoted sheet names, bracketed parts (structured references, external book indexes) and
 * names are left alone; a reference moved off the sheet becomes #REF!.
 */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  let out = '';
  let i = 0;
  const n = formula.length;
  const boundaryBefore = (k: number): boolean => k === 0 || !/[A-Za-z0-9_.\\$]/.test(formula[k - 1]);
  while (i < n) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < n) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '[') {
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        if (formula[j] === '[') depth++;
        else if (formula[j] === ']' && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (boundaryBefore(i) && /[A-Za-z$0-9]/.test(ch)) {
      CELL_REF.lastIndex = i;
      let m = CELL_REF.exec(formula);
      if (m) {
        const a = moveCell(m[1], m[2], m[3], m[4], dRow, dCol);
        const b = m[6] === undefined ? '' : moveCell(m[5], m[6], m[7], m[8], dRow, dCol);
        out += a === null || b === null ? '#REF!' : m[6] === undefined ? a : `${a}:${b}`;
        i = CELL_REF.lastIndex;
        continue;
      }
      COL_RANGE.lastIndex = i;
      m = COL_RANGE.exec(formula);
      if (m) {
        const a = moveCol(m[1], m[2], dCol);
        const b = moveCol(m[3], m[4], dCol);
        out += a === null || b === null ? '#REF!' : `${a}:${b}`;
        i = COL_RANGE.lastIndex;
        continue;
      }
      ROW_RANGE.lastIndex = i;
      m = ROW_RANGE.exec(formula);
      if (m) {
        const a = moveRow(m[1], m[2], dRow);
        const b = moveRow(m[3], m[4], dRow);
        out += a === null || b === null ? '#REF!' : `${a}:${b}`;
        i = ROW_RANGE.lastIndex;
        continue;
      }
    }
    if (/[A-Za-z0-9_.\\]/.test(ch)) {
      // A name, function or number: copy it whole so nothing inside it is read as a reference.
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_.\\?]/.test(formula[j])) j++;
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function moveCell(colAbs: string, col: string, rowAbs: string, row: string, dRow: number, dCol: number): string | null {
  const c = moveCol(colAbs, col, dCol);
  const r = moveRow(rowAbs, row, dRow);
  return c === null || r === null ? null : c + r;
}

function moveCol(abs: string, letters: string, d: number): string | null {
  const col = columnFromLetters(letters) + (abs ? 0 : d);
  return col < 0 || col > MAX_COL ? null : abs + columnLetters(col);
}

function moveRow(abs: string, digits: string, d: number): string | null {
  const row = Number(digits) - 1 + (abs ? 0 : d);
  return row < 0 || row > MAX_ROW ? null : `${abs}${row + 1}`;
}
