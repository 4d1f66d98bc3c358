import DecimalBase from 'decimal.js';
import fc from 'fast-check';
import { Decimal } from '../../src/core/money/decimal';
import {
  evaluateFormula,
  FormulaError,
  FormulaSyntaxError,
  isFormulaError,
  parseA1,
  parseFormula,
  referencesOf,
  SheetReader,
  Value,
} from './formula-eval';

/** Cells by A1 address; numbers are given as strings or numbers, "=…" is a formula. */
type Sheets = Record<string, Record<string, number | string | boolean | null>>;

/** A reader over in-memory sheets that evaluates formula cells recursively, as a workbook would. */
function reader(sheets: Sheets): SheetReader {
  const cells = new Map<string, number | string | boolean | null>();
  for (const [sheet, byAddress] of Object.entries(sheets)) {
    for (const [address, v] of Object.entries(byAddress)) {
      const ref = parseA1(address)!;
      cells.set(`${sheet}!${ref.row},${ref.col}`, v);
    }
  }
  const read: SheetReader = (sheet, row, col) => {
    if (!(sheet in sheets)) return { error: '#REF!' };
    const v = cells.get(`${sheet}!${row},${col}`);
    if (v === undefined || v === null) return null;
    if (typeof v === 'number') return new Decimal(String(v));
    if (typeof v === 'string' && v.startsWith('=')) return evaluateFormula(v, sheet, read);
    return v;
  };
  return read;
}

const EMPTY: SheetReader = () => null;

/** Evaluates and renders: a number as its exact decimal text, text quoted, errors as their code. */
function show(formula: string, read: SheetReader = EMPTY, sheet = 'Sheet1'): string {
  return render(evaluateFormula(formula, sheet, read));
}

function render(v: Value | FormulaError): string {
  if (isFormulaError(v)) return v.error;
  if (v === null) return '(empty)';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v.toFixed();
}

describe('literals and operators', () => {
  it.each([
    ['123', '123'],
    ['=0.5', '0.5'],
    ['1E3', '1000'],
    ['1.5e-2', '0.015'],
    ['.25', '0.25'],
    ['"abc"', '"abc"'],
    ['"say ""hi"""', '"say \\"hi\\""'],
    ['TRUE', 'TRUE'],
    ['false', 'FALSE'],
    ['#N/A', '#N/A'],
  ])('%s → %s', (formula, expected) => expect(show(formula)).toBe(expected));

  it.each([
    ['1+2*3', '7'],
    ['(1+2)*3', '9'],
    ['2*3^2', '18'],
    ['-2^2', '4'], // negation binds tighter than ^ in Excel
    ['0-2^2', '-4'],
    ['2^3^2', '64'], // ^ is left-associative
    ['2^-1', '0.5'],
    ['50%', '0.5'],
    ['-50%', '-0.5'],
    ['ROUND(2^50%,10)', '1.4142135624'],
    ['200%%', '0.02'],
    ['10-4-3', '3'],
    ['12/4/3', '1'],
    ['1+2&3', '"33"'], // & is below + -
    ['1&2=12', 'FALSE'], // "12" is text, text <> number
    ['1&2="12"', 'TRUE'],
    ['1+1=2', 'TRUE'],
    ['3>2>1', 'TRUE'], // (3>2)>1 → TRUE>1, logicals sort above numbers
    ['1<2<3', 'FALSE'], // TRUE<3
    ['--"3"', '3'],
    ['+"abc"', '"abc"'], // unary plus is a no-op in Excel
    ['1<>1', 'FALSE'],
    ['"abc"="ABC"', 'TRUE'], // case-insensitive
    ['"b">"a"', 'TRUE'],
    ['"a">999', 'TRUE'], // text sorts above numbers
    ['TRUE>"z"', 'TRUE'],
    ['TRUE+TRUE', '2'],
    ['1/3*3=1', 'TRUE'], // the 40-digit quotient's tail does not flip a comparison
    ['ROUNDDOWN(1/3*3,0)', '1'], // … nor a rounding
    ['INT(2/3*3)', '2'],
    ['ROUND(1/3,30)', '0.333333333333333333333333333333'],
    ['0.1*3', '0.3'],
    ['2.5&"%"', '"2.5%"'],
    ['1/3&""', '"0.333333333333333"'],
    ['TRUE&1', '"TRUE1"'],
  ])('%s → %s', (formula, expected) => expect(show(formula)).toBe(expected));

  it('accepts spaces between tokens and a leading "="', () => {
    expect(show('= 1 +  2 * ( 3 - 1 )')).toBe('5');
  });
});

describe('exact decimal arithmetic and rounding', () => {
  it('has no binary floating point error', () => {
    expect(show('SUM(0.1,0.2)')).toBe('0.3');
    expect(show('0.1+0.2=0.3')).toBe('TRUE');
    expect(show('1.1*1.1')).toBe('1.21');
    expect(show('22854.27-22854.26')).toBe('0.01');
  });

  it.each([
    ['ROUND(2.5,0)', '3'],
    ['ROUND(-2.5,0)', '-3'],
    ['ROUND(0.125,2)', '0.13'],
    ['ROUND(-0.125,2)', '-0.13'],
    ['ROUND(1.005,2)', '1.01'],
    ['ROUND(2.345,2)', '2.35'],
    ['ROUND(0.12345,4)', '0.1235'],
    ['ROUND(2.4999,0)', '2'],
    ['ROUND(1234.5,-2)', '1200'],
    ['ROUND(1250,-2)', '1300'],
    ['ROUND(-1250,-2)', '-1300'],
    ['ROUND(1.2345,2.9)', '1.23'], // digits truncated
    ['ROUND(2/3,4)', '0.6667'],
    ['ROUNDUP(1.231,2)', '1.24'],
    ['ROUNDUP(-1.231,2)', '-1.24'],
    ['ROUNDUP(1.2,0)', '2'],
    ['ROUNDDOWN(1.239,2)', '1.23'],
    ['ROUNDDOWN(-1.239,2)', '-1.23'],
    ['ROUNDDOWN(1299,-2)', '1200'],
    ['INT(2.7)', '2'],
    ['ROUND(-0.00001,4)', '0'],
    ['INT(-2.5)', '-3'],
    ['ABS(-3.25)', '3.25'],
    ['ROUND("2.5",0)', '3'], // numeric text converts in a direct argument
    ['ROUND("x",0)', '#VALUE!'],
  ])('%s → %s', (formula, expected) => expect(show(formula)).toBe(expected));
});

describe('errors', () => {
  it.each([
    ['1/0', '#DIV/0!'],
    ['0/0', '#DIV/0!'],
    ['"a"+1', '#VALUE!'],
    ['""+1', '#VALUE!'],
    ['-"a"', '#VALUE!'],
    ['"1,234.5"+0', '1234.5'], // Excel converts numeric text in arithmetic
    ['" 50% "*2', '1'],
    ['FOO(1)', '#NAME?'],
    ['Total*2', '#NAME?'],
    ['_xlfn.NOSUCH(1)', '#NAME?'],
    ['SUM(#REF!)', '#REF!'],
    ['Sheet1!#REF!+1', '#REF!'],
    ['0^0', '#NUM!'],
    ['0^-1', '#DIV/0!'],
    ['(-8)^(1/3)', '#NUM!'],
    ['10^400', '#NUM!'],
    ['IFERROR(1/0,0)', '0'],
    ['IFERROR(1/0,"")', '""'],
    ['IFERROR(FOO(),"n")', '"n"'],
    ['IFERROR(7,0)', '7'],
    ['IF(1/0>1,1,2)', '#DIV/0!'],
    ['ROUND(1/0,2)', '#DIV/0!'],
    ['#N/A+1/0', '#N/A'], // the left operand's error wins
    ['1&#VALUE!', '#VALUE!'],
    ['MAX(1,#NUM!)', '#NUM!'],
    ['NOT("x")', '#VALUE!'],
    ['IF("x",1,2)', '#VALUE!'],
    ['AND("x")', '#VALUE!'],
  ])('%s → %s', (formula, expected) => expect(show(formula)).toBe(expected));

  it('propagates errors through referenced cells and ranges', () => {
    const read = reader({ Sheet1: { A1: 0, A2: 5, A3: '=A2/A1', A4: '=A3+1', A5: '="x"*2' } });
    expect(show('A3', read)).toBe('#DIV/0!');
    expect(show('A4', read)).toBe('#DIV/0!');
    expect(show('SUM(A1:A4)', read)).toBe('#DIV/0!');
    expect(show('MIN(A1:A5)', read)).toBe('#DIV/0!');
    expect(show('IFERROR(A4,-1)', read)).toBe('-1');
    expect(show('A5', read)).toBe('#VALUE!');
    expect(show('IFERROR(ROUND(A2/A1,4),0)', read)).toBe('0');
  });

  it('gives #REF! for a sheet the reader does not know', () => {
    expect(show("'没有的表'!A1+1", reader({ Sheet1: {} }))).toBe('#REF!');
  });

  it.each([
    [''],
    ['1+'],
    ['(1+2'],
    ['1+2)'],
    ['"abc'],
    ['SUM(1'],
    ['A1 B1'],
    ['A:A'],
    ['{1,2}'],
    ["'Sheet1'A1"],
    ['Sheet1!Foo'],
    ['Sheet1:Sheet2!A1'],
    ['#WHAT?'],
    ['ROUND(1)'],
    ['ROUND(1,2,3)'],
    ['IFERROR(1)'],
    ['A1:Sheet2!B2'],
  ])('rejects %j with FormulaSyntaxError', (formula) => {
    expect(() => evaluateFormula(formula, 'Sheet1', EMPTY)).toThrow(FormulaSyntaxError);
  });
});

describe('references', () => {
  const read = reader({
    Sheet1: { A1: 1, A2: 2, A3: 3, B1: 10, B2: 20, B3: 30, C1: 'text', C2: true, C3: '7', D1: '=A1+B1' },
    '公开02表': { C7: '1234.56', D7: 100 },
    "Bob's sheet": { A1: 42 },
    'Sheet 2': { A1: 5, A2: 6 },
  });

  it('reads single cells with and without $', () => {
    expect(show('A2', read)).toBe('2');
    expect(show('$A$2+A$3+$B1', read)).toBe('15');
    expect(show('a1+b1', read)).toBe('11');
    expect(show('D1*2', read)).toBe('22');
  });

  it('accepts Decimals from another decimal.js clone and errors from the reader', () => {
    const r: SheetReader = (_s, row) => (row === 0 ? new DecimalBase('2.5') : { error: '#N/A' });
    expect(show('ROUND(A1,0)', r)).toBe('3');
    expect(show('A2+1', r)).toBe('#N/A');
    expect(show('IFERROR(A2,"-")', r)).toBe('"-"');
  });

  it('gives 0 for a formula that is just an empty cell, as Excel shows it', () => {
    expect(show('Z99', read)).toBe('0');
    expect(show('Z99+1', read)).toBe('1');
    expect(show('Z99&"x"', read)).toBe('"x"');
    expect(show('Z99=0', read)).toBe('TRUE');
    expect(show('Z99=""', read)).toBe('TRUE');
    expect(show('Z99=FALSE', read)).toBe('TRUE');
  });

  it('reads cross-sheet references, quoted Chinese names and escaped quotes', () => {
    expect(show("'公开02表'!C7", read)).toBe('"1234.56"');
    expect(show("'公开02表'!C7*1", read)).toBe('1234.56');
    expect(show('公开02表!D7/4', read)).toBe('25');
    expect(show("'Bob''s sheet'!A1", read)).toBe('42');
    expect(show("SUM('Sheet 2'!A1:A2)", read)).toBe('11');
    expect(show("SUM('Sheet 2'!A1:'Sheet 2'!A2)", read)).toBe('11');
    expect(show('A1', read, 'Sheet 2')).toBe('5'); // unqualified references use the formula's sheet
  });

  it('sums ranges, ignoring text, logicals and blanks inside references', () => {
    expect(show('SUM(A1:B3)', read)).toBe('66');
    expect(show('SUM(B3:A1)', read)).toBe('66'); // reversed corners
    expect(show('SUM(C1:C3)', read)).toBe('0');
    expect(show('SUM(C3)', read)).toBe('0'); // a text cell is ignored even alone
    expect(show('SUM(A1:A3,10,"5",TRUE)', read)).toBe('22'); // direct values convert
    expect(show('SUM(A1:A3,"x")', read)).toBe('#VALUE!');
    expect(show('SUM(A1,)', read)).toBe('1');
  });

  it('uses a range only where a function takes one', () => {
    expect(show('A1:A3', read)).toBe('#VALUE!');
    expect(show('A1:A3+1', read)).toBe('#VALUE!');
    expect(show('A1:A1+1', read)).toBe('2');
    expect(show('C3+1', read)).toBe('8'); // numeric text converts in arithmetic
    expect(show('C1+1', read)).toBe('#VALUE!');
    expect(show('C2+1', read)).toBe('2');
  });

  it('computes MIN/MAX over ranges with blanks', () => {
    const r = reader({ S: { A1: 5, A2: null, A3: -2, A4: 'n/a', A5: 8, B1: null, B2: 'x' } });
    expect(show('MIN(A1:A6)', r, 'S')).toBe('-2');
    expect(show('MAX(A1:A6)', r, 'S')).toBe('8');
    expect(show('MIN(B1:B3)', r, 'S')).toBe('0'); // no numbers
    expect(show('MAX(B1:B3)', r, 'S')).toBe('0');
    expect(show('MIN(A1:A6,-10)', r, 'S')).toBe('-10');
    expect(show('MAX(A2,1)', r, 'S')).toBe('1'); // a blank cell is not 0
    expect(show('MIN(1,"0.5")', r, 'S')).toBe('0.5');
  });
});

describe('logical and information functions', () => {
  const read = reader({ S: { A1: 0, A2: 3, A3: 'x', A4: '', B1: true } });
  it.each([
    ['IF(A2>2,"big","small")', '"big"'],
    ['IF(A2>=4,"big","small")', '"small"'],
    ['IF(A2<>3,1)', 'FALSE'],
    ['IF(A2=3,1)', '1'],
    ['IF(A1,1,2)', '2'],
    ['IF(A9,1,2)', '2'],
    ['IF(A2,,2)', '0'],
    ['IF("true",1,2)', '1'],
    ['IF(A1=0,A9,A2)', '0'],
    ['SUM(IF(TRUE,A1:A3))', '3'], // IF hands on the reference
    ['IF(A3="X",1,2)', '1'],
    ['AND(A2>1,A2<5)', 'TRUE'],
    ['AND(A2>1,A2>5)', 'FALSE'],
    ['AND(A1:A4,TRUE)', 'FALSE'], // A1 = 0, text ignored
    ['AND(A2:A4)', 'TRUE'],
    ['AND(A3:A4)', '#VALUE!'], // no logical values at all
    ['OR(A1,A2>5)', 'FALSE'],
    ['OR(A1,B1)', 'TRUE'],
    ['NOT(A1)', 'TRUE'],
    ['NOT(A9)', 'TRUE'],
    ['ISBLANK(A9)', 'TRUE'],
    ['ISBLANK(A4)', 'FALSE'], // "" is text, not blank
    ['ISBLANK(A1)', 'FALSE'],
    ['ISBLANK("")', 'FALSE'],
    ['ISBLANK(1/0)', 'FALSE'],
    ['ISNUMBER(A2)', 'TRUE'],
    ['ISNUMBER(A3)', 'FALSE'],
    ['ISNUMBER(A9)', 'FALSE'],
    ['ISNUMBER("3")', 'FALSE'],
    ['ISNUMBER(1/0)', 'FALSE'],
    ['N(A2)', '3'],
    ['N(A3)', '0'],
    ['N(B1)', '1'],
    ['N(A9)', '0'],
    ['N(1/0)', '#DIV/0!'],
    ['TRUE()', 'TRUE'],
  ])('%s → %s', (formula, expected) => expect(show(formula, read, 'S')).toBe(expected));

  it('evaluates only the IF branch it takes', () => {
    const calls: string[] = [];
    const spy: SheetReader = (sheet, row, col) => {
      calls.push(`${sheet}!${row},${col}`);
      return new Decimal(1);
    };
    expect(show('IF(TRUE,A1,B1)', spy)).toBe('1');
    expect(calls).toEqual(['Sheet1!0,0']);
  });
});

describe('SUMPRODUCT', () => {
  const read = reader({ S: { A1: 1, A2: 2, A3: 3, B1: 4, B2: 'x', B3: 6, C1: 1, C2: 1, D1: '=1/0' } });
  it.each([
    ['SUMPRODUCT(A1:A3,B1:B3)', '22'], // text counts as 0
    ['SUMPRODUCT(A1:A3)', '6'],
    ['SUMPRODUCT(A1:A3,C1:C3)', '3'],
    ['SUMPRODUCT(A1:A3,B1:B2)', '#VALUE!'],
    ['SUMPRODUCT(A1:B3,A1:B3)', '66'], // 1+16+4+0+9+36
    ['SUMPRODUCT(D1:D2,A1:A2)', '#DIV/0!'],
  ])('%s → %s', (formula, expected) => expect(show(formula, read, 'S')).toBe(expected));
});

describe('typical fill formulas against a small grid', () => {
  // A 绩效自评 table: C 预算数, D 执行数 on rows 8–10, and a 公开 table column C8:C32.
  const grid: Sheets = {
    自评表: {
      C7: 100, D7: 100, E7: 79.54,
      C8: 500, D8: 397.7,
      C9: 0, D9: 12,
      C10: 300, D10: 450,
      F7: '=IFERROR(ROUND(E7/D7,4),0)',
      G8: '=MIN(20,ROUND(20*MIN(1,D8/C8),0))',
    },
    '公开02表': {},
  };
  // 0.8, 0.9 … 3.2 (tenths: binary floating point would drift), blanks on rows 10, 15 …, a 小计 label
  // and a number stored as text, both of which SUM over a range ignores.
  for (let r = 8; r <= 32; r++) grid['公开02表'][`C${r}`] = r % 5 === 0 ? null : r / 10;
  grid['公开02表'].C21 = '小计';
  grid['公开02表'].C22 = '100';
  const read = reader(grid);

  it('执行率 IFERROR(ROUND(E7/D7,4),0)', () => {
    expect(show('IFERROR(ROUND(E7/D7,4),0)', read, '自评表')).toBe('0.7954');
    expect(show('F7', read, '自评表')).toBe('0.7954');
    // 0/0 and x/0 fall back to 0
    expect(show('IFERROR(ROUND(E9/C9,4),0)', read, '自评表')).toBe('0');
    expect(show('IFERROR(ROUND(D9/C9,4),0)', read, '自评表')).toBe('0');
  });

  it('得分 MIN(20,ROUND(20*MIN(1,D8/C8),0))', () => {
    expect(show('MIN(20,ROUND(20*MIN(1,D8/C8),0))', read, '自评表')).toBe('16'); // 15.908 → 16
    expect(show('G8', read, '自评表')).toBe('16');
    expect(show('MIN(20,ROUND(20*MIN(1,D10/C10),0))', read, '自评表')).toBe('20'); // over-execution capped
    expect(show('MIN(20,ROUND(20*MIN(1,D9/C9),0))', read, '自评表')).toBe('#DIV/0!');
  });

  it('合计 SUM(C8:C32)', () => {
    // 0.8+0.9+1.1+…+3.2 without rows 10, 15, 20, 25, 30 (blank) and 21, 22 (text): 35.7
    expect(show('SUM(C8:C32)', read, '公开02表')).toBe('35.7');
    expect(show("SUM('公开02表'!C8:C32)", read, '自评表')).toBe('35.7');
    expect(show("ROUND(SUM('公开02表'!C8:C32)/2,1)", read, '自评表')).toBe('17.9'); // 17.85 half up
  });
});

describe('parseFormula', () => {
  it('builds an AST with zero-based references and normalized function names', () => {
    expect(parseFormula("=_xlfn.round('公开02表'!$C$7:D8, 2)")).toEqual({
      kind: 'call',
      name: 'ROUND',
      args: [
        { kind: 'range', sheet: '公开02表', top: 6, left: 2, bottom: 7, right: 3 },
        { kind: 'number', value: new Decimal(2) },
      ],
    });
  });

  it('encodes precedence in the tree', () => {
    const ast = parseFormula('1+2*3&"x"=A1%');
    expect(ast).toMatchObject({
      kind: 'binary',
      op: '=',
      left: {
        kind: 'binary',
        op: '&',
        left: { kind: 'binary', op: '+', right: { kind: 'binary', op: '*' } },
        right: { kind: 'string', value: 'x' },
      },
      right: { kind: 'percent', operand: { kind: 'ref', sheet: null, row: 0, col: 0 } },
    });
    expect(parseFormula('IF(A1,,)')).toEqual({
      kind: 'call',
      name: 'IF',
      args: [{ kind: 'ref', sheet: null, row: 0, col: 0 }, { kind: 'missing' }, { kind: 'missing' }],
    });
  });

  it('parses addresses up to XFD1048576 only', () => {
    expect(parseA1('XFD1048576')).toEqual({ row: 1048575, col: 16383 });
    expect(parseA1('AA10')).toEqual({ row: 9, col: 26 });
    expect(parseA1('XFE1')).toBeNull();
    expect(parseA1('A0')).toBeNull();
    expect(parseFormula('XFE1')).toEqual({ kind: 'name', name: 'XFE1' });
  });
});

describe('referencesOf', () => {
  it('lists the cells a formula depends on, ranges expanded, each once', () => {
    expect(referencesOf('IFERROR(ROUND(E7/D7,4),0)', '自评表')).toEqual([
      { sheet: '自评表', row: 6, col: 4 },
      { sheet: '自评表', row: 6, col: 3 },
    ]);
    expect(referencesOf('MIN(20,ROUND(20*MIN(1,D8/C8),0))+D8', 'S')).toEqual([
      { sheet: 'S', row: 7, col: 3 },
      { sheet: 'S', row: 7, col: 2 },
    ]);
    expect(referencesOf("SUM(B2:C3)-'公开 02表'!$A$1+IF(Z1,Sheet9!B2,0)", 'S')).toEqual([
      { sheet: 'S', row: 1, col: 1 },
      { sheet: 'S', row: 1, col: 2 },
      { sheet: 'S', row: 2, col: 1 },
      { sheet: 'S', row: 2, col: 2 },
      { sheet: '公开 02表', row: 0, col: 0 },
      { sheet: 'S', row: 0, col: 25 },
      { sheet: 'Sheet9', row: 1, col: 1 },
    ]);
  });

  it('expands SUM(C8:C32) to 25 cells', () => {
    const refs = referencesOf('=SUM(C8:C32)', 'T');
    expect(refs).toHaveLength(25);
    expect(refs[0]).toEqual({ sheet: 'T', row: 7, col: 2 });
    expect(refs[24]).toEqual({ sheet: 'T', row: 31, col: 2 });
  });

  it('is empty for a constant formula', () => {
    expect(referencesOf('ROUND(1/3,2)&"x"', 'S')).toEqual([]);
  });
});

describe('properties', () => {
  const amount = fc.integer({ min: -1e9, max: 1e9 }).map((n) => new Decimal(n).div(100));

  it('SUM over a range equals the exact decimal sum', () => {
    fc.assert(
      fc.property(fc.array(fc.option(amount), { minLength: 1, maxLength: 30 }), (column) => {
        const read: SheetReader = (_s, row) => column[row] ?? null;
        const expected = column.reduce((s: Decimal, v) => (v ? s.plus(v) : s), new Decimal(0));
        const got = evaluateFormula(`SUM(A1:A${column.length})`, 'S', read);
        expect(render(got)).toBe(expected.toFixed());
      }),
    );
  });

  it('ROUND(a/b,4) is the half-away-from-zero rounding of the exact quotient', () => {
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        const read: SheetReader = (_s, _r, col) => (col === 0 ? a : b);
        const got = render(evaluateFormula('IFERROR(ROUND(A1/B1,4),0)', 'S', read));
        if (b.isZero()) return expect(got).toBe('0');
        const q = a.div(b);
        const floor = q.abs().times(10000).floor();
        const frac = q.abs().times(10000).minus(floor);
        const mag = frac.gte(0.5) ? floor.plus(1) : floor;
        const expected = mag.div(10000).times(q.isNegative() ? -1 : 1);
        expect(got).toBe(expected.isZero() ? '0' : expected.toFixed());
      }),
    );
  });
});
