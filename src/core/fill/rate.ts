import { Decimal, ZERO } from '../money/decimal';
import { excelRound } from './read';

export const ONE_HUNDRED_PERCENT = new Decimal(1);

/** numerator ÷ denominator rounded to 4 decimals as the ratio formula does; 0/0 per setting, x/0 → 0. */
export function rateValue(numerator: Decimal, denominator: Decimal, zeroOverZero: '100%' | '0%' | 'blank'): Decimal | null {
  if (denominator.isZero()) {
    if (numerator.isZero()) return zeroOverZero === '100%' ? ONE_HUNDRED_PERCENT : zeroOverZero === '0%' ? ZERO : null;
    return ZERO;
  }
  return excelRound(numerator.div(denominator), 4);
}
