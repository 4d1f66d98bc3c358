import fc from 'fast-check';
import { parseAmount, amountOf } from '../../../src/core/grid/parse-amount';

const num = (raw: string | number | null) => {
  const p = parseAmount(raw);
  return p.kind === 'number' ? p.value.toString() : p.kind;
};

describe('parseAmount', () => {
  test.each([
    ['22854. 27', '22854.27'],
    ['1, 212. 84', '1212.84'],
    ['1, 375. 45', '1375.45'],
    ['２２８５４．２７', '22854.27'],
    ['2,946.25', '2946.25'],
    ['(1.00)', '-1'],
    ['（1.00）', '-1'],
    ['-3.5', '-3.5'],
    ['12. 00', '12'],
    ['0. 002 %', '0.00002'],
    ['66. 7%', '0.667'],
    ['8 0%', '0.8'],
    ['79.54％', '0.7954'],
    ['.5', '0.5'],
  ])('reads %p as %s', (raw, expected) => {
    expect(num(raw)).toBe(expected);
  });

  test.each(['', '  ', '-', '—', '——', '－', '/', '无', null])('reads %p as empty', (raw) => {
    expect(parseAmount(raw).kind).toBe('empty');
  });

  test.each(['合计', '1509户', '≥90%', '1.2.3', '12,34', '(5', 'abc'])('leaves %p as text', (raw) => {
    expect(parseAmount(raw).kind).toBe('text');
  });

  test('marks numbers stored as text and keeps their written decimals', () => {
    const p = parseAmount('0.182');
    expect(p.kind === 'number' && p.fromText && p.decimals === 3).toBe(true);
    const n = parseAmount(0.182);
    expect(n.kind === 'number' && !n.fromText && n.decimals === 3).toBe(true);
  });

  test('reads binary numbers through their shortest decimal form, not float noise', () => {
    expect(num(22854.27)).toBe('22854.27');
    expect(amountOf(0.1)?.plus(amountOf(0.2)!).toString()).toBe('0.3');
  });

  test('never throws on any string or number', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.double(), fc.integer()), (raw) => {
        parseAmount(raw);
      }),
      { numRuns: 3000 },
    );
  });

  test('what it accepts round-trips: every 2-decimal amount in each written form reads back exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.constantFrom('plain', 'thousands', 'pdf', 'fullwidth', 'paren'), (cents, form) => {
        const neg = cents < 0n;
        const abs = neg ? -cents : cents;
        const int = (abs / 100n).toString();
        const frac = (abs % 100n).toString().padStart(2, '0');
        const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
        let text: string;
        if (form === 'plain') text = `${neg ? '-' : ''}${int}.${frac}`;
        else if (form === 'thousands') text = `${neg ? '-' : ''}${grouped}.${frac}`;
        else if (form === 'pdf') text = `${neg ? '-' : ''}${grouped.replace(/,/g, ', ')}. ${frac}`;
        else if (form === 'fullwidth') text = `${neg ? '－' : ''}${int}.${frac}`.replace(/[0-9.]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
        else text = neg ? `(${grouped}.${frac})` : `${grouped}.${frac}`;
        const p = parseAmount(text);
        expect(p.kind).toBe('number');
        if (p.kind === 'number') {
          expect(p.value.times(100).toFixed(0)).toBe(cents.toString());
          expect(p.fromText).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
