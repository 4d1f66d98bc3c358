/**
 * npm run bench            human-readable figures
 * npm run bench -- --json  one JSON object with the same figures
 *
 * Load time (exceljs → grid) and recognition time per fixture (median of several runs), and
 * recognition of a generated GK03 with 1,000 … 10,000 科目 rows to show linear growth.
 */
import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { Grid } from '../src/core/grid/grid';
import { analyze } from '../src/core/analyze';
import { planFills } from '../src/core/fill/plan';
import { checkNarrative } from '../src/core/narrative/check';
import { extractClaims } from '../src/core/narrative/claims';
import { draftQingkuang } from '../src/core/narrative/draft/index';
import { buildFacts } from '../src/core/narrative/facts';
import { RuleContext } from '../src/core/rules/context';
import { FUNCTIONAL_CLASSES } from '../src/core/catalog/functional-classes';
import { recognizeWorkbook } from '../src/core/tables/recognize';
import { loadXlsx } from '../src/hosts/xlsx/load';

const FIXTURES = path.resolve(__dirname, '../samples');
const json = process.argv.includes('--json');

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

/** A GK03 支出决算表 with `n` 项 rows under 类/款 subtotal rows, as a national-template export. */
function generatedGk03(n: number): Grid {
  const g = new Grid({ name: 'Sheet1' });
  const put = (r: number, c: number, v: string | number) => g.set(r, c, { value: v });
  put(0, 0, '2024年度支出决算表');
  put(1, 7, '公开03表');
  put(2, 0, '部门：某部门');
  put(2, 7, '单位：万元');
  ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'].forEach((h, c) => put(3, c, h));
  put(4, 0, '类款项');
  put(4, 1, '栏次');
  for (let c = 2; c < 8; c++) put(4, c, c - 1);
  // A consistent table (every subtotal equals its children), so the check measures the normal case.
  // Amounts in cents to keep the sums exact: each 项 12.34, each 款 of 10 项, each 类 of 50 款.
  const money = (cents: number) => cents / 100;
  put(5, 1, '合计');
  put(5, 2, money(1234 * n));
  put(5, 3, money(1234 * n));
  let r = 6;
  for (let i = 0; i < n; i++) {
    const cls = FUNCTIONAL_CLASSES[Math.floor(i / 500)];
    const lei = cls.code;
    const kuan = `${lei}${String(1 + Math.floor((i % 500) / 10)).padStart(2, '0')}`;
    if (i % 500 === 0) {
      const items = Math.min(500, n - i);
      put(r, 0, lei);
      put(r, 1, cls.name);
      put(r, 2, money(1234 * items));
      put(r++, 3, money(1234 * items));
    }
    if (i % 10 === 0) {
      const items = Math.min(10, n - i);
      put(r, 0, kuan);
      put(r, 1, '款');
      put(r, 2, money(1234 * items));
      put(r++, 3, money(1234 * items));
    }
    put(r, 0, `${kuan}${String(1 + (i % 10)).padStart(2, '0')}`);
    put(r, 1, '项目名称');
    put(r, 2, 12.34);
    put(r++, 3, 12.34);
  }
  g.addMerge({ top: 0, left: 0, bottom: 0, right: 7 });
  return g;
}

async function main() {
  const fixtures: Record<string, { loadMs: number; recognizeMs: number; checkMs: number; fillMs: number; fills: number; tables: number; findings: number }> = {};
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
  const generated: Record<string, { rows: number; recognizeMs: number; msPer1000Rows: number; checkMs: number; checkMsPer1000Rows: number }> = {};
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
    checkMs: round(time(21, () => checkNarrative(extractClaims(seedText), buildFacts(new RuleContext(gongkai, gTables))))),
  };
  const result = { node: process.version, fixtures, generated, narrative };
  if (json) {
    process.stdout.write(JSON.stringify(result) + '\n');
    return;
  }
  console.log(`Gongkai Lens bench (${process.version}); median times in ms`);
  console.log('\nfixture                         load    recognize  check(recognize+rules)  fills(plan)  tables  findings  fills');
  for (const [f, v] of Object.entries(fixtures)) console.log(`${f.padEnd(30)} ${v.loadMs.toFixed(2).padStart(7)} ${v.recognizeMs.toFixed(3).padStart(10)} ${v.checkMs.toFixed(3).padStart(12)}           ${v.fillMs.toFixed(3).padStart(9)}  ${String(v.tables).padStart(6)}  ${String(v.findings).padStart(8)}  ${String(v.fills).padStart(5)}`);
  console.log(`\nnarrative (公开 fixture, after load): draft 情况说明 ${narrative.draftMs.toFixed(2)} ms; check the seed text ${narrative.checkMs.toFixed(2)} ms`);
  console.log('\ngenerated GK03 (科目 rows)    recognize  per 1,000 rows    check  per 1,000 rows');
  for (const v of Object.values(generated)) console.log(`${String(v.rows).padStart(6)}                     ${v.recognizeMs.toFixed(2).padStart(8)}  ${v.msPer1000Rows.toFixed(3).padStart(8)}  ${v.checkMs.toFixed(2).padStart(9)}  ${v.checkMsPer1000Rows.toFixed(3).padStart(8)}`);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
