import type { Block, NarrativeDraft, Run } from './blocks';
import { Decimal } from '../money/decimal';
import { printedWan } from './printed';
import type { Fact } from './types';

export interface StaleNumber {
  /** Index of the block and run in the draft. */
  block: number;
  run: number;
  factKey: string;
  /** What the draft says, and what the tables say now (null: the fact is gone). */
  printed: string;
  current: string | null;
}

/**
 * Links kept: every number run remembers its fact, so a draft can be compared with the tables as
 * they are now. Returns the numbers that no longer agree, and a refreshed copy of the draft whose
 * numbers are re-printed from the current facts (a number whose fact is gone is left as it was and
 * reported). `print` formats a fact the way the drafters do.
 */
export function refreshDraft(
  draft: NarrativeDraft,
  facts: readonly Fact[],
  print: (fact: Fact, previous: string) => string,
): { draft: NarrativeDraft; stale: StaleNumber[] } {
  const byKey = new Map(facts.map((f) => [f.key, f]));
  const asPrinted = (f: Fact | undefined) => (f ? ofPrintedParts(f, byKey) : undefined);
  const stale: StaleNumber[] = [];
  const blocks: Block[] = draft.blocks.map((b, bi) => {
    if (b.type !== 'paragraph') return b;
    const runs: Run[] = b.runs.map((r, ri) => {
      if (r.type !== 'number') return r;
      const fact = asPrinted(byKey.get(r.factKey));
      if (fact && stillRight(fact, r.text)) return r;
      const now = fact ? print(fact, r.text) : null;
      stale.push({ block: bi, run: ri, factKey: r.factKey, printed: r.text, current: now });
      return fact && now !== null ? { ...r, text: now, cells: fact.cells } : r;
    });
    return { ...b, runs };
  });
  return { draft: { ...draft, blocks }, stale };
}

/**
 * A share or rate as the drafters state it: of its part and whole as printed (0.01), so that a cell
 * holding 0.182 printed 0.18 gives 0.18 ÷ 8.82 = 2.04%, the figure the draft printed.
 */
function ofPrintedParts(f: Fact, byKey: ReadonlyMap<string, Fact>): Fact {
  const part = f.ratioOf && byKey.get(f.ratioOf.part);
  const whole = f.ratioOf && byKey.get(f.ratioOf.whole);
  if (!part || !whole) return f;
  const p = printedWan(part);
  const w = printedWan(whole);
  return w.isZero() ? f : { ...f, value: p.div(w).times(100) };
}

/**
 * Is the printed number still a right rendering of the fact? Amounts: equal at the printed
 * precision. Shares: within one last-digit unit, since a largest-remainder list moves one share
 * by a unit to make the list add to 100%.
 */
function stillRight(fact: Fact, printed: string): boolean {
  const m = /^-?\d+(?:\.(\d+))?%?$/.exec(printed);
  if (!m) return false;
  const dp = m[1]?.length ?? 0;
  const shown = new Decimal(printed.replace('%', ''));
  const diff = fact.value.toDecimalPlaces(dp, Decimal.ROUND_HALF_UP).minus(shown).abs();
  return printed.endsWith('%') ? diff.lessThanOrEqualTo(new Decimal(10).pow(-dp)) : diff.isZero();
}

/** The drafters' printing: 2 decimals half up, whole values without decimals, % for shares. */
export function printLikeDraft(fact: Fact, previous: string): string {
  const pct = previous.endsWith('%');
  const v = fact.value.toDecimalPlaces(2);
  const body = v.isInteger() && !/\.\d/.test(previous) ? v.toFixed(0) : v.toFixed(2);
  return pct ? `${body}%` : body;
}
