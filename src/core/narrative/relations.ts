import { Decimal, formatFixed, halfOfLastDigit } from '../money/decimal';
import type { Finding } from '../findings';
import { unitText } from './claims';
import type { Claim, Fact } from './types';
import { toWan } from '../money/units';

/**
 * Checks of a narrative's numbers against each other, where no table holds the number itself:
 * "年初预算为112.83万元，支出决算为133.15万元，完成年初预算的118.01%" (the 年初预算 comes from the 部门预算,
 * not from the 决算 tables), "预算 28606.98 万元，执行 10220.42 万元，执行率 35.73%", "授予小微企业合同金额
 * 493.28万元，占授予中小企业合同金额的23.42%", and lists whose items must add up to their total.
 *
 * Every number here is a printed, rounded figure: a stated amount is taken as ± half its last digit, a
 * table cell as ± half of its own last digit (0.182 → ± 0.0005), and a ratio is right when its printed
 * value lies within the rounding of the interval those give.
 */

/** A figure with the half-width of its rounding. */
export interface Approx {
  value: Decimal;
  half: Decimal;
}

export type FindingMaker = (
  claim: Claim,
  fact: Fact | null,
  rule: string,
  expected: string | null,
  actual: string | null,
  message: string,
  severity?: Finding['severity'],
) => Finding;

export interface RelationInput {
  claims: readonly Claim[];
  /** Claims already checked against a table fact: not checked again here. */
  settled: ReadonlySet<Claim>;
  /** The table fact an amount claim states, if any (by its words, or its topic and measure). */
  resolve(claim: Claim): Fact | undefined;
  /** A fact named by words alone (the whole of a share: "占一般公共预算项目支出总额的…"). */
  named(words: string, section: string): Fact | undefined;
  finding: FindingMaker;
}

export interface RelationResult {
  findings: Finding[];
  /** Claims checked against other claims of the text, with the claims they were checked against. */
  checked: Map<Claim, Claim[]>;
}

const HUNDRED = new Decimal(100);


/**
 * A stated amount in 万元 with its rounding. Narratives drop trailing zeros ("12万元", "0万元" for
 * 12.00 and 0.00), so a figure with fewer than 2 decimals is taken to the 0.01 of the tables.
 */
export function statedWan(c: Claim): Approx {
  const half = halfOfLastDigit(Math.max(2, c.decimals));
  return c.unit === '元' ? { value: toWan(c.value, '元'), half: toWan(half, '元') } : { value: c.value, half };
}

/** A fact in 万元, ± half of its last digit (at least the 0.005 of a 2-decimal table). */
export function factWan(f: Fact): Approx {
  const dp = Math.max(2, f.value.decimalPlaces());
  const half = halfOfLastDigit(dp);
  return f.unit === '元' ? { value: toWan(f.value, '元'), half: toWan(half, '元') } : { value: f.value, half };
}

/** Σ of figures; its rounding is the sum of theirs. */
function sumOf(figures: readonly Approx[]): Approx {
  let value = new Decimal(0);
  let half = new Decimal(0);
  for (const f of figures) {
    value = value.plus(f.value);
    half = half.plus(f.half);
  }
  return { value, half };
}

/** Two figures that may be the same number, given both roundings. */
function agree(a: Approx, b: Approx): boolean {
  return a.value.minus(b.value).abs().lessThanOrEqualTo(a.half.plus(b.half));
}

type RatioVerdict = 'ok' | 'truncated' | 'wrong' | 'undefined';

/** Is the printed percentage `stated` (with `decimals`) the rounding of some num ÷ den in the intervals? */
export function ratioVerdict(stated: Decimal, decimals: number, num: Approx, den: Approx): RatioVerdict {
  const dLo = den.value.minus(den.half);
  const dHi = den.value.plus(den.half);
  if (dLo.lessThanOrEqualTo(0)) return 'undefined';
  const nLo = num.value.minus(num.half);
  const nHi = num.value.plus(num.half);
  const lo = Decimal.max(nLo, 0).div(dHi).times(HUNDRED);
  const hi = nHi.div(dLo).times(HUNDRED);
  if (stated.greaterThanOrEqualTo(lo.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP)) && stated.lessThanOrEqualTo(hi.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP))) return 'ok';
  if (stated.greaterThanOrEqualTo(lo.toDecimalPlaces(decimals, Decimal.ROUND_DOWN)) && stated.lessThanOrEqualTo(hi.toDecimalPlaces(decimals, Decimal.ROUND_DOWN))) return 'truncated';
  return 'wrong';
}

const show = formatFixed;

/** "100%" and "0%" say all and nothing: right only when exact, however close the rounding comes. */
export const saysAllOrNothing = (c: Claim): boolean => c.value.equals(100) || (c.value.isZero() && c.decimals === 0);
const pctOf = (num: Approx, den: Approx) => num.value.div(den.value).times(HUNDRED);
export const sameSentence = (a: Claim, b: Claim) => a.section === b.section && a.sentence === b.sentence && a.sentenceStart === b.sentenceStart;
const BUDGETS = new Set(['年初预算', '全年预算']);

export function checkRelations(input: RelationInput): RelationResult {
  const out: RelationResult = { findings: [], checked: new Map() };
  completionRates(input, out);
  internalShares(input, out);
  listSums(input, out);
  budgetBreakdowns(input, out);
  scoreSums(input, out);
  return out;
}

/** Records that `claims` were checked against `against` (claims settled by a table fact need no record). */
function mark(input: RelationInput, out: RelationResult, claims: readonly Claim[], ...against: Claim[]): void {
  for (const c of claims) {
    if (input.settled.has(c)) continue;
    const had = out.checked.get(c) ?? [];
    out.checked.set(c, [...had, ...against.filter((a) => a !== c && !had.includes(a))]);
  }
}

/** Items and their total vouch for each other. */
function markTogether(input: RelationInput, out: RelationResult, items: readonly Claim[], total: Claim): void {
  mark(input, out, items, total);
  mark(input, out, [total], ...items);
}

/** The figure of an amount claim: its table fact when it has one, else what the text says. */
function figure(input: RelationInput, c: Claim): { approx: Approx; fact?: Fact } {
  const fact = input.resolve(c);
  return fact ? { approx: factWan(fact), fact } : { approx: statedWan(c) };
}

/**
 * "完成年初预算的 X%" and "执行率 X%": X = 决算 ÷ 预算 of the same topic, both stated earlier in the
 * sentence. 0 ÷ 0 is printed as 0% by some and 100% by others; either is accepted, but one text should
 * not use both.
 */
function completionRates(input: RelationInput, out: RelationResult): void {
  let zeroConvention: { claim: Claim; value: string } | undefined;
  input.claims.forEach((c, i) => {
    if ((c.kind !== 'completion' && c.kind !== 'rate') || c.unit !== '%') return;
    const before = input.claims.slice(0, i).filter((x) => sameSentence(x, c) && x.kind === 'amount' && x.topic === c.topic);
    const actual = [...before].reverse().find((x) => x.measure === '决算');
    const budgets = before.filter((x) => x.measure !== undefined && BUDGETS.has(x.measure));
    const budget = [...budgets].reverse().find((x) => x.measure === c.measure) ?? budgets[budgets.length - 1];
    if (!actual || !budget) return;
    out.checked.set(c, [budget, actual]);
    mark(input, out, [budget, actual], c);
    const rule = c.kind === 'rate' ? 'NARRATIVE.rate' : 'NARRATIVE.completion';
    const what = c.kind === 'rate' ? '执行率' : `完成${budget.measure}的比例`;
    const num = figure(input, actual);
    const den = figure(input, budget);
    const statedNum = statedWan(actual);
    const statedDen = statedWan(budget);
    if (den.approx.value.isZero()) {
      if (!num.approx.value.isZero()) {
        out.findings.push(input.finding(c, num.fact ?? null, rule, null, `${c.value.toFixed(c.decimals)}%`, `情况说明中${c.topic ?? ''}${budget.measure}为 0，不能计算${what}，却写作 ${c.quote}；请删去比例或说明预算调整情况。`, 'warning'));
        return;
      }
      const value = c.value.toFixed(c.decimals);
      if (!zeroConvention) zeroConvention = { claim: c, value };
      else if (zeroConvention.value !== value)
        out.findings.push(
          input.finding(
            c,
            null,
            rule,
            `${zeroConvention.value}%`,
            `${value}%`,
            `情况说明中${c.topic ?? ''}预算与决算均为 0，${what}写作 ${c.quote}，而前文${zeroConvention.claim.topic ?? ''}同样是 0 ÷ 0，写作 ${zeroConvention.value}%；同一份说明应统一口径。`,
            'warning',
          ),
        );
      return;
    }
    const verdict = ratioVerdict(c.value, c.decimals, num.approx, den.approx);
    if (verdict === 'ok' || verdict === 'undefined') return;
    const exact = pctOf(num.approx, den.approx);
    const expected = `${show(exact, Math.max(2, c.decimals))}%`;
    const fromText = ratioVerdict(c.value, c.decimals, statedNum, statedDen);
    const base = `${show(num.approx.value, 2)} ÷ ${show(den.approx.value, 2)}`;
    if (num.fact && fromText === 'ok') {
      out.findings.push(
        input.finding(c, num.fact, rule, expected, `${c.value.toFixed(c.decimals)}%`, `情况说明中${c.topic ?? ''}${what} ${c.quote} 是按四舍五入后的 ${actual.quote} 计算的；按表中${num.fact.derivation} ${num.fact.value.toString()} 计算为 ${expected}。`, 'warning'),
      );
      return;
    }
    if (verdict === 'truncated') {
      out.findings.push(input.finding(c, num.fact ?? null, rule, expected, `${c.value.toFixed(c.decimals)}%`, `情况说明中${c.topic ?? ''}${what} ${c.quote} 是截断的结果：${base} = ${show(exact, 4)}%，四舍五入应为 ${expected}。`, 'warning'));
      return;
    }
    out.findings.push(input.finding(c, num.fact ?? null, rule, expected, `${c.value.toFixed(c.decimals)}%`, `情况说明中${c.topic ?? ''}${what} ${c.quote}，按${actual.quote.trim()} ÷ ${budget.quote.trim()} 计算应为 ${expected}。`));
  });
}

const normWords = (s: string) => s.normalize('NFKC').replace(/[\s"“”'、，,。:：;；]/g, '').replace(/的$/, '');

/** Does `subject` name `of` ("武汉市…局政府采购支出总额" names "政府采购支出总额")? */
function names(subject: string, of: string): boolean {
  const a = normWords(subject);
  const b = normWords(of);
  if (!a || !b) return false;
  if (a === b) return true;
  return Math.min(a.length, b.length) >= 4 && (a.endsWith(b) || b.endsWith(a));
}

/**
 * A share the tables do not hold ("授予小微企业合同金额493.28万元，占授予中小企业合同金额的23.42%"):
 * its part is the amount just before it with the same words, its whole the table fact or the earlier
 * amount of the section that the words after 占 name.
 */
function internalShares(input: RelationInput, out: RelationResult): void {
  input.claims.forEach((c, i) => {
    if (c.kind !== 'share' || c.unit !== '%' || !c.of || input.settled.has(c)) return;
    // the part: the amount stated just before with the same words, else a fact of that name
    // ("货物采购授予中小企业合同金额占货物支出金额的100%" with the 政府采购 inputs given)
    const part = [...input.claims.slice(0, i)].reverse().find((x) => sameSentence(x, c) && x.kind === 'amount' && x.subject === c.subject);
    if (!part) {
      const partFact = input.named(c.subject, c.section);
      const wholeFact = partFact && input.named(c.of, c.section);
      if (!partFact || !wholeFact) return;
      out.checked.set(c, []);
      const verdict = ratioVerdict(c.value, c.decimals, factWan(partFact), factWan(wholeFact));
      if (verdict === 'ok' || verdict === 'undefined') return;
      const expected = `${show(pctOf(factWan(partFact), factWan(wholeFact)), Math.max(2, c.decimals))}%`;
      out.findings.push(
        input.finding(c, partFact, 'NARRATIVE.share', expected, `${c.value.toFixed(c.decimals)}%`, `情况说明中${c.subject}占比 ${c.quote}，按${partFact.derivation} ${show(partFact.value, 2)} ÷ ${wholeFact.derivation} ${show(wholeFact.value, 2)} 计算应为 ${expected}。`, verdict === 'truncated' ? 'warning' : 'error'),
      );
      return;
    }
    const wholeFact = input.named(c.of, c.section);
    const wholeClaim = wholeFact
      ? undefined
      : [...input.claims.slice(0, i)].reverse().find((x) => x !== part && x.section === c.section && x.kind === 'amount' && names(x.subject, c.of!));
    if (!wholeFact && !wholeClaim) return;
    out.checked.set(c, wholeClaim ? [part, wholeClaim] : [part]);
    mark(input, out, wholeClaim ? [part, wholeClaim] : [part], c);
    const num = figure(input, part);
    const den = wholeFact ? { approx: factWan(wholeFact), fact: wholeFact } : figure(input, wholeClaim!);
    const verdict = ratioVerdict(c.value, c.decimals, num.approx, den.approx);
    const exact = pctOf(num.approx, den.approx);
    const expected = `${show(exact, Math.max(2, c.decimals))}%`;
    const fact = den.fact ?? num.fact ?? null;
    const base = `${part.quote.trim()} ÷ ${wholeClaim ? wholeClaim.quote.trim() : `表中${wholeFact!.derivation} ${show(wholeFact!.value, 2)} 万元`}`;
    if (saysAllOrNothing(c) && !num.approx.value.equals(c.value.isZero() ? 0 : den.approx.value) && verdict === 'ok') {
      out.findings.push(input.finding(c, fact, 'NARRATIVE.share', expected, `${c.value.toFixed(c.decimals)}%`, `情况说明中${c.subject}占比写作 ${c.quote}，但 ${base} = ${expected}，并非${c.value.isZero() ? '为零' : '全部'}；建议写作 ${expected}。`, 'warning'));
      return;
    }
    if (verdict === 'ok' || verdict === 'undefined') return;
    if (verdict === 'truncated') {
      out.findings.push(input.finding(c, fact, 'NARRATIVE.share', expected, `${c.value.toFixed(c.decimals)}%`, `情况说明中${c.subject}占比 ${c.quote} 是截断的结果：${base} = ${show(exact, 4)}%，四舍五入应为 ${expected}。`, 'warning'));
      return;
    }
    out.findings.push(input.finding(c, fact, 'NARRATIVE.share', expected, `${c.value.toFixed(c.decimals)}%`, `情况说明中${c.subject}占比 ${c.quote}，按 ${base} 计算应为 ${expected}。`));
  });
}

/** Lists that must cover their total: the parts of these partitions add up to it exactly (but for 尾差). */
const PARTITIONS: string[][] = [
  ['基本支出', '项目支出'],
  ['人员经费', '公用经费'],
  ['人员经费', '日常公用经费'],
  ['流动资产', '非流动资产'],
  ['工资福利支出', '商品和服务支出', '对个人和家庭的补助', '资本性支出'],
];

const base = (s: string) => normWords(s).replace(/^(?:一般公共预算财政拨款|一般公共预算|财政拨款)/, '');

/**
 * "T 万元，其中：A a 万元、B b 万元" and "X 主要用于 A a 万元；B b 万元": the items cannot add up to more
 * than their total; when they are a whole partition (基本支出 and 项目支出 …) they must add up to it.
 */
function listSums(input: RelationInput, out: RelationResult): void {
  const lists = new Map<number, Claim[]>();
  input.claims.forEach((c) => {
    if (c.partOf) lists.set(c.partOf.index, [...(lists.get(c.partOf.index) ?? []), c]);
  });
  for (const [index, all] of lists) {
    const total = input.claims[index];
    // "其中：市级目标 7个，日常工作目标 18个；数量指标 12个 …": one total broken down twice. A run of
    // items that makes the total closes a breakdown; the next item starts another.
    for (const items of breakdowns(all, total)) checkList(input, out, total, items);
  }
}

/** A listed number: a count is exact, an amount is in 万元 with its rounding. */
const listed = (c: Claim): Approx => (c.kind === 'count' ? { value: c.value, half: new Decimal(0) } : statedWan(c));

function breakdowns(items: Claim[], total: Claim): Claim[][] {
  const t = listed(total);
  const out: Claim[][] = [];
  let run: Claim[] = [];
  for (const it of items) {
    run.push(it);
    if (run.length > 1 && agree(sumOf(run.map(listed)), t)) {
      out.push(run);
      run = [];
    }
  }
  if (run.length) out.push(run);
  return out;
}

function checkList(input: RelationInput, out: RelationResult, total: Claim, items: Claim[]): void {
  const counts = total.kind === 'count';
  if (!counts && total.unit === null) return;
  const unit = counts ? unitText(total) : '万元';
  const dp = counts ? 0 : 2;
  const t = listed(total);
  const parts = sumOf(items.map(listed));
  const sum = parts.value;
  const slack = parts.half.plus(t.half);
  const diff = sum.minus(t.value);
  const itemNames = items.map((it) => base(it.subject));
  const partition = !counts && items[0].partOf!.via === '其中' && PARTITIONS.some((p) => p.length === itemNames.length && p.every((n) => itemNames.includes(n)));
  // a list that adds up to its total (or a whole partition) vouches for its items and the total
  if (diff.abs().lessThanOrEqualTo(slack)) markTogether(input, out, items, total);
  const detail = `${items.map((it) => `${it.subject} ${it.quote.trim()}`).join('、')}，合计 ${show(sum, dp)} ${unit}`;
  if (diff.greaterThan(slack)) {
    out.findings.push(input.finding(total, null, 'NARRATIVE.sum', show(sum, dp), show(t.value, dp), `情况说明中${total.subject || '总数'} ${total.quote.trim()}，但其下所列 ${detail}，超出总数 ${show(diff, dp)} ${unit}。`));
  } else if (partition && diff.abs().greaterThan(slack)) {
    out.findings.push(input.finding(total, null, 'NARRATIVE.sum', show(sum, 2), show(t.value, 2), `情况说明中${total.subject || '总数'} ${total.quote.trim()}，但其中 ${detail}，相差 ${show(diff.abs(), 2)} 万元。`));
  }
}

/**
 * "一般公共预算财政拨款支出年初预算为1405.65万元，支出决算为22854.27万元" followed, in the same
 * subsection, by one 预算/决算 pair per 类: when the listed 决算 add up to the total 决算 the list is
 * complete, so the listed 预算 must add up to the total 预算 as well.
 */
function budgetBreakdowns(input: RelationInput, out: RelationResult): void {
  interface Pair {
    topic: string;
    budget?: Claim;
    actual?: Claim;
  }
  const groups = new Map<string, Pair[]>();
  for (const c of input.claims) {
    if (c.kind !== 'amount' || !c.topic || !c.measure) continue;
    const key = `${c.section}|${c.subsection ?? ''}`;
    const pairs = groups.get(key) ?? [];
    groups.set(key, pairs);
    let p = pairs.find((x) => x.topic === c.topic);
    if (!p) pairs.push((p = { topic: c.topic }));
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
        markTogether(input, out, items, head.budget);
        continue;
      }
      const words = [...new Set(rest.map((p) => p.budget!.measure))].join('/');
      out.findings.push(
        input.finding(
          head.budget,
          null,
          'NARRATIVE.sum',
          show(budgets.value, 2),
          show(headBudget.value, 2),
          `情况说明中${head.topic}${head.budget.measure} ${head.budget.quote.trim()}，但下文逐项列出的 ${rest.length} 项${words}合计 ${show(budgets.value, 2)} 万元（各项支出决算合计 ${show(actuals.value, 2)} 万元与总数一致，所列各项是完整的），相差 ${show(diff.abs(), 2)} 万元。`,
        ),
      );
      break;
    }
  }
}

const TOTAL_SCORE = /(?:总得分|总分|得分合计|合计得分|合计|自评得分|综合得分)$/;

/**
 * "预算执行情况 20 分，产出指标 40 分，效益指标 30 分，满意度指标 10 分，总得分 100 分": the parts add
 * up to the total. Scores are printed exactly; a part with decimals may be rounded to its last digit.
 */
function scoreSums(input: RelationInput, out: RelationResult): void {
  const bySentence = new Map<string, Claim[]>();
  for (const c of input.claims) {
    if (c.kind !== 'score') continue;
    const k = `${c.section}|${c.sentenceStart ?? ''}|${c.sentence}`;
    bySentence.set(k, [...(bySentence.get(k) ?? []), c]);
  }
  for (const list of bySentence.values()) {
    const total = list[list.length - 1];
    const parts = list.slice(0, -1);
    if (parts.length < 2 || !TOTAL_SCORE.test(normWords(total.subject))) continue;
    // a whole score is exact; one with decimals may be rounded to its last digit
    const score = (c: Claim): Approx => ({ value: c.value, half: c.decimals > 0 ? halfOfLastDigit(c.decimals) : new Decimal(0) });
    const partsSum = sumOf(parts.map(score));
    const sum = partsSum.value;
    markTogether(input, out, parts, total);
    if (agree(partsSum, score(total))) continue;
    const dp = Math.max(total.decimals, ...parts.map((p) => p.decimals));
    out.findings.push(
      input.finding(
        total,
        null,
        'NARRATIVE.score',
        show(sum, dp),
        total.value.toFixed(total.decimals),
        `情况说明中${total.subject} ${total.quote.trim()}，但前面所列 ${parts.map((p) => `${p.subject} ${p.quote.trim()}`).join('、')}，合计 ${show(sum, dp)} 分。`,
      ),
    );
  }
}
