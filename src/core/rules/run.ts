import type { Workbook } from '../grid/grid';
import type { CellPointer, Finding } from '../report';
import type { SemanticTable } from '../tables/types';
import { RuleContext, RuleSettings } from './context';
import { RULES } from './registry';
import type { Rule } from './types';

/**
 * Runs every rule whose tables are present. A rule that throws becomes an `internal-error`
 * finding and the check goes on; then blame is localized across findings.
 */
export function runRules(
  workbook: Workbook,
  tables: readonly SemanticTable[],
  settings: Partial<RuleSettings> = {},
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
      findings.push({
        rule: 'internal-error',
        severity: 'error',
        cells: [],
        expected: null,
        actual: null,
        message: `规则 ${rule.meta.id}（${rule.meta.title}）运行出错，未能完成检查：${e instanceof Error ? e.message : String(e)}`,
      });
    }
  }
  localizeBlame(findings);
  return findings;
}

const key = (p: CellPointer) => `${p.sheet}!${p.address}`;

/**
 * A cell that takes part in two or more broken identities (say a GK02 row that disagrees both with
 * its own columns and with GK03) is the most likely culprit: name it on each of those findings.
 */
export function localizeBlame(findings: Finding[]): void {
  const errors = findings.filter((f) => f.severity === 'error' && f.cells.length > 0);
  const count = new Map<string, { pointer: CellPointer; rules: Set<Finding> }>();
  for (const f of errors) {
    for (const c of f.cells) {
      const k = key(c);
      let e = count.get(k);
      if (!e) count.set(k, (e = { pointer: c, rules: new Set() }));
      e.rules.add(f);
    }
  }
  for (const f of errors) {
    let best: { pointer: CellPointer; n: number } | null = null;
    let tie = false;
    for (const c of f.cells) {
      const n = count.get(key(c))!.rules.size;
      if (n < 2) continue;
      if (!best || n > best.n) {
        best = { pointer: c, n };
        tie = false;
      } else if (n === best.n) tie = true;
    }
    if (best && !tie) {
      f.likely = best.pointer;
      f.message += `最可能出错的是 ${best.pointer.sheet}!${best.pointer.address}：它同时使 ${best.n} 条等式不成立。`;
    }
  }
}
