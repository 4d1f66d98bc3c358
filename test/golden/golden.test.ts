/**
 * Golden outputs: what `gongkai check --format json`, `check --narrative`, `fill --format json`
 * (with a digest of every part of the written package) and `narrate --format md` print on every
 * bundled sample. They were recorded before the core was reshaped, so that any later change in
 * what a user sees shows up here as a diff to review. Fields added to the contract since are left
 * out of the comparison (the `contractView` projection); everything else must match exactly.
 *
 * After an intended change: UPDATE_GOLDEN=1 npx jest test/golden, and review the diff of
 * test/golden/*.json before committing it.
 */
import { createHash } from 'crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import JSZip from 'jszip';
import { tmpdir } from 'os';
import * as path from 'path';
import { run } from '../../src/cli/cli';

const ROOT = path.resolve(__dirname, '../..');
const SAMPLES = path.join(ROOT, 'samples');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t + '\n'), stderr: (t) => (stderr += t + '\n') });
  return { code, stdout, stderr };
}

/** The fields of a finding as the output contract had them when the goldens were recorded. */
const FINDING_FIELDS = ['rule', 'severity', 'cells', 'expected', 'actual', 'message', 'difference', 'rounding', 'likely', 'source', 'quote'];
const TABLE_FIELDS = ['sheet', 'type', 'title', 'year', 'unit', 'range', 'department', 'label', 'variant'];

function pick(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (k in o) out[k] = o[k];
  return out;
}

function contractView(report: { file: string; tables: Record<string, unknown>[]; findings: Record<string, unknown>[]; unrecognized: unknown }) {
  return {
    file: report.file,
    tables: report.tables.map((t) => pick(t, TABLE_FIELDS)),
    findings: report.findings.map((f) => pick(f, FINDING_FIELDS)),
    unrecognized: report.unrecognized,
  };
}

async function partDigests(file: string): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) {
    if (zip.files[name].dir) continue;
    out[name] = createHash('sha256').update(await zip.files[name].async('uint8array')).digest('hex').slice(0, 16);
  }
  return out;
}

function compare(name: string, actual: unknown): void {
  const file = path.join(__dirname, `${name}.json`);
  const text = JSON.stringify(actual, null, 1) + '\n';
  if (UPDATE || !existsSync(file)) {
    if (!UPDATE) throw new Error(`golden ${name}.json is missing: run with UPDATE_GOLDEN=1 and review it`);
    writeFileSync(file, text);
    return;
  }
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}

const WORKBOOKS = ['jiangan-2024-gongkai', 'jiangan-2024-jixiao', 'huaihua-2023-jixiao', 'huaihua-2024-jixiao', 'lukou-2022-jixiao', 'miluo-2023-jixiao'];
const NARRATIVES: [string, string][] = [
  ['jiangan-2024-gongkai', 'jiangan-2024-qingkuang.txt'],
  ['huaihua-2023-jixiao', 'huaihua-2023-zipingbaogao.txt'],
  ['huaihua-2024-jixiao', 'huaihua-2024-zipingbaogao.txt'],
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'gk-golden-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(WORKBOOKS)('%s', (name) => {
  const book = path.join(SAMPLES, `${name}.xlsx`);

  test('check --format json', async () => {
    const r = await cli('check', book, '--format', 'json');
    compare(`${name}.check`, { code: r.code, stderr: r.stderr, report: contractView(JSON.parse(r.stdout)) });
  });

  test.each([['formulas', []], ['values', ['--values']], ['overwrite', ['--overwrite']]] as [string, string[]][])('fill (%s)', async (mode, extra) => {
    const out = path.join(dir, `${name}.${mode}.xlsx`);
    const r = await cli('fill', book, '-o', out, '--format', 'json', ...extra);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    json.output = path.basename(String(json.output));
    if (Array.isArray(json.findings)) json.findings = (json.findings as Record<string, unknown>[]).map((f) => pick(f, FINDING_FIELDS));
    compare(`${name}.fill-${mode}`, { code: r.code, stderr: r.stderr, report: json, parts: existsSync(out) ? await partDigests(out) : null });
  });

  test('narrate --format md', async () => {
    const r = await cli('narrate', book, '--format', 'md');
    compare(`${name}.narrate`, { code: r.code, stdout: r.stdout.split('\n'), stderr: r.stderr.split('\n') });
  });
});

describe.each(NARRATIVES)('%s with %s', (name, text) => {
  test('check --narrative --format json', async () => {
    const r = await cli('check', path.join(SAMPLES, `${name}.xlsx`), '--narrative', path.join(SAMPLES, text), '--format', 'json');
    compare(`${name}.narrative`, { code: r.code, stderr: r.stderr, report: contractView(JSON.parse(r.stdout)) });
  });
});
