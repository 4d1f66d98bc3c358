import { Decimal, formatFixed, halfOfLastDigit } from '../money/decimal';
import { ratioConsistent } from '../money/tolerance';
import type { Finding } from '../findings';
import { checkRelations, factWan, ratioVerdict, sameSentence, saysAllOrNothing, statedWan, type Approx, type FindingMaker } from './relations';
import type { PurchaseInputs } from './draft/inputs';
import type { Claim, Fact } from './types';
import { convertMoney, type MoneyUnit } from '../money/units';

/**
 * Checks the numbers of a narrative (情况说明) against the facts of the tables. Each claim is
 * resolved to a fact by its wording (subject and, for shares, what it is a share of) and its
 * section; amounts must equal the fact at the claim's own precision; shares are checked with
 * interval arithmetic; a change and its growth rate in one sentence must agree with each other and
 * with the current total; direction words must agree in sign. A claim that names no fact is listed
 * as info, never dropped.
 */
export interface NarrativeCheck {
  findings: Finding[];
  /** Claims resolved to a fact (for the report and for refreshing a draft). */
  resolved: { claim: Claim; fact: Fact }[];
  /** Claims checked against other numbers of the text (a 完成率 against its 预算 and 决算 …). */
  verified: { claim: Claim; against: Claim[] }[];
  unresolved: Claim[];
  /** Values of the workbook's own “上年数及其他” sheet that could not be used (so were not checked against). */
  inputProblems?: string[];
}

export interface CheckOptions {
  /**
   * Prior-year amounts by fact key, in 万元 (`priorFromFacts` of the prior year's workbook, or the
   * inputs sheet): a change ("增加 11584.58 万元") is then checked against this year − last year.
   */
  prior?: Record<string, Decimal>;
  /** 年初预算 by fact key + ".年初预算" (DraftInputs.budget), in 万元: "年初预算为112.83万元" is then checked. */
  budget?: Record<string, Decimal>;
  /** 政府采购 figures (DraftInputs.purchases), in 万元: the amounts of 十一 are then checked. */
  purchases?: PurchaseInputs;
  /**
   * The year of the tables: a claim whose clause names another year ("2023年支出决算 …" in a 2024
   * report) is another year's figure and is not compared with this year's facts.
   */
  year?: number;
}

const norm = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[(（]类[)）]/g, '')
    .replace(/[“”"'、，,。:：;；()（）]/g, '')
    .replace(/^(其中|主要是|主要用于|本年度|年度|\d{4}年度?)+/, '');

/** Words that name no particular fact: "支出决算 0.18 万元" is the 决算 of whatever the sentence is about. */
const GENERIC = new Set(['支出决算', '收入决算', '决算', '预算', '总计', '合计', '年度预算', '年初预算', '全年预算', '执行', '本年执行数', '得分', '分值', '权重']);

/**
 * The fact a claim names. Strict on purpose: the claim's words must equal a fact's label or alias
 * (after normalization); a share is found through its part and, when said, its whole. Several facts
 * under one name (基本支出 of 三 and of 五) are told apart by the claim's section; if that leaves more
 * than one, the claim stays unresolved rather than risk a false finding.
 */
interface NameIndex {
  names: Map<Fact, Set<string>>;
  /** Amount facts (万元/元) by each normalized name. */
  amountsByName: Map<string, Fact[]>;
  /** Score facts (分) by each normalized name. */
  scoresByName: Map<string, Fact[]>;
  byKey: Map<string, Fact>;
  shares: Fact[];
}

const indexes = new WeakMap<readonly Fact[], NameIndex>();

/** Normalized names of every fact, built once per fact list: matching is the hot path of a check. */
function indexOf(facts: readonly Fact[]): NameIndex {
  let ix = indexes.get(facts);
  if (ix) return ix;
  ix = { names: new Map(), amountsByName: new Map(), scoresByName: new Map(), byKey: new Map(), shares: [] };
  for (const f of facts) {
    const names = new Set([f.label, ...f.aliases].map(norm).filter((n) => n && !GENERIC.has(n)));
    ix.names.set(f, names);
    if (!ix.byKey.has(f.key)) ix.byKey.set(f.key, f);
    if (f.unit === '%') {
      if (f.ratioOf) ix.shares.push(f);
      continue;
    }
    const byName = f.unit === '分' ? ix.scoresByName : ix.amountsByName;
    for (const n of names) {
      const list = byName.get(n);
      if (list) list.push(f);
      else byName.set(n, [f]);
    }
  }
  indexes.set(facts, ix);
  return ix;
}

function matchFact(claim: Claim, facts: readonly Fact[], wantShare: boolean): Fact | undefined {
  const subject = norm(claim.subject);
  if (!subject) return undefined;
  if (GENERIC.has(subject)) return undefined;
  const ix = indexOf(facts);
  const names = (f: Fact) => ix.names.get(f) ?? new Set<string>();
  let candidates: Fact[];
  if (wantShare) {
    const of = claim.of ? norm(claim.of) : '';
    candidates = ix.shares.filter((f) => {
      const part = ix.byKey.get(f.ratioOf!.part);
      const whole = ix.byKey.get(f.ratioOf!.whole);
      if (!part || !names(part).has(subject)) return names(f).has(subject);
      return !of || (whole !== undefined && (names(whole).has(of) || [...names(whole)].some((n) => n === of.replace(/的$/, ''))));
    });
  } else {
    candidates = (claim.kind === 'score' ? ix.scoresByName : ix.amountsByName).get(subject) ?? [];
    // "武汉市江岸区住房保障和房屋管理局机关运行经费支出": the department's name before the fact's
    const bare = withoutOrganization(claim.subject);
    if (candidates.length === 0 && bare !== claim.subject) return matchFact({ ...claim, subject: bare }, facts, false);
  }
  if (candidates.length <= 1) return candidates[0];
  const inSection = candidates.filter((f) => f.section === claim.section);
  if (inSection.length === 1) return inSection[0];
  // the same number under several names (收支总计 = 收入总计) is no ambiguity
  const pool = inSection.length ? inSection : candidates;
  return pool.every((f) => f.value.equals(pool[0].value)) ? pool[0] : undefined;
}

/** What a measure is called after its topic, in the order a narrative most often writes it. */
const MEASURE_WORDS: Record<NonNullable<Claim['measure']>, string[]> = {
  决算: ['', '支出决算', '决算', '决算数'],
  全年预算: ['全年预算', '预算', '全年预算数', '预算数', '支出全年预算'],
  年初预算: ['年初预算', '年初预算数'],
};

/**
 * The amount fact a claim states: by its own words, else by its topic and measure ("支出决算为 0.18
 * 万元" in a sentence about "三公"经费 → the 三公 决算).
 */
function resolveAmount(claim: Claim, facts: readonly Fact[]): Fact | undefined {
  const direct = matchFact(claim, facts, false);
  if (direct || !claim.topic || !claim.measure) return direct;
  for (const word of MEASURE_WORDS[claim.measure]) {
    const f = matchFact({ ...claim, kind: 'amount', subject: claim.topic + word }, facts, false);
    if (f) return f;
  }
  return undefined;
}

/**
 * Facts for the figures the user supplied beside the tables: the 年初预算 of the 一般公共预算 total,
 * of each 类 and of 机关运行经费, named like their 决算 fact with 年初预算 after it.
 */
function budgetFacts(facts: readonly Fact[], budget: Record<string, Decimal> | undefined): Fact[] {
  if (!budget) return [];
  const out: Fact[] = [];
  for (const [key, value] of Object.entries(budget)) {
    const baseKey = key.replace(/\.年初预算$/, '');
    const of = facts.find((f) => f.key === baseKey) ?? (baseKey === '一般公共预算支出' ? facts.find((f) => f.key === '一般公共预算支出.合计') : undefined);
    if (!of) continue;
    const names = [of.label, ...of.aliases];
    out.push({
      key,
      label: `${of.label}年初预算`,
      aliases: [...names.map((n) => `${n}年初预算`), ...names.map((n) => `${n}年初预算数`)],
      section: of.section,
      value,
      unit: '万元',
      cells: [],
      derivation: `${of.label}年初预算（上年数及其他）`,
    });
  }
  return out;
}

const ORGANIZATION = /^.{2,40}?(?:局|委员会|中心|办公室|厅|院|所|站|队|处)(?=[\u3400-\u9fff]{2,})/;

/** The words after a leading organization name, or the words unchanged. */
function withoutOrganization(subject: string): string {
  const m = ORGANIZATION.exec(subject);
  return m ? subject.slice(m[0].length) : subject;
}

/** The 十一、政府采购 figures the user gave (they are in no 决算 table), by the words the section uses. */
const PURCHASE_NAMES: [keyof PurchaseInputs, string, string[]][] = [
  ['total', '政府采购支出总额', ['政府采购支出', '政府采购总额']],
  ['goods', '政府采购货物支出', ['货物支出', '货物采购支出', '货物支出金额']],
  ['works', '政府采购工程支出', ['工程支出', '工程采购支出', '工程支出金额']],
  ['services', '政府采购服务支出', ['服务支出', '服务采购支出', '服务支出金额']],
  ['sme', '授予中小企业合同金额', ['授予中小企业合同总额']],
  ['smallMicro', '授予小微企业合同金额', ['授予小微企业合同总额']],
  ['goodsSme', '货物采购授予中小企业合同金额', []],
  ['worksSme', '工程采购授予中小企业合同金额', []],
  ['servicesSme', '服务采购授予中小企业合同金额', []],
];

function purchaseFacts(purchases: PurchaseInputs | undefined): Fact[] {
  if (!purchases) return [];
  const out: Fact[] = [];
  for (const [field, label, aliases] of PURCHASE_NAMES) {
    const value = purchases[field];
    if (value === undefined) continue;
    out.push({ key: `政府采购.${field}`, label, aliases, section: '十一', value, unit: '万元', cells: [], derivation: `${label}（上年数及其他）` });
  }
  return out;
}


const show = formatFixed;

export function checkNarrative(claims: readonly Claim[], tableFacts: readonly Fact[], options: CheckOptions = {}): NarrativeCheck {
  const facts = [...tableFacts, ...budgetFacts(tableFacts, options.budget), ...purchaseFacts(options.purchases)];
  const findings: Finding[] = [];
  const resolved: { claim: Claim; fact: Fact }[] = [];
  const unresolved: Claim[] = [];
  const adjusted = largestRemainderLists(claims, facts);
  const amountFacts = new Map<Claim, Fact | undefined>();
  const otherYear = (c: Claim) => options.year !== undefined && c.year !== undefined && c.year !== options.year;
  const resolve = (c: Claim): Fact | undefined => {
    if (!amountFacts.has(c)) amountFacts.set(c, otherYear(c) ? undefined : resolveAmount(c, facts));
    return amountFacts.get(c);
  };
  const finding: FindingMaker = (claim: Claim, fact: Fact | null, rule: string, expected: string | null, actual: string | null, message: string, severity: Finding['severity'] = 'error'): Finding => ({
    rule,
    severity,
    cells: fact ? fact.cells : [],
    expected,
    actual,
    message,
    source: 'narrative',
    quote: claim.quote,
  });

  const pending: Claim[] = [];
  for (const claim of claims) {
    if (claim.kind === 'amount' && (claim.unit === '万元' || claim.unit === '元')) {
      // "与上年决算数3.04万元相比": last year's figure, not this year's fact of the same words
      const fact = claim.comparison ? undefined : resolve(claim);
      if (!fact) {
        pending.push(claim);
        continue;
      }
      resolved.push({ claim, fact });
      const stated = convertMoney(claim.value, claim.unit, fact.unit as MoneyUnit);
      const dp = claim.unit === fact.unit ? claim.decimals : claim.unit === '元' ? claim.decimals + 4 : Math.max(0, claim.decimals - 4);
      const diff = stated.minus(fact.value).abs();
      // the text may round the table's figure to fewer decimals; within that it is right. In another
      // unit ("640元" against a 0.06 万元 cell) the table's own rounding counts too.
      const tableHalf = claim.unit === fact.unit ? new Decimal(0) : halfOfLastDigit(Math.max(2, fact.value.decimalPlaces()));
      if (diff.greaterThan(halfOfLastDigit(dp).plus(tableHalf).plus('0.000001'))) {
        const unitNote = claim.unit !== fact.unit ? `（说明中写作${claim.unit}，表中单位为${fact.unit}）` : '';
        findings.push(
          finding(
            claim,
            fact,
            'NARRATIVE.amount',
            `${show(fact.value, 2)}`,
            `${show(stated, Math.max(2, dp))}`,
            `情况说明“${claim.sentence.trim().slice(0, 60)}”中${claim.subject || '该数'} ${claim.quote}，与${fact.derivation} ${show(fact.value, 2)} ${fact.unit}不符，相差 ${show(diff, 2)} ${fact.unit}${unitNote}。`,
          ),
        );
      }
      continue;
    }
    if (claim.kind === 'score') {
      const fact = otherYear(claim) ? undefined : matchFact(claim, facts, false);
      if (!fact) {
        pending.push(claim);
        continue;
      }
      resolved.push({ claim, fact });
      if (claim.value.minus(fact.value).abs().greaterThan(halfOfLastDigit(claim.decimals).plus('0.000001'))) {
        findings.push(
          finding(claim, fact, 'NARRATIVE.score', fact.value.toString(), claim.value.toFixed(claim.decimals), `情况说明中${claim.subject} ${claim.quote}，与${fact.derivation} ${fact.value.toString()} 分不符。`),
        );
      }
      continue;
    }
    if (claim.kind === 'share' && claim.unit === '%') {
      const fact = otherYear(claim) ? undefined : matchFact(claim, facts, true);
      if (!fact || !fact.ratioOf) {
        pending.push(claim);
        continue;
      }
      resolved.push({ claim, fact });
      const part = facts.find((f) => f.key === fact.ratioOf!.part);
      const whole = facts.find((f) => f.key === fact.ratioOf!.whole);
      if (!part || !whole) continue;
      const stated = claim.value.div(100);
      const exact = part.value.div(whole.value);
      // "100%" and "0%" say all and nothing: at integer precision 99.80% rounds to 100%, but the words mislead
      if (saysAllOrNothing(claim) && !exact.equals(stated) && ratioConsistent(stated, part.value, whole.value, claim.decimals)) {
        findings.push(
          finding(
            claim,
            fact,
            'NARRATIVE.share',
            `${show(fact.value, 2)}%`,
            `${claim.value.toFixed(claim.decimals)}%`,
            `情况说明中${claim.subject || '该项'}占比写作 ${claim.quote}，但表中 ${part.label} ${show(part.value, 2)} ÷ ${whole.label} ${show(whole.value, 2)} = ${show(fact.value, 2)}%，并非${claim.value.isZero() ? '为零' : '全部'}；建议写作 ${show(fact.value, 2)}%。`,
            'warning',
          ),
        );
        continue;
      }
      if (!ratioConsistent(stated, part.value, whole.value, claim.decimals) && !adjusted.has(claim)) {
        findings.push(
          finding(
            claim,
            fact,
            'NARRATIVE.share',
            `${show(fact.value, Math.max(2, claim.decimals))}%`,
            `${claim.value.toFixed(claim.decimals)}%`,
            `情况说明中${claim.subject || '该项'}占比 ${claim.quote}，按表中 ${part.label} ${show(part.value, 2)} ÷ ${whole.label} ${show(whole.value, 2)} 计算应为 ${show(fact.value, Math.max(2, claim.decimals))}%。`,
          ),
        );
      }
      continue;
    }
    pending.push(claim);
  }
  const relations = checkRelations({
    claims,
    settled: new Set([...resolved.map((r) => r.claim)]),
    resolve,
    named: (words, section) => matchFact({ ...claims[0], kind: 'amount', subject: words, section }, facts, false),
    finding,
  });
  findings.push(...relations.findings);
  findings.push(...changeAndGrowth(claims, resolve, options, finding, relations.checked));
  const verified: { claim: Claim; against: Claim[] }[] = [];
  for (const c of pending) {
    const against = relations.checked.get(c);
    if (against) verified.push({ claim: c, against });
    else unresolved.push(c);
  }
  for (const c of unresolved) {
    findings.push({
      rule: 'NARRATIVE.unresolved',
      severity: 'info',
      cells: [],
      expected: null,
      actual: `${c.value.toString()}${c.unit ?? ''}`,
      message: `情况说明中的数字 ${c.quote}（${c.subject || '未能确定所指'}）未能与表中数据对应，未核对；请人工确认。`,
      source: 'narrative',
      quote: c.quote,
      unresolved: true,
    });
  }
  return { findings, resolved, verified, unresolved };
}

/**
 * Shares of a partition printed so that they add to exactly 100% (the largest-remainder rule): one
 * share may then be one last-digit unit off its own rounding. A list (the share claims of one
 * subsection) is accepted as such when its shares add to 100 exactly and each is within one unit.
 */
function largestRemainderLists(claims: readonly Claim[], facts: readonly Fact[]): Set<Claim> {
  const groups = new Map<string, Claim[]>();
  for (const c of claims) {
    if (c.kind !== 'share' || c.unit !== '%') continue;
    const k = `${c.section}|${c.subsection ?? ''}`;
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  const out = new Set<Claim>();
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    let total = new Decimal(0);
    for (const c of list) total = total.plus(c.value);
    if (!total.equals(100)) continue;
    const within = list.every((c) => {
      const fact = matchFact(c, facts, true);
      if (!fact) return false;
      const unit = new Decimal(10).pow(-c.decimals);
      return c.value.minus(fact.value).abs().lessThanOrEqualTo(unit);
    });
    if (within) list.forEach((c) => out.add(c));
  }
  return out;
}

/**
 * "X 增加 A 万元，增长 r%": r = A ÷ (X − A) for 增加 (the prior year is X − A), A ÷ (X + A) for 减少;
 * the direction words of the amount and the rate must agree. X is the fact the change is said of (by
 * its words or topic), else the amount stated before it in the sentence, so no prior-year workbook is
 * needed. With prior-year figures (or, for "比年初预算数增加", the 年初预算) the change itself is
 * checked too: A = X − prior, and "与上年相同" needs X = prior.
 */
function changeAndGrowth(
  claims: readonly Claim[],
  resolve: (c: Claim) => Fact | undefined,
  options: CheckOptions,
  finding: FindingMaker,
  checked: Map<Claim, Claim[]>,
): Finding[] {
  const out: Finding[] = [];
  const up = (d?: Claim['direction']) => d === '增加' || d === '增长';
  const down = (d?: Claim['direction']) => d === '减少' || d === '下降';
  const baseOf = (c: Claim, fact: Fact | undefined): Decimal | undefined => {
    if (!fact) return undefined;
    const toBudget = /[比较](?:年初)?预算/.test(c.sentence);
    const v = toBudget ? options.budget?.[`${fact.key}.年初预算`] : options.prior?.[fact.key];
    return v;
  };
  claims.forEach((change, i) => {
    if (change.kind === 'amount' && change.direction === '持平') {
      const fact = resolve(change);
      const prior = baseOf(change, fact);
      if (fact && prior !== undefined && !factWan(fact).value.equals(prior)) {
        out.push(finding(change, fact, 'NARRATIVE.change', `${show(factWan(fact).value.minus(prior), 2)}`, '0', `情况说明称${change.subject}与上年相同，但表中 ${show(factWan(fact).value, 2)} 万元、上年 ${show(prior, 2)} 万元。`));
      }
      return;
    }
    if (change.kind !== 'change' || (change.unit !== '万元' && change.unit !== '元')) return;
    const sentence = claims.filter((c) => sameSentence(c, change));
    const nextChange = sentence.find((c) => c.kind === 'change' && c.start > change.start);
    const growth = sentence.find((c) => c.kind === 'growth' && c.unit === '%' && c.start > change.start && (!nextChange || c.start < nextChange.start));
    // the amount the change is said of: its own words' fact, else the amount stated before it
    const before = claims.slice(0, i).filter((c) => c.kind === 'amount' && sameSentence(c, change) && (c.unit === '万元' || c.unit === '元'));
    // "与上年决算数3.04万元相比，减少2.53万元": the base is stated; else this year's figure less the change
    const stated = before.filter((c) => c.comparison).pop();
    const current = before.filter((c) => !c.comparison).pop();
    const fact = resolve({ ...change, kind: 'amount' }) ?? (current ? resolve(current) : undefined);
    const x = fact ? factWan(fact) : current ? statedWan(current) : undefined;
    const a = statedWan(change);
    if (growth && ((up(change.direction) && down(growth.direction)) || (down(change.direction) && up(growth.direction)))) {
      checked.set(growth, [change]);
      out.push(finding(growth, null, 'NARRATIVE.direction', null, null, `情况说明中“${change.direction}${change.quote}”与“${growth.direction}${growth.quote}”方向不一致：增加应对应增长，减少应对应下降。`));
      return;
    }
    // the base: last year's figure (or the 年初预算) when given, else the one the sentence states
    const given = baseOf(change, fact);
    const prior: Approx | undefined = given !== undefined ? { value: given, half: new Decimal('0.005') } : stated ? statedWan(stated) : undefined;
    const against = [current, stated].filter((c): c is Claim => c !== undefined);
    if (x && prior) {
      checked.set(change, against);
      const delta = x.value.minus(prior.value);
      const signed = down(change.direction) ? a.value.negated() : a.value;
      if (!delta.isZero() && (up(change.direction) || down(change.direction)) && delta.isNegative() !== signed.isNegative()) {
        out.push(finding(change, fact ?? null, 'NARRATIVE.direction', delta.isNegative() ? '减少' : '增加', change.direction ?? null, `情况说明称${change.subject}${change.direction}${change.quote}，但本年 ${show(x.value, 2)} 万元、比较基数 ${show(prior.value, 2)} 万元，实为${delta.isNegative() ? '减少' : '增加'} ${show(delta.abs(), 2)} 万元。`));
      } else if (delta.abs().minus(a.value).abs().greaterThan(a.half.plus(x.half).plus(prior.half))) {
        out.push(finding(change, fact ?? null, 'NARRATIVE.change', show(delta.abs(), 2), show(a.value, 2), `情况说明中${change.subject}${change.direction ?? '变动'} ${change.quote}，按本年 ${show(x.value, 2)} 万元与比较基数 ${show(prior.value, 2)} 万元计算应为 ${show(delta.abs(), 2)} 万元。`));
      }
    }
    if (!growth || (!x && !prior)) return;
    checked.set(growth, [change, ...against]);
    if (!checked.has(change)) checked.set(change, [...against, growth]);
    if (stated && !checked.has(stated)) checked.set(stated, [change, growth]);
    const growthWord = growth.direction ?? (change.direction === '减少' ? '下降' : '增长');
    // the rate of the stated change over the base; with a given prior figure, of the true change
    const base: Approx = prior ?? { value: down(change.direction) ? x!.value.plus(a.value) : x!.value.minus(a.value), half: x!.half.plus(a.half) };
    const num: Approx = given !== undefined && x ? { value: x.value.minus(given).abs(), half: x.half.plus(base.half) } : a;
    if (base.value.lessThanOrEqualTo(0)) return;
    const verdict = ratioVerdict(growth.value, growth.decimals, num, base);
    if (verdict === 'ok' || verdict === 'undefined') return;
    const expected = num.value.div(base.value).times(100);
    const how = prior ? `比较基数为 ${show(prior.value, 2)}` : `上年数为 ${show(x!.value, 2)} ${down(change.direction) ? '+' : '−'} ${show(a.value, 2)} = ${show(base.value, 2)}`;
    out.push(
      finding(
        growth,
        fact ?? null,
        'NARRATIVE.growth',
        `${show(expected, growth.decimals)}%`,
        `${growth.value.toFixed(growth.decimals)}%`,
        verdict === 'truncated'
          ? `情况说明中${change.subject || '该项'}${growthWord}${growth.quote} 是截断的结果：${how}，${growthWord}率四舍五入应为 ${show(expected, growth.decimals)}%。`
          : `情况说明中${change.subject || '该项'}${change.direction ?? ''}${change.quote}、${growthWord}${growth.quote}：${how}，${growthWord}率应为 ${show(expected, growth.decimals)}%。`,
        verdict === 'truncated' ? 'warning' : 'error',
      ),
    );
  });
  return out;
}
