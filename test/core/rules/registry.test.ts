import { existsSync, readdirSync } from 'fs';
import * as path from 'path';
import { RULES } from '../../../src/core/rules/registry';
import type { Rule } from '../../../src/core/rules/types';
import type { RuleCases } from './tester';

const SRC = path.resolve(__dirname, '../../../src/core/rules');
const GROUPS = ['within', 'cross', 'perf', 'subjects', 'hygiene'];

/** Every rule file is registered, has its metadata, and has cases with a passing and a failing one. */
describe('rule registry', () => {
  const files = GROUPS.flatMap((g) =>
    readdirSync(path.join(SRC, g))
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => ({ group: g, file: f.replace(/\.ts$/, '') })),
  );

  test('rule ids are unique', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test.each(files.map((f) => [`${f.group}/${f.file}`, f]))('%s is registered with metadata and cases', (_n, f) => {
    const { group, file } = f as { group: string; file: string };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(SRC, group, file)) as Record<string, unknown>;
    const rules = Object.values(mod).filter((v): v is Rule => !!v && typeof v === 'object' && 'meta' in v && 'check' in v);
    expect(rules).toHaveLength(1);
    const rule = rules[0];
    expect(RULES).toContain(rule);
    const m = rule.meta;
    expect(m.id).toMatch(/^[A-Z0-9_-]+(\.[a-z0-9-]+)+$|^[a-z0-9-]+(\.[a-z0-9-]+)*$/);
    expect(m.title).toMatch(/[\u4e00-\u9fff]/);
    expect(m.identity).toMatch(/[\u4e00-\u9fff]/);
    expect(['error', 'warning', 'info']).toContain(m.severity);
    expect(m.source).toBeTruthy();
    const casesFile = path.resolve(__dirname, group, `${file}.cases.ts`);
    const testFile = path.resolve(__dirname, group, `${file}.test.ts`);
    expect(existsSync(casesFile)).toBe(true);
    expect(existsSync(testFile)).toBe(true);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cases = (require(casesFile) as { cases: RuleCases }).cases;
    expect(cases.valid.length).toBeGreaterThan(0);
    expect(cases.invalid.length).toBeGreaterThan(0);
  });

  test('every registered rule lives in its own file', () => {
    expect(RULES.length).toBe(files.length);
  });
});
