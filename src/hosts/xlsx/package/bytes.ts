/**
 * Bounds-checked little-endian reads over a Uint8Array, for the headers of untrusted files (zip,
 * OLE2). A read outside the bytes throws OutOfBounds, which the parsers turn into a result: damaged
 * input must never read garbage silently or crash with a TypeError.
 */

export class OutOfBounds extends Error {}

export function u16(b: Uint8Array, o: number): number {
  if (!(o >= 0 && o + 2 <= b.length)) throw new OutOfBounds(`read of 2 bytes at ${o} is outside the file`);
  return b[o] | (b[o + 1] << 8);
}

export function u32(b: Uint8Array, o: number): number {
  if (!(o >= 0 && o + 4 <= b.length)) throw new OutOfBounds(`read of 4 bytes at ${o} is outside the file`);
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}

/** 64-bit value as a double: exact up to 2^53, and anything bigger is out of bounds or a bomb anyway. */
export function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x1_0000_0000;
}
