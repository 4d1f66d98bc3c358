import { readFileSync } from 'fs';
import * as path from 'path';
import { NarrativeSession } from '../../../src/core/narrative/session';
import { FIXTURES, loadFixture } from '../../helpers/fixtures';

/**
 * A hostile text is checked in time linear in its length: the work per clause is bounded (its clause,
 * a few clauses and figures before it), never the whole sentence or the whole text. One 300 KB
 * sentence of 8,000 clauses took 36 s before; a 50 MB text over 120 s.
 */
const SEED = readFileSync(path.join(FIXTURES, 'jiangan-2024-qingkuang.txt'), 'utf8');
/** The seed's clauses (with their numbers), to build sentences of any length from real wording. */
const CLAUSES = SEED.split(/[。\n]/)
  .flatMap((s) => s.split(/[,，;；]/))
  .map((c) => c.trim())
  .filter((c) => /\d/.test(c) && c.length > 4);

/** One sentence of `n` clauses, under a section heading. */
const sentence = (n: number) => `五、一般公共预算财政拨款支出决算情况说明\n${Array.from({ length: n }, (_, i) => CLAUSES[i % CLAUSES.length]).join('，')}。`;

/** CPU milliseconds of `f` (this process only: other work on the machine does not count). */
function cpuMs(f: () => void): number {
  const a = process.cpuUsage();
  f();
  const d = process.cpuUsage(a);
  return (d.user + d.system) / 1000;
}

let session: NarrativeSession;
beforeAll(async () => {
  session = new NarrativeSession(await loadFixture('jiangan-2024-gongkai.xlsx'));
  session.check(sentence(200)); // facts built, code warm
});

describe('checking is linear in the text', () => {
  // The speed itself is the bench's (narrative.longSentenceMs, about 0.2 s); this bound only catches a
  // return of the quadratic reading (36 s for this sentence) on a loaded CI machine.
  test('one sentence of 8,000 clauses (about 300 KB) is checked in seconds, not the quadratic code\'s minute', () => {
    const text = sentence(8000);
    expect(Buffer.byteLength(text)).toBeGreaterThan(250_000);
    let findings = 0;
    const ms = cpuMs(() => (findings = session.check(text).findings.length));
    expect(findings).toBeGreaterThan(1000);
    expect(ms).toBeLessThan(6000);
  });

  test('four times the clauses take about four times as long, not sixteen', () => {
    const small = cpuMs(() => session.check(sentence(3000)));
    const large = cpuMs(() => session.check(sentence(12000)));
    expect(large / small).toBeLessThan(7);
  });

  test('a long text of many sentences: linear too (600 KB of the seed repeated)', () => {
    const one = cpuMs(() => session.check(Array.from({ length: 10 }, () => SEED).join('\n')));
    const many = cpuMs(() => session.check(Array.from({ length: 80 }, () => SEED).join('\n')));
    expect(many).toBeLessThan(4000);
    expect(many / one).toBeLessThan(14);
  });
});
