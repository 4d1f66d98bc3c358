import type { Decimal } from '../money/decimal';
import type { PurchaseInputs } from './draft/inputs';
import type { Claim, Fact } from './types';

/**
 * Which table fact a claim of the text states. Strict on purpose: the claim's words must equal a
 * fact's label or alias (after normalization); a share is found through its part and, when said, its
 * whole. Several facts under one name (基本支出 of 三 and of 五) are told apart by the claim's
 * section; a name valid only in its own section (a local alias) is not used elsewhere, so a figure
 * is never compared with a table that merely has a similar label. Facts that state one figure from
 * several tables (公开01 and 公开02, a 公开04 类 line and the 公开05 items) form a group: a claim agrees
 * when it agrees with any of them. In a 项目 report (a text of several), the report's project selects
 * the 项目 facts of its 自评表.
 */

/** Characters NFKC changes in these texts: full-width forms, ideographic space, compatibility forms. */
const COMPAT = /[\u00a0\u2000-\u206f\u3000\u3200-\u33ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;

const NAMES = new Map<string, string>();

/** A name as names are compared: widths folded, spaces, quotes and punctuation dropped, leading 其中/年度 words cut. */
export function normName(s: string): string {
  let n = NAMES.get(s);
  if (n === undefined) {
    n = (COMPAT.test(s) ? s.normalize('NFKC') : s)
      .replace(/\s+/g, '')
      .replace(/[(（]类[)）]/g, '')
      .replace(/[“”"'、，,。:：;；()（）]/g, '')
      .replace(/^(其中|主要是|主要用于|本年度|年度|\d{4}年度?)+/, '');
    if (NAMES.size > 20000) NAMES.clear();
    NAMES.set(s, n);
  }
  return n;
}

/** Words that name no particular fact: "支出决算 0.18 万元" is the 决算 of whatever the sentence is about. */
const GENERIC = new Set(['支出决算', '收入决算', '决算', '预算', '总计', '合计', '年度预算', '年初预算', '全年预算', '执行', '本年执行数', '得分', '分值', '权重']);

interface NameEntry {
  fact: Fact;
  /** The name is one of the fact's local aliases. */
  local: boolean;
  /** The name ties a claim to the fact only when the claim agrees with it. */
  confirm?: boolean;
}

/** What a claim was tied to: the fact, and the other facts of its group (the same figure in another table). */
export interface Resolution {
  fact: Fact;
  group: Fact[];
}

const ORGANIZATION = /^.{2,40}?(?:局|委员会|中心|办公室|厅|院|所|站|队|处)(?=[\u3400-\u9fff]{2,})/;

/** The words after a leading organization name, or the words unchanged. */
export function withoutOrganization(subject: string): string {
  const m = ORGANIZATION.exec(subject);
  return m ? subject.slice(m[0].length) : subject;
}

/** What a measure is called after its topic, in the order a narrative most often writes it. */
const MEASURE_WORDS: Record<NonNullable<Claim['measure']>, string[]> = {
  决算: ['', '支出决算', '决算', '决算数'],
  全年预算: ['全年预算', '预算', '全年预算数', '预算数', '支出全年预算'],
  年初预算: ['年初预算', '年初预算数'],
};

// ---------------------------------------------------------------------------------------------
// Projects: the report a claim stands in, and the 自评表 of that project.

const CORES = new Map<string, string>();

/** A project's name without the words every project name has: "2023年保障房建设项目" → "保障房建设". */
export function projectCore(name: string): string {
  let c = CORES.get(name);
  if (c === undefined) {
    c = coreOf(name);
    if (CORES.size > 5000) CORES.clear();
    CORES.set(name, c);
  }
  return c;
}

function coreOf(name: string): string {
  let s = name.normalize('NFKC').replace(/\s+/g, '').replace(/^(?:\d{4}年度?)/, '');
  for (let i = 0; i < 4; i++) {
    const t = s.replace(/(?:专项工作经费|专项工作|工作经费|专项经费|专项资金|补助资金|专项|项目支出|项目|经费|费用|资金|支出)$/, '');
    // "工作经费" is a project's whole name: what would be left is no name
    if (t === s || t.length < 2) break;
    s = t;
  }
  return s;
}

/** The length of the longest common substring (short strings: names). */
export function commonLength(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
      if (k > best) best = k;
    }
  }
  return best;
}

/** How well two project names match: 0 = not at all; at least 3 common characters are needed. */
export function projectMatch(text: string, table: string): number {
  const a = projectCore(text);
  const b = projectCore(table);
  if (!a || !b) return 0;
  if (a === b) return 1000;
  const n = commonLength(a.slice(0, 60), b.slice(0, 60));
  return n >= 3 && n >= Math.min(a.length, b.length) / 2 ? n : 0;
}

/** The words a 项目 report uses for the project's budget, spending, rate and score. */
export const PROJECT_WORDS: Record<'预算' | '执行' | '执行率' | '总分', string[]> = {
  预算: ['项目总预算资金', '年度财政资金预算总额', '项目全年预算', '总预算资金', '资金预算', '申报预算', '预算总额', '专项预算', '项目预算', '全年预算数', '全年预算', '预算资金', '预算数', '预算'],
  执行: ['项目共计支出', '本年执行数', '全年执行数', '执行金额', '共计支出', '总计支出', '全年支出', '实际支出', '实际发放', '执行数', '执行'],
  执行率: ['预算执行率', '执行率'],
  总分: ['综合得分', '综合评分', '总得分', '自评得分', '总分', '得分'],
};

/** Which of the project's figures the words name ("帮代办项目共计支出" → 执行), in the report of `project`. */
export function projectMeasure(subject: string, project: string): keyof typeof PROJECT_WORDS | undefined {
  const s = normName(subject);
  for (const [what, words] of Object.entries(PROJECT_WORDS) as [keyof typeof PROJECT_WORDS, string[]][]) {
    for (const w of words) {
      if (!s.endsWith(w)) continue;
      const prefix = s.slice(0, s.length - w.length).replace(/^(?:\d{4}年度?|\d{4}年初)/, '');
      if (!prefix || /^(?:本|该|此)?(?:项目|年度|本年)$/.test(prefix) || projectMatch(prefix, project) > 0) return what;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------

export class Resolver {
  private readonly names = new Map<string, NameEntry[]>();
  private readonly byKey = new Map<string, Fact>();
  private readonly shares: Fact[] = [];
  private readonly factNames = new Map<Fact, Set<string>>();
  private readonly projects: string[] = [];
  private readonly projectOf = new Map<string, string | undefined>();
  private readonly memo = new Map<Claim, Resolution | undefined>();
  /** The amount facts of each group of one figure (by the key of its first table). */
  private readonly groups = new Map<string, Fact[]>();

  constructor(
    readonly facts: readonly Fact[],
    /** Does the claim state this fact's value (at the claim's precision)? */
    private readonly agrees: (claim: Claim, fact: Fact) => boolean,
  ) {
    for (const f of facts) {
      if (!this.byKey.has(f.key)) this.byKey.set(f.key, f);
      if (f.project !== undefined && !this.projects.includes(f.project)) this.projects.push(f.project);
      const own = new Set([f.label, ...f.aliases].map(normName).filter((n) => n && !GENERIC.has(n)));
      this.factNames.set(f, own);
      if (f.unit === '%') {
        if (f.ratioOf) this.shares.push(f);
        continue;
      }
      const root = f.sameAs ?? f.key;
      const members = this.groups.get(root);
      if (members) members.push(f);
      else this.groups.set(root, [f]);
      if (f.project !== undefined) continue;
      const add = (n: string, local: boolean, confirm = false) => {
        const e: NameEntry = confirm ? { fact: f, local, confirm } : { fact: f, local };
        const list = this.names.get(n);
        if (list) list.push(e);
        else this.names.set(n, [e]);
      };
      for (const n of own) add(n, false);
      for (const n of (f.localAliases ?? []).map(normName)) if (n && !own.has(n)) add(n, true);
      for (const n of (f.confirmAliases ?? []).map(normName)) if (n && !own.has(n)) add(n, false, true);
    }
  }

  fact(key: string): Fact | undefined {
    return this.byKey.get(key);
  }

  /** The table project of the report a claim stands in (the best match of its name), if any. */
  tableProject(claim: Claim): string | undefined {
    const p = claim.project;
    if (p === undefined || p === '' || this.projects.length === 0) return undefined;
    if (!this.projectOf.has(p)) {
      let best: string | undefined;
      let score = 0;
      let tie = false;
      for (const t of this.projects) {
        const s = projectMatch(p, t);
        if (s > score) [best, score, tie] = [t, s, false];
        else if (s > 0 && s === score) tie = true;
      }
      this.projectOf.set(p, tie ? undefined : best);
    }
    return this.projectOf.get(p);
  }

  /** The facts a claim's words name (amounts or scores), before the choice among them. */
  private named(claim: Claim, subject: string): Fact[] {
    const n = normName(subject);
    if (!n || GENERIC.has(n)) return [];
    const wantScore = claim.kind === 'score';
    const entries = (this.names.get(n) ?? []).filter((e) => (e.fact.unit === '分') === wantScore);
    // a local alias names its fact only in the fact's own section (or in a text without sections);
    // a confirming name only when the claim agrees
    return entries.filter((e) => (!e.local || !claim.section || e.fact.section === claim.section) && (!e.confirm || this.agrees(claim, e.fact))).map((e) => e.fact);
  }

  /** One fact among several of one name: by the claim's section, by agreement within a group of one figure. */
  private choose(claim: Claim, candidates: Fact[]): Resolution | undefined {
    if (candidates.length === 0) return undefined;
    const inSection = candidates.filter((f) => f.section === claim.section);
    const pool = inSection.length ? inSection : candidates;
    const root = (f: Fact) => f.sameAs ?? f.key;
    const groups = new Set(pool.map(root));
    // the same number under several names (收支总计 = 收入总计) is no ambiguity
    const single = groups.size === 1 || pool.every((f) => f.value.equals(pool[0].value));
    if (!single) return undefined;
    const group = [...groups].flatMap((g) => this.groups.get(g) ?? []);
    const primary = pool.find((f) => !f.sameAs) ?? pool[0];
    const agreeing = [primary, ...group.filter((f) => f !== primary)].find((f) => this.agrees(claim, f));
    const fact = agreeing ?? primary;
    return { fact, group: group.filter((f) => f !== fact) };
  }

  /**
   * The amount or score fact a claim states: by its project (in a 项目 report), by its own words,
   * else by its topic and measure ("支出决算为 0.18 万元" in a sentence about "三公"经费 → the 三公 决算).
   */
  resolve(claim: Claim): Resolution | undefined {
    if (this.memo.has(claim)) return this.memo.get(claim);
    const r = this.resolveOnce(claim);
    this.memo.set(claim, r);
    return r;
  }

  private resolveOnce(claim: Claim): Resolution | undefined {
    const project = this.tableProject(claim);
    if (project !== undefined) {
      const what = projectMeasure(claim.subject, claim.project ?? '');
      const kind = claim.kind === 'score' ? '总分' : what === '预算' || what === '执行' ? what : undefined;
      if (kind && (claim.kind === 'score' ? what === '总分' : true)) {
        const facts = this.facts.filter((f) => f.project === project && f.key.endsWith(`.${kind}`));
        const alternatives = kind === '预算' ? this.facts.filter((f) => f.project === project && f.key.endsWith('.年初预算')) : [];
        if (facts.length) {
          const all = [...facts, ...alternatives];
          const fact = all.find((f) => this.agrees(claim, f)) ?? facts[0];
          return { fact, group: all.filter((f) => f !== fact) };
        }
      }
    }
    let r = this.choose(claim, this.named(claim, claim.subject));
    if (!r) {
      // "武汉市江岸区住房保障和房屋管理局机关运行经费支出": the department's name before the fact's
      const bare = withoutOrganization(claim.subject);
      if (bare !== claim.subject) r = this.choose(claim, this.named(claim, bare));
    }
    if (r || !claim.topic || !claim.measure) return r;
    for (const word of MEASURE_WORDS[claim.measure]) {
      const found = this.choose(claim, this.named(claim, claim.topic + word));
      if (found) return found;
    }
    return undefined;
  }

  /** A fact named by words alone (the whole of a share: "占一般公共预算项目支出总额的…"). */
  byWords(words: string, section: string): Fact | undefined {
    const probe = { subject: words, section, kind: 'amount' } as Claim;
    const candidates = this.named(probe, words);
    const inSection = candidates.filter((f) => f.section === section);
    const pool = inSection.length ? inSection : candidates;
    return pool.length && pool.every((f) => f.value.equals(pool[0].value)) ? pool[0] : undefined;
  }

  /** The share fact a share claim states: through its part and, when said, its whole. */
  share(claim: Claim): Fact | undefined {
    const subject = normName(claim.subject);
    if (!subject || GENERIC.has(subject)) return undefined;
    const of = claim.of ? normName(claim.of) : '';
    const names = (f: Fact) => this.factNames.get(f) ?? new Set<string>();
    const candidates = this.shares.filter((f) => {
      const part = this.byKey.get(f.ratioOf!.part);
      const whole = this.byKey.get(f.ratioOf!.whole);
      if (!part || !names(part).has(subject)) return names(f).has(subject);
      return !of || (whole !== undefined && (names(whole).has(of) || [...names(whole)].some((n) => n === of.replace(/的$/, ''))));
    });
    if (candidates.length <= 1) return candidates[0];
    const inSection = candidates.filter((f) => f.section === claim.section);
    if (inSection.length === 1) return inSection[0];
    const pool = inSection.length ? inSection : candidates;
    return pool.every((f) => f.value.equals(pool[0].value)) ? pool[0] : undefined;
  }

  /** The rate fact (执行率, 完成率) of a 项目 report's project, for a rate stated without its amounts. */
  projectRate(claim: Claim): Fact | undefined {
    const project = this.tableProject(claim);
    if (project === undefined || projectMeasure(claim.subject, claim.project ?? '') !== '执行率') return undefined;
    return this.facts.find((f) => f.project === project && f.key.endsWith('.执行率'));
  }
}

// ---------------------------------------------------------------------------------------------
// Facts for the figures the user supplied beside the tables.

/**
 * The 年初预算 of the 一般公共预算 total, of each 类 and of 机关运行经费, named like their 决算 fact
 * with 年初预算 after it.
 */
export function budgetFacts(facts: readonly Fact[], budget: Record<string, Decimal> | undefined): Fact[] {
  if (!budget) return [];
  const out: Fact[] = [];
  for (const [key, value] of Object.entries(budget)) {
    const baseKey = key.replace(/\.年初预算$/, '');
    const of = facts.find((f) => f.key === baseKey) ?? (baseKey === '一般公共预算支出' ? facts.find((f) => f.key === '一般公共预算支出.合计') : undefined);
    if (!of) continue;
    const names = [of.label, ...of.aliases];
    const fact: Fact = {
      key,
      label: `${of.label}年初预算`,
      aliases: [...names.map((n) => `${n}年初预算`), ...names.map((n) => `${n}年初预算数`)],
      value,
      unit: '万元',
      cells: [],
      derivation: `${of.label}年初预算（上年数及其他）`,
    };
    if (of.section !== undefined) fact.section = of.section;
    out.push(fact);
  }
  return out;
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

export function purchaseFacts(purchases: PurchaseInputs | undefined): Fact[] {
  if (!purchases) return [];
  const out: Fact[] = [];
  for (const [field, label, aliases] of PURCHASE_NAMES) {
    const value = purchases[field];
    if (value === undefined) continue;
    out.push({ key: `政府采购.${field}`, label, aliases, section: '十一', value, unit: '万元', cells: [], derivation: `${label}（上年数及其他）` });
  }
  return out;
}
