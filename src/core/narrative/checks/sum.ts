import { unitText } from '../claims';
import { agree, listed, listOf, show, statedWan, sumOf } from '../relations';
import { normName } from '../resolve';
import type { Claim } from '../types';
import type { NarrativeContext, NarrativeRule } from './context';
import { unitSource } from './unit';

/** Lists that must cover their total: the parts of these partitions add up to it exactly (but for 尾差). */
const PARTITIONS: string[][] = [
  ['基本支出', '项目支出'],
  ['人员经费', '公用经费'],
  ['人员经费', '日常公用经费'],
  ['流动资产', '非流动资产'],
  ['工资福利支出', '商品和服务支出', '对个人和家庭的补助', '资本性支出'],
];

const base = (s: string) => normName(s).replace(/^(?:一般公共预算财政拨款|一般公共预算|财政拨款)/, '');

/**
 * NARRATIVE.sum: "T 万元，其中：A a 万元、B b 万元" and "X 主要用于 A a 万元；B b 万元" (and counts:
 * "13 处，其中房屋 7 处，树木 7 处"): the items cannot add up to more than their total; when they are
 * a whole partition (基本支出 and 项目支出 …) they must add up to it. One total may be broken down
 * twice (a run of items that makes the total closes a breakdown). A list may go on in the next
 * sentence of its paragraph when that sentence's first figure completes it exactly. The per-类 年初预算
 * listed after a total 预算 and 决算 must add up to the total 预算 when the listed 决算 show the list is
 * complete.
 */
export const sum: NarrativeRule = {
  sources: [
    {
      id: 'NARRATIVE.sum',
      title: '所列各项与总数一致',
      severity: 'error',
      messages: {
        exceeds: '情况说明中{{subject}} {{quote}}，但其下所列 {{items}}，合计 {{sum}} {{unit}}，超出总数 {{difference}} {{unit}}。',
        partition: '情况说明中{{subject}} {{quote}}，但其中 {{items}}，合计 {{sum}} {{unit}}，相差 {{difference}} 万元。',
        short: '情况说明中{{subject}} {{quote}}，其中逐项列出 {{items}}，合计 {{sum}} {{unit}}，比总数少 {{difference}} {{unit}}；下文以“另有”起句，所列即是全部。',
        budgetBreakdown: '情况说明中{{topic}}{{measure}} {{quote}}，但下文逐项列出的 {{count}} 项{{words}}合计 {{sum}} 万元（各项支出决算合计 {{actuals}} 万元与总数一致，所列各项是完整的），相差 {{difference}} 万元。',
      },
    },
  ],
  run(ctx: NarrativeContext) {
    for (const [index, all] of ctx.lists()) {
      const total = ctx.claims[index];
      if (total.kind !== 'count' && total.unit === null) continue;
      if (moneyUnitSlip(ctx, total, all)) continue;
      const same = all.filter((it) => (total.kind === 'count' ? it.kind === 'count' && it.countUnit === total.countUnit : it.kind === 'amount'));
      const { items, complete } = continued(ctx, total, same);
      // "其中：市级目标 7个，日常工作目标 18个；数量指标 12个 …": one total broken down twice. A run of
      // items that makes the total closes a breakdown; the next item starts another.
      const runs = breakdowns(items, total);
      for (const run of runs) checkList(ctx, this.sources[0], total, run, complete && runs.length === 1);
    }
    budgetBreakdowns(ctx, this.sources[0]);
  },
};

function breakdowns(items: Claim[], total: Claim): Claim[][] {
  const t = listed(total);
  const out: Claim[][] = [];
  let run: Claim[] = [];
  let sum = sumOf([]);
  for (const it of items) {
    run.push(it);
    // a running sum: a list of thousands of items costs no more per item than one of two
    sum = sumOf([sum, listed(it)]);
    if (run.length > 1 && agree(sum, t)) {
      out.push(run);
      run = [];
      sum = sumOf([]);
    }
  }
  if (run.length) out.push(run);
  return out;
}

/** A sentence that sets what follows apart from a list's total: "另有未纳入本部门预算…的专项经费589.34万元". */
const BESIDES = /^(?:另有|另外|此外)/;

/**
 * "其中：白蚁防治服务支出162万元，…；住保业务专项工作经费8.1万元，…。市中心城区购房补贴2500万元，…。另有未纳
 * 入本部门预算…": a 其中 list goes on in the next sentences of its paragraph that open with an item
 * (words, then a figure of the list's unit) and keep it within its total. A sentence opening with 另有 / 另外 / 此外 ends the list and
 * says that what came before is the whole total: such a list must make its total.
 */
function continued(ctx: NarrativeContext, total: Claim, items: Claim[]): { items: Claim[]; complete: boolean } {
  if (items.length === 0 || items[0].partOf?.via !== '其中') return { items, complete: false };
  const out = [...items];
  let last = items[items.length - 1];
  for (let guard = 0; guard < 20; guard++) {
    const sentence = ctx.sentenceOf(last);
    const next = ctx.claims[ctx.indexOf(sentence[sentence.length - 1]) + 1];
    if (!next || next.paragraph !== last.paragraph || next.section !== last.section) break;
    if (BESIDES.test(next.sentence)) return { items: out, complete: true };
    const opens = ctx.sentenceOf(next)[0] === next && next.subject && !next.partOf && !/其中|主要用于|分别为|包括/.test(next.sentence.slice(0, next.sentence.indexOf(next.quote)));
    if (!opens || next.kind !== total.kind || unitText(next) !== unitText(total)) break;
    // an item cannot take the list beyond its total: such a figure is about something else
    const t = listed(total);
    const s = sumOf([...out, next].map(listed));
    if (s.value.minus(t.value).greaterThan(s.half.plus(t.half))) break;
    out.push(next);
    last = next;
  }
  return { items: out, complete: false };
}

function checkList(ctx: NarrativeContext, source: NarrativeRule['sources'][number], total: Claim, items: Claim[], complete = false): void {
  if (items.length === 0) return;
  const counts = total.kind === 'count';
  const unit = counts ? unitText(total) : '万元';
  const dp = counts ? 0 : 2;
  const t = listed(total);
  const parts = sumOf(items.map(listed));
  const slack = parts.half.plus(t.half);
  const diff = parts.value.minus(t.value);
  const itemNames = items.map((it) => base(it.subject));
  const via = items.find((it) => it.partOf)?.partOf?.via;
  const partition = complete || (!counts && via === '其中' && PARTITIONS.some((p) => p.length === itemNames.length && p.every((n) => itemNames.includes(n))));
  // a list that adds up to its total (or a whole partition) vouches for its items and the total
  if (diff.abs().lessThanOrEqualTo(slack)) ctx.markTogether(items, total);
  const data = {
    subject: total.subject || '总数',
    quote: total.quote.trim(),
    items: listOf(items.map((it) => `${it.subject} ${it.quote.trim()}`)),
    sum: show(parts.value, dp),
    unit,
    difference: show(diff.abs(), dp),
  };
  if (diff.greaterThan(slack)) ctx.report(source, 'exceeds', data, total, { expected: show(parts.value, dp), actual: show(t.value, dp) });
  else if (partition && diff.abs().greaterThan(slack)) ctx.report(source, complete ? 'short' : 'partition', data, total, { expected: show(parts.value, dp), actual: show(t.value, dp) });
}

/** An item in 元 among 万元 that makes the list add up when read as 万元: the 万 was left out. */
function moneyUnitSlip(ctx: NarrativeContext, total: Claim, items: Claim[]): boolean {
  if (total.unit !== '万元') return false;
  const yuan = items.filter((it) => it.unit === '元');
  if (yuan.length !== 1 || items.some((it) => it.kind !== 'amount') || items.length < 2) return false;
  const asWan = items.map((it) => (it.unit === '元' ? { value: it.value, half: statedWan({ ...it, unit: '万元' }).half } : statedWan(it)));
  const t = listed(total);
  if (!agree(sumOf(asWan), t) || agree(sumOf(items.map(listed)), t)) return false;
  const slip = yuan[0];
  ctx.markTogether(items, total);
  ctx.report(
    unitSource,
    'moneyUnit',
    { subject: slip.subject, quote: slip.quote, total: total.subject || '总数', asWan: slip.value.toString(), sum: show(sumOf(asWan).value, 2) },
    slip,
    { expected: `${slip.value.toString()}万元`, actual: `${slip.value.toString()}元`, severity: 'error' },
  );
  return true;
}

/**
 * "一般公共预算财政拨款支出年初预算为1405.65万元，支出决算为22854.27万元" followed, in the same
 * subsection, by one 预算/决算 pair per 类: when the listed 决算 add up to the total 决算 the list is
 * complete, so the listed 预算 must add up to the total 预算 as well.
 */
function budgetBreakdowns(ctx: NarrativeContext, source: NarrativeRule['sources'][number]): void {
  interface Pair {
    topic: string;
    budget?: Claim;
    actual?: Claim;
  }
  const groups = new Map<string, Pair[]>();
  const index = new Map<string, Map<string, Pair>>();
  for (const c of ctx.claims) {
    if (c.kind !== 'amount' || !c.topic || !c.measure) continue;
    const key = `${c.section}|${c.subsection ?? ''}|${c.project ?? ''}`;
    let pairs = groups.get(key);
    let byTopic = index.get(key);
    if (!pairs || !byTopic) {
      groups.set(key, (pairs = []));
      index.set(key, (byTopic = new Map<string, Pair>()));
    }
    let p = byTopic.get(c.topic);
    if (!p) {
      p = { topic: c.topic };
      pairs.push(p);
      byTopic.set(c.topic, p);
    }
    if (c.measure === '决算') p.actual ??= c;
    else p.budget ??= c;
  }
  for (const pairs of groups.values()) {
    for (let k = 0; k < pairs.length; k++) {
      const head = pairs[k];
      const rest = pairs.slice(k + 1);
      if (!head.budget || !head.actual || rest.length < 2 || !rest.every((p) => p.budget && p.actual)) continue;
      const actuals = sumOf(rest.map((p) => statedWan(p.actual!)));
      if (!agree(actuals, statedWan(head.actual))) continue;
      const items = rest.map((p) => p.budget!);
      const budgets = sumOf(items.map(statedWan));
      const headBudget = statedWan(head.budget);
      const diff = budgets.value.minus(headBudget.value);
      if (agree(budgets, headBudget)) {
        ctx.markTogether(items, head.budget);
        continue;
      }
      const words = [...new Set(rest.map((p) => p.budget!.measure))].join('/');
      ctx.report(
        source,
        'budgetBreakdown',
        {
          topic: head.topic,
          measure: head.budget.measure ?? '',
          quote: head.budget.quote.trim(),
          count: rest.length,
          words,
          sum: show(budgets.value, 2),
          actuals: show(actuals.value, 2),
          difference: show(diff.abs(), 2),
        },
        head.budget,
        { expected: show(budgets.value, 2), actual: show(headBudget.value, 2) },
      );
      break;
    }
  }
}
