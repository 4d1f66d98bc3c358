import { Decimal } from './decimal';

/**
 * The one 元 ↔ 万元 conversion. Tables state their unit (元 or 万元); narratives and cross-table
 * checks compare in 万元, the unit of the published 情况说明.
 */
export type MoneyUnit = '元' | '万元';

/** 1 万元 = 10,000 元. */
export const YUAN_PER_WAN = new Decimal(10000);

/** An amount in `from` expressed in `to` (元 → 万元 divides by 10,000; the same unit is unchanged). */
export function convertMoney(value: Decimal, from: MoneyUnit, to: MoneyUnit): Decimal {
  if (from === to) return value;
  return from === '元' ? value.div(YUAN_PER_WAN) : value.times(YUAN_PER_WAN);
}

/** An amount of a table in `unit` (a table that states none is read as 万元) expressed in 万元. */
export function toWan(value: Decimal, unit: MoneyUnit | null | undefined): Decimal {
  return unit === '元' ? value.div(YUAN_PER_WAN) : value;
}
