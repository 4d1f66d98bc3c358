import { shiftFormula } from '../../../../src/hosts/xlsx/package/formula-shift';

describe('shiftFormula', () => {
  test.each([
    ['SUM($B2:C2)*rate', 1, 0, 'SUM($B3:C3)*rate'],
    ['A1+$A$1+A$1+$A1', 2, 3, 'D3+$A$1+D$1+$A3'],
    ['LOG10(A1)&"A1"&\'Sheet A1\'!B2', 1, 1, 'LOG10(B2)&"A1"&\'Sheet A1\'!C3'],
    ['SUM(A:A,1:1,Sheet1!B2:C3)', 1, 1, 'SUM(B:B,2:2,Sheet1!C3:D4)'],
    ['Table1[[#This Row],[A1]]+[1]Sheet1!A1', 1, 0, 'Table1[[#This Row],[A1]]+[1]Sheet1!A2'],
    ['A1-1.5E+3+_xlfn.XLOOKUP(B1,C1:C9,D1:D9)', 1, 0, 'A2-1.5E+3+_xlfn.XLOOKUP(B2,C2:C10,D2:D10)'],
    ['A2+B1', -1, 0, 'A1+#REF!'],
    // Off the right and bottom edges of the sheet, and whole ranges that fall off.
    ['XFC1+A1048575', 1, 1, 'XFD2+B1048576'],
    ['XFD1+A1048576', 1, 1, '#REF!+#REF!'],
    ['SUM(B:C)+SUM(2:3)', -1, -2, 'SUM(#REF!)+SUM(1:2)'],
    // Lower-case references are moved too and come out in capitals; "a""b" stays one string.
    ['a1&"a""b1"', 0, 1, 'B1&"a""b1"'],
    // Names that look like references are left alone: LOG10 above, and these.
    ['R1C1+A1B+_A1', 1, 1, 'R1C1+A1B+_A1'],
  ])('%s moved by (%i, %i)', (formula, dr, dc, expected) => {
    expect(shiftFormula(formula, dr, dc)).toBe(expected);
  });

  test('moving there and back is the identity for references that stay on the sheet', () => {
    const f = 'IF(AND(N(D5)=0,N(C5)=0),1,IFERROR(ROUND(D5/C5,4),0))+SUM($C$5:C9)';
    expect(shiftFormula(shiftFormula(f, 3, 2), -3, -2)).toBe(f);
  });
});
