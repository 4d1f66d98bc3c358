import { Decimal } from '../money/decimal';
import { ratioConsistent } from '../money/tolerance';
import type { Finding } from '../report';
import type { Claim, Fact } from './types';

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
  unresolved: Claim[];
}

const norm = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[(（]类[)）]/g, '')
    .replace(/[“”"'、，,。:：;；()（）]/g, '')
    .replace(/^(其中|主要是|主要用于|本年度|年度|\d{4}年度?)+/, '');

/** Words that name no particular fact: "支出决算 0.18 万元" is the 决算 of whatever the sentence is about. */
const GENERIC = new Set(['支出决算', '收入决算', '决算', '预算', '总计', '合计', '年度预算', '年初预算', '全年预算', '执行', '本年执行数']);

/**
 * The fact a claim names. Strict on purpose: the claim's words must equal a fact's label or alias
 * (after normalization); a share is found through its part and, when said, its whole. Several facts
 * under one name (基本支出 of 三 and of 五) are told apart by the claim's section; if that leaves more
 * than one, the claim stays unresolved rather than risk a false finding.
 */
function matchFact(claim: Claim, facts: readonly Fact[], wantShare: boolean): Fact | undefined {
  const subject = norm(claim.subject);
  if (!subject) return undefined;
  const names = (f: Fact) => new Set([f.label, ...f.aliases].map(norm).filter((n) => n && !GENERIC.has(n)));
  if (GENERIC.has(subject)) return undefined;
  let candidates: Fact[];
  if (wantShare) {
    const shares = facts.filter((f) => f.unit === '%' && f.ratioOf);
    const of = claim.of ? norm(claim.of) : '';
    candidates = shares.filter((f) => {
      const part = facts.find((x) => x.key === f.ratioOf!.part);
      const whole = facts.find((x) => x.key === f.ratioOf!.whole);
      if (!part || !names(part).has(subject)) return names(f).has(subject);
      return !of || (whole !== undefined && (names(whole).has(of) || [...names(whole)].some((n) => n === of.replace(/的$/, ''))));
    });
  } else {
    candidates = facts.filter((f) => f.unit !== '%' && names(f).has(subject));
  }
  if (candidates.length <= 1) return candidates[0];
  const inSection = candidates.filter((f) => f.section === claim.section);
  if (inSection.length === 1) return inSection[0];
  // the same number under several names (收支总计 = 收入总计) is no ambiguity
  const pool = inSection.length ? inSection : candidates;
  return pool.every((f) => f.value.equals(pool[0].value)) ? pool[0] : undefined;
}

/** Half of the claim's last written digit: "22899.22" → 0.005; "12" → 0.5. */
const halfUnit = (decimals: number) => new Decimal(5).times(new Decimal(10).pow(-(decimals + 1)));

const show = (d: Decimal, dp: number) => d.toDecimalPlaces(dp, Decimal.ROUND_HALF_UP).toFixed(dp);

export function checkNarrative(claims: readonly Claim[], facts: readonly Fact[]): NarrativeCheck {
  const findings: Finding[] = [];
  const resolved: { claim: Claim; fact: Fact }[] = [];
  const unresolved: Claim[] = [];
  const adjusted = largestRemainderLists(claims, facts);
  const finding = (claim: Claim, fact: Fact | null, rule: string, expected: string | null, actual: string | null, message: string, severity: Finding['severity'] = 'error'): Finding => ({
    rule,
    severity,
    cells: fact ? fact.cells : [],
    expected,
    actual,
    message,
    source: 'narrative',
    quote: claim.quote,
  });

  for (const claim of claims) {
    if (claim.kind === 'amount' && (claim.unit === '万元' || claim.unit === '元')) {
      const fact = matchFact(claim, facts, false);
      if (!fact) {
        unresolved.push(claim);
        continue;
      }
      resolved.push({ claim, fact });
      const stated = claim.unit === fact.unit ? claim.value : claim.unit === '元' ? claim.value.div(10000) : claim.value.times(10000);
      const dp = claim.unit === fact.unit ? claim.decimals : claim.unit === '元' ? claim.decimals + 4 : Math.max(0, claim.decimals - 4);
      const diff = stated.minus(fact.value).abs();
      // the text may round the table's figure to fewer decimals; within that it is right
      if (diff.greaterThan(halfUnit(dp).plus('0.000001'))) {
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
    if (claim.kind === 'share' && claim.unit === '%') {
      const fact = matchFact(claim, facts, true);
      if (!fact || !fact.ratioOf) {
        unresolved.push(claim);
        continue;
      }
      resolved.push({ claim, fact });
      const part = facts.find((f) => f.key === fact.ratioOf!.part);
      const whole = facts.find((f) => f.key === fact.ratioOf!.whole);
      if (!part || !whole) continue;
      const stated = claim.value.div(100);
      const exact = part.value.div(whole.value);
      // "100%" and "0%" say all and nothing: at integer precision 99.80% rounds to 100%, but the words mislead
      if ((claim.value.equals(100) || (claim.value.isZero() && claim.decimals === 0)) && !exact.equals(stated) && ratioConsistent(stated, part.value, whole.value, claim.decimals)) {
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
    unresolved.push(claim);
  }
  findings.push(...changeAndGrowth(claims, facts, finding));
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
    });
  }
  return { findings, resolved, unresolved };
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
 * "X 增加 A 万元，增长 r%": r = A ÷ (X − A) × 100 for 增加 (the prior year is X − A), A ÷ (X + A) for
 * 减少; the direction words of the amount and the rate must agree. X is the fact the sentence is
 * about (its first amount claim resolved to a fact), so no prior-year workbook is needed.
 */
function changeAndGrowth(
  claims: readonly Claim[],
  facts: readonly Fact[],
  finding: (claim: Claim, fact: Fact | null, rule: string, expected: string | null, actual: string | null, message: string, severity?: Finding['severity']) => Finding,
): Finding[] {
  const out: Finding[] = [];
  const bySentence = new Map<string, Claim[]>();
  for (const c of claims) {
    const k = `${c.section}|${c.sentence}`;
    bySentence.set(k, [...(bySentence.get(k) ?? []), c]);
  }
  for (const list of bySentence.values()) {
    const change = list.find((c) => c.kind === 'change' && (c.unit === '万元' || c.unit === '元'));
    const growth = list.find((c) => c.kind === 'growth' && c.unit === '%');
    if (!change || !growth) continue;
    const up = (d?: Claim['direction']) => d === '增加' || d === '增长';
    const growthWord = growth.direction ?? (change.direction === '减少' ? '下降' : '增长');
    const down = (d?: Claim['direction']) => d === '减少' || d === '下降';
    if ((up(change.direction) && down(growth.direction)) || (down(change.direction) && up(growth.direction))) {
      out.push(finding(growth, null, 'NARRATIVE.direction', null, null, `情况说明中“${change.direction}${change.quote}”与“${growth.direction}${growth.quote}”方向不一致：增加应对应增长，减少应对应下降。`));
      continue;
    }
    // the amount the change is about: the nearest amount stated before it in the sentence
    const current = list.filter((c) => c.kind === 'amount' && (c.unit === '万元' || c.unit === '元') && c.start < change.start).pop();
    // else the fact the change is said of ("收、支总计各增加…" after "收、支总计 22899.22 万元。")
    const currentFact = current ? matchFact(current, facts, false) : matchFact({ ...change, kind: 'amount' }, facts, false);
    const x = currentFact?.value ?? current?.value;
    if (!x) continue;
    const a = change.value;
    const prior = down(change.direction) ? x.plus(a) : x.minus(a);
    if (prior.lessThanOrEqualTo(0)) continue;
    const stated = growth.value.div(100);
    if (!ratioConsistent(stated, a, prior, growth.decimals)) {
      const expected = a.div(prior).times(100);
      out.push(
        finding(
          growth,
          currentFact ?? null,
          'NARRATIVE.growth',
          `${show(expected, growth.decimals)}%`,
          `${growth.value.toFixed(growth.decimals)}%`,
          `情况说明中${change.subject || '该项'}${change.direction ?? ''}${change.quote}、${growthWord}${growth.quote}：上年数为 ${show(x, 2)} ${down(change.direction) ? '+' : '−'} ${show(a, 2)} = ${show(prior, 2)}，${growthWord}率应为 ${show(expected, growth.decimals)}%。`,
        ),
      );
    }
  }
  return out;
}
