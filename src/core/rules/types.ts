import type { Finding, FindingSource, MessageCatalog, Severity } from '../findings';
import type { TableType } from '../tables/types';
import type { RuleContext, RuleDependencies } from './context';
import type { SemanticTable } from '../tables/types';

/** eslint-style rule module: metadata, messages and check in one file. */
export interface RuleMeta extends FindingSource {
  /** Stable id, e.g. "GK01.income-total", "GK02-GK03.row-total". */
  id: string;
  /** Chinese title for listings. */
  title: string;
  /** Severity of a break beyond rounding (rounding differences are always warnings). */
  severity: Severity;
  /** The identity in words (Chinese). */
  identity: string;
  /** Tables the rule needs; it runs only when all are present. */
  tables: readonly TableType[];
  /** Where the identity comes from: a 审核公式 id such as "A06", "B08" (docs/rules.md), or a hygiene tag. */
  source: string;
  /** 审核公式 level: mandatory (强制) or advisory (提示). */
  level: 'mandatory' | 'advisory';
  /** Message id → template with {{placeholders}} (rendered by findings/messages). */
  messages: MessageCatalog;
  /**
   * 'table': the findings about a table depend on that table alone (the rule checks each table on
   * its own), so a live re-check runs it on the changed tables only. Absent: the rule compares
   * tables with one another. test/core/live.test.ts holds every rule to what it declares.
   */
  scope?: 'table';
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): Finding[];
}

/** Within-table identities a rule checked and found broken, per table. */
export type Tallies = Map<SemanticTable, { checked: number; broken: number }>;

/** What one rule found, what its result depends on, and how many identities it checked. */
export interface RuleRun {
  rule: Rule;
  findings: Finding[];
  dependencies: RuleDependencies;
  tallies: Tallies;
}
