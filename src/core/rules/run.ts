import { assignIds, createFinding, localizeBlame, type Finding, type FindingSource } from '../findings';
import type { Workbook } from '../grid/grid';
import type { CheckSettings } from '../reading';
import type { SemanticTable } from '../tables/types';
import { RuleContext } from './context';
import { RULES } from './registry';
import type { Rule } from './types';

/** The runner's own finding: a rule that threw. */
export const INTERNAL_ERROR: FindingSource = {
  id: 'internal-error',
  severity: 'error',
  messages: { ruleThrew: '规则 {{rule}}（{{title}}）运行出错，未能完成检查：{{detail}}' },
};

/**
 * Runs every rule whose tables are present. A rule that throws becomes an `internal-error`
 * finding and the check goes on; then blame is localized across findings and each finding gets
 * its stable id.
 */
export function runRules(
  workbook: Workbook,
  tables: readonly SemanticTable[],
  settings: Partial<CheckSettings> = {},
  rules: readonly Rule[] = RULES,
  onOperand?: RuleContext['operandListener'],
): Finding[] {
  const ctx = new RuleContext(workbook, tables, settings);
  ctx.operandListener = onOperand;
  const present = new Set(tables.map((t) => t.type));
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (!rule.meta.tables.every((t) => present.has(t))) continue;
    ctx.currentRule = rule.meta;
    try {
      findings.push(...rule.check(ctx));
    } catch (e) {
      findings.push(
        createFinding(INTERNAL_ERROR, 'ruleThrew', { rule: rule.meta.id, title: rule.meta.title, detail: e instanceof Error ? e.message : String(e) }, { cells: [], expected: null, actual: null }),
      );
    }
  }
  localizeBlame(findings);
  assignIds(findings, tables);
  return findings;
}
