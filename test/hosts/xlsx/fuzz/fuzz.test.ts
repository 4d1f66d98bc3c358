/**
 * The fuzz suite of issue 16: every hostile kind (generators.ts) must end with its outcome, within
 * its time, inside a child process whose heap is capped at 500 MB (--max-old-space-size): a case
 * that allocated what the file declares would kill the child, and this suite would say which case
 * was running. One child runs all cases, so the whole suite costs one start-up.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import type { CaseResult } from './run-cases';
import { ALL_CASES } from './generators';

const ROOT = path.resolve(__dirname, '../../../..');
const HEAP_MB = 500;

let results: CaseResult[] = [];
let stderr = '';

beforeAll(() => {
  const child = spawnSync(
    process.execPath,
    [`--max-old-space-size=${HEAP_MB}`, '--expose-gc', '-r', 'ts-node/register/transpile-only', path.join(__dirname, 'run-cases.ts')],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 << 20, timeout: 120_000 },
  );
  results = child.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as CaseResult);
  stderr = child.stderr;
  if (child.status !== 0) {
    const last = results[results.length - 1]?.name ?? '(none)';
    const next = ALL_CASES[results.length]?.name ?? '(none)';
    throw new Error(`the fuzz child ended with ${child.status ?? child.signal}: last case done "${last}", running "${next}"\n${stderr.slice(-2000)}`);
  }
}, 130_000);

describe.each(ALL_CASES.map((c) => [c.name, c] as const))('%s', (name, c) => {
  test(`ends with ${c.expect} within ${c.maxMs} ms and a ${HEAP_MB} MB heap`, () => {
    const r = results.find((x) => x.name === name);
    expect(r).toBeDefined();
    if (c.expect === 'error') expect(r!.outcome).toMatch(/^(truncated|corrupt|not-zip|xls|zip-bomb|too-large|out-of-range|encrypted)$/);
    else expect(r!.outcome).toBe(c.expect);
    expect(r!.checkError).toBeUndefined();
    expect(r!.ms).toBeLessThan(c.maxMs);
    expect(r!.heapMB).toBeLessThan(HEAP_MB);
  });
});
