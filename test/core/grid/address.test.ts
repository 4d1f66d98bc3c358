import fc from 'fast-check';
import {
  columnFromLetters,
  columnLetters,
  fromA1,
  MAX_COL,
  MAX_ROW,
  parseA1,
  parseRangeA1,
  rangeFromA1,
  rangeToA1,
  toA1,
} from '../../../src/core/grid/address';

describe('A1 addresses', () => {
  test.each([
    ['A', 0],
    ['z', 25],
    ['AA', 26],
    ['AZ', 51],
    ['XFD', MAX_COL],
  ])('columnFromLetters(%s) = %i', (letters, col) => {
    expect(columnFromLetters(letters)).toBe(col);
  });

  test('columnFromLetters inverts columnLetters over the whole sheet', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: MAX_COL }), (col) => columnFromLetters(columnLetters(col)) === col));
  });

  test('parseA1 reads what fromA1 reads and gives null where fromA1 throws', () => {
    expect(parseA1(' $b$7 ')).toEqual({ row: 6, col: 1 });
    expect(parseA1('XFD1048576')).toEqual({ row: MAX_ROW, col: MAX_COL });
    for (const bad of ['', 'A', '7', 'A1B', 'ABCD1', 'A12345678', 'R1C1', 'A1:B2']) {
      expect(parseA1(bad)).toBeNull();
      expect(() => fromA1(bad)).toThrow(RangeError);
    }
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_ROW }), fc.integer({ min: 0, max: MAX_COL }), (row, col) => {
        expect(parseA1(toA1(row, col))).toEqual({ row, col });
        expect(fromA1(toA1(row, col))).toEqual({ row, col });
      }),
    );
  });

  test('parseRangeA1 normalises corners, takes a single cell, refuses the rest', () => {
    expect(parseRangeA1('C3:A1')).toEqual({ top: 0, left: 0, bottom: 2, right: 2 });
    expect(parseRangeA1(' $D$2 ')).toEqual({ top: 1, left: 3, bottom: 1, right: 3 });
    expect(parseRangeA1('A1:B2')).toEqual(rangeFromA1('A1:B2'));
    for (const bad of ['', 'A1:', ':A1', 'A1:B2:C3', 'A:A', '1:1', 'A1-B2']) expect(parseRangeA1(bad)).toBeNull();
    expect(rangeToA1(parseRangeA1('B2:B2')!)).toBe('B2');
  });
});
