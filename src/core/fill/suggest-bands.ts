import { refToA1 } from '../grid/address';
import type { WorkbookReader } from '../reading';
import type { SemanticTable } from '../tables/types';
import { qualitativeBand } from './indicator';
import { amount } from './read';
import { scorableIndicators } from './indicator-rows';
import type { BandSuggestion } from './types';

const BAND_ZH = { achieved: '达成预期指标', partly: '部分达成预期指标并具有一定效果', 'not-achieved': '未达成预期指标且效果较差' } as const;

/**
 * 定性指标 (备注3): no automatic score; a suggested band of the 分值 — 达成 100–80%, 部分达成 80–50%,
 * 未达成 50–0% — read from the actual text against the target, for the user to confirm.
 */
export function suggestBands(tables: readonly SemanticTable[], ctx: WorkbookReader): BandSuggestion[] {
  const out: BandSuggestion[] = [];
  for (const { table: t, line, scoreRef: s, weight, target: tc, actual: ac } of scorableIndicators(tables, ctx)) {
    const raw = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? v : null);
    const memoKey = `${String(tc?.value)}|${tc?.numFmt ?? ''}|${String(ac?.value)}|${ac?.numFmt ?? ''}|${weight.toString()}`;
    let band = bandMemo.get(memoKey);
    if (band === undefined) {
      if (bandMemo.size > 10000) bandMemo.clear();
      band = qualitativeBand(raw(tc?.value), raw(ac?.value), { targetNumFmt: tc?.numFmt, actualNumFmt: ac?.numFmt, weight });
      bandMemo.set(memoKey, band);
    }
    if (!band) continue;
    const score = amount(ctx, t, s);
    const [lo, hi] = band.range;
    const inside = score !== null && !ctx.read(t, s).kind.startsWith('empty') ? score.greaterThanOrEqualTo(lo) && score.lessThanOrEqualTo(hi) : null;
    out.push({
      sheet: t.sheet,
      address: refToA1(s),
      indicator: String(line.meta?.name ?? line.label),
      band: band.band,
      min: lo.toString(),
      max: hi.toString(),
      scoreInside: inside,
      message:
        `指标“${String(line.meta?.name ?? line.label)}”为定性指标，不自动计分：按实际完成值“${String(ac?.value ?? '')}”判断为${BAND_ZH[band.band]}，` +
        `建议得分在 ${lo.toString()}–${hi.toString()} 分之间（分值 ${weight.toString()}），请确认。` +
        (inside === false ? `表中得分 ${score?.toString()} 不在此区间。` : ''),
    });
  }
  return out;
}

// Parsing the texts is regex-heavy and each fill plan asks again: memoize by texts, formats and weight.
const bandMemo = new Map<string, ReturnType<typeof qualitativeBand>>();
