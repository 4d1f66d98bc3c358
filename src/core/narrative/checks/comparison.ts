import { factWan, statedWan, type Approx } from '../relations';
import type { Comparison } from '../statements';
import type { Claim } from '../types';
import type { NarrativeContext, NarrativeRule } from './context';

const BUDGETS = new Set(['年初预算', '全年预算']);

/**
 * NARRATIVE.comparison: a comparison word between the 决算 and the 预算 (大于, 小于, 超过, 未达到, 持平
 * …) agrees with the two figures the text states for them: "决算数小于全年预算数的主要原因…" after
 * "全年预算为 8.82万元，支出决算为 0.18万元". The figures are the last 预算 and 决算 stated before the
 * words in their paragraph (their table facts when resolved).
 */
export const comparison: NarrativeRule = {
  sources: [
    {
      id: 'NARRATIVE.comparison',
      title: '大于、小于、持平等比较词与所比的数字一致',
      severity: 'error',
      messages: {
        contradicts: '情况说明称“{{quote}}”，但前文{{topic}}决算 {{actual}}、预算 {{budget}}，决算实际{{truth}}预算。',
      },
    },
  ],
  run(ctx: NarrativeContext) {
    const source = this.sources[0];
    for (const cmp of ctx.comparisons) {
      const pair = figuresBefore(ctx, cmp);
      if (!pair) continue;
      const a = figure(ctx, pair.actual);
      const b = figure(ctx, pair.budget);
      const diff = a.value.minus(b.value);
      const close = diff.abs().lessThanOrEqualTo(a.half.plus(b.half));
      // the relation of 决算 to 预算 the words state
      const rel = cmp.first === '决算' ? cmp.relation : flip(cmp.relation);
      const holds =
        rel === '>' ? diff.isPositive() && !close : rel === '<' ? diff.isNegative() && !close : rel === '≤' ? diff.isNegative() || close : close;
      if (holds) continue;
      const truth = close ? '等于' : diff.isNegative() ? '小于' : '大于';
      const claim = pair.actual;
      ctx.report(source, 'contradicts', { quote: cmp.quote, topic: pair.actual.topic ?? '', actual: pair.actual.quote.trim(), budget: pair.budget.quote.trim(), truth }, claim, {
        quote: cmp.quote,
        at: { line: cmp.line, paragraph: cmp.paragraph, heading: cmp.heading },
        expected: `决算${truth}预算`,
        actual: cmp.quote,
        cells: [],
      });
    }
  },
};

const flip = (r: Comparison['relation']): Comparison['relation'] => (r === '>' ? '<' : r === '<' ? '>' : r === '≤' ? '>' : '=');

function figure(ctx: NarrativeContext, c: Claim): Approx {
  const f = ctx.resolve(c);
  return f ? factWan(f) : statedWan(c);
}

/** The 决算 and 预算 the words compare: the last of each before them in their paragraph, of one topic. */
function figuresBefore(ctx: NarrativeContext, cmp: Comparison): { actual: Claim; budget: Claim } | undefined {
  let actual: Claim | undefined;
  let budget: Claim | undefined;
  // the claims before the words, nearest first, in the paragraph
  const before = ctx.claimsBefore(cmp.start, 60).filter((c) => c.paragraph === cmp.paragraph && c.section === cmp.section && c.kind === 'amount' && !c.comparison);
  for (let k = before.length - 1; k >= 0; k--) {
    const c = before[k];
    if (!actual && c.measure === '决算') actual = c;
    else if (!budget && c.measure !== undefined && BUDGETS.has(c.measure)) budget = c;
    if (actual && budget) break;
  }
  if (!actual || !budget || actual.topic !== budget.topic) return undefined;
  return { actual, budget };
}
