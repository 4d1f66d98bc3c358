import { Decimal } from '../money/decimal';
import type { CellValue } from './grid';

/**
 * A cell read as an amount. Finance exports and PDF pastes put numbers in many shapes:
 * "22854. 27", "1, 212. 84", "２２８５４．２７", "2,946.25", "(1.00)", "79.54%", "8 0%".
 */
export type ParsedAmount =
  | { kind: 'empty'; raw: CellValue }
  | {
      kind: 'number';
      value: Decimal;
      /** The cell held text that reads as a number (a hygiene finding). */
      fromText: boolean;
      /** Written with a % sign: `value` is already divided by 100. */
      percent: boolean;
      /** Decimal places as written (for text) or as stored (for numbers). */
      decimals: number;
      raw: CellValue;
    }
  | { kind: 'text'; raw: CellValue };

/** Placeholders that mean "no amount": dashes of every width, slash, 无. */
const EMPTY_MARKERS = new Set(['', '-', '--', '—', '——', '－', '－－', '/', '／', '―', '─', '无']);

// After NFKC and removing spaces: optional sign or parentheses, digits with optional thousands
// commas, optional fraction, optional %.
const NUMBER_TEXT = /^([+-]?)(\(?)(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?(\)?)(%?)$/;

export function parseAmount(raw: CellValue): ParsedAmount {
  if (raw === null || raw === undefined) return { kind: 'empty', raw: null };
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { kind: 'text', raw };
    const value = new Decimal(String(raw));
    return { kind: 'number', value, fromText: false, percent: false, decimals: Math.max(0, value.decimalPlaces()), raw };
  }
  if (typeof raw === 'boolean') return { kind: 'text', raw };
  return parseAmountText(raw);
}

function parseAmountText(raw: string): ParsedAmount {
  const folded = raw.normalize('NFKC').trim();
  if (EMPTY_MARKERS.has(folded)) return { kind: 'empty', raw };
  // Spaces and thin spaces only ever sit between digits or around . , % in pasted numbers.
  const compact = folded.replace(/[\s\u00a0\u2009\u202f]+/g, '');
  if (EMPTY_MARKERS.has(compact)) return { kind: 'empty', raw };
  // A comma followed by a space and 3 digits is a thousands separator: "1, 212. 84".
  const m = NUMBER_TEXT.exec(compact);
  if (!m) return { kind: 'text', raw };
  const [, sign, open, intPart, fracPart, close, pct] = m;
  if (!intPart && !fracPart) return { kind: 'text', raw };
  if ((open === '(') !== (close === ')')) return { kind: 'text', raw };
  if (open && sign) return { kind: 'text', raw };
  const digits = `${(intPart ?? '0').replace(/,/g, '')}.${fracPart || '0'}`;
  let value = new Decimal(digits);
  if (sign === '-' || open === '(') value = value.negated();
  if (pct) value = value.dividedBy(100);
  return {
    kind: 'number',
    value,
    fromText: true,
    percent: pct === '%',
    decimals: (fracPart ?? '').length,
    raw,
  };
}

/** The amount as a Decimal, or null when the cell is empty or not a number. */
export function amountOf(raw: CellValue): Decimal | null {
  const p = parseAmount(raw);
  return p.kind === 'number' ? p.value : null;
}
