import { Decimal } from '../money/decimal';
import { toWan } from '../money/units';
import type { Fact } from './types';

/**
 * A fact's value in 万元 as a report prints it, to 0.01 (percentages as they are). Drafts compute their
 * shares, rates and changes from these, so that a reader's arithmetic agrees with the text: a cell
 * holding 0.182 is printed 0.18, and its rate against 8.82 is 2.04% wherever it is stated.
 */
export function printedWan(f: Pick<Fact, 'value' | 'unit'>): Decimal {
  const v = toWan(f.value, f.unit === '元' ? '元' : '万元');
  return f.unit === '%' ? v : v.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}
