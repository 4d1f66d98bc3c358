/** Zero-based {row, col} inside the core; A1 strings only at the edges (output, tests, user input). */

export interface CellRef {
  row: number;
  col: number;
}

/** Inclusive zero-based rectangle. */
export interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The last row and column of an Excel sheet, zero-based (row 1,048,576, column XFD). */
export const MAX_ROW = 1048575;
export const MAX_COL = 16383;

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function toA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function refToA1(ref: CellRef): string {
  return toA1(ref.row, ref.col);
}

export function rangeToA1(range: RangeRef): string {
  const a = toA1(range.top, range.left);
  const b = toA1(range.bottom, range.right);
  return a === b ? a : `${a}:${b}`;
}

/** The zero-based column of letters such as "A" (0) or "xfd" (16383); the caller has checked they are letters. */
export function columnFromLetters(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

const A1_PATTERN = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** Like fromA1 for text that may not be an address (a file's own attributes): null instead of throwing. */
export function parseA1(address: string): CellRef | null {
  const m = A1_PATTERN.exec(address.trim());
  return m ? { row: Number(m[2]) - 1, col: columnFromLetters(m[1]) } : null;
}

export function fromA1(address: string): CellRef {
  const ref = parseA1(address);
  if (!ref) throw new RangeError(`Not an A1 address: ${address}`);
  return ref;
}

/** "B2:A1" or "A1" as a normalised range; null unless it is one or two addresses joined by ':'. */
export function parseRangeA1(range: string): RangeRef | null {
  const parts = range.trim().split(':');
  if (parts.length > 2) return null;
  const start = parseA1(parts[0]);
  const end = parts.length === 2 ? parseA1(parts[1]) : start;
  return start && end ? spanning(start, end) : null;
}

export function rangeFromA1(range: string): RangeRef {
  const [a, b] = range.split(':');
  const start = fromA1(a);
  return spanning(start, b ? fromA1(b) : start);
}

function spanning(a: CellRef, b: CellRef): RangeRef {
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

export function rangeContains(range: RangeRef, row: number, col: number): boolean {
  return row >= range.top && row <= range.bottom && col >= range.left && col <= range.right;
}
