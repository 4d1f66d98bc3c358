/** The 绩效 tables' money line with its weight read (the structure itself is in tables/perf-structure). */
import { Decimal } from '../money/decimal';
import { moneyLine, type MoneyLine } from '../tables/perf-structure';
import type { SemanticTable } from '../tables/types';
import type { Reading, WorkbookReader } from './reader';
import type { CheckSettings } from './settings';

export interface MoneyBlock extends MoneyLine {
  /** The weight of 预算执行 (湖北 "(20分)" in the header; 湖南 the 分值 cell). */
  weight: Reading;
}

export function moneyBlock(reader: WorkbookReader, table: SemanticTable): MoneyBlock | null {
  const line = moneyLine(reader.grid(table), table);
  if (!line) return null;
  const weight: Reading =
    line.variant === 'hubei'
      ? line.headerWeight !== null
        ? { kind: 'amount', value: new Decimal(line.headerWeight), fromText: true, decimals: 0 }
        : { kind: 'empty' }
      : reader.readScore(table, line.weightRef);
  return { ...line, weight };
}

/** The value a 0/0 rate should show under the settings (null: leave it blank). */
export function zeroOverZero(settings: CheckSettings): Decimal | null {
  const s = settings.zeroOverZeroRate;
  return s === '100%' ? new Decimal(1) : s === '0%' ? new Decimal(0) : null;
}

/** The 0/0 convention in words, for messages. */
export function zeroOverZeroText(settings: CheckSettings): string {
  const s = settings.zeroOverZeroRate;
  return s === 'blank' ? '按设置，0/0 的比率留空' : `按设置，0/0 的比率记为 ${s}（预算与执行均为 0：无可执行、亦无未执行）`;
}
