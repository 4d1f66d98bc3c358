/**
 * How Excel rewrites the references inside formulas (cell formulas and conditional-format rules)
 * when the workbook's structure changes: rows inserted or deleted on a sheet move the references to
 * that sheet (relative and absolute parts alike; a range that spans the insertion grows, one that
 * loses all its rows becomes #REF!), a renamed sheet is renamed in every reference, a deleted sheet
 * leaves #REF! in its place. Columns are not moved (the double inserts and deletes rows only).
 */
import { columnFromLetters, columnLetters } from '../../../src/core/grid/address';
import { quoteSheet } from './address';

export type StructuralEdit =
  | { kind: 'insertRows'; sheet: string; at: number; count: number }
  | { kind: 'deleteRows'; sheet: string; at: number; count: number }
  | { kind: 'renameSheet'; from: string; to: string }
  | { kind: 'deleteSheet'; sheet: string };

const ERROR_LITERAL = /#(?:REF!|DIV\/0!|N\/A|NAME\?|VALUE!|NUM!|NULL!|SPILL!|CALC!)/y;
const UNQUOTED_SHEET = /([A-Za-z_\u0080-\uffff][A-Za-z0-9_.\u0080-\uffff]*)!/y;
const AREA = /(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?::(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7}))?(?![A-Za-z0-9_(.])/y;
const ROW_AREA = /(\$?)([0-9]{1,7}):(\$?)([0-9]{1,7})(?![A-Za-z0-9_(.])/y;

/** `formula` (with or without its "="), standing on `host`, after `edit`. */
export function adjustFormula(formula: string, host: string, edit: StructuralEdit): string {
  let out = '';
  let i = 0;
  const n = formula.length;
  const boundary = (k: number) => k === 0 || /[\s=+\-*/^&<>,;(:%{]/.test(formula[k - 1]);
  while (i < n) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < n && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '#') {
      ERROR_LITERAL.lastIndex = i;
      const m = ERROR_LITERAL.exec(formula);
      if (m) {
        out += m[0];
        i = ERROR_LITERAL.lastIndex;
        continue;
      }
    }
    if (boundary(i)) {
      // an optional sheet prefix, then an area
      let sheet: string | null = null;
      let j = i;
      if (ch === "'") {
        let k = i + 1;
        let name = '';
        while (k < n) {
          if (formula[k] === "'" && formula[k + 1] === "'") {
            name += "'";
            k += 2;
          } else if (formula[k] === "'") break;
          else name += formula[k++];
        }
        if (formula[k + 1] === '!') {
          sheet = name;
          j = k + 2;
        }
      } else {
        UNQUOTED_SHEET.lastIndex = i;
        const m = UNQUOTED_SHEET.exec(formula);
        if (m) {
          sheet = m[1];
          j = UNQUOTED_SHEET.lastIndex;
        }
      }
      const moved = moveArea(formula, j, sheet ?? host, edit);
      if (moved) {
        const prefix = sheet === null ? '' : sheetPrefix(sheet, edit);
        out += moved.text === '#REF!' && prefix === '#REF!' ? '#REF!' : prefix + moved.text;
        i = moved.end;
        continue;
      }
      if (sheet !== null) {
        // a sheet prefix before something that is not an area (a name): keep it, renamed
        out += sheetPrefix(sheet, edit);
        i = j;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

function sheetPrefix(sheet: string, edit: StructuralEdit): string {
  if (edit.kind === 'renameSheet' && sheet === edit.from) return `${quoteSheet(edit.to)}!`;
  if (edit.kind === 'deleteSheet' && sheet === edit.sheet) return '#REF!';
  return `${quoteSheet(sheet)}!`;
}

function moveArea(formula: string, at: number, sheet: string, edit: StructuralEdit): { text: string; end: number } | null {
  ROW_AREA.lastIndex = at;
  let m = ROW_AREA.exec(formula);
  if (m) {
    const rows = moveRows(Number(m[2]) - 1, Number(m[4]) - 1, sheet, edit);
    return { text: rows ? `${m[1]}${rows[0] + 1}:${m[3]}${rows[1] + 1}` : '#REF!', end: ROW_AREA.lastIndex };
  }
  AREA.lastIndex = at;
  m = AREA.exec(formula);
  if (!m) return null;
  const c1 = columnFromLetters(m[2]);
  const r1 = Number(m[4]) - 1;
  const single = m[6] === undefined;
  const c2 = single ? c1 : columnFromLetters(m[6]);
  const r2 = single ? r1 : Number(m[8]) - 1;
  const top = Math.min(r1, r2);
  const bottom = Math.max(r1, r2);
  const rows = moveRows(top, bottom, sheet, edit);
  if (!rows) return { text: '#REF!', end: AREA.lastIndex };
  const first = `${m[1]}${columnLetters(c1)}${m[3]}${rows[r1 <= r2 ? 0 : 1] + 1}`;
  if (single) return { text: first, end: AREA.lastIndex };
  const second = `${m[5]}${columnLetters(c2)}${m[7]}${rows[r1 <= r2 ? 1 : 0] + 1}`;
  return { text: `${first}:${second}`, end: AREA.lastIndex };
}

/** The rows [top, bottom] of an area on `sheet` after `edit`; null when they are all gone. */
export function moveRows(top: number, bottom: number, sheet: string, edit: StructuralEdit): [number, number] | null {
  if (edit.kind === 'insertRows' && sheet === edit.sheet) {
    return [top >= edit.at ? top + edit.count : top, bottom >= edit.at ? bottom + edit.count : bottom];
  }
  if (edit.kind === 'deleteRows' && sheet === edit.sheet) {
    const end = edit.at + edit.count - 1;
    if (top >= edit.at && bottom <= end) return null;
    const t = top > end ? top - edit.count : top >= edit.at ? edit.at : top;
    const b = bottom > end ? bottom - edit.count : bottom >= edit.at ? edit.at - 1 : bottom;
    return [t, b];
  }
  return [top, bottom];
}
