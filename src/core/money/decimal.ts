import DecimalBase from 'decimal.js';

/**
 * The one Decimal policy of the product: enough precision for any 万元 or 元 amount and
 * ROUND_HALF_UP (四舍五入), the rounding the published tables use.
 */
export const Decimal = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);

export function sum(values: readonly Decimal[]): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/** Half of the last digit of a figure printed with `decimals` decimals: 2 → 0.005, 0 → 0.5. */
export function halfOfLastDigit(decimals: number): Decimal {
  return new Decimal(5).times(new Decimal(10).pow(-(decimals + 1)));
}

/** "22854.27" with exactly `dp` decimals, half up. */
export function formatFixed(value: Decimal, dp = 2): string {
  return value.toDecimalPlaces(dp, Decimal.ROUND_HALF_UP).toFixed(dp);
}
