import { Decimal } from './decimal';

/**
 * Published amounts are rounded to the last shown digit (0.01 万元 or 0.01 元): each independently
 * rounded value is off by at most half of it. An identity over n rounded items and a rounded total
 * can therefore be off by up to 0.005·(n+1) without any error: that is a 尾差, not a mistake.
 */
export interface ToleranceSettings {
  /** Half of the last displayed digit of amounts (0.005 for 2-decimal tables). */
  halfUlp: string;
  /** Cap on the 尾差 envelope however many items are summed. */
  maxEnvelope: string;
  /** Percentages are shown with this many decimals (of the percent number: 79.54% → 2). */
  percentDecimals: number;
}

export const DEFAULT_TOLERANCE: ToleranceSettings = { halfUlp: '0.005', maxEnvelope: '0.05', percentDecimals: 2 };

export type Verdict = 'equal' | 'rounding' | 'error';

const parsed = new WeakMap<ToleranceSettings, { half: Decimal; cap: Decimal; byN: Decimal[] }>();

/** Envelope for an identity whose one side is a sum of `n` rounded items (memoized: a hot path). */
export function envelope(n: number, settings: ToleranceSettings = DEFAULT_TOLERANCE): Decimal {
  let p = parsed.get(settings);
  if (!p) parsed.set(settings, (p = { half: new Decimal(settings.halfUlp), cap: new Decimal(settings.maxEnvelope), byN: [] }));
  let e = p.byN[n];
  if (!e) {
    e = p.half.times(n + 1);
    if (e.greaterThan(p.cap)) e = p.cap;
    p.byN[n] = e;
  }
  return e;
}

export function classifyDifference(diff: Decimal, n: number, settings: ToleranceSettings = DEFAULT_TOLERANCE): Verdict {
  if (diff.isZero()) return 'equal';
  return diff.abs().lessThanOrEqualTo(envelope(n, settings)) ? 'rounding' : 'error';
}

/**
 * Interval arithmetic for a stated ratio: the inputs were rounded to ±halfUlp, so the true ratio
 * lies in [lo, hi]; the stated figure (rounded to `dp` decimals of its percent) is right if it lies
 * in [round(lo), round(hi)]. Returns null when the denominator interval contains 0.
 */
export function ratioInterval(
  numerator: Decimal,
  denominator: Decimal,
  halfUlp: Decimal | string = DEFAULT_TOLERANCE.halfUlp,
): { lo: Decimal; hi: Decimal } | null {
  const h = new Decimal(halfUlp);
  const nLo = numerator.minus(h);
  const nHi = numerator.plus(h);
  const dLo = denominator.minus(h);
  const dHi = denominator.plus(h);
  if (dLo.lessThanOrEqualTo(0) && dHi.greaterThanOrEqualTo(0)) return null;
  const candidates = [nLo.div(dLo), nLo.div(dHi), nHi.div(dLo), nHi.div(dHi)];
  let lo = candidates[0];
  let hi = candidates[0];
  for (const c of candidates) {
    if (c.lessThan(lo)) lo = c;
    if (c.greaterThan(hi)) hi = c;
  }
  return { lo, hi };
}

/** Is a stated ratio (as a fraction, 0.7954 for 79.54%) consistent with the rounded inputs? */
export function ratioConsistent(stated: Decimal, numerator: Decimal, denominator: Decimal, statedDecimals: number, halfUlp?: Decimal | string): boolean {
  const iv = ratioInterval(numerator, denominator, halfUlp);
  if (!iv) return true;
  // stated is a fraction shown as a percent with `statedDecimals` decimals: compare in fraction units
  const dp = statedDecimals + 2;
  const lo = iv.lo.toDecimalPlaces(dp, Decimal.ROUND_HALF_UP);
  const hi = iv.hi.toDecimalPlaces(dp, Decimal.ROUND_HALF_UP);
  // also allow truncation at the same precision (seen: 23.42% printed for 23.4299…)
  const loT = iv.lo.toDecimalPlaces(dp, Decimal.ROUND_DOWN);
  return stated.greaterThanOrEqualTo(Decimal.min(lo, loT)) && stated.lessThanOrEqualTo(hi);
}
