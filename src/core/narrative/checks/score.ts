import { Decimal } from '../../money/decimal';
import { agree, half, listOf, show, sumOf, type Approx } from '../relations';
import type { Claim } from '../types';
import type { NarrativeContext, NarrativeRule } from './context';

const TOTAL_SCORE = /(?:总得分|总分|得分合计|合计得分|合计|自评得分|综合得分)$/;
const normWords = (s: string) => s.normalize('NFKC').replace(/[\s"“”'、，,。:：;；]/g, '').replace(/的$/, '');

/**
 * NARRATIVE.score: a score equals the table's (自评得分 = 总分, a 项目 report's 综合得分 = its table's
 * 总分); and the part scores before a 总得分 add up to it ("预算执行情况 20 分，产出指标 40 分，效益指标 30
 * 分，满意度指标 10 分，总得分 100 分"). Scores are printed exactly; one with decimals may be rounded to
 * its last digit.
 */
export const score: NarrativeRule = {
  sources: [
    {
      id: 'NARRATIVE.score',
      title: '说明中的得分与表中一致、各项得分之和等于总得分',
      severity: 'error',
      messages: {
        table: '情况说明中{{subject}} {{quote}}，与{{derivation}} {{value}} 分不符。',
        parts: '情况说明中{{subject}} {{quote}}，但前面所列 {{parts}}，合计 {{sum}} 分。',
      },
    },
  ],
  run(ctx: NarrativeContext) {
    const source = this.sources[0];
    for (const claim of ctx.claims) {
      if (claim.kind !== 'score') continue;
      const r = ctx.resolution(claim);
      if (!r) continue;
      ctx.resolved.set(claim, r.fact);
      const fact = r.fact;
      if (claim.value.minus(fact.value).abs().greaterThan(half(claim.decimals).plus('0.000001'))) {
        ctx.report(source, 'table', { subject: claim.subject, quote: claim.quote, derivation: fact.derivation, value: fact.value.toString() }, claim, {
          fact,
          expected: fact.value.toString(),
          actual: claim.value.toFixed(claim.decimals),
        });
      }
    }
    const bySentence = new Map<string, Claim[]>();
    for (const c of ctx.claims) {
      if (c.kind !== 'score') continue;
      const k = `${c.section}|${c.sentenceStart ?? ''}|${c.sentence}`;
      const list = bySentence.get(k);
      if (list) list.push(c);
      else bySentence.set(k, [c]);
    }
    for (const list of bySentence.values()) {
      const total = list[list.length - 1];
      const parts = list.slice(0, -1);
      if (parts.length < 2 || !TOTAL_SCORE.test(normWords(total.subject))) continue;
      // a whole score is exact; one with decimals may be rounded to its last digit
      const scoreOf = (c: Claim): Approx => ({ value: c.value, half: c.decimals > 0 ? half(c.decimals) : new Decimal(0) });
      const partsSum = sumOf(parts.map(scoreOf));
      ctx.markTogether(parts, total);
      if (agree(partsSum, scoreOf(total))) continue;
      const dp = Math.max(total.decimals, ...parts.map((p) => p.decimals));
      ctx.report(
        source,
        'parts',
        { subject: total.subject, quote: total.quote.trim(), parts: listOf(parts.map((p) => `${p.subject} ${p.quote.trim()}`)), sum: show(partsSum.value, dp) },
        total,
        { expected: show(partsSum.value, dp), actual: total.value.toFixed(total.decimals) },
      );
    }
  },
};
