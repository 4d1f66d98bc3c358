import { Decimal } from '../../money/decimal';
import { projectMeasure } from '../resolve';
import { factWan, hasExcessDecimals, listed, pct, pctOf, ratioVerdict, show, statedWan, type Approx } from '../relations';
import type { Claim, Fact } from '../types';
import type { NarrativeCheckSource, NarrativeContext, NarrativeRule } from './context';

const BUDGETS = new Set(['年初预算', '全年预算']);

const MESSAGES = {
  wrong: '情况说明中{{topic}}{{what}} {{quote}}，按{{actual}} ÷ {{budget}} 计算应为 {{expected}}。',
  truncated: '情况说明中{{topic}}{{what}} {{quote}} 是截断的结果：{{base}} = {{exact}}，四舍五入应为 {{expected}}。',
  rounded: '情况说明中{{topic}}{{what}} {{quote}} 是按四舍五入后的 {{actual}} 计算的；按表中{{derivation}} {{value}} 计算为 {{expected}}。',
  cellDecimals: '情况说明中{{topic}}{{what}} {{quote}} 按所印的 {{actual}} ÷ {{budget}} 计算无误；是表中 {{cell}} 存有 {{stored}}，多于所印的两位小数（显示为 {{shown}}），按它计算才得 {{expected}}。建议将该单元格改为 {{shown}}。',
  zeroBudget: '情况说明中{{topic}}{{measure}}为 0，不能计算{{what}}，却写作 {{quote}}；请删去比例或说明预算调整情况。',
  zeroConvention: '情况说明中{{topic}}预算与决算均为 0，{{what}}写作 {{quote}}，而前文{{otherTopic}}同样是 0 ÷ 0，写作 {{other}}；同一份说明应统一口径。',
  task: '情况说明中{{quote}}，按 {{actual}} ÷ {{target}} 计算应为 {{expected}}。',
  usage: '情况说明中使用率实际完成 {{quote}}，但本报告前文{{project}}预算 {{budget}}、支出 {{actual}}，使用率应为 {{expected}}。',
  table: '情况说明中{{subject}} {{quote}}，按{{derivation}}（{{part}} ÷ {{whole}}）计算应为 {{expected}}。',
  usedShare: '情况说明中使用率 {{quote}}，按使用 {{used}} ÷（使用 {{used}} + 结余 {{left}}）计算应为 {{expected}}。',
};

const completionSource: NarrativeCheckSource = { id: 'NARRATIVE.completion', title: '完成预算的比例等于决算 ÷ 预算', severity: 'error', messages: MESSAGES };
const rateSource: NarrativeCheckSource = { id: 'NARRATIVE.rate', title: '执行率、使用率等于执行数 ÷ 预算数', severity: 'error', messages: MESSAGES };

/**
 * NARRATIVE.completion and NARRATIVE.rate: "完成年初预算的 X%" and "执行率 X%" are 决算 ÷ 预算 of the
 * same topic, both stated earlier in the sentence (their table facts when resolved, the text's figures
 * otherwise); a task's "完成全年目标(4000套)的 100.45%" is the figure before it ÷ the target in its
 * parentheses; a 项目 report's "使用率 … 实际完成 X%" is its 支出 ÷ 预算; "使用专项资金 u，结余资金 s，使用率
 * X%" is u ÷ (u + s); a 项目 执行率 stated alone
 * is its 自评表's. 0 ÷ 0 is printed as 0% by some and 100% by others; either is accepted, but one text
 * should not use both. When the rate follows from the printed figures and a cell holds more decimals
 * than it shows, the cell is named.
 */
export const completion: NarrativeRule = {
  sources: [completionSource, rateSource],
  run(ctx: NarrativeContext) {
    let zero: { claim: Claim; value: string } | undefined;
    for (const c of ctx.claims) {
      if ((c.kind !== 'completion' && c.kind !== 'rate') || c.unit !== '%') continue;
      const source = c.kind === 'rate' ? rateSource : completionSource;
      const before = ctx.before(c).filter((x) => x.kind === 'amount' && x.topic === c.topic);
      const actual = [...before].reverse().find((x) => x.measure === '决算');
      const budgets = before.filter((x) => x.measure !== undefined && BUDGETS.has(x.measure));
      const budget = [...budgets].reverse().find((x) => x.measure === c.measure) ?? budgets[budgets.length - 1];
      if (!actual || !budget) {
        if (!task(ctx, c) && !usage(ctx, c) && !usedShare(ctx, c)) projectRate(ctx, c);
        continue;
      }
      ctx.checked.set(c, [budget, actual]);
      ctx.mark([budget, actual], c);
      const what = c.kind === 'rate' ? '执行率' : `完成${budget.measure}的比例`;
      const num = figure(ctx, actual);
      const den = figure(ctx, budget);
      const topic = c.topic ?? '';
      if (den.approx.value.isZero()) {
        if (!num.approx.value.isZero()) {
          ctx.report(source, 'zeroBudget', { topic, measure: budget.measure ?? '预算', what, quote: c.quote }, c, { fact: num.fact ?? null, expected: null, actual: pct(c), severity: 'warning' });
          continue;
        }
        const value = c.value.toFixed(c.decimals);
        if (!zero) zero = { claim: c, value };
        else if (zero.value !== value)
          ctx.report(source, 'zeroConvention', { topic, what, quote: c.quote, otherTopic: zero.claim.topic ?? '', other: `${zero.value}%` }, c, { expected: `${zero.value}%`, actual: `${value}%`, severity: 'warning' });
        continue;
      }
      const verdict = ratioVerdict(c.value, c.decimals, num.approx, den.approx);
      if (verdict === 'ok' || verdict === 'undefined') continue;
      const exact = pctOf(num.approx, den.approx);
      const expected = `${show(exact, Math.max(2, c.decimals))}%`;
      const fromText = ratioVerdict(c.value, c.decimals, statedWan(actual), statedWan(budget));
      const data = { topic, what, quote: c.quote, actual: actual.quote.trim(), budget: budget.quote.trim(), expected };
      if (num.fact && fromText === 'ok') {
        const cell = num.fact.cells[0];
        if (hasExcessDecimals(num.fact) && !ctx.blamed.has(num.fact)) {
          ctx.blamed.add(num.fact);
          const shown = show(num.fact.value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP), 2);
          ctx.report(source, 'cellDecimals', { ...data, cell: `${cell.sheet}!${cell.address}`, stored: num.fact.value.toString(), shown }, c, {
            cells: num.fact.cells,
            expected: shown,
            actual: num.fact.value.toString(),
            severity: 'warning',
            fix: { cell, value: shown },
          });
        } else if (!hasExcessDecimals(num.fact)) {
          ctx.report(source, 'rounded', { ...data, derivation: num.fact.derivation, value: num.fact.value.toString() }, c, { fact: num.fact, expected, actual: pct(c), severity: 'warning' });
        }
        continue;
      }
      if (verdict === 'truncated') {
        const base = `${show(num.approx.value, 2)} ÷ ${show(den.approx.value, 2)}`;
        ctx.report(source, 'truncated', { ...data, base, exact: `${show(exact, 4)}%` }, c, { fact: num.fact ?? null, expected, actual: pct(c), severity: 'warning' });
        continue;
      }
      ctx.report(source, 'wrong', data, c, { fact: num.fact ?? null, expected, actual: pct(c) });
    }
  },
};

/** The figure of an amount claim: its table fact when it has one, else what the text says. */
function figure(ctx: NarrativeContext, c: Claim): { approx: Approx; fact?: Fact } {
  const fact = ctx.resolve(c);
  return fact ? { approx: factWan(fact), fact } : { approx: statedWan(c) };
}

/** "4018套(间)，完成全年目标(4000套)的100.45%", "完成年度目标任务28.8%（…任务为9558.96万元）". */
function task(ctx: NarrativeContext, c: Claim): boolean {
  if (c.kind !== 'completion' || c.inParens || !/目标|任务|计划/.test(c.of ?? '')) return false;
  const before = ctx.before(c);
  const counted = (x: Claim | undefined): x is Claim => x !== undefined && (x.kind === 'count' || x.kind === 'amount') && x.inParens === true;
  const prev = before[before.length - 1];
  const next = ctx.after(c, 1)[0];
  const targetBefore = counted(prev) && (c.of ?? '').includes('(');
  const target = targetBefore ? prev : counted(next) ? next : undefined;
  if (!target) return false;
  const unit = (x: Claim) => x.unit ?? x.countUnit;
  const actual = [...(targetBefore ? before.slice(0, -1) : before)].reverse().find((x) => (x.kind === 'count' || x.kind === 'amount') && !x.inParens && unit(x) === unit(target));
  if (!actual) return false;
  ctx.checked.set(c, [actual, target]);
  ctx.mark([actual, target], c);
  const verdict = ratioVerdict(c.value, c.decimals, listed(actual), listed(target));
  if (verdict === 'ok' || verdict === 'undefined' || verdict === 'truncated') return true;
  const expected = `${show(pctOf(listed(actual), listed(target)), Math.max(2, c.decimals))}%`;
  ctx.report(completionSource, 'task', { quote: c.quote, actual: actual.quote.trim(), target: target.quote.trim(), expected }, c, { expected, actual: pct(c) });
  return true;
}

/** A 项目 report's "使用率指标值为100%，实际完成 X%": its 支出 ÷ its 预算, as the report states them. */
function usage(ctx: NarrativeContext, c: Claim): boolean {
  if (c.kind !== 'completion' || !c.project || !/使用率/.test(c.sentence) || !/^实际$/.test(c.subject)) return false;
  const i = ctx.indexOf(c);
  let budget: Claim | undefined;
  let spent: Claim | undefined;
  for (let k = i - 1; k >= 0 && k >= i - 200 && (!budget || !spent); k--) {
    const x = ctx.claims[k];
    if (x.project !== c.project) break;
    if (x.kind !== 'amount') continue;
    const m = projectMeasure(x.subject, c.project);
    if (m === '预算') budget ??= x;
    else if (m === '执行') spent ??= x;
  }
  if (!budget || !spent) return false;
  ctx.checked.set(c, [budget, spent]);
  ctx.mark([budget, spent], c);
  const num = figure(ctx, spent);
  const den = figure(ctx, budget);
  const verdict = ratioVerdict(c.value, c.decimals, num.approx, den.approx);
  if (verdict !== 'wrong') return true;
  const expected = `${show(pctOf(num.approx, den.approx), Math.max(2, c.decimals))}%`;
  ctx.report(rateSource, 'usage', { quote: c.quote, project: c.project, budget: budget.quote.trim(), actual: spent.quote.trim(), expected }, c, { fact: num.fact ?? null, expected, actual: pct(c) });
  return true;
}

/** "使用专项资金90.60万元，结余资金71.4万元，专项资金使用率56％": used ÷ (used + left). */
function usedShare(ctx: NarrativeContext, c: Claim): boolean {
  if (c.kind !== 'rate' || !/使用率$/.test(c.subject)) return false;
  // the figures since the sentence's previous percentage: "…使用率56％；公房维修项目使用专项资金21.70万元…使用率100％"
  const all = ctx.before(c);
  const since = all.slice(all.map((x) => x.unit === '%').lastIndexOf(true) + 1);
  const before = since.filter((x) => x.kind === 'amount' && (x.unit === '万元' || x.unit === '元'));
  const left = [...before].reverse().find((x) => /结余/.test(x.subject));
  const used = left && [...before].reverse().find((x) => x.start < left.start && /使用|支出/.test(x.subject) && !/结余/.test(x.subject));
  if (!left || !used) return false;
  ctx.checked.set(c, [used, left]);
  ctx.mark([used, left], c);
  const u = statedWan(used);
  const whole = { value: u.value.plus(statedWan(left).value), half: u.half.plus(statedWan(left).half) };
  const verdict = ratioVerdict(c.value, c.decimals, u, whole);
  if (verdict !== 'wrong') return true;
  const expected = `${show(pctOf(u, whole), Math.max(2, c.decimals))}%`;
  ctx.report(rateSource, 'usedShare', { quote: c.quote, used: used.quote.trim(), left: left.quote.trim(), expected }, c, { expected, actual: pct(c) });
  return true;
}

/** A 项目 执行率 stated without its amounts: the 自评表's 执行数 ÷ 预算数. */
function projectRate(ctx: NarrativeContext, c: Claim): void {
  if (c.kind !== 'rate') return;
  const fact = ctx.resolver.projectRate(c);
  if (!fact?.ratioOf) return;
  const part = ctx.resolver.fact(fact.ratioOf.part);
  const whole = ctx.resolver.fact(fact.ratioOf.whole);
  if (!part || !whole) return;
  ctx.resolved.set(c, fact);
  const verdict = ratioVerdict(c.value, c.decimals, factWan(part), factWan(whole));
  if (verdict !== 'wrong') return;
  const expected = `${show(fact.value, Math.max(2, c.decimals))}%`;
  ctx.report(rateSource, 'table', { subject: c.subject, quote: c.quote, derivation: fact.derivation, part: show(part.value, 2), whole: show(whole.value, 2), expected }, c, { fact, expected, actual: pct(c) });
}
