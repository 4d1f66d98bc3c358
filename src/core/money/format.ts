import { Decimal } from './decimal';

/** An amount as the tables print it: 2 decimals, or every decimal the value has beyond them. */
export function formatAmount(d: Decimal): string {
  return d.decimalPlaces() <= 2 ? d.toFixed(2) : d.toString();
}

/** "7.95", "20", "91.5": a score as a person writes it. */
export function formatScore(d: Decimal): string {
  return d.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toString();
}

/** A fraction as a percent with `dp` decimals: 0.795428 → "79.54%". */
export function formatPercent(fraction: Decimal, dp = 2): string {
  return `${fraction.times(100).toFixed(dp, Decimal.ROUND_HALF_UP)}%`;
}
