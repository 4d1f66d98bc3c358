import type { Rule } from '../../../src/core/rules/types';
import { casesOf, ruleFiles, rulesExportedBy, type RuleFile } from './rule-files';
import { ruleTester, type RuleCases } from './tester';

/**
 * The cases of every rule: each src/core/rules/<group>/<file>.ts runs against
 * test/core/rules/<group>/<file>.cases.ts. A rule file without cases, or not exporting exactly one
 * rule, is a failing test named after it.
 */
function load(f: RuleFile): { rule: Rule; cases: RuleCases } | Error {
  try {
    const rules = rulesExportedBy(f);
    if (rules.length !== 1) throw new Error(`rule ${f.name} exports ${rules.length} rules, expected exactly 1`);
    return { rule: rules[0], cases: casesOf(f) };
  } catch (e) {
    return e as Error;
  }
}

for (const f of ruleFiles()) {
  const loaded = load(f);
  if (loaded instanceof Error) {
    test(`${f.name}: cannot run its cases`, () => {
      throw loaded;
    });
  } else {
    ruleTester(loaded.rule, loaded.cases);
  }
}
