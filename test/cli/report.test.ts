/**
 * gongkai report and gongkai mark: each report format read back — the .xlsx with the project's reader
 * (and its filter and frozen header in the sheet's XML), the .docx with docx-text, the HTML page in
 * chromium — and its rows compared with the findings and their review; the marked copy read back.
 */
import { spawnSync } from 'child_process';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { chromium } from 'playwright-core';
import { analyze, toReport } from '../../src/core/analyze';
import { fullMessage, type Finding } from '../../src/core/findings';
import { applyAction, EMPTY_REVIEW, reconcile, serializeReview } from '../../src/core/review';
import { parseRegistry, REGISTRY_SHEET } from '../../src/hosts/excel/marks';
import { docxText } from '../../src/hosts/word/docx-text';
import { DOCX_REPORT_COLUMNS } from '../../src/hosts/word/report-docx';
import { XlsxFileHost } from '../../src/hosts/xlsx/file-host';
import { loadXlsx } from '../../src/hosts/xlsx/load';
import { REPORT_SHEETS } from '../../src/hosts/xlsx/report-xlsx';
import { REPORT_COLUMNS } from '../../src/core/review/report';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';
import { readZipParts } from '../hosts/xlsx/zip-helpers';

const SAMPLE = path.resolve(__dirname, '../../samples/jiangan-2024-gongkai.xlsx');
const ERROR_ID = 'LEDGER.row-sum|GK02|科目.2210201|合计';
const PLACEMENT = 'SUBJECT.placement|GK03|科目.2160250|项目支出';

let dir: string;
let book: string;
let findings: Finding[];

/** The sample with a review kept in it: one error explained, one warning accepted. */
beforeAll(async () => {
  dir = tempDir('gk-report-');
  const bytes = new Uint8Array(readFileSync(SAMPLE));
  const host = new XlsxFileHost(bytes, 'jiangan.xlsx');
  findings = toReport('jiangan.xlsx', analyze(await host.readWorkbook())).findings;
  let s = reconcile(EMPTY_REVIEW, findings, { at: '2025-03-01T08:00:00.000Z' }).state;
  s = applyAction(s, ERROR_ID, { kind: 'explain', text: '上年结转资金计入其他收入 <口径不同> & “说明”' }, { name: '王会计', role: 'preparer' }, '2025-03-01T09:00:00.000Z');
  s = applyAction(s, PLACEMENT, { kind: 'accept', text: '同意' }, { name: '李科长', role: 'reviewer' }, '2025-03-01T10:00:00.000Z');
  book = path.join(dir, 'jiangan.xlsx');
  writeFileSync(book, (await host.applyPlan({ review: serializeReview(s) })).bytes!);
});

/** The error and warning findings as the report lists them: [first cell address, expected, actual, message]. */
const listed = () =>
  findings
    .filter((f) => f.severity !== 'info')
    .map((f) => [f.cells[0].address, f.expected ?? '', f.actual ?? '', fullMessage(f)])
    .sort();

describe('gongkai report', () => {
  test('.xlsx: 汇总 then 审核意见 with every error and warning, its status and explanation; frozen header, auto-filter', async () => {
    const out = path.join(dir, '审核意见.xlsx');
    const r = await cli('report', book, '-o', out);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^已写出 审核意见.xlsx：21 条意见（错误 2，警告 3，尾差 16），1 条错误尚待处理。/);
    const wb = await loadXlsx(new Uint8Array(readFileSync(out)), out);
    expect(wb.sheets.map((s) => s.name)).toEqual([REPORT_SHEETS.summary, REPORT_SHEETS.findings]);
    const summary = wb.sheets[0];
    expect(summary.value(2, 0)).toBe('工作簿');
    expect(summary.value(2, 1)).toBe('jiangan.xlsx');
    const sheet = wb.sheets[1];
    const header = REPORT_COLUMNS.map((_, c) => sheet.value(0, c));
    expect(header).toEqual(REPORT_COLUMNS.map((c) => c.zh));
    const col = (zh: string) => REPORT_COLUMNS.findIndex((c) => c.zh === zh);
    const rows = [...Array(sheet.rowCount - 1).keys()].map((i) => i + 1);
    const text = (r: number, zh: string) => String(sheet.value(r, col(zh)) ?? '');
    expect(rows.map((r) => [text(r, '单元格'), text(r, '应为'), text(r, '实为'), text(r, '问题')]).sort()).toEqual(listed());
    expect(rows.map((r) => sheet.value(r, col('序号')))).toEqual(rows);
    const error = rows.find((r) => text(r, '单元格') === 'C29' && text(r, '检查项') !== '' && text(r, '状态') === '已说明')!;
    expect(text(error, '单位说明')).toBe('上年结转资金计入其他收入 <口径不同> & “说明”');
    expect(text(error, '最后处理')).toBe('王会计（编制人） 2025-03-01 17:00');
    expect(rows.filter((r) => text(r, '状态') === '已复核').map((r) => text(r, '审核意见'))).toEqual(['同意']);
    // per table in workbook order, errors first
    const gk02 = rows.filter((r) => text(r, '表格').startsWith('公开02表'));
    expect(gk02.map((r) => text(r, '级别'))).toEqual(['错误', '错误', '尾差', '尾差', '尾差']);
    expect(rows.map((r) => text(r, '表格').slice(0, 6))).toEqual([...rows.map((r) => text(r, '表格').slice(0, 6))].sort());
    const xml = readZipParts(new Uint8Array(readFileSync(out))).get('xl/worksheets/sheet2.xml')!.data.toString();
    expect(xml).toContain(`<autoFilter ref="A1:L${sheet.rowCount}"/>`);
    expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
  });

  test('.docx in the 公文 style: the summary, then per table its findings as rows of a table', async () => {
    const out = path.join(dir, '审核意见.docx');
    expect((await cli('report', book, '-o', out)).code).toBe(0);
    const text = await docxText(new Uint8Array(readFileSync(out)), out);
    const lines = text.split('\n');
    expect(lines[0]).toBe('武汉市江岸区住房保障和房屋管理局2024年度决算公开审核意见');
    expect(lines).toContain('一、汇总');
    expect(lines).toContain('工作簿：jiangan.xlsx');
    expect(lines).toContain('二、审核发现');
    expect(lines.filter((l) => /^（[一二三四五六七八九十]+）公开0\d表/.test(l)).length).toBe(7);
    // each table row is one paragraph per cell: the header, then 序号, 单元格, 级别, 问题, 应为, 实为, 状态, 说明
    const width = DOCX_REPORT_COLUMNS.length;
    const starts = lines.map((l, i) => (l === '序号' ? i : -1)).filter((i) => i >= 0);
    const rows: string[][] = [];
    for (const start of starts) {
      for (let i = start + width; /^\d+$/.test(lines[i] ?? ''); i += width) rows.push(lines.slice(i, i + width));
    }
    expect(rows.map((r) => r[0])).toEqual(rows.map((_, i) => String(i + 1)));
    expect(rows.map((r) => [r[1], r[4], r[5], r[3]]).sort()).toEqual(listed());
    expect(rows.find((r) => r[6] === '已说明')![7]).toBe('说明：上年结转资金计入其他收入 <口径不同> & “说明”');
    expect(docxStyles(out)).toEqual(expect.arrayContaining(['黑体', '楷体', '仿宋']));
  });

  test('.html opens in chromium with nothing from outside; its rows are the findings', async () => {
    const out = path.join(dir, '审核意见.html');
    expect((await cli('report', book, '-o', out)).code).toBe(0);
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (req) => requests.push(req.url()));
      await page.goto(`file://${out}`);
      expect(await page.title()).toBe('武汉市江岸区住房保障和房屋管理局 2024年度 审核意见');
      const rows = await page.$$eval('table.findings tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
      const columns = REPORT_COLUMNS.filter((c) => c.key !== 'table').map((c) => c.zh);
      const at = (zh: string) => columns.indexOf(zh);
      expect(rows.map((r) => [r[at('单元格')], r[at('应为')], r[at('实为')], r[at('问题')]]).sort()).toEqual(listed());
      expect(rows.find((r) => r[at('状态')] === '已说明')![at('单位说明')]).toBe('上年结转资金计入其他收入 <口径不同> & “说明”');
      const summary = await page.$$eval('table.summary tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
      expect(summary[0]).toBe('工作簿jiangan.xlsx');
      expect(requests.map((u) => decodeURI(u))).toEqual([`file://${out}`]);
    } finally {
      await browser.close();
    }
  }, 60_000);

  test('usage: -o is required, its extension decides unless --format, never over the input, replaced only with --force', async () => {
    expect((await cli('report', book)).code).toBe(64);
    expect((await cli('report', book, '-o', path.join(dir, 'r.pdf'))).code).toBe(64);
    expect((await cli('report', book, '-o', path.join(dir, 'r.xlsx'), '--format', 'html')).code).toBe(64);
    const same = await cli('report', book, '-o', book, '--force');
    expect(same.code).toBe(64);
    expect(same.stderr).toMatch(/就是输入/);
    const named = path.join(dir, 'report-for-mail');
    expect((await cli('report', book, '-o', named, '--format', 'html')).code).toBe(0);
    expect(readFileSync(named, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect((await cli('report', book, '-o', named, '--format', 'html')).code).toBe(73);
    expect((await cli('report', book, '-o', named, '--format', 'html', '--force')).code).toBe(0);
  });
});

describe('gongkai mark', () => {
  test('a marked copy; --clear takes the marks off again; never over the input', async () => {
    const out = path.join(dir, 'jiangan-标注.xlsx');
    const r = await cli('mark', book, '-o', out);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^已写出 jiangan-标注.xlsx：在 \d+ 个单元格上标出问题（错误 2 条/);
    const copy = await loadXlsx(new Uint8Array(readFileSync(out)), out);
    const registry = parseRegistry(copy.sheets.find((g) => g.name === REGISTRY_SHEET)!)!;
    expect(registry.rows.some((row) => row.sheet === '公开02表' && row.address === 'C29' && row.severity === 'error')).toBe(true);
    // the review kept in the workbook travels with the copy
    expect(await new XlsxFileHost(new Uint8Array(readFileSync(out)), out).readReview()).toBe(await new XlsxFileHost(new Uint8Array(readFileSync(book)), book).readReview());
    const clean = path.join(dir, 'clean.xlsx');
    expect((await cli('mark', out, '--clear', '-o', clean)).code).toBe(0);
    expect((await loadXlsx(new Uint8Array(readFileSync(clean)), clean)).sheets.map((g) => g.name)).not.toContain(REGISTRY_SHEET);
    expect((await cli('mark', book, '-o', book)).code).toBe(64);
    expect((await cli('mark', book, '-o', path.join(dir, 'x.xlsm'))).code).toBe(64);
    expect((await cli('mark', book)).code).toBe(64);
  });
});

function chromiumPath(): string {
  const found = spawnSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).stdout.trim();
  if (!found || !existsSync(found)) throw new Error("chromium is not on PATH: this test needs Debian's chromium. Run `apt-get install -y chromium` (as root) and try again.");
  return found;
}

/** The font names the .docx's document part uses. */
function docxStyles(file: string): string[] {
  const xml = readZipParts(new Uint8Array(readFileSync(file))).get('word/document.xml')!.data.toString();
  return [...new Set([...xml.matchAll(/w:eastAsia="([^"]+)"/g)].map((m) => m[1]))];
}
