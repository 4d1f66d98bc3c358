import { Decimal } from '../../money/decimal';
import { factWan, pct, ratioVerdict, show, statedWan, type Approx } from '../relations';
import type { Claim, Fact } from '../types';
import type { NarrativeCheckSource, NarrativeContext, NarrativeRule } from './context';

export const changeSource: NarrativeCheckSource = {
  id: 'NARRATIVE.change',
  title: '增减额等于本年数与比较基数之差',
  severity: 'error',
  messages: {
    wrong: '情况说明中{{subject}}{{direction}} {{quote}}，按本年 {{current}} 万元与比较基数 {{base}} 万元计算应为 {{expected}} 万元。',
    unchanged: '情况说明称{{subject}}与上年相同，但表中 {{current}} 万元、上年 {{base}} 万元。',
    parts: '情况说明中{{subject}}{{direction}} {{quote}}，但其构成{{parts}}，合计{{partsDirection}} {{partsSum}} 万元；总数的增减应等于各部分增减之和。',
  },
};

export const growthSource: NarrativeCheckSource = {
  id: 'NARRATIVE.growth',
  title: '增长率（下降率）等于增减额 ÷ 比较基数',
  severity: 'error',
  messages: {
    wrong: '情况说明中{{subject}}{{direction}}{{changeQuote}}、{{growthWord}}{{quote}}：{{how}}，{{growthWord}}率应为 {{expected}}。',
    truncated: '情况说明中{{subject}}{{growthWord}}{{quote}} 是截断的结果：{{how}}，{{growthWord}}率四舍五入应为 {{expected}}。',
    alone: '情况说明中{{subject}}{{growthWord}} {{quote}}，按本年 {{current}} 万元、上年 {{base}} 万元（{{baseFrom}}）计算应为{{actualWord}} {{expected}}。',
  },
};

export const directionSource: NarrativeCheckSource = {
  id: 'NARRATIVE.direction',
  title: '增减方向词与数字的正负一致',
  severity: 'error',
  messages: {
    rateVsChange: '情况说明中“{{changeWord}}{{changeQuote}}”与“{{growthWord}}{{quote}}”方向不一致：增加应对应增长，减少应对应下降。',
    vsBase: '情况说明称{{subject}}{{direction}}{{quote}}，但本年 {{current}} 万元、比较基数 {{base}} 万元，实为{{actualWord}} {{delta}} 万元。',
  },
};

const up = (d?: Claim['direction']) => d === '增加' || d === '增长';
const down = (d?: Claim['direction']) => d === '减少' || d === '下降';

/**
 * NARRATIVE.change, .growth and .direction: "X 增加 A 万元，增长 r%": r = A ÷ (X − A) for 增加 (the
 * prior year is X − A), A ÷ (X + A) for 减少; the direction words of the amount and the rate must
 * agree. X is the fact the change is said of (by its own words or topic), else the amount stated
 * before it in the sentence — unless the change names something else or stands in a reason clause
 * ("主要原因是住房保障支出增加 12185.80 万元" is about 住房保障, not the sentence's total). With prior-year
 * figures (or, for "比年初预算数增加", the 年初预算) the change itself is checked too: A = X − prior,
 * and "与上年相同" needs X = prior; a growth rate stated alone ("同比下降 X%") is checked against the
 * prior figure of its subject (the inputs, or the 基础数据表's 上年决算数 column).
 */
export const change: NarrativeRule = {
  sources: [changeSource, growthSource, directionSource],
  run(ctx: NarrativeContext) {
    const paired = new Set<Claim>();
    for (const c of ctx.claims) {
      if (c.kind === 'amount' && c.direction === '持平') unchanged(ctx, c);
      else if (c.kind === 'change' && (c.unit === '万元' || c.unit === '元')) {
        const g = changeWithGrowth(ctx, c);
        if (g) paired.add(g);
      }
    }
    for (const c of ctx.claims) if (c.kind === 'growth' && c.unit === '%' && !paired.has(c)) growthAlone(ctx, c);
  },
};

/** The prior figure (or 年初预算) a change of `fact` is measured from, when given. */
function baseOf(ctx: NarrativeContext, c: Claim, fact: Fact | undefined): { value: Decimal; from: string } | undefined {
  if (!fact) return undefined;
  const toBudget = /[比较](?:年初)?预算/.test(c.sentence);
  if (toBudget) {
    const v = ctx.options.budget?.[`${fact.key}.年初预算`];
    return v === undefined ? undefined : { value: v, from: '年初预算' };
  }
  const v = ctx.options.prior?.[fact.key];
  if (v !== undefined) return { value: v, from: '上年数' };
  const p = fact.priorKey ? ctx.resolver.fact(fact.priorKey) : undefined;
  return p ? { value: factWan(p).value, from: p.derivation } : undefined;
}

function unchanged(ctx: NarrativeContext, c: Claim): void {
  const fact = ctx.resolve(c);
  const prior = baseOf(ctx, c, fact);
  if (!fact || !prior || factWan(fact).value.equals(prior.value)) return;
  ctx.report(changeSource, 'unchanged', { subject: c.subject, current: show(factWan(fact).value, 2), base: show(prior.value, 2) }, c, {
    fact,
    expected: show(factWan(fact).value.minus(prior.value), 2),
    actual: '0',
  });
}

/** Checks a change and the growth rate after it; returns that growth rate, if any. */
function changeWithGrowth(ctx: NarrativeContext, change: Claim): Claim | undefined {
  const after = ctx.after(change);
  const nextChange = after.find((c) => c.kind === 'change');
  const growth = after.find((c) => c.kind === 'growth' && c.unit === '%' && (!nextChange || c.start < nextChange.start));
  const before = ctx.before(change).filter((c) => c.kind === 'amount' && (c.unit === '万元' || c.unit === '元'));
  // "与上年决算数3.04万元相比，减少2.53万元": the base is stated; else this year's figure less the change
  const stated = before.filter((c) => c.comparison).pop();
  const last = before.filter((c) => !c.comparison).pop();
  // the amount before is the change's own only when the change names nothing else
  const own = (c: Claim | undefined) => c !== undefined && (!change.subject || change.subject === c.subject || change.subject === c.topic);
  const current = last && (change.reason ? change.subject === last.subject : own(last)) ? last : undefined;
  const fact = ctx.resolve(change) ?? (current ? ctx.resolve(current) : undefined);
  // a fact that only bounds the figure (机关运行经费) gives no value, but names the inputs' figures
  const bound = fact ? undefined : [ctx.resolution(change), current && ctx.resolution(current)].find((r) => r && r.fact.bound)?.fact;
  const x = fact ? factWan(fact) : current ? statedWan(current) : undefined;
  const a = statedWan(change);
  const data = { subject: change.subject || '该项', direction: change.direction ?? '变动', quote: change.quote };
  if (growth && ((up(change.direction) && down(growth.direction)) || (down(change.direction) && up(growth.direction)))) {
    ctx.checked.set(growth, [change]);
    ctx.report(directionSource, 'rateVsChange', { changeWord: change.direction ?? '', changeQuote: change.quote, growthWord: growth.direction ?? '', quote: growth.quote }, growth, { expected: null, actual: null });
    return growth;
  }
  // the base: last year's figure (or the 年初预算) when given, else the one the sentence states
  const given = baseOf(ctx, change, fact ?? bound);
  const prior: Approx | undefined = given !== undefined ? { value: given.value, half: new Decimal('0.005') } : stated ? statedWan(stated) : undefined;
  const against = [current, stated].filter((c): c is Claim => c !== undefined);
  if (x && prior) {
    ctx.checked.set(change, against);
    const delta = x.value.minus(prior.value);
    const signed = down(change.direction) ? a.value.negated() : a.value;
    const values = { ...data, current: show(x.value, 2), base: show(prior.value, 2) };
    if (!delta.isZero() && (up(change.direction) || down(change.direction)) && delta.isNegative() !== signed.isNegative()) {
      ctx.report(directionSource, 'vsBase', { ...values, actualWord: delta.isNegative() ? '减少' : '增加', delta: show(delta.abs(), 2) }, change, {
        fact: fact ?? null,
        expected: delta.isNegative() ? '减少' : '增加',
        actual: change.direction ?? null,
      });
    } else if (delta.abs().minus(a.value).abs().greaterThan(a.half.plus(x.half).plus(prior.half))) {
      ctx.report(changeSource, 'wrong', { ...values, expected: show(delta.abs(), 2) }, change, { fact: fact ?? null, expected: show(delta.abs(), 2), actual: show(a.value, 2) });
    }
  }
  if (!growth || (!x && !prior)) return growth;
  ctx.checked.set(growth, [change, ...against]);
  if (!ctx.checked.has(change)) ctx.checked.set(change, [...against, growth]);
  if (stated && !ctx.checked.has(stated)) ctx.checked.set(stated, [change, growth]);
  const growthWord = growth.direction ?? (change.direction === '减少' ? '下降' : '增长');
  // the rate of the stated change over the base; with a given prior figure, of the true change
  const base: Approx = prior ?? { value: down(change.direction) ? x!.value.plus(a.value) : x!.value.minus(a.value), half: x!.half.plus(a.half) };
  const num: Approx = given !== undefined && x ? { value: x.value.minus(given.value).abs(), half: x.half.plus(base.half) } : a;
  if (base.value.lessThanOrEqualTo(0)) return growth;
  const verdict = ratioVerdict(growth.value, growth.decimals, num, base);
  if (verdict === 'ok' || verdict === 'undefined') return growth;
  const expected = `${show(num.value.div(base.value).times(100), growth.decimals)}%`;
  const how = prior ? `比较基数为 ${show(prior.value, 2)}` : `上年数为 ${show(x!.value, 2)} ${down(change.direction) ? '+' : '−'} ${show(a.value, 2)} = ${show(base.value, 2)}`;
  const d = { subject: change.subject || '该项', direction: change.direction ?? '', changeQuote: change.quote, growthWord, quote: growth.quote, how, expected };
  if (verdict === 'truncated') ctx.report(growthSource, 'truncated', d, growth, { fact: fact ?? null, expected, actual: pct(growth), severity: 'warning' });
  else ctx.report(growthSource, 'wrong', d, growth, { fact: fact ?? null, expected, actual: pct(growth) });
  return growth;
}

/** "“三公”经费支出 3.45 万元，同比增长 576.47%": a rate without its change, against the prior figure of its subject. */
function growthAlone(ctx: NarrativeContext, g: Claim): void {
  if (!up(g.direction) && !down(g.direction)) return;
  const fact = ctx.resolve({ ...g, kind: 'amount' }) ?? (() => {
    const prev = ctx.before(g).filter((c) => c.kind === 'amount' && !c.comparison).pop();
    return prev && (!g.subject || g.subject === prev.subject || g.subject === prev.topic) ? ctx.resolve(prev) : undefined;
  })();
  const prior = baseOf(ctx, g, fact);
  if (!fact || !prior || prior.value.lessThanOrEqualTo(0)) return;
  const x = factWan(fact);
  const delta = x.value.minus(prior.value);
  const num: Approx = { value: delta.abs(), half: x.half.plus('0.005') };
  const den: Approx = { value: prior.value, half: new Decimal('0.005') };
  ctx.checked.set(g, []);
  const wrongWay = !delta.isZero() && delta.isNegative() !== down(g.direction);
  const verdict = wrongWay ? 'wrong' : ratioVerdict(g.value, g.decimals, num, den);
  if (verdict === 'ok' || verdict === 'undefined' || verdict === 'truncated') return;
  const expected = `${show(delta.abs().div(prior.value).times(100), Math.max(2, g.decimals))}%`;
  const data = { subject: g.subject || fact.label, growthWord: g.direction ?? '', quote: g.quote, current: show(x.value, 2), base: show(prior.value, 2), baseFrom: prior.from, actualWord: delta.isNegative() ? '下降' : '增长', expected };
  ctx.report(growthSource, 'alone', data, g, { fact, expected: `${delta.isNegative() ? '下降' : '增长'}${expected}`, actual: `${g.direction ?? ''}${pct(g)}` });
}
