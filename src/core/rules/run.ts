import { assignIds, createFinding, localizeBlame, type Finding, type FindingSource } from '../findings';
import type { Workbook } from '../grid/grid';
import type { CheckSettings, ReadingCache } from '../reading';
import type { SemanticTable } from '../tables/types';
import { RuleContext, type RuleDependencies } from './context';
import { RULES } from './registry';
import { gateStructure } from './structure-gate';
import type { Rule, RuleRun } from './types';

export type { RuleRun } from './types';

/** The runner's own finding: a rule that threw. */
export const INTERNAL_ERROR: FindingSource = {
  id: 'internal-error',
  severity: 'error',
  messages: { ruleThrew: '规则 {{rule}}（{{title}}）运行出错，未能完成检查：{{detail}}' },
};


/**
 * Runs each rule whose tables are present, recording what it read. A rule that throws becomes an
 * `internal-error` finding and the check goes on. Blame and ids are not assigned here.
 */
export function runEach(
  workbook: Workbook,
  tables: readonly SemanticTable[],
  settings: Partial<CheckSettings> = {},
  rules: readonly Rule[] = RULES,
  onOperand?: RuleContext['operandListener'],
  cache?: ReadingCache,
): RuleRun[] {
  const ctx = new RuleContext(workbook, tables, settings, cache);
  ctx.operandListener = onOperand;
  const present = new Set(tables.map((t) => t.type));
  const runs: RuleRun[] = [];
  for (const rule of rules) {
    // a rule that needs tables depends on their presence even when it does not run
    const dependencies: RuleDependencies = { sheets: new Set(), types: new Set(rule.meta.tables) };
    if (!rule.meta.tables.every((t) => present.has(t))) {
      runs.push({ rule, findings: [], dependencies, tallies: new Map() });
      continue;
    }
    ctx.currentRule = rule.meta;
    ctx.dependencies = dependencies;
    ctx.tallies.clear();
    let findings: Finding[];
    try {
      findings = rule.check(ctx);
    } catch (e) {
      findings = [
        createFinding(INTERNAL_ERROR, 'ruleThrew', { rule: rule.meta.id, title: rule.meta.title, detail: e instanceof Error ? e.message : String(e) }, { cells: [], expected: null, actual: null }),
      ];
    }
    runs.push({ rule, findings, dependencies, tallies: new Map(ctx.tallies) });
  }
  ctx.dependencies = undefined;
  return runs;
}

/**
 * Every rule over the tables, then blame localized across all findings and each finding given its
 * stable id.
 */
export function runRules(
  workbook: Workbook,
  tables: readonly SemanticTable[],
  settings: Partial<CheckSettings> = {},
  rules: readonly Rule[] = RULES,
  onOperand?: RuleContext['operandListener'],
): Finding[] {
  return finishFindings(runEach(workbook, tables, settings, rules, onOperand), tables);
}

/**
 * The findings of every rule run, with a table whose reading is doubtful reported once instead of
 * as a cascade (structure-gate.ts), blame localized across them all (recomputed from scratch), and
 * stable ids.
 */
export function finishFindings(runs: readonly RuleRun[], tables: readonly SemanticTable[]): Finding[] {
  const findings = gateStructure(runs, tables);
  localizeBlame(findings);
  assignIds(findings, tables);
  return findings;
}
