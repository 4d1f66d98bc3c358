/**
 * npm run bench            human-readable figures
 * npm run bench -- --json  one JSON object with the same figures
 * npm run bench -- --only=check [--json]  the check figures alone (`fixtures` and `generated`)
 *
 * Load time (.xlsx → grid) and recognition time per fixture (median of several runs), and
 * recognition of a generated GK03 with 1,000 … 10,000 科目 rows to show linear growth; `reader`: each
 * .xlsx reader candidate of docs/decisions/0001-xlsx-reader.md on the 公开 sample and a 10,000-row
 * sheet (load time, and peak memory in a process of its own); `fill`: plan and write of a generated
 * 支出决算表 of 10,000 … 100,000 rows; `excel`: the Excel host through the test double (bench/excel.ts);
 * `batch`: the built `gongkai batch` on 200 generated workbooks with 1 and 2 workers (bench/batch.ts);
 * `taskpane`: what the pane loads, gzip, in chromium (bench/taskpane.ts).
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { analyze } from '../src/core/analyze';
import { planFills } from '../src/core/fill/plan';
import { checkNarrative } from '../src/core/narrative/check';
import { readNarrative } from '../src/core/narrative/statements';
import type { Fact } from '../src/core/narrative/types';
import { draftQingkuang } from '../src/core/narrative/draft/index';
import { buildFacts } from '../src/core/narrative/facts';
import { RuleContext } from '../src/core/rules/context';
import { recognizeWorkbook } from '../src/core/tables/recognize';
import { loadXlsx } from '../src/hosts/xlsx/load';
import { XlsxFileHost } from '../src/hosts/xlsx/file-host';
import { willWrite } from '../src/core/fill/plan';
import { generatedGk03, gridToXlsx } from './generate';
import { CHOSEN_READER, READERS } from './readers';
import { benchExcel } from './excel';
import { benchBatch } from './batch';
import { benchCli } from './cli';
import { benchTaskpane } from './taskpane';

const FIXTURES = path.resolve(__dirname, '../samples');
const json = process.argv.includes('--json');
const onlyCheck = process.argv.includes('--only=check');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function timeAsync(runs: number, f: () => Promise<unknown>): Promise<number> {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = performance.now();
    await f();
    t.push(performance.now() - a);
  }
  return median(t);
}

function time(runs: number, f: () => unknown): number {
  for (let i = 0; i < 10; i++) f(); // warm up the JIT (and let it settle before timing)
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = performance.now();
    f();
    t.push(performance.now() - a);
  }
  return median(t);
}

/** Checking one sentence of 8,000 of the seed text's clauses (about 350 KB): the narrative checker's linearity. */
function longSentence(seedText: string, facts: Fact[]): { longSentenceKB: number; longSentenceMs: number } {
  const clauses = seedText
    .split(/[。\n]/)
    .flatMap((s) => s.split(/[,，;；]/))
    .map((c) => c.trim())
    .filter((c) => /\d/.test(c) && c.length > 4);
  const text = `五、一般公共预算财政拨款支出决算情况说明\n${Array.from({ length: 8000 }, (_, i) => clauses[i % clauses.length]).join('，')}。`;
  const t: number[] = [];
  for (let i = 0; i < 3; i++) {
    const a = performance.now();
    checkNarrative(readNarrative(text), facts);
    t.push(performance.now() - a);
  }
  return { longSentenceKB: Math.round(Buffer.byteLength(text) / 1024), longSentenceMs: round(median(t)) };
}

async function main() {
  const fixtures: FixtureFigures = {};
  for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx')).sort()) {
    const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, file)));
    const loadMs = await timeAsync(5, () => loadXlsx(bytes, file));
    const wb = await loadXlsx(bytes, file);
    const recognizeMs = time(21, () => recognizeWorkbook(wb));
    const checkMs = time(21, () => analyze(wb));
    const recognized = recognizeWorkbook(wb).tables;
    const fillMs = time(21, () => planFills(wb, recognized));
    fixtures[file] = { loadMs: round(loadMs), recognizeMs: round(recognizeMs), checkMs: round(checkMs), fillMs: round(fillMs), fills: planFills(wb, recognized).writes.length, tables: recognizeWorkbook(wb).tables.length, findings: analyze(wb).findings.length };
  }
  const generated: GeneratedFigures = {};
  for (const n of [1000, 2000, 5000, 10000]) {
    const wb = { name: 'gen.xlsx', sheets: [generatedGk03(n)] };
    const ms = time(9, () => recognizeWorkbook(wb));
    const tables = recognizeWorkbook(wb).tables;
    if (tables.length !== 1 || tables[0].lines.filter((l) => l.level === '项').length !== n) throw new Error(`generated GK03 ${n} not recognized`);
    const checkMs = time(5, () => analyze(wb));
    const errors = analyze(wb).findings.filter((f) => f.severity === 'error');
    if (errors.length) throw new Error(`generated GK03 ${n} is not consistent: ${errors[0].message}`);
    generated[`gk03_${n}`] = { rows: n, recognizeMs: round(ms), msPer1000Rows: round((ms / n) * 1000), checkMs: round(checkMs), checkMsPer1000Rows: round((checkMs / n) * 1000) };
  }
  if (onlyCheck) {
    if (json) process.stdout.write(JSON.stringify({ node: process.version, fixtures, generated }) + '\n');
    else printCheck(fixtures, generated);
    return;
  }
  // Narrative: drafting the 情况说明 and checking the seed's text against the 公开 fixture.
  const gongkaiBytes = new Uint8Array(readFileSync(path.join(FIXTURES, 'jiangan-2024-gongkai.xlsx')));
  const gongkai = await loadXlsx(gongkaiBytes, 'jiangan-2024-gongkai.xlsx');
  const gTables = recognizeWorkbook(gongkai).tables;
  const seedText = readFileSync(path.join(FIXTURES, 'jiangan-2024-qingkuang.txt'), 'utf8');
  const narrative = {
    draftMs: round(time(21, () => {
      const ctx = new RuleContext(gongkai, gTables);
      draftQingkuang(buildFacts(ctx), ctx);
    })),
    // what NarrativeSession.check does: the claims and statements of the text, against the facts
    checkMs: round(time(21, () => checkNarrative(readNarrative(seedText), buildFacts(new RuleContext(gongkai, gTables))))),
    // a hostile text: one sentence of 8,000 of the seed's clauses (linear, bounded work per clause)
    ...longSentence(seedText, buildFacts(new RuleContext(gongkai, gTables))),
  };
  const reader = await readerBench(gongkaiBytes);
  const fill = await fillBench();
  const excel = await benchExcel();
  const batch = await benchBatch();
  const cli = benchCli();
  const taskpane = await benchTaskpane();
  const result = { node: process.version, fixtures, generated, narrative, reader, fill, excel, batch, cli, taskpane };
  if (json) {
    process.stdout.write(JSON.stringify(result) + '\n');
    return;
  }
  printCheck(fixtures, generated);
  console.log(`\nnarrative (公开 fixture, after load): draft 情况说明 ${narrative.draftMs.toFixed(2)} ms; check the seed text ${narrative.checkMs.toFixed(2)} ms; one sentence of 8,000 clauses (${narrative.longSentenceKB} KB) ${narrative.longSentenceMs.toFixed(0)} ms`);
  console.log(`\n.xlsx reader (chosen: ${reader.chosen})   公开 load   10,000-row load   peak RSS (10,000 rows)`);
  for (const [name, v] of Object.entries(reader.candidates)) console.log(`${name.padEnd(30)} ${v.gongkaiLoadMs.toFixed(1).padStart(9)} ${v.rows10kLoadMs.toFixed(1).padStart(17)} ${String(v.rows10kPeakRssMB).padStart(10)} MB`);
  console.log('\nfill of a generated GK03 (plan + write)   total ms   plan   write   per 1,000 rows');
  for (const [rows, v] of Object.entries(fill.byRows)) console.log(`${rows.padStart(7)} rows ${String(v.writes).padStart(8)} writes ${v.ms.toFixed(0).padStart(8)} ${v.planMs.toFixed(0).padStart(6)} ${v.writeMs.toFixed(0).padStart(7)} ${v.msPer1000Rows.toFixed(1).padStart(8)}`);
  console.log(`\nExcel host through the double (${excel.fixture}): ${excel.syncsPerFullCheck} syncs per full check, at most ${excel.syncsPerEdit} per edit (${Object.entries(excel.syncsPerEditByKind).map(([k, n]) => `${k} ${n}`).join(', ')})`);
  console.log(`  core work per edit ${excel.computePerEditMs.toFixed(2)} ms; edit to marks ${excel.editToMarksMs.toFixed(1)} ms at ${excel.latencyMs} ms a sync (debounce left out)`);
  console.log(`\ngongkai check as a process: ${cli.checkProcessMs} ms; node -e 0: ${cli.nodeStartMs} ms (×${cli.ratio})`);
  console.log(`\ntask pane (gzip): ${taskpane.firstLoadGzipKB} KB before a workbook is checked; ${taskpane.fileModeGzipKB} KB to the findings of a local file, ${taskpane.excelModeGzipKB} KB inside Excel (.xlsx reader loaded there: ${taskpane.excelLoadsXlsxReader ? 'yes' : 'no'})`);
  console.log(`\ngongkai batch (built CLI), ${batch.workbooks} workbooks: ${batch.seconds1.toFixed(1)} s with 1 worker, ${batch.seconds2.toFixed(1)} s with 2 (×${batch.speedup.toFixed(2)}); peak RSS ${batch.peakRssMB} MB (${batch.peakRssMB1} MB with 1)`);
}

type FixtureFigures = Record<string, { loadMs: number; recognizeMs: number; checkMs: number; fillMs: number; fills: number; tables: number; findings: number }>;
type GeneratedFigures = Record<string, { rows: number; recognizeMs: number; msPer1000Rows: number; checkMs: number; checkMsPer1000Rows: number }>;

/** The check figures as text: per fixture, and per size of the generated GK03. */
function printCheck(fixtures: FixtureFigures, generated: GeneratedFigures): void {
  console.log(`Gongkai Lens bench (${process.version}); median times in ms`);
  console.log('\nfixture                         load    recognize  check(recognize+rules)  fills(plan)  tables  findings  fills');
  for (const [f, v] of Object.entries(fixtures)) console.log(`${f.padEnd(30)} ${v.loadMs.toFixed(2).padStart(7)} ${v.recognizeMs.toFixed(3).padStart(10)} ${v.checkMs.toFixed(3).padStart(12)}           ${v.fillMs.toFixed(3).padStart(9)}  ${String(v.tables).padStart(6)}  ${String(v.findings).padStart(8)}  ${String(v.fills).padStart(5)}`);
  console.log('\ngenerated GK03 (科目 rows)    recognize  per 1,000 rows    check  per 1,000 rows');
  for (const v of Object.values(generated)) console.log(`${String(v.rows).padStart(6)}                     ${v.recognizeMs.toFixed(2).padStart(8)}  ${v.msPer1000Rows.toFixed(3).padStart(8)}  ${v.checkMs.toFixed(2).padStart(9)}  ${v.checkMsPer1000Rows.toFixed(3).padStart(8)}`);
}

/** Each reader candidate on the 公开 sample and on a generated 10,000-row sheet; the chosen one's figures repeated. */
async function readerBench(gongkaiBytes: Uint8Array) {
  const rows10k = gridToXlsx(generatedGk03(10000));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-'));
  const file = path.join(dir, 'rows10k.xlsx');
  writeFileSync(file, rows10k);
  const candidates: Record<string, { gongkaiLoadMs: number; rows10kLoadMs: number; rows10kPeakRssMB: number; rows10kPeakDeltaMB: number }> = {};
  try {
    for (const [name, read] of Object.entries(READERS)) {
      for (let i = 0; i < 3; i++) await read(gongkaiBytes, 'g.xlsx'); // warm up
      const gongkaiLoadMs = await timeAsync(9, () => read(gongkaiBytes, 'g.xlsx'));
      const rows10kLoadMs = await timeAsync(5, () => read(rows10k, 'rows10k.xlsx'));
      // Peak memory in a process of its own: what one load of the 10,000-row sheet costs.
      const child = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'reader-peak.ts'), name, file], { encoding: 'utf8' });
      const peak = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as { peakMB?: number; deltaMB?: number };
      candidates[name] = { gongkaiLoadMs: round(gongkaiLoadMs), rows10kLoadMs: round(rows10kLoadMs), rows10kPeakRssMB: peak.peakMB ?? -1, rows10kPeakDeltaMB: peak.deltaMB ?? -1 };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const chosen = candidates[CHOSEN_READER];
  return { chosen: CHOSEN_READER, gongkaiLoadMs: chosen.gongkaiLoadMs, rows10kLoadMs: chosen.rows10kLoadMs, candidates };
}

/**
 * gongkai fill's work on a generated, consistent GK03 (90 项 per 款): plan every fill, then apply the
 * plan through the .xlsx host (patch, zip, read back). One run per size: the large ones take seconds.
 */
async function fillBench() {
  const byRows: Record<string, { writes: number; ms: number; planMs: number; writeMs: number; msPer1000Rows: number }> = {};
  for (const n of [10000, 20000, 50000, 100000]) {
    const host = new XlsxFileHost(gridToXlsx(generatedGk03(n, 90)), `gk03-${n}.xlsx`);
    const wb = await host.readWorkbook();
    const tables = recognizeWorkbook(wb).tables;
    const a = performance.now();
    const writes = planFills(wb, tables).writes.filter((w) => willWrite(w, {}));
    const b = performance.now();
    await host.applyPlan({ writes });
    const c = performance.now();
    byRows[String(n)] = { writes: writes.length, ms: round(c - a), planMs: round(b - a), writeMs: round(c - b), msPer1000Rows: round(((c - a) / n) * 1000) };
  }
  return { rows10kMs: byRows['10000'].ms, rows100kMs: byRows['100000'].ms, byRows };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
