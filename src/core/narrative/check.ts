import type { Finding } from '../findings';
import { NarrativeContext, type CheckOptions } from './checks/context';
import { NARRATIVE_RULES, UNRESOLVED_RULE } from './checks/index';
import type { PriorProblem } from './prior';
import type { NarrativeReading } from './statements';
import type { Claim, Fact } from './types';

export type { CheckOptions } from './checks/context';

/**
 * Checks the numbers of a narrative (情况说明, 自评报告) against the facts of the tables and against
 * each other (the checks of checks/, in the order of checks/index.ts). Each claim is resolved to a
 * fact by its wording (subject and, for shares, what it is a share of), its section and, in a text of
 * several 项目 reports, its report's project; numbers no table holds are checked against other numbers
 * of the text. A claim tied to nothing is listed as info, never dropped. Findings are in text order,
 * the unresolved numbers last.
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
  /** The prior-year workbook given was of the same year or of another department: its figures were left out. */
  priorProblem?: { problem: PriorProblem; message: string };
}

export function checkNarrative(input: readonly Claim[] | NarrativeReading, tableFacts: readonly Fact[], options: CheckOptions = {}): NarrativeCheck {
  const reading: NarrativeReading = isReading(input) ? input : { claims: [...input], comparisons: [], enumerations: [] };
  const ctx = new NarrativeContext(reading.claims, tableFacts, options, reading);
  for (const rule of NARRATIVE_RULES) rule.run(ctx);
  // a number a check reported on was looked at, even when it was tied to nothing
  for (const c of ctx.reported) if (!ctx.resolved.has(c) && !ctx.checked.has(c)) ctx.checked.set(c, []);
  UNRESOLVED_RULE.run(ctx);
  const resolved: NarrativeCheck['resolved'] = [];
  const verified: NarrativeCheck['verified'] = [];
  const unresolved: Claim[] = [];
  for (const claim of reading.claims) {
    const fact = ctx.resolved.get(claim);
    const against = ctx.checked.get(claim);
    if (fact) resolved.push({ claim, fact });
    else if (against) verified.push({ claim, against });
    else unresolved.push(claim);
  }
  const checked = ctx.findings.filter((f) => !f.unresolved);
  const listed = ctx.findings.filter((f) => f.unresolved);
  const order = new Map(ctx.findings.map((f, i) => [f, i]));
  const place = (f: Finding) => ctx.startOf.get(f) ?? 0;
  checked.sort((a, b) => place(a) - place(b) || order.get(a)! - order.get(b)!);
  return { findings: [...checked, ...listed], resolved, verified, unresolved };
}

function isReading(x: readonly Claim[] | NarrativeReading): x is NarrativeReading {
  return !Array.isArray(x);
}
