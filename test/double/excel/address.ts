/**
 * A1 addresses as the Excel API writes them: "Sheet1!A1:B4", a quoted sheet name where Excel quotes
 * one ("'3-1帮代办'!A1"), entire rows "5:7" and columns "A:C".
 */
import { columnFromLetters, columnLetters, MAX_COL, MAX_ROW, toA1, type RangeRef } from '../../../src/core/grid/address';

/** A sheet name as it appears before "!" in an address or a formula: quoted unless it is a plain name. */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_\u0080-\uffff][A-Za-z0-9_.\u0080-\uffff]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) && !/^R[0-9]*C[0-9]*$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function rangeAddress(range: RangeRef): string {
  const entireRows = range.left === 0 && range.right === MAX_COL;
  const entireCols = range.top === 0 && range.bottom === MAX_ROW;
  if (entireRows && !entireCols) return `${range.top + 1}:${range.bottom + 1}`;
  if (entireCols && !entireRows) return `${columnLetters(range.left)}:${columnLetters(range.right)}`;
  const a = toA1(range.top, range.left);
  const b = toA1(range.bottom, range.right);
  return a === b ? a : `${a}:${b}`;
}

export function qualified(sheet: string, range: RangeRef): string {
  return `${quoteSheet(sheet)}!${rangeAddress(range)}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;
const ROWS = /^\$?([0-9]{1,7}):\$?([0-9]{1,7})$/;
const COLS = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/;

/** "A1", "A1:B2", "3:5", "B:D" (no sheet part); null when it is none of them or lies off the sheet. */
export function parseLocalAddress(address: string): RangeRef | null {
  const text = address.trim();
  let m = ROWS.exec(text);
  if (m) return ordered(Number(m[1]) - 1, 0, Number(m[2]) - 1, MAX_COL);
  m = COLS.exec(text);
  if (m) return ordered(0, columnFromLetters(m[1]), MAX_ROW, columnFromLetters(m[2]));
  const parts = text.split(':');
  if (parts.length > 2) return null;
  const a = CELL.exec(parts[0]);
  const b = CELL.exec(parts[1] ?? parts[0]);
  if (!a || !b) return null;
  return ordered(Number(a[2]) - 1, columnFromLetters(a[1]), Number(b[2]) - 1, columnFromLetters(b[1]));
}

function ordered(r1: number, c1: number, r2: number, c2: number): RangeRef | null {
  const r = { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
  if (r.top < 0 || r.left < 0 || r.bottom > MAX_ROW || r.right > MAX_COL) return null;
  return r;
}

/** Splits "Sheet!A1:B2" / "'a b'!A1" into the sheet name (unquoted) and the local address. */
export function splitQualified(address: string): { sheet: string | null; local: string } {
  const text = address.trim();
  if (text.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < text.length) {
      if (text[i] === "'" && text[i + 1] === "'") {
        name += "'";
        i += 2;
      } else if (text[i] === "'") break;
      else name += text[i++];
    }
    return { sheet: name, local: text.slice(i + 2) };
  }
  const bang = text.lastIndexOf('!');
  return bang < 0 ? { sheet: null, local: text } : { sheet: text.slice(0, bang), local: text.slice(bang + 1) };
}

export function intersects(a: RangeRef, b: RangeRef): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function intersection(a: RangeRef, b: RangeRef): RangeRef | null {
  if (!intersects(a, b)) return null;
  return { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
}

export function cellCount(r: RangeRef): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}
