import { existsSync, readdirSync } from 'fs';
import * as path from 'path';
import { RULES } from '../../../src/core/rules/registry';
import { casesOf, RULE_GROUPS, ruleFiles, rulesExportedBy } from './rule-files';

/**
 * Every rule file is registered, has its metadata, and has a cases file beside its group's folder
 * here (run by rules.test.ts) with a passing and a failing case.
 */
describe('rule registry', () => {
  const files = ruleFiles();

  test('rule ids are unique', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test.each(files.map((f) => [f.name, f]))('%s is registered with metadata and cases', (_n, f) => {
    const rules = rulesExportedBy(f);
    expect(rules).toHaveLength(1);
    const rule = rules[0];
    expect(RULES).toContain(rule);
    const m = rule.meta;
    expect(m.id).toMatch(/^[A-Z0-9_-]+(\.[a-z0-9-]+)+$|^[a-z0-9-]+(\.[a-z0-9-]+)*$/);
    expect(m.title).toMatch(/[\u4e00-\u9fff]/);
    expect(m.identity).toMatch(/[\u4e00-\u9fff]/);
    expect(['error', 'warning', 'info']).toContain(m.severity);
    expect(m.source).toBeTruthy();
    expect(existsSync(f.cases)).toBe(true);
    const cases = casesOf(f);
    expect(cases.valid.length).toBeGreaterThan(0);
    expect(cases.invalid.length).toBeGreaterThan(0);
  });

  test('every registered rule lives in its own file', () => {
    expect(RULES.length).toBe(files.length);
  });

  test('every cases file belongs to a rule file (rules.test.ts runs only those)', () => {
    const owned = new Set(files.map((f) => f.cases));
    const orphans = RULE_GROUPS.flatMap((g) =>
      readdirSync(path.join(__dirname, g))
        .filter((f) => f.endsWith('.cases.ts') && !owned.has(path.join(__dirname, g, f)))
        .map((f) => `${g}/${f}`),
    );
    expect(orphans).toEqual([]);
  });
});
