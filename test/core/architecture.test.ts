import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';

/** The core runs in Excel, the browser and Node: it may import only itself and decimal.js. */
const CORE = path.resolve(__dirname, '../../src/core');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('src/core is host-agnostic', () => {
  const sources = files(CORE);
  test('it has source files', () => {
    expect(sources.length).toBeGreaterThan(10);
  });
  test.each(sources.map((f) => [path.relative(CORE, f), f]))('%s imports nothing outside the core but decimal.js', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const imports = [...text.matchAll(/(?:from\s+|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
    for (const spec of imports) {
      if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(file), spec);
        expect(target.startsWith(CORE)).toBe(true);
      } else {
        expect(spec).toBe('decimal.js');
      }
    }
    expect(text).not.toMatch(/\b(Excel|Office|Word)\.run\b|\bdocument\.|\bwindow\.|\bprocess\.|\bBuffer\b/);
  });
});
