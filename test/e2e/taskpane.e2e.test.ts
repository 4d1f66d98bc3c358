/**
 * End-to-end check of the built task pane in a real browser (Debian's chromium, driven by
 * playwright-core): the production bundle is served from 127.0.0.1, opened outside Office, and fed
 * the real fixtures through its file input. This is what proves that the exceljs browser build loads
 * a workbook and that the core recognizes it in a browser exactly as it does under Node.
 *
 * Needs `chromium` on PATH (`apt-get install -y chromium`); no browser is ever downloaded.
 */
import { spawnSync } from 'child_process';
import { accessSync, constants, createReadStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { CheckReport } from '../../src/core/report';
import { describeProblem } from '../../src/hosts/xlsx/sniff';
import { analyzeBytes } from '../../src/taskpane/engine';
import { FIXTURES } from '../helpers/fixtures';

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist', 'taskpane');
const SCREENSHOT = path.join(ROOT, '.tmp', 'e2e', 'taskpane.png');
const GONGKAI = 'jiangan-2024-gongkai.xlsx';
const JIXIAO = 'miluo-2023-jixiao.xlsx';
const HOST = '127.0.0.1';

/** The chromium executable found on PATH at run time, or null. */
function findChromium(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, 'chromium');
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

function buildTaskpane(): void {
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  const run = spawnSync(process.execPath, [cli, '--mode', 'production'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw run.error;
  if (run.status !== 0) {
    throw new Error(`webpack --mode production failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves dist/taskpane/ read-only; anything outside it is a 404. */
function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    const file = path.resolve(dir, '.' + decodeURIComponent(url.pathname));
    let ok = file.startsWith(dir + path.sep);
    try {
      ok = ok && statSync(file).isFile();
    } catch {
      ok = false;
    }
    if (!ok || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => resolve(server));
  });
}

interface Row {
  sheet: string;
  type: string;
  title: string;
  year: string;
  unit: string;
  range: string;
}

/** The recognized-tables list as rendered, one object per body row. */
async function renderedRows(page: Page): Promise<Row[]> {
  const table = page.getByRole('table', { name: '已识别的表格' });
  await table.waitFor();
  const cells = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => (td.textContent ?? '').trim())),
  );
  return cells.map(([sheet = '', type = '', title = '', year = '', unit = '', range = '']) => ({ sheet, type, title, year, unit, range }));
}

/** What Node's engine says about the same file, in the shape the list renders. */
async function expectedRows(name: string): Promise<{ report: CheckReport; rows: Row[] }> {
  const report = await analyzeBytes(new Uint8Array(readFileSync(path.join(FIXTURES, name))), name);
  const rows = report.tables.map((t) => ({
    sheet: t.sheet,
    type: String(t.type),
    title: t.title,
    year: t.year === null ? '—' : String(t.year),
    unit: t.unit ?? '—',
    range: t.range,
  }));
  return { report, rows };
}

/** The 检查结果 section agrees with Node's findings: "未发现问题。" or one badge per severity with its count. */
async function expectFindingCounts(page: Page, report: CheckReport): Promise<void> {
  if (report.findings.length === 0) {
    await page.getByText('未发现问题。', { exact: true }).waitFor();
    return;
  }
  const labels = { error: '错误', warning: '警告', info: '提示' } as const;
  for (const severity of ['error', 'warning', 'info'] as const) {
    const n = report.findings.filter((f) => f.severity === severity).length;
    await page.getByText(`${labels[severity]} ${n}`, { exact: true }).waitFor();
  }
}

/** Uploads a file and waits until the pane has finished with it (the file name caption only shows once done). */
async function openFile(page: Page, file: string): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.getByText(path.basename(file), { exact: true }).waitFor({ timeout: 60_000 });
}

describe('task pane in chromium (outside Office)', () => {
  let executablePath: string | null = null;
  let server: Server | undefined;
  let baseUrl = '';
  let profileDir = '';
  let context: BrowserContext | undefined;
  let page: Page;
  const requested: string[] = [];
  const pageErrors: string[] = [];
  let workDir = '';

  beforeAll(async () => {
    executablePath = findChromium();
    if (!executablePath) {
      throw new Error('chromium is not on PATH: the end-to-end test needs Debian\'s chromium. Run `apt-get install -y chromium` (as root) and try again.');
    }
    buildTaskpane();
    server = await serve(DIST);
    baseUrl = `http://${HOST}:${(server.address() as AddressInfo).port}`;
    profileDir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-e2e-profile-'));
    workDir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-e2e-files-'));
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless: true,
      viewport: { width: 420, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    context.on('request', (req) => requested.push(req.url()));
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(`${baseUrl}/taskpane.html`, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await context?.close();
    if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
    for (const dir of [profileDir, workDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('renders without Office, showing the header and the local-file hint', async () => {
    await page.getByRole('heading', { level: 1, name: '决算公开助手' }).waitFor();
    expect(await page.evaluate(() => typeof (globalThis as { Office?: unknown }).Office)).toBe('undefined');
    await page.getByText('当前未在 Excel 中运行', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: '打开本地工作簿（.xlsx）' }).isEnabled()).toBe(true);
  });

  test(`recognizes the 9 公开 tables of ${GONGKAI}`, async () => {
    await openFile(page, path.join(FIXTURES, GONGKAI));
    const rows = await renderedRows(page);
    expect(rows.map((r) => r.type)).toEqual(['GK01', 'GK02', 'GK03', 'GK04', 'GK05', 'GK06', 'GK07', 'GK08', 'GK09']);
    expect(rows[0]).toMatchObject({ sheet: '公开01表', title: '2024年度收入支出决算总表', year: '2024', unit: '万元' });
    expect(rows.map((r) => r.title)).toContain('2024年度财政拨款收入支出决算总表');
    await page.getByText('已识别的表格（9）').waitFor();
    // The browser build and Node agree cell for cell, and on the findings.
    const expected = await expectedRows(GONGKAI);
    expect(rows).toEqual(expected.rows);
    await expectFindingCounts(page, expected.report);

    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  test(`recognizes the 16 绩效 tables of ${JIXIAO}`, async () => {
    await openFile(page, path.join(FIXTURES, JIXIAO));
    await page.getByText('已识别的表格（16）').waitFor();
    const rows = await renderedRows(page);
    expect(rows.map((r) => r.type)).toEqual(['PERF_BASE', 'PERF_DEPT', ...Array<string>(14).fill('PERF_PROJECT')]);
    const expected = await expectedRows(JIXIAO);
    expect(rows).toEqual(expected.rows);
    await expectFindingCounts(page, expected.report);
  });

  test('shows the loader\'s Chinese message for a CSV saved as .xlsx', async () => {
    const name = 'csv-in-disguise.xlsx';
    const file = path.join(workDir, name);
    writeFileSync(file, '科目编码,科目名称,金额\n201,一般公共服务支出,123.45\n205,教育支出,67.80\n', 'utf8');
    await page.locator('input[type="file"]').setInputFiles(file);
    const bar = page.getByRole('group', { name: '无法完成检查' });
    await bar.waitFor({ timeout: 60_000 });
    const expected = describeProblem('csv', name).split(' / ')[0]!;
    expect(expected.startsWith(`无法读取“${name}”`)).toBe(true);
    expect(await bar.innerText()).toContain(expected);
    // The previous report is gone, not shown beside the error.
    expect(await page.getByRole('table', { name: '已识别的表格' }).count()).toBe(0);
  });

  test('made no request to any host but 127.0.0.1 and threw no page errors', () => {
    expect(requested.length).toBeGreaterThan(0);
    const foreign = requested.filter((u) => {
      const url = new URL(u);
      if (url.protocol === 'data:' || url.protocol === 'blob:') return false;
      return url.hostname !== HOST;
    });
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
