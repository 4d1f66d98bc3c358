import { Decimal, formatFixed, halfOfLastDigit } from '../money/decimal';
import { toWan } from '../money/units';
import type { Claim, Fact } from './types';

/**
 * The arithmetic of printed figures, shared by the narrative checks (checks/*.ts): every number of a
 * text is a rounded figure, so a stated amount is taken as ± half its last digit, a table cell as ±
 * half of its own last digit (0.182 → ± 0.0005), and a ratio is right when its printed value lies
 * within the rounding of the interval those give.
 */

/** A figure with the half-width of its rounding. */
export interface Approx {
  value: Decimal;
  half: Decimal;
}

export const HUNDRED = new Decimal(100);

const HALVES: Decimal[] = [];

/** Half of the last digit at `decimals` (0.005 for 2), computed once per precision: the checks ask for it per number. */
export function half(decimals: number): Decimal {
  if (decimals < 0 || decimals > 30) return halfOfLastDigit(decimals);
  return (HALVES[decimals] ??= halfOfLastDigit(decimals));
}

export const show = formatFixed;

/**
 * A stated amount in 万元 with its rounding. Narratives drop trailing zeros ("12万元", "0万元" for
 * 12.00 and 0.00), so a figure with fewer than 2 decimals is taken to the 0.01 of the tables.
 */
export function statedWan(c: Claim): Approx {
  const h = half(Math.max(2, c.decimals));
  return c.unit === '元' ? { value: toWan(c.value, '元'), half: toWan(h, '元') } : { value: c.value, half: h };
}

/** A fact in 万元, ± half of its last digit (at least the 0.005 of a 2-decimal table). */
export function factWan(f: Fact): Approx {
  const dp = Math.max(2, f.value.decimalPlaces());
  const h = half(dp);
  return f.unit === '元' ? { value: toWan(f.value, '元'), half: toWan(h, '元') } : { value: f.value, half: h };
}

/** A listed number: a count is exact, an amount is in 万元 with its rounding. */
export const listed = (c: Claim): Approx => (c.kind === 'count' ? { value: c.value, half: new Decimal(0) } : statedWan(c));

/** Σ of figures; its rounding is the sum of theirs. */
export function sumOf(figures: readonly Approx[]): Approx {
  let value = new Decimal(0);
  let half = new Decimal(0);
  for (const f of figures) {
    value = value.plus(f.value);
    half = half.plus(f.half);
  }
  return { value, half };
}

/** Two figures that may be the same number, given both roundings. */
export function agree(a: Approx, b: Approx): boolean {
  return a.value.minus(b.value).abs().lessThanOrEqualTo(a.half.plus(b.half));
}

export type RatioVerdict = 'ok' | 'truncated' | 'wrong' | 'undefined';

/** Is the printed percentage `stated` (with `decimals`) the rounding of some num ÷ den in the intervals? */
export function ratioVerdict(stated: Decimal, decimals: number, num: Approx, den: Approx): RatioVerdict {
  const dLo = den.value.minus(den.half);
  const dHi = den.value.plus(den.half);
  if (dLo.lessThanOrEqualTo(0)) return 'undefined';
  const nLo = num.value.minus(num.half);
  const nHi = num.value.plus(num.half);
  const lo = Decimal.max(nLo, 0).div(dHi).times(HUNDRED);
  const hi = nHi.div(dLo).times(HUNDRED);
  if (stated.greaterThanOrEqualTo(lo.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP)) && stated.lessThanOrEqualTo(hi.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP))) return 'ok';
  if (stated.greaterThanOrEqualTo(lo.toDecimalPlaces(decimals, Decimal.ROUND_DOWN)) && stated.lessThanOrEqualTo(hi.toDecimalPlaces(decimals, Decimal.ROUND_DOWN))) return 'truncated';
  return 'wrong';
}

/** num ÷ den × 100. */
export const pctOf = (num: Approx, den: Approx): Decimal => num.value.div(den.value).times(HUNDRED);

/** "100%" and "0%" say all and nothing: right only when exact, however close the rounding comes. */
export const saysAllOrNothing = (c: Claim): boolean => c.value.equals(HUNDRED) || (c.value.isZero() && c.decimals === 0);

export const sameSentence = (a: Claim, b: Claim): boolean => a.sentenceStart === b.sentenceStart && (a.sentenceStart !== undefined || a.sentence === b.sentence);

/** A percentage as printed: "2.04%". */
export const pct = (c: Claim): string => `${c.value.toFixed(c.decimals)}%`;

/**
 * A fact whose cell holds more decimals than the tables print (0.182 in a 2-decimal table): the text
 * that quotes it rounded ("0.18") is right about what the table shows, and the cell is the suspect.
 */
export const hasExcessDecimals = (f: Fact | undefined): boolean => f !== undefined && f.unit !== '%' && f.cells.length === 1 && f.value.decimalPlaces() > 2;

/** Items for a message: the first `max`, then how many more ("…等 25 项"). */
export function listOf(items: readonly string[], max = 12): string {
  if (items.length <= max) return items.join('、');
  return `${items.slice(0, max).join('、')}等 ${items.length} 项`;
}
