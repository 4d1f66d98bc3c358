import { createFinding, type CellPointer, type Finding, type FindingSource, type MessageData, type Severity } from '../../findings';
import { Decimal } from '../../money/decimal';
import { convertMoney, type MoneyUnit } from '../../money/units';
import type { PurchaseInputs } from '../draft/inputs';
import { half } from '../relations';
import { budgetFacts, purchaseFacts, Resolver, type Resolution } from '../resolve';
import type { Comparison, Enumeration } from '../statements';
import type { Claim, Fact } from '../types';

/**
 * What every narrative check sees: the claims of the text (indexed by sentence and paragraph), the
 * facts of the tables and of the inputs, the resolution of claims to facts, and where to report. A
 * check is a module in this folder with its `source` (id, severity, message catalog) and its `run`;
 * findings are data like the table rules': a message id, its data, the template rendered from the
 * check's catalog (src/core/findings/messages.ts).
 */
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

/** A narrative check's declaration: a finding source with a title. */
export interface NarrativeCheckSource extends FindingSource {
  /** Chinese title for listings. */
  title: string;
}

/** One check module: the sources it reports as (usually one) and how it runs. */
export interface NarrativeRule {
  sources: NarrativeCheckSource[];
  run(ctx: NarrativeContext): void;
}

export interface ReportFields {
  /** The fact the claim should agree with: its cells are the finding's cells. */
  fact?: Fact | null;
  cells?: CellPointer[];
  expected: string | null;
  actual: string | null;
  severity?: Severity;
  likely?: CellPointer;
  fix?: Finding['fix'];
  /** Another quote than the claim's (a repeated list item has no number). */
  quote?: string;
  /** Where the finding is when it is not at the claim. */
  at?: { line: number; paragraph: number; heading: string };
}

/** A stated amount and a table fact agree at the text's precision (and the table's, across units). */
export function amountAgrees(claim: Claim, fact: Fact): boolean {
  if (fact.unit === '%') return false;
  if (fact.unit === '分' || claim.kind === 'score') return claim.value.minus(fact.value).abs().lessThanOrEqualTo(half(claim.decimals).plus('0.000001'));
  if (claim.unit !== '万元' && claim.unit !== '元') return false;
  const diff = amountDifference(claim, fact);
  return !diff.beyond;
}

/** The difference of a stated amount and a fact, in the fact's unit, and whether it lies beyond the rounding. */
export function amountDifference(claim: Claim, fact: Fact): { stated: Decimal; diff: Decimal; dp: number; beyond: boolean } {
  const unit = claim.unit as MoneyUnit;
  const stated = convertMoney(claim.value, unit, fact.unit as MoneyUnit);
  const dp = claim.unit === fact.unit ? claim.decimals : claim.unit === '元' ? claim.decimals + 4 : Math.max(0, claim.decimals - 4);
  const diff = stated.minus(fact.value).abs();
  // the text may round the table's figure to fewer decimals; within that it is right. In another
  // unit ("640元" against a 0.06 万元 cell) the table's own rounding counts too.
  const tableHalf = claim.unit === fact.unit ? new Decimal(0) : half(Math.max(2, fact.value.decimalPlaces()));
  return { stated, diff, dp, beyond: diff.greaterThan(half(dp).plus(tableHalf).plus('0.000001')) };
}

export class NarrativeContext {
  readonly facts: Fact[];
  readonly resolver: Resolver;
  readonly findings: Finding[] = [];
  /** Claims tied to a table fact. */
  readonly resolved = new Map<Claim, Fact>();
  /** Claims checked against other numbers of the text, with those numbers. */
  readonly checked = new Map<Claim, Claim[]>();
  /** Claims a check has reported already (one finding per number is enough). */
  readonly reported = new Set<Claim>();
  /** Where each finding's number starts in the text (for text order). */
  readonly startOf = new Map<Finding, number>();
  /** Cells named as the suspect already (one finding per cell). */
  readonly blamed = new Set<Fact>();
  private readonly bySentence = new Map<number, Claim[]>();
  private readonly resolutions = new Map<Claim, Resolution | undefined>();
  private listMemo?: Map<number, Claim[]>;
  private readonly position = new Map<Claim, number>();
  private readonly inSentence = new Map<Claim, number>();

  readonly comparisons: readonly Comparison[];
  readonly enumerations: readonly Enumeration[];

  constructor(
    readonly claims: readonly Claim[],
    tableFacts: readonly Fact[],
    readonly options: CheckOptions = {},
    statements: { comparisons?: readonly Comparison[]; enumerations?: readonly Enumeration[] } = {},
  ) {
    this.comparisons = statements.comparisons ?? [];
    this.enumerations = statements.enumerations ?? [];
    this.facts = [...tableFacts, ...budgetFacts(tableFacts, options.budget), ...purchaseFacts(options.purchases)];
    this.resolver = new Resolver(this.facts, amountAgrees);
    claims.forEach((c, i) => {
      this.position.set(c, i);
      const k = this.sentenceKey(c);
      const list = this.bySentence.get(k);
      if (list) list.push(c);
      else this.bySentence.set(k, [c]);
      this.inSentence.set(c, (list?.length ?? 1) - 1);
    });
  }

  private sentenceKey(c: Claim): number {
    return c.sentenceStart ?? c.start;
  }

  /** The claims of a claim's sentence, in text order. */
  sentenceOf(c: Claim): readonly Claim[] {
    return this.bySentence.get(this.sentenceKey(c)) ?? [c];
  }

  /** The claims of the sentence before `c` (at most `max`, nearest last). */
  before(c: Claim, max = 40): Claim[] {
    const list = this.sentenceOf(c);
    const i = this.inSentence.get(c) ?? list.indexOf(c);
    return list.slice(Math.max(0, i - max), i);
  }

  /** The claims of the sentence after `c` (at most `max`). */
  after(c: Claim, max = 40): Claim[] {
    const list = this.sentenceOf(c);
    const i = this.inSentence.get(c) ?? list.indexOf(c);
    return list.slice(i + 1, i + 1 + max);
  }

  /** The claims that start before `pos` (at most `max`, in text order). */
  claimsBefore(pos: number, max: number): Claim[] {
    let lo = 0;
    let hi = this.claims.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.claims[mid].start < pos) lo = mid + 1;
      else hi = mid;
    }
    return this.claims.slice(Math.max(0, lo - max), lo);
  }

  /** The 其中 / 主要用于 lists of the text: the index of each total, with its items in text order. */
  lists(): Map<number, Claim[]> {
    if (this.listMemo) return this.listMemo;
    const lists = new Map<number, Claim[]>();
    for (const c of this.claims) {
      if (!c.partOf) continue;
      const list = lists.get(c.partOf.index);
      if (list) list.push(c);
      else lists.set(c.partOf.index, [c]);
    }
    return (this.listMemo = lists);
  }

  /** The index of a claim in the text's claims. */
  indexOf(c: Claim): number {
    return this.position.get(c) ?? -1;
  }

  /** A claim of another year than the tables' ("2023年度支出合计 …" in a 2024 report). */
  otherYear(c: Claim): boolean {
    return this.options.year !== undefined && c.year !== undefined && c.year !== this.options.year;
  }

  /** The table fact an amount or score claim states, with the other tables that hold the figure. */
  resolution(c: Claim): Resolution | undefined {
    if (this.otherYear(c) || c.comparison) return undefined;
    if (!this.resolutions.has(c)) this.resolutions.set(c, this.resolver.resolve(c.kind === 'amount' || c.kind === 'score' ? c : { ...c, kind: 'amount' }));
    return this.resolutions.get(c);
  }

  /** The table fact an amount claim states, if any (the one it agrees with when several tables hold it). */
  resolve(c: Claim): Fact | undefined {
    const r = this.resolution(c);
    return r && !r.fact.bound ? r.fact : undefined;
  }

  /** Records that `claims` were checked against `against` (claims settled by a table fact need no record). */
  mark(claims: readonly Claim[], ...against: Claim[]): void {
    for (const c of claims) {
      if (this.resolved.has(c)) continue;
      const had = this.checked.get(c) ?? [];
      this.checked.set(c, [...had, ...against.filter((a) => a !== c && !had.includes(a))]);
    }
  }

  /** Items and their total vouch for each other. */
  markTogether(items: readonly Claim[], total: Claim): void {
    this.mark(items, total);
    this.mark([total], ...items);
  }

  /** A finding about `claim`, its message rendered from the source's catalog. */
  report(source: NarrativeCheckSource, messageId: string, data: MessageData, claim: Claim, fields: ReportFields): Finding {
    const f = createFinding(source, messageId, data, {
      cells: fields.cells ?? fields.fact?.cells ?? [],
      expected: fields.expected,
      actual: fields.actual,
      source: 'narrative',
      quote: fields.quote ?? claim.quote,
      ...(fields.severity ? { severity: fields.severity } : {}),
      ...(fields.likely ? { likely: fields.likely } : {}),
      ...(fields.fix ? { fix: fields.fix } : {}),
    });
    const at = fields.at ?? (claim.line !== undefined ? { line: claim.line, paragraph: claim.paragraph ?? 1, heading: claim.heading ?? '' } : undefined);
    if (at) f.location = at.heading ? { paragraph: at.paragraph, line: at.line + 1, heading: at.heading } : { paragraph: at.paragraph, line: at.line + 1 };
    this.findings.push(f);
    this.startOf.set(f, claim.start);
    this.reported.add(claim);
    return f;
  }
}
