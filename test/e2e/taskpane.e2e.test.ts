/**
 * End-to-end check of the built task pane in a real browser (Debian's chromium, driven by
 * playwright-core): the production bundle is served from 127.0.0.1, opened outside Office, and fed
 * the real fixtures through its file input. This is what proves that the browser build loads a
 * workbook and that the core recognizes it in a browser exactly as it does under Node.
 *
 * The page asks Microsoft's CDN for office.js first; here the CDN is unreachable (the request is
 * refused by the test, as in a plain browser without internet), and the pane must work without it.
 * office.js itself, outside Office, is tested in office-js.e2e.test.ts; the pane inside Excel in
 * excel.e2e.test.ts.
 *
 * Needs `chromium` on PATH (`apt-get install -y chromium`); no browser is ever downloaded.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { formatText } from '../../src/cli/reporters';
import { runsText, type NarrativeDraft } from '../../src/core/narrative/blocks';
import { NarrativeSession } from '../../src/core/narrative/session';
import type { CheckReport, Finding } from '../../src/core/findings';
import { FUNCTIONAL_CLASSES } from '../../src/core/catalog/functional-classes';
import { draftToDocx } from '../../src/hosts/word/docx-export';
import { docxText } from '../../src/hosts/word/docx-text';
import { loadXlsx } from '../../src/hosts/xlsx/load';
import { describeProblem } from '../../src/hosts/xlsx/sniff';
import { analyzeBytes } from '../../src/taskpane/engine';
import { FIRST_CARDS, MORE_CARDS } from '../../src/taskpane/findingGroups';
import { sheetCards, type SheetCards } from '../../src/taskpane/findingCards';
import { TABLE_TYPE_LABELS } from '../../src/core/tables/type-names';
import { countFindings } from '../../src/core/findings';
import { FIXTURES, loadFixture } from '../helpers/fixtures';
import { buildPane, DOCX_WRITER, loadedHolding, offMachine, openPane, requireChromium, screenshotPath, screenshotStates, XLSX_READER, type PaneSession } from './harness';

jest.setTimeout(180_000);

const SCREENSHOT_FINDINGS_320_FULL = screenshotPath('browser-findings-320-full.png');
const GONGKAI = 'jiangan-2024-gongkai.xlsx';
const QINGKUANG = 'jiangan-2024-qingkuang.txt';
const JIXIAO = 'miluo-2023-jixiao.xlsx';

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
    type: TABLE_TYPE_LABELS[t.type],
    title: t.title,
    year: t.year === null ? '—' : String(t.year),
    unit: t.unit ?? '—',
    range: t.range,
  }));
  return { report, rows };
}

/** The 检查结果 section agrees with Node's findings: "未发现问题。" or one badge per kind (错误, 警告, 尾差, 提示) with its count. */
async function expectFindingCounts(page: Page, report: CheckReport): Promise<void> {
  const table = report.findings.filter((f) => f.source !== 'narrative');
  if (table.length === 0) {
    await page.getByText('未发现问题。', { exact: true }).waitFor();
    return;
  }
  const counts = countFindings(table);
  const labels = { error: '错误', warning: '警告', rounding: '尾差', info: '提示' } as const;
  for (const kind of ['error', 'warning', 'rounding', 'info'] as const) {
    await page.getByLabel('问题统计').getByText(`${labels[kind]} ${counts[kind]}`, { exact: true }).waitFor();
  }
}

/** The workbook file input (the 情况说明 tab has a file input of its own). */
const workbookInput = (page: Page) => page.getByLabel('选择本地工作簿', { exact: true });

/** Uploads a file and waits until the pane has finished with it (the file name caption only shows once done). */
async function openFile(page: Page, file: string): Promise<void> {
  await workbookInput(page).setInputFiles(file);
  await page.getByText(path.basename(file), { exact: true }).waitFor({ timeout: 60_000 });
}

/** One sheet's findings as the 检查结果 tab must list them. */
interface ExpectedSheet {
  sheet: string;
  /** Its findings but the 尾差, in the core's order. */
  listed: Finding[];
  /** Its 尾差, and their line as the CLI's text report words it (count and largest difference). */
  rounding: Finding[];
  roundingLine: string | null;
}

/**
 * What the core finds in a workbook (the analysis the pane runs), grouped as the CLI's text report
 * groups it: by the sheet of a finding's first cell, sheets in workbook order, the 尾差 (`rounding`)
 * apart. The 尾差 line's count and largest difference are read from `formatText` itself.
 */
async function expectedFindings(bytes: Uint8Array, name: string): Promise<{ report: CheckReport; sheets: ExpectedSheet[]; cards: SheetCards[] }> {
  const report = await analyzeBytes(bytes, name);
  const order = (await loadXlsx(bytes, name)).sheets.map((g) => g.name);
  const table = report.findings.filter((f) => f.source !== 'narrative');
  expect(table.every((f) => f.cells.length > 0)).toBe(true);

  const textLines = new Map<string, { n: number; largest: string }>();
  let current = '';
  for (const line of formatText(report).split('\n')) {
    const head = /^【(.+)】$/.exec(line);
    if (head) current = head[1]!;
    const folded = /^ {2}警告 尾差 (\d+) 处，最大相差 ([\d.]+)（/.exec(line);
    if (folded) textLines.set(current, { n: Number(folded[1]), largest: folded[2] });
  }

  const sheets = order
    .map((sheet) => {
      const mine = table.filter((f) => f.cells[0].sheet === sheet);
      const rounding = mine.filter((f) => f.rounding);
      const text = textLines.get(sheet);
      expect(text?.n ?? 0).toBe(rounding.length);
      return {
        sheet,
        listed: mine.filter((f) => !f.rounding),
        rounding,
        roundingLine: text ? `尾差 ${text.n} 处，最大相差 ${text.largest}，均在四舍五入范围内` : null,
      };
    })
    .filter((e) => e.listed.length > 0 || e.rounding.length > 0);
  expect(sheets.reduce((n, e) => n + e.listed.length + e.rounding.length, 0)).toBe(table.length);
  // the cards the pane makes of them (findings that blame one cell merged), computed as the pane does
  const cards = sheetCards(table, order);
  expect(cards.map((g) => g.sheet)).toEqual(sheets.map((e) => e.sheet));
  return { report, sheets, cards };
}

/** The 检查结果 tab's findings list, and one sheet's group in it. */
const findingsList = (page: Page) => page.getByRole('region', { name: '问题列表' });
const sheetGroup = (page: Page, sheet: string) => findingsList(page).getByRole('region', { name: sheet, exact: true });
/** The cards a group lists (not its opened 尾差, nor the identities listed inside a merged card). */
const listedCards = (group: Locator, sheet: string) => group.getByRole('list', { name: `${sheet} 的问题`, exact: true }).locator(':scope > li');
const severitiesOf = (cards: Locator) => cards.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-severity') ?? ''));

/** The sheets the list shows, in order (their group heads). */
const shownSheets = (page: Page) => findingsList(page).locator('[data-sheet-head]').evaluateAll((els) => els.map((el) => el.getAttribute('data-sheet-head') ?? ''));

/** Opens every folded sheet group. */
async function openAllGroups(page: Page): Promise<void> {
  const folded = findingsList(page).locator('[data-sheet-head][aria-expanded="false"]');
  while ((await folded.count()) > 0) await folded.first().click();
}

/** The ids of the findings on the cards shown (a merged card holds several). */
const idsOf = (cards: Locator) => cards.evaluateAll((lis) => lis.flatMap((li) => (li.getAttribute('data-ids') ?? '').split(' ').filter(Boolean)));

/** Clicks every “显示更多” until every card is shown. */
async function showAllCards(page: Page): Promise<void> {
  const more = findingsList(page).getByRole('button', { name: /^显示更多/ });
  while ((await more.count()) > 0) await more.first().click();
}

/** Selects the 检查结果 tab. */
async function showCheckTab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: '检查结果' }).click();
  await findingsList(page).waitFor();
}

/**
 * A 支出决算表 (GK03) of `n` 项 rows, each row's 基本支出 + 项目支出 one or two cents off its
 * 本年支出合计 and the 项目支出 column left out of the 款/类 subtotals: thousands of findings on one sheet.
 */
async function writeBrokenGk03(file: string, n: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('公开03表');
  const put = (r: number, c: number, v: string | number) => {
    ws.getCell(r + 1, c + 1).value = v;
  };
  put(0, 0, '2024年度支出决算表');
  put(1, 7, '公开03表');
  put(2, 0, '部门：某部门');
  put(2, 7, '单位：万元');
  ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'].forEach((h, c) => put(3, c, h));
  put(4, 0, '类款项');
  put(4, 1, '栏次');
  for (let c = 2; c < 8; c++) put(4, c, c - 1);
  const money = (cents: number) => cents / 100;
  put(5, 1, '合计');
  put(5, 2, money(1234 * n));
  put(5, 3, money(1234 * n));
  let r = 6;
  for (let i = 0; i < n; i++) {
    const cls = FUNCTIONAL_CLASSES[Math.floor(i / 500)];
    const kuan = `${cls.code}${String(1 + Math.floor((i % 500) / 10)).padStart(2, '0')}`;
    if (i % 500 === 0) {
      const items = Math.min(500, n - i);
      put(r, 0, cls.code);
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
    put(r, 3, 12.33);
    put(r++, 4, i % 2 ? 0.01 : 0.02);
  }
  ws.mergeCells(1, 1, 1, 8);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  writeFileSync(file, bytes);
  return bytes;
}

describe('task pane in chromium (outside Office)', () => {
  let pane: PaneSession | undefined;
  let page: Page;
  let workDir = '';

  beforeAll(async () => {
    requireChromium();
    workDir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-e2e-files-'));
    pane = await openPane(await buildPane(), { office: 'block' });
    page = pane.page;
  });

  afterAll(async () => {
    await pane?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  test('renders without Office, showing the header and the local-file hint', async () => {
    await page.getByRole('heading', { level: 1, name: '决算公开助手' }).waitFor();
    expect(await page.evaluate(() => typeof (globalThis as { Office?: unknown }).Office)).toBe('undefined');
    await page.getByText('当前未在 Excel 中运行', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: '打开本地工作簿（.xlsx）' }).isEnabled()).toBe(true);
    // before a workbook is opened the pane has loaded its shell alone: no engine, no reader, no .docx writer
    await page.waitForLoadState('networkidle');
    expect(loadedHolding(pane!, /^src\/core\/(analyze\.ts$|rules\/|narrative\/|tables\/recognize)/)).toEqual([]);
    expect(loadedHolding(pane!, XLSX_READER)).toEqual([]);
    expect(loadedHolding(pane!, DOCX_WRITER)).toEqual([]);
  });

  test(`recognizes the 9 公开 tables of ${GONGKAI}`, async () => {
    await openFile(page, path.join(FIXTURES, GONGKAI));
    const rows = await renderedRows(page);
    expect(rows.map((r) => r.type)).toEqual(['公开01表', '公开02表', '公开03表', '公开04表', '公开05表', '公开06表', '公开07表', '公开08表', '公开09表']);
    expect(rows[0]).toMatchObject({ sheet: '公开01表', title: '2024年度收入支出决算总表', year: '2024', unit: '万元' });
    expect(rows.map((r) => r.title)).toContain('2024年度财政拨款收入支出决算总表');
    await page.getByText('已识别的表格（9）').waitFor();
    // The browser build and Node agree cell for cell, and on the findings.
    const expected = await expectedRows(GONGKAI);
    expect(rows).toEqual(expected.rows);
    await expectFindingCounts(page, expected.report);

    // the tables list: a table from 420 px up, two lines a table below
    await screenshotStates(page, 'browser-tables', { at: page.getByText('已识别的表格（9）') });
  });

  test(`recognizes the 16 绩效 tables of ${JIXIAO}`, async () => {
    await openFile(page, path.join(FIXTURES, JIXIAO));
    await page.getByText('已识别的表格（16）').waitFor();
    const rows = await renderedRows(page);
    expect(rows.map((r) => r.type)).toEqual(['绩效评价基础数据表', '部门整体绩效自评表', ...Array<string>(14).fill('项目支出绩效自评表')]);
    const expected = await expectedRows(JIXIAO);
    expect(rows).toEqual(expected.rows);
    await expectFindingCounts(page, expected.report);
  });

  test('shows the loader\'s Chinese message for a CSV saved as .xlsx', async () => {
    const name = 'csv-in-disguise.xlsx';
    const file = path.join(workDir, name);
    writeFileSync(file, '科目编码,科目名称,金额\n201,一般公共服务支出,123.45\n205,教育支出,67.80\n', 'utf8');
    await workbookInput(page).setInputFiles(file);
    const bar = page.getByRole('group', { name: '无法完成检查' });
    await bar.waitFor({ timeout: 60_000 });
    const expected = describeProblem('csv', name).split(' / ')[0];
    expect(expected.startsWith(`无法读取“${name}”`)).toBe(true);
    expect(await bar.innerText()).toContain(expected);
    // The previous report is gone, not shown beside the error.
    expect(await page.getByRole('table', { name: '已识别的表格' }).count()).toBe(0);
  });

  describe('检查结果 findings at 320 px', () => {
    beforeAll(async () => {
      await page.setViewportSize({ width: 320, height: 900 });
    });

    test(`${GONGKAI}: the 住房公积金 error of 公开02表!C29 first, its two identities on one card, 尾差 folded per sheet`, async () => {
      const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, GONGKAI)));
      const { report, sheets, cards } = await expectedFindings(bytes, GONGKAI);
      await openFile(page, path.join(FIXTURES, GONGKAI));
      await showCheckTab(page);
      const list = findingsList(page);

      // The counts stay above the list.
      const counts = page.getByLabel('问题统计');
      expect(await counts.evaluate((el, listEl) => Boolean(el.compareDocumentPosition(listEl) & Node.DOCUMENT_POSITION_FOLLOWING), await list.elementHandle())).toBe(true);

      // One group per sheet with findings, in workbook order; a sheet index above them with each one's counts.
      expect(await shownSheets(page)).toEqual(sheets.map((e) => e.sheet));
      const index = page.getByRole('navigation', { name: '工作表索引' });
      expect(await index.getByRole('button').count()).toBe(sheets.length);
      // errors first: the sheets with errors open, the others folded
      const open = await list.locator('[data-sheet-head]').evaluateAll((els) => els.map((el) => [el.getAttribute('data-sheet-head'), el.getAttribute('aria-expanded')]));
      expect(open).toEqual(cards.map((g) => [g.sheet, String(g.counts.error > 0)]));

      // The real error, as the core reports it: 2210201 住房公积金 103.27 ≠ 99.54 + 3.70.
      const node = report.findings.find((f) => f.severity === 'error' && f.rule === 'LEDGER.row-sum' && f.cells[0]?.sheet === '公开02表' && f.cells[0].address === 'C29');
      expect(node).toBeDefined();
      for (const part of ['2210201 住房公积金', '103.27', '99.54', '3.70']) expect(node!.message).toContain(part);
      expect([node!.expected, node!.actual]).toEqual(['103.24', '103.27']);
      // … and the between-table identity that blames the same cell: one card listing both
      const same = report.findings.filter((f) => f.likely && f.likely.sheet === '公开02表' && f.likely.address === 'C29');
      expect(same.length).toBeGreaterThanOrEqual(2);

      const group = sheetGroup(page, '公开02表');
      const card = listedCards(group, '公开02表').filter({ has: page.locator(`[data-identity="${node!.id}"]`) });
      expect(await card.count()).toBe(1);
      expect(await card.getAttribute('data-severity')).toBe('error');
      expect((await card.getAttribute('data-ids'))?.split(' ').sort()).toEqual(same.map((f) => f.id).sort());
      const text = await card.innerText();
      expect(text).toContain(node!.message);
      expect(text).toContain(`应为 ${node!.expected}；实为 ${node!.actual}`);
      expect(text).toContain('最可能出错的是 公开02表!C29');
      expect(await card.locator('[data-likely]').first().getAttribute('data-likely')).toBe('公开02表!C29');
      // the rules by their Chinese titles, the id in the tooltip
      for (const f of same) {
        const title = card.locator(`[data-identity="${f.id}"] [data-rule-title]`);
        expect(await title.getAttribute('title')).toBe(`规则 ${f.rule}`);
        expect(await title.innerText()).not.toBe(f.rule);
      }

      // Every group: its cards errors first, as the pane's own grouping makes them; the 尾差 folded after them.
      await openAllGroups(page);
      for (const g of cards) {
        const e = sheets.find((x) => x.sheet === g.sheet)!;
        const gl = sheetGroup(page, g.sheet);
        const shown = listedCards(gl, g.sheet);
        const severities = g.cards.length ? await severitiesOf(shown) : [];
        expect(severities).toEqual(g.cards.slice(0, FIRST_CARDS).map((c) => c.severity));
        const folded = gl.getByRole('button', { name: /^尾差 / });
        expect(await folded.count()).toBe(e.rounding.length ? 1 : 0);
        if (e.rounding.length) {
          expect(await folded.innerText()).toBe(e.roundingLine);
          expect(await folded.getAttribute('aria-expanded')).toBe('false');
        }
      }
      await showAllCards(page);
      const nonRounding = report.findings.filter((f) => !f.rounding && f.source !== 'narrative');
      expect((await idsOf(list.locator('li[data-ids]'))).sort()).toEqual(nonRounding.map((f) => f.id).sort());

      // The error is listed before 公开02表's 尾差 line, which opens to its 尾差.
      const e02 = sheets.find((e) => e.sheet === '公开02表')!;
      expect(e02.rounding.length).toBeGreaterThan(0);
      const folded = group.getByRole('button', { name: e02.roundingLine!, exact: true });
      expect(await card.evaluate((el, line) => Boolean(el.compareDocumentPosition(line) & Node.DOCUMENT_POSITION_FOLLOWING), await folded.elementHandle())).toBe(true);
      await folded.click();
      expect(await folded.getAttribute('aria-expanded')).toBe('true');
      const opened = group.getByRole('list', { name: '公开02表 的尾差', exact: true }).getByRole('listitem');
      expect(await opened.count()).toBe(e02.rounding.length);
      expect(await opened.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-kind')))).toEqual(e02.rounding.map(() => 'rounding'));
      for (const f of e02.rounding) expect(await opened.filter({ hasText: f.message }).count()).toBeGreaterThan(0);

      // Filters: 错误 keeps the errors only, 警告 the other warnings, 尾差 the 尾差 alone (opened), 提示 the notes.
      const filter = page.getByRole('toolbar', { name: '按级别筛选' });
      const errorIds = report.findings.filter((f) => f.severity === 'error').map((f) => f.id);
      await filter.getByRole('button', { name: '错误', exact: true }).click();
      expect(await filter.getByRole('button', { name: '错误', exact: true }).getAttribute('aria-pressed')).toBe('true');
      await showAllCards(page);
      expect(await severitiesOf(list.locator('li[data-ids]'))).toEqual((await list.locator('li[data-ids]').count()) ? Array(await list.locator('li[data-ids]').count()).fill('error') : []);
      for (const id of errorIds) expect(await list.locator(`[data-ids~="${id}"]`).count()).toBe(1);
      expect(await list.getByRole('button', { name: /^尾差 / }).count()).toBe(0);
      expect(await shownSheets(page)).toEqual(sheets.filter((e) => e.listed.some((f) => f.severity === 'error')).map((e) => e.sheet));
      await filter.getByRole('button', { name: '警告', exact: true }).click();
      expect(await list.locator('li[data-severity="error"]').count()).toBe(0);
      expect(await list.getByRole('button', { name: /^尾差 / }).count()).toBe(0);
      await filter.getByRole('button', { name: '尾差', exact: true }).click();
      expect(await list.getByRole('button', { name: /^尾差 / }).count()).toBe(sheets.filter((e) => e.rounding.length).length);
      expect(await list.locator('li[data-kind="rounding"]').count()).toBe(sheets.reduce((n, e) => n + Math.min(FIRST_CARDS, e.rounding.length), 0));
      await filter.getByRole('button', { name: '全部', exact: true }).click();
      expect(await list.locator('li[data-severity="error"]').count()).toBeGreaterThan(0);

      // Nothing wider than the pane; screenshots to judge the layout by.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await screenshotStates(page, 'browser-findings', { highContrast: true });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: SCREENSHOT_FINDINGS_320_FULL, fullPage: true });
    });

    test(`${JIXIAO}: every error on a card, the likely culprits named, sheets foldable from the index`, async () => {
      const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, JIXIAO)));
      const { report, sheets, cards } = await expectedFindings(bytes, JIXIAO);
      await openFile(page, path.join(FIXTURES, JIXIAO));
      await showCheckTab(page);
      const list = findingsList(page);
      expect(await shownSheets(page)).toEqual(sheets.map((e) => e.sheet));
      // the index opens a folded sheet and goes to it
      const foldedSheet = cards.find((g) => g.counts.error === 0);
      if (foldedSheet) {
        const head = list.locator(`[data-sheet-head="${foldedSheet.sheet}"]`);
        expect(await head.getAttribute('aria-expanded')).toBe('false');
        await page.getByRole('navigation', { name: '工作表索引' }).getByRole('button', { name: new RegExp(`^${foldedSheet.sheet}：`) }).click();
        expect(await head.getAttribute('aria-expanded')).toBe('true');
        expect(await head.evaluate((el) => el === document.activeElement)).toBe(true);
      }
      await openAllGroups(page);
      await showAllCards(page);
      const errors = report.findings.filter((f) => f.severity === 'error');
      expect(errors.length).toBeGreaterThan(0);
      const shownIds = await idsOf(list.locator('li[data-ids]'));
      for (const f of errors) expect(shownIds).toContain(f.id);
      expect(shownIds.sort()).toEqual(sheets.flatMap((e) => e.listed).map((f) => f.id).sort());
      await screenshotStates(page, 'browser-findings-jixiao');
      const likely = [...new Set(sheets.flatMap((e) => e.listed).filter((f) => f.likely).map((f) => `${f.likely!.sheet}!${f.likely!.address}`))];
      expect(likely.length).toBeGreaterThan(0);
      const named = await list.locator('[data-likely]').evaluateAll((els) => els.map((el) => el.getAttribute('data-likely')));
      expect([...new Set(named)].sort()).toEqual(likely.sort());
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    });

    test('a 10,000-row sheet with thousands of findings shows a few cards and more on request', async () => {
      const name = 'gk03-10000.xlsx';
      const file = path.join(workDir, name);
      const bytes = await writeBrokenGk03(file, 10_000);
      const { sheets, cards: groups } = await expectedFindings(bytes, name);
      expect(sheets.map((e) => e.sheet)).toEqual(['公开03表']);
      const [e] = sheets;
      expect(e.listed.length).toBeGreaterThan(1000);
      expect(e.rounding.length).toBeGreaterThan(1000);

      await openFile(page, file);
      await showCheckTab(page);
      const group = sheetGroup(page, '公开03表');
      const cards = listedCards(group, '公开03表');
      expect(await cards.count()).toBe(FIRST_CARDS);
      // The whole page stays small (the tables list and all), whatever the number of findings.
      expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(1500);

      expect(groups[0].cards.length).toBeGreaterThan(1000);
      await group.getByRole('button', { name: `显示更多（还有 ${groups[0].cards.length - FIRST_CARDS} 条）`, exact: true }).click();
      expect(await cards.count()).toBe(FIRST_CARDS + MORE_CARDS);
      await group.getByRole('button', { name: e.roundingLine!, exact: true }).click();
      const opened = group.getByRole('list', { name: '公开03表 的尾差', exact: true }).getByRole('listitem');
      expect(await opened.count()).toBe(FIRST_CARDS);
      await group.getByRole('button', { name: `显示更多（还有 ${e.rounding.length - FIRST_CARDS} 条）`, exact: true }).waitFor();
    });
  });

  describe('情况说明 at 320 px', () => {
    /** What the core drafts and finds for the fixture under Node: the pane must show exactly this. */
    let session: NarrativeSession;
    let draft: NarrativeDraft;
    const paragraphs = () => draft.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.runs] : []));

    beforeAll(async () => {
      session = new NarrativeSession(await loadFixture(GONGKAI));
      draft = session.draft();
      await page.setViewportSize({ width: 320, height: 900 });
    });

    test('drafts the 情况说明 with the workbook\'s numbers, each number showing its cells', async () => {
      await openFile(page, path.join(FIXTURES, GONGKAI));
      await page.getByRole('tab', { name: '情况说明' }).click();
      await page.getByRole('button', { name: '生成草稿' }).click();
      const article = page.getByRole('article', { name: '情况说明草稿' });
      await article.waitFor();

      // Title, headings and paragraphs as the core drafts them; paragraphs without slots word for word.
      expect(await article.locator('h2').innerText()).toBe(draft.title);
      expect(await article.locator('h3, h4, h5').allInnerTexts()).toEqual(draft.blocks.flatMap((b) => (b.type === 'heading' ? [b.text] : [])));
      const shown = await article.locator('p').allTextContents();
      expect(shown).toHaveLength(paragraphs().length);
      const plain = paragraphs().flatMap((runs, i) => (runs.some((r) => r.type === 'slot') ? [] : [[i, runsText(runs)] as const]));
      expect(plain.length).toBeGreaterThan(5);
      for (const [i, text] of plain) expect(shown[i]).toBe(text);

      // A real sentence with the 收入合计 of 公开01表, read from the fixture by the core.
      const income = session.facts.find((f) => f.key === '收入.本年收入合计')!;
      const printed = income.value.toDecimalPlaces(2).toFixed(2);
      expect(printed).toBe('22899.22');
      expect(shown.some((p) => p.includes(`收入合计${printed}万元`))).toBe(true);

      // The number is marked, and on focus its tooltip names the cells it comes from.
      const number = article.locator(`[data-fact="${income.key}"]`).first();
      expect(await number.innerText()).toBe(printed);
      await number.focus();
      const tooltip = page.getByRole('tooltip');
      await tooltip.waitFor();
      // one cell-label format everywhere: 公开01表!C7
      expect(await tooltip.innerText()).toContain(`${income.cells[0].sheet}!${income.cells[0].address}`);
      for (const cell of income.cells) expect(await tooltip.innerText()).toContain(cell.address);
      await number.blur();

      // Every slot is highlighted and tagged as the block model says.
      const slots = paragraphs().flat().filter((r) => r.type === 'slot');
      expect(await article.locator('mark').count()).toBe(slots.length);
      expect(await article.locator('mark', { hasText: '待填写' }).count()).toBe(slots.filter((r) => !r.text).length);
      expect(await article.locator('mark', { hasText: '建议' }).count()).toBe(slots.filter((r) => r.suggestion).length);

      // Nothing is wider than the 320 px pane.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await screenshotStates(page, 'browser-narrative-draft', { at: article });
    });

    test('downloads the draft as a .docx whose text is the draft\'s', async () => {
    // the .docx writer is loaded for the export, not before
    expect(loadedHolding(pane!, DOCX_WRITER)).toEqual([]);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 Word (.docx)' }).click()]);
      expect(download.suggestedFilename()).toBe('jiangan-2024-gongkai-情况说明草稿.docx');
    expect(loadedHolding(pane!, DOCX_WRITER)).not.toEqual([]);
      const file = path.join(workDir, 'draft.docx');
      await download.saveAs(file);
      const text = await docxText(new Uint8Array(readFileSync(file)), 'draft.docx');
      // The browser's bytes read back as the same document Node writes.
      expect(text).toBe(await docxText(await draftToDocx(draft), 'node.docx'));
      const lines = text.split('\n');
      expect(lines[0]).toBe(draft.title);
      for (const runs of paragraphs()) expect(lines).toContain(runsText(runs));
      expect(text).toContain('收入合计22899.22万元');
    });

    test(`checks ${QINGKUANG}: errors first, the quote 98.04% among them; unresolved numbers collapsed`, async () => {
      const expected = session.check(readFileSync(path.join(FIXTURES, QINGKUANG), 'utf8'));
      const checked = expected.findings.filter((f) => f.rule !== 'NARRATIVE.unresolved');
      const unresolved = expected.findings.length - checked.length;

      await page.getByLabel('选择情况说明文件', { exact: true }).setInputFiles(path.join(FIXTURES, QINGKUANG));
      const region = page.getByRole('region', { name: '情况说明核对结果' });
      await region.waitFor({ timeout: 60_000 });
      const items = region.getByRole('list', { name: '核对发现的问题' }).getByRole('listitem');
      expect(await items.count()).toBe(checked.length);
      const severities = await items.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-severity')));
      const rank = { error: 0, warning: 1, info: 2 } as Record<string, number>;
      expect(severities).toEqual([...severities].sort((a, b) => rank[a!] - rank[b!]));
      expect(severities.filter((x) => x === 'error')).toHaveLength(checked.filter((f) => f.severity === 'error').length);

      const wrong = items.filter({ hasText: '“98.04%”' });
      expect(await wrong.count()).toBe(1);
      expect(await wrong.getAttribute('data-severity')).toBe('error');
      const node = checked.find((f) => f.quote === '98.04%')!;
      const itemText = await wrong.innerText();
      expect(itemText).toContain('错误');
      expect(itemText).toContain(node.message);
      expect(itemText).toContain(`应为 ${node.expected}`);
      for (const cell of node.cells) expect(itemText).toContain(cell.address);

      // The unresolved numbers: one collapsed group with their count, opened on demand.
      const header = region.getByRole('button', { name: `未能核对的数字（${unresolved}）` });
      expect(await header.getAttribute('aria-expanded')).toBe('false');
      expect(await region.getByRole('list', { name: '未能核对的数字' }).count()).toBe(0);
      await header.click();
      expect(await region.getByRole('list', { name: '未能核对的数字' }).getByRole('listitem').count()).toBe(unresolved);

      await page.evaluate(() => window.scrollTo(0, 0));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await screenshotStates(page, 'browser-narrative-check', { at: region });
    });

    test('text in no known encoding or a broken .docx gets a Chinese message, and the pane keeps working', async () => {
      const input = page.getByLabel('选择情况说明文件', { exact: true });
      // neither UTF-8 nor GBK (GBK text itself is read: test/hosts/word/narrative-file.test.ts)
      const odd = path.join(workDir, 'odd.txt');
      writeFileSync(odd, Buffer.from([0x41, 0xff, 0x41, 0xfe]));
      await input.setInputFiles(odd);
      const bar = page.getByRole('group', { name: '无法核对情况说明' });
      await bar.waitFor();
      expect(await bar.innerText()).toContain('情况说明“odd.txt”既不是 UTF-8 也不是 GBK 文本');
      expect(await bar.innerText()).not.toContain('/ Narrative');
      expect(await page.getByRole('region', { name: '情况说明核对结果' }).count()).toBe(0);

      const broken = path.join(workDir, 'broken.docx');
      writeFileSync(broken, 'not a zip archive');
      await input.setInputFiles(broken);
      await bar.getByText('无法读取“broken.docx”：不是有效的 .docx 文档。').waitFor();

      // Still working: the draft is there and a good file checks again.
      expect(await page.getByRole('article', { name: '情况说明草稿' }).count()).toBe(1);
      await input.setInputFiles(path.join(FIXTURES, QINGKUANG));
      await page.getByRole('region', { name: '情况说明核对结果' }).waitFor();
    });
  });

  test('made no request off 127.0.0.1 (the CDN was refused), none with a body, and threw no page errors', () => {
    const { log, routed } = pane!.requests;
    expect(log.length).toBeGreaterThan(0);
    // the page did ask for office.js first, and was refused (a plain browser without internet)
    expect([...routed]).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
    expect(offMachine(log, routed)).toEqual([]);
    // no request carried anything: every one a GET without a body (the workbooks never left the page)
    expect(log.filter((r) => r.method !== 'GET' || r.body)).toEqual([]);
    expect(pane!.pageErrors).toEqual([]);
  });
});
