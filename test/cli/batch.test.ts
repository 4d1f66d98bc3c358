/**
 * gongkai batch on a generated batch of 200 workbooks (test/cli/batch-fixtures.ts): the summary is
 * what `gongkai check` says of each file; the matching of narratives and prior-year workbooks, the
 * unreadable files and their reasons are the ones planted; 1 and 2 workers give byte-identical
 * JSON; a crashing worker is retried once; a stopped batch writes an incomplete report.
 */
import { spawn } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { chromium } from 'playwright-core';
import { parseBatchArgs, runBatch } from '../../src/cli/batch';
import { workerFile } from '../../src/cli/batch/pool';
import { BATCH } from '../../src/cli/commands';
import { optionLabel } from '../../src/cli/options';
import { renderHtml } from '../../src/cli/batch/render-html';
import { renderXlsx } from '../../src/cli/batch/render-xlsx';
import { byDepartment, ruleCounts, ruleTitle, totals, worstFirst, type BatchReport, type WorkbookEntry } from '../../src/cli/batch/report';
import { parseCheckArgs, runCheck } from '../../src/cli/check';
import { bySeverity, countFindings, SEVERITY_ZH, type Finding } from '../../src/core/findings';
import { cli } from '../helpers/cli';
import { requireChromium } from '../e2e/harness';
import { tempDir } from '../helpers/temp-dir';
import { FAULTS, makeBatch, type BatchFixture } from './batch-fixtures';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '../..');

let fx: BatchFixture;
let out: string;
let json1 = '';
let json2 = '';
let report: BatchReport;
let code1 = -1;
let stderr1 = '';

beforeAll(async () => {
  fx = makeBatch(tempDir('gk-batch-'));
  out = tempDir('gk-batch-out-');
  const args = (jobs: string, file: string) => ['batch', fx.dir, '--narratives', fx.narratives, '--prior', fx.priors, '--jobs', jobs, '-o', path.join(out, file)];
  const one = await cli(...args('1', 'one.json'));
  code1 = one.code;
  stderr1 = one.stderr;
  const two = await cli(...args('2', 'two.json'));
  expect(two.code).toBe(one.code);
  json1 = readFileSync(path.join(out, 'one.json'), 'utf8');
  json2 = readFileSync(path.join(out, 'two.json'), 'utf8');
  report = JSON.parse(json1) as BatchReport;
});

/** A copy's findings with its department written alike, so that copies of one kind compare equal. */
const same = (findings: readonly Finding[]) => JSON.parse(JSON.stringify(findings).replace(/测试市第\d{3}单位/g, '〈部门〉'));

describe('the 200-workbook batch', () => {
  test('1 and 2 workers give the same report, byte for byte; no absolute path or timing inside', () => {
    expect(json2).toBe(json1);
    expect(json1).not.toContain(fx.dir);
    expect(json1).not.toContain(out);
    expect(json1).not.toMatch(/\/tmp\/|秒|seconds/);
    expect(report.complete).toBe(true);
  });

  test('every workbook is in the report, sorted by file; the unreadable ones with their reasons', () => {
    expect([...report.workbooks.map((w: WorkbookEntry) => w.file), ...report.unreadable.map((u: { file: string }) => u.file)].sort()).toEqual(fx.files);
    expect(report.workbooks.map((w: WorkbookEntry) => w.file)).toEqual(fx.files.filter((f) => !fx.unreadable.some((u) => u.file === f)));
    expect(report.unreadable.map((u: { file: string }) => u.file)).toEqual(fx.unreadable.map((u) => u.file).sort());
    for (const u of fx.unreadable) {
      const reason = report.unreadable.find((r) => r.file === u.file)!.reason;
      expect(reason).toMatch(u.reason);
      expect(reason).not.toContain('\n');
      expect(reason).toMatch(/[\u4e00-\u9fff].* \/ ["A-Z]/); // Chinese, then English
    }
    // Excel's lock file and hidden files are not workbooks of the batch
    expect(json1).not.toContain('~$');
    expect(json1).not.toContain('.hidden');
  });

  test('narratives and prior-year workbooks are matched as planted: by department, or by file name', () => {
    const narratives = Object.fromEntries(report.workbooks.filter((w: WorkbookEntry) => w.narrative).map((w: WorkbookEntry) => [w.file, { file: w.narrative!.file, by: w.narrative!.matchedBy }]));
    expect(narratives).toEqual(fx.narrativeOf);
    const priors = Object.fromEntries(report.workbooks.filter((w: WorkbookEntry) => w.prior).map((w: WorkbookEntry) => [w.file, { file: w.prior!.file, by: w.prior!.matchedBy }]));
    expect(priors).toEqual(fx.priorOf);
    expect(report.unmatched.map((u: { file: string }) => u.file)).toEqual(fx.unmatched);
    expect(report.unmatched.find((u) => u.file.endsWith('.docx'))?.unreadable).toBe(true);
    for (const w of report.workbooks.filter((x: WorkbookEntry) => x.narrative)) {
      expect(w.narrative!.status).toBe('checked');
      expect(w.narrative!.numbers).toBeGreaterThan(10);
    }
  });

  test('the summary of each workbook is what `gongkai check` says of it (with --narrative and --prior when matched)', async () => {
    // copies of one kind (sample, fault, narrative, prior) differ only in their department: one
    // representative of each kind is checked by `gongkai check`, every copy compared with it
    const kinds = new Map<string, { file: string; findings: Finding[]; tables: number }>();
    let compared = 0;
    for (const r of fx.readable) {
      const narrative = fx.narrativeOf[r.file];
      const prior = fx.priorOf[r.file];
      const kind = [r.sample, r.fault, narrative?.by, !!prior].join('|');
      let expected = kinds.get(kind);
      if (!expected) {
        const argv = [path.join(fx.dir, r.file), '--format', 'json'];
        if (narrative) argv.push('--narrative', path.join(fx.narratives, narrative.file));
        if (prior) argv.push('--prior', path.join(fx.priors, prior.file));
        const checked = JSON.parse((await runCheck(parseCheckArgs(argv))).stdout!);
        expected = { file: r.file, findings: same(checked.findings), tables: checked.tables.length };
        kinds.set(kind, expected);
      }
      const w = report.workbooks.find((x) => x.file === r.file)!;
      expect(same(w.findings)).toEqual(expected.findings);
      const c = countFindings(w.findings);
      expect([w.department, w.year, w.tables, w.errors, w.warnings, w.rounding]).toEqual([r.department, Number(/-(\d{4})-/.exec(r.file)![1]), expected.tables, c.error, c.warning, c.rounding]);
      if (w.narrative) {
        const mine = w.findings.filter((f: Finding) => f.source === 'narrative');
        expect(w.narrative.mismatches).toBe(mine.filter((f: Finding) => f.severity !== 'info').length);
        expect(w.narrative.unresolved).toBe(mine.filter((f: Finding) => f.unresolved).length);
      }
      // the planted fault: its rule fires on the changed cell
      const fault = FAULTS[r.sample];
      const hit = w.findings.some((f: Finding) => f.rule === fault.rule && f.severity === 'error' && f.cells.some((x) => x.sheet === fault.sheet && x.address === fault.cell));
      expect([r.file, hit]).toEqual([r.file, r.fault]);
      compared++;
    }
    expect(compared).toBe(189);
    expect(kinds.size).toBeLessThan(30);
    // the inputs workbook: no table of the batch's kinds, so no department and nothing wrong
    const inputs = report.workbooks.find((x: WorkbookEntry) => x.file === '区1/上年数及其他.xlsx')!;
    expect([inputs.department, inputs.errors, inputs.narrative, inputs.prior]).toEqual([null, 0, null, null]);
  });

  test('top: the three most serious problems, errors before warnings, never a 尾差 or info', () => {
    for (const w of report.workbooks) {
      const problems = w.findings.filter((f: Finding) => f.severity !== 'info' && !f.rounding);
      expect(w.top).toHaveLength(Math.min(3, problems.length));
      const ids = new Set(problems.map((f: Finding) => f.id));
      for (const t of w.top) expect(ids.has(t.id)).toBe(true);
      const severities = w.top.map((t) => t.severity);
      expect(severities).toEqual([...severities].sort((a: string, b: string) => (a === b ? 0 : a === 'error' ? -1 : 1)));
      if (w.errors >= 3) expect(severities).toEqual(['error', 'error', 'error']);
    }
  });

  test('byRule counts the errors and warnings (not 尾差) of every workbook, keys sorted', () => {
    const n: Record<string, number> = {};
    for (const w of report.workbooks) for (const f of w.findings) if (f.severity !== 'info' && !f.rounding) n[f.rule] = (n[f.rule] ?? 0) + 1;
    expect(report.byRule).toEqual(n);
    expect(Object.keys(report.byRule)).toEqual(Object.keys(report.byRule).sort());
    for (const fault of Object.values(FAULTS)) expect(report.byRule[fault.rule]).toBeGreaterThan(0);
  });

  test('exit 2 (some files unreadable, the worst wins) and a closing line with the totals, Chinese then English', () => {
    expect(code1).toBe(2);
    expect(stderr1).toMatch(/^正在检查 200 个工作簿、35 份情况说明（1 个工作线程；按 Ctrl-C 停止并写出已完成部分的报告）。 \/ Checking 200 workbooks and 35 narratives on 1 worker thread /);
    expect(stderr1).toMatch(/^共 200 个工作簿，已检查 190 个，无法读取 10 个；错误 \d+ 处（\d+ 个工作簿）.* \/ 200 workbooks, 190 checked, 10 unreadable; /m);
  });
});

describe('the JSON report has the documented shape', () => {
  const type = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  test('top level, workbooks, narrative, prior, top, unreadable, unmatched', () => {
    expect(Object.keys(report)).toEqual(['workbooks', 'unreadable', 'unmatched', 'byRule', 'complete']);
    for (const w of report.workbooks) {
      expect(Object.keys(w)).toEqual(['file', 'department', 'year', 'tables', 'errors', 'warnings', 'rounding', 'narrative', 'prior', 'top', 'findings']);
      expect([type(w.file), ['string', 'null'].includes(type(w.department)), ['number', 'null'].includes(type(w.year)), type(w.tables), type(w.errors), type(w.warnings), type(w.rounding)]).toEqual([
        'string',
        true,
        true,
        'number',
        'number',
        'number',
        'number',
      ]);
      if (w.narrative) expect(Object.keys(w.narrative)).toEqual(['file', 'matchedBy', 'status', 'reason', 'numbers', 'mismatches', 'unresolved', 'notes']);
      if (w.prior) expect(Object.keys(w.prior)).toEqual(['file', 'matchedBy', 'reason']);
      for (const t of w.top) expect(Object.keys(t)).toEqual(['id', 'rule', 'severity', 'cell', 'message']);
      for (const f of w.findings) expect(f).toEqual(expect.objectContaining({ rule: expect.any(String), severity: expect.any(String), cells: expect.any(Array), message: expect.any(String), id: expect.any(String) }));
    }
    for (const u of report.unreadable) expect(Object.keys(u)).toEqual(['file', 'reason']);
    for (const u of report.unmatched) expect(Object.keys(u).slice(0, 3)).toEqual(['file', 'kind', 'reason']);
  });

  test('the output contract documents every field', () => {
    const doc = readFileSync(path.join(ROOT, 'docs/output-contract.md'), 'utf8');
    const section = doc.slice(doc.indexOf('gongkai batch'));
    for (const field of ['workbooks', 'unreadable', 'unmatched', 'byRule', 'complete', 'department', 'rounding', 'narrative', 'matchedBy', 'status', 'mismatches', 'unresolved', 'prior', 'top', 'findings', 'reason']) {
      expect(section).toContain(`\`${field}\``);
    }
  });
});

/** A small batch: the first copies of each sample and one unreadable file, in a folder of its own. */
function smallBatch(): string {
  const dir = tempDir('gk-batch-small-');
  const picked = fx.readable.filter((r, i) => i < 6 || r.file === fx.readable.find((x) => fx.narrativeOf[x.file])?.file).map((r) => r.file);
  for (const f of [...picked, fx.unreadable[0].file]) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    copyFileSync(path.join(fx.dir, f), path.join(dir, f));
  }
  return dir;
}

describe('a crash in a worker', () => {
  const hook = 'GONGKAI_BATCH_TEST_CRASH';
  afterEach(() => delete process.env[hook]);
  const victim = () => fx.readable[1].file;
  const entry = (r: BatchReport, file: string) => JSON.stringify(r.workbooks.find((w: WorkbookEntry) => w.file === file));

  test.each([
    ['throws', 'throw'],
    ['dies (its thread exits)', 'exit'],
  ])('the task of a worker that %s once is retried, and its result is as if nothing happened', async (_what, mode) => {
    const dir = smallBatch();
    process.env[hook] = `${mode}:1:${victim()}`;
    const r = await runBatch(parseBatchArgs([dir, '--jobs', '2']), { stderr: () => undefined });
    expect(r.report.unreadable.map((u) => u.file)).toEqual([fx.unreadable[0].file]);
    expect(entry(r.report, victim())).toBe(entry(report, victim()));
  });

  test('failing twice, the file is reported unreadable with the reason, and the batch goes on', async () => {
    const dir = smallBatch();
    process.env[hook] = `throw:2:${victim()}`;
    const r = await runBatch(parseBatchArgs([dir, '--jobs', '2']), { stderr: () => undefined });
    const u = r.report.unreadable.find((x) => x.file === victim());
    expect(u?.reason).toMatch(/检查时工作线程出错（test crash \(attempt 1\)），重试一次仍失败.* \/ .*the worker failed twice/);
    expect(r.report.workbooks.length).toBe(5);
    expect(r.code).toBe(2);
  });
});

describe('stopping', () => {
  test('a stopped batch writes the report of what is done, marked complete: false, exit 130', async () => {
    const stop = new AbortController();
    const file = path.join(out, 'stopped.json');
    const lines: string[] = [];
    const r = await runBatch(parseBatchArgs([fx.dir, '--narratives', fx.narratives, '--jobs', '2', '-o', file]), {
      stderr: (l) => lines.push(l),
      stop: stop.signal,
      onProgress: (done) => done === 20 && stop.abort(),
    });
    expect(r.code).toBe(130);
    const written = JSON.parse(readFileSync(file, 'utf8'));
    expect(written.complete).toBe(false);
    expect(written.workbooks.length + written.unreadable.length).toBeGreaterThanOrEqual(15);
    expect(written.workbooks.length + written.unreadable.length).toBeLessThan(200);
    // what is in it is what the full run says of the tables
    const tables = (w: WorkbookEntry | undefined) => w && [w.department, w.year, w.tables, w.findings.filter((f: Finding) => f.source !== 'narrative')];
    for (const w of written.workbooks) expect(tables(w)).toEqual(tables(report.workbooks.find((x: WorkbookEntry) => x.file === w.file)));
    expect(r.stdout).toMatch(/未完成.*incomplete/);
    expect(lines.join('\n')).toMatch(/正在停止.*Stopping/);
    expect(r.closing).toMatch(/^已中断，报告未完成：共 200 个工作簿.* \/ Stopped, the report is incomplete: 200 workbooks/);
  });

  test('SIGINT to `gongkai batch` (the built CLI) writes the incomplete report and exits 130', async () => {
    const bin = path.join(ROOT, 'bin/gongkai.js');
    expect(existsSync(path.join(ROOT, 'dist/cli/batch/worker.js'))).toBe(true);
    const file = path.join(out, 'sigint.json');
    const child = spawn(process.execPath, [bin, 'batch', fx.dir, '--jobs', '1', '-o', file], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    // once it says what it checks (its handlers are in place), let it work a moment, then Ctrl-C
    const deadline = Date.now() + 30_000;
    while (!stderr.includes('正在检查') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    child.kill('SIGINT');
    const code = await exited;
    expect([code, stderr]).toEqual([130, expect.stringMatching(/正在停止[\s\S]*已中断，报告未完成/)]);
    expect(stdout).toMatch(/已写出 sigint\.json（未完成/);
    const written = JSON.parse(readFileSync(file, 'utf8'));
    expect(written.complete).toBe(false);
    expect(written.workbooks.length).toBeLessThan(190);
    // no temporary file left beside it
    expect(readdirSync(out).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('usage and outputs', () => {
  test.each([
    [['batch'], 64, /请给出一个文件夹/],
    [['batch', 'a', 'b'], 64, /请给出一个文件夹/],
    [['batch', '.', '-o', 'report.pdf'], 64, /无法从扩展名判断报告格式/],
    [['batch', '.', '--jobs', '0'], 64, /--jobs 应为 1 到 256/],
    [['batch', '.', '--jobs', 'two'], 64, /--jobs 应为/],
    [['batch', '.', '--force'], 64, /--force 只与 -o 同用/],
    [['batch', '/nonexistent/folder'], 2, /找不到文件夹.*not found/],
  ])('%j exits %i', async (argv, code, message) => {
    const r = await cli(...argv);
    expect([r.code, r.stderr]).toEqual([code, expect.stringMatching(message)]);
  });

  test('a file or an empty folder instead of a folder of workbooks: exit 2', async () => {
    const dir = tempDir('gk-batch-empty-');
    writeFileSync(path.join(dir, 'note.txt'), 'x');
    expect(await cli('batch', dir)).toEqual({ code: 2, stdout: '', stderr: expect.stringMatching(/没有 \.xlsx、\.xlsm 或 \.xls 工作簿/) });
    expect((await cli('batch', path.join(dir, 'note.txt'))).stderr).toMatch(/不是文件夹/);
  });

  test('an existing report is replaced only with --force (73 before anything is checked); never an input (64)', async () => {
    const dir = smallBatch();
    const existing = path.join(out, 'exists.json');
    writeFileSync(existing, '{}');
    const started = Date.now();
    const r = await cli('batch', dir, '-o', existing);
    expect([r.code, r.stderr]).toEqual([73, expect.stringMatching(/已存在.*--force/)]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(readFileSync(existing, 'utf8')).toBe('{}');
    const input = path.join(dir, fx.readable[0].file);
    const before = readFileSync(input);
    for (const force of [[], ['--force']]) {
      const same = await cli('batch', dir, '-o', input, ...force);
      expect([same.code, same.stderr]).toEqual([64, expect.stringMatching(/就是输入/)]);
    }
    expect(readFileSync(input).equals(before)).toBe(true);
    expect((await cli('batch', dir, '-o', path.join(out, 'missing', 'r.json'))).code).toBe(73);
  });

  test('without -o: the summary on stdout, worst first, with the unreadable files', async () => {
    const dir = smallBatch();
    const r = await cli('batch', dir, '--jobs', '1');
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^【汇总】6 个工作簿，错误多的在前/);
    const rows = [...r.stdout.matchAll(/^(\S+\.xlsx?)\s+.*错误 (\d+)\s+警告 (\d+)/gm)].map((m) => [Number(m[2]), Number(m[3])]);
    expect(rows.length).toBe(6);
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1][0] > rows[i][0] || (rows[i - 1][0] === rows[i][0] && rows[i - 1][1] >= rows[i][1])).toBe(true);
    expect(r.stdout).toMatch(/【按规则】/);
    expect(r.stdout).toMatch(/【无法读取】1 个文件 \/ Unreadable files\n {2}坏文件\//);
  });

  test('the README block and the help of batch list exactly the options of its table', async () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const lines = [...readme.matchAll(/```[^\n]*\n([\s\S]*?)```/g)].flatMap((m) => m[1].split('\n')).filter((l) => l.startsWith('gongkai batch'));
    expect(lines).toEqual(BATCH.synopsis);
    const help = (await cli('batch', '--help')).stdout;
    for (const o of BATCH.options) {
      expect(help).toContain(optionLabel(o));
      expect(lines.join(' ')).toMatch(new RegExp(`(^|[\\s\\[])(${o.name}${o.short ? `|${o.short}` : ''})(?![\\w-])`));
    }
  });

  test('the worker runs from the sources here (ts-jest) and from dist/ when built', () => {
    expect(path.basename(workerFile())).toBe('worker-from-source.cjs');
    expect(existsSync(workerFile())).toBe(true);
  });
});

describe('the report formats, read back', () => {
  const listed = (w: WorkbookEntry) => [...w.findings].filter((f: Finding) => !f.unresolved).sort(bySeverity);

  test('.xlsx: 汇总 worst first, 明细 row for row the findings, 按规则, 无法读取, 匹配; header rows frozen, filters on', async () => {
    const bytes = await renderXlsx(report, totals(report, fx.files.length));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['汇总', '明细', '按规则', '无法读取', '匹配']);
    const values = (sheet: string, from: number) => {
      const ws = book.getWorksheet(sheet)!;
      const rows: unknown[][] = [];
      const width = ws.columnCount;
      ws.eachRow((row, n) => {
        if (n < from) return;
        const cells: unknown[] = [];
        for (let c = 1; c <= width; c++) cells.push(row.getCell(c).value ?? null);
        rows.push(cells);
      });
      return rows;
    };
    for (const ws of book.worksheets) {
      const header = ws.name === '汇总' ? 2 : 1;
      expect([ws.name, ws.views[0]]).toEqual([ws.name, expect.objectContaining({ state: 'frozen', ySplit: header })]);
      expect(ws.autoFilter).toBeTruthy();
    }
    const summary = values('汇总', 3);
    expect(summary.map((r) => r[0])).toEqual(worstFirst(report.workbooks).map((w) => w.file));
    for (const r of summary) {
      const w = report.workbooks.find((x) => x.file === r[0])!;
      expect(r.slice(1, 7)).toEqual([w.department, w.year, w.tables, w.errors, w.warnings, w.rounding]);
    }
    expect(String(book.getWorksheet('汇总')!.getCell('A1').value)).toMatch(/^决算公开批量检查：共 200 个工作簿，已检查 190 个，无法读取 10 个/);
    // 明细: department, file, severity, 尾差, source, cells, 应为, 实为, message, quote, rule, title, id
    const detail = values('明细', 2);
    const expected = byDepartment(report.workbooks).flatMap((g) =>
      g.workbooks.flatMap((w) =>
        listed(w).map((f: Finding) => [w.department ?? '（未注明部门）', w.file, SEVERITY_ZH[f.severity], f.rounding ? '是' : null, f.source === 'narrative' ? '情况说明' : '表格', f.cells.map((c) => `${c.sheet}!${c.address}`).join(', ') || null, f.expected, f.actual, f.message, f.quote ?? null, f.rule, ruleTitle(f.rule), f.id]),
      ),
    );
    expect(detail.length).toBe(expected.length);
    expect(detail).toEqual(expected);
    expect(values('按规则', 2)).toEqual(ruleCounts(report.workbooks).map((r) => [r.rule, r.title, r.errors, r.warnings, r.rounding, r.workbooks]));
    expect(values('无法读取', 2)).toEqual(report.unreadable.map((u) => [u.file, u.reason]));
    const matching = values('匹配', 2);
    expect(matching.filter((r) => r[2] && r[3] !== '未匹配').map((r) => [r[0], r[2]])).toEqual(Object.entries(fx.narrativeOf).sort(([a], [b]) => (a < b ? -1 : 1)).map(([book, n]) => [book, n.file]));
  });

  test('.html: every section, the two charts, no script and no outside resource; Chromium shows it in Chinese', async () => {
    const html = renderHtml(report, totals(report, fx.files.length));
    for (const id of ['summary', 'charts', 'rules', 'departments', 'unreadable', 'matching']) expect(html).toContain(`id="${id}"`);
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|(src|href)=["']?(https?:)?\/\//i);
    for (const w of report.workbooks) expect(html).toContain(`>${w.file}<`);
    for (const u of report.unreadable) expect(html).toContain(u.file);
    const groups = byDepartment(report.workbooks);
    expect(html.match(/<details id="dept-/g)).toHaveLength(groups.length);
    const dir = path.join(ROOT, '.tmp', 'batch');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'batch-report.html'), html);

    const executablePath = requireChromium();
    const browser = await chromium.launch({
      executablePath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const requested: string[] = [];
      page.on('request', (r) => requested.push(r.url()));
      await page.setContent(html, { waitUntil: 'load' });
      expect(await page.locator('h1').textContent()).toBe('决算公开批量检查报告');
      expect(await page.locator('#summary + table tr').count()).toBe(report.workbooks.length + 1);
      // the sections open and close
      const first = page.locator('details#dept-1');
      expect(await first.getAttribute('open')).toBeNull();
      await first.locator(':scope > summary').click();
      expect(await first.getAttribute('open')).toBe('');
      await first.locator(':scope > summary').click();
      // CJK glyphs are drawn with a CJK font: two different characters do not draw the same box
      const distinct = await page.evaluate(() => {
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = '32px "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif';
        const draw = (t: string) => {
          ctx.clearRect(0, 0, 48, 48);
          ctx.fillText(t, 4, 36);
          return Array.from(ctx.getImageData(0, 0, 48, 48).data).join(',');
        };
        return draw('决') !== draw('算');
      });
      expect([distinct, 'a CJK font (apt-get install fonts-noto-cjk)']).toEqual([true, 'a CJK font (apt-get install fonts-noto-cjk)']);
      await page.evaluate(() => window.scrollTo(0, 0));
      const shot = path.join(dir, 'batch-summary.png');
      await page.screenshot({ path: shot });
      if (process.env.GONGKAI_UPDATE_DOCS_IMAGES) copyFileSync(shot, path.join(ROOT, 'docs/images/batch-summary.png'));
      expect(requested.filter((u) => !u.startsWith('about:') && !u.startsWith('data:'))).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  test('-o picks the format by extension (.xlsx, .html, .json) and replaces a report only with --force', async () => {
    const dir = smallBatch();
    for (const ext of ['xlsx', 'html', 'json']) {
      const file = path.join(out, `small.${ext}`);
      const r = await cli('batch', dir, '-o', file, '--jobs', '1');
      expect([r.code, r.stdout]).toEqual([2, expect.stringMatching(new RegExp(`^已写出 small\\.${ext}。 / Wrote `))]);
      const bytes = readFileSync(file);
      if (ext === 'xlsx') expect(bytes.subarray(0, 2).toString()).toBe('PK');
      if (ext === 'html') expect(bytes.toString('utf8')).toMatch(/^<!DOCTYPE html>/);
      if (ext === 'json') expect(JSON.parse(bytes.toString('utf8')).workbooks).toHaveLength(6);
      expect((await cli('batch', dir, '-o', file, '--jobs', '1', '--force')).code).toBe(2);
    }
  });
});
