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

const A1_PATTERN = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

export function fromA1(address: string): CellRef {
  const m = A1_PATTERN.exec(address.trim());
  if (!m) throw new RangeError(`Not an A1 address: ${address}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function rangeFromA1(range: string): RangeRef {
  const [a, b] = range.split(':');
  const start = fromA1(a);
  const end = b ? fromA1(b) : start;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

export function rangeContains(range: RangeRef, row: number, col: number): boolean {
  return row >= range.top && row <= range.bottom && col >= range.left && col <= range.right;
}
