/**
 * The built pane inside "Excel": the production bundle in Debian's chromium, with the page's
 * office.js (asked of Microsoft's CDN, as always) answered by the Excel double bundled for the
 * browser (test/double/excel/browser.ts), loaded with a real fixture. Office.onReady() names the
 * host Excel, and the pane talks to the double exactly as it would to Excel: ExcelHost.connect,
 * LiveCheck, marks, select, selection events, fills.
 *
 * The test drives the double as a user would Excel (`excelDouble.user.edit`, `user.select`) and
 * reads its state (`state.selection`, `cell`, `displayed`).
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { countFindings, type Finding } from '../../src/core/findings';
import { analyzeBytes } from '../../src/taskpane/engine';
import type { ExcelDouble } from '../double/excel';
import type { BrowserDoubleConfig } from '../double/excel/browser';
import { FIXTURES } from '../helpers/fixtures';
import { buildDouble, buildPane, loadedHolding, offMachine, openPane, requireChromium, screenshotPath, screenshotStates, XLSX_READER, type PaneSession } from './harness';

jest.setTimeout(240_000);

const GONGKAI = 'jiangan-2024-gongkai.xlsx';
/** The published error of the 江岸 sample: 公开02表 2210201 住房公积金 103.27 ≠ 99.54 + 3.70. */
const C29_ID = 'LEDGER.row-sum|GK02|科目.2210201|合计';

type DoubleWindow = Window & { excelDouble: ExcelDouble; excelDoubleError?: string };

/** Asks `read` again until its answer equals `want` (jest's toEqual), or fails with the last answer after `timeout` ms. */
async function until<T>(read: () => Promise<T>, want: unknown, timeout = 30_000): Promise<void> {
  const start = Date.now();
  let last: T;
  for (;;) {
    last = await read();
    try {
      expect(last).toEqual(want);
      return;
    } catch (e) {
      if (Date.now() - start > timeout) throw e;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('task pane inside Excel (the Excel double in chromium)', () => {
  let pane: PaneSession | undefined;
  let page: Page;
  let expected: Finding[] = [];

  beforeAll(async () => {
    requireChromium();
    const [dir, double] = await Promise.all([buildPane(), buildDouble()]);
    const excel: BrowserDoubleConfig = { fixture: `/__fixtures/${GONGKAI}`, name: GONGKAI, options: { latencyMs: 20 } };
    pane = await openPane(dir, { office: { script: path.join(double, 'office.js'), excel }, fixtures: FIXTURES, viewport: { width: 320, height: 900 }, consoleErrors: true });
    page = pane.page;
    expected = (await analyzeBytes(new Uint8Array(readFileSync(path.join(FIXTURES, GONGKAI))), GONGKAI)).findings;
  });

  afterAll(async () => {
    await pane?.close();
  });

  const double = <T>(f: (d: ExcelDouble) => T): Promise<T> =>
    page.evaluate<T>(`(${f.toString()})(window.excelDouble)`);
  const card = (id: string, scope: Locator | Page = page) => scope.locator(`li[data-ids~="${id}"], li[data-id="${id}"]:not([data-fixed])`);
  const list = () => page.getByRole('region', { name: '问题列表' });

  test('"检查当前工作簿" is the first action: no file picker; the workbook is checked and marked', async () => {
    const check = page.getByRole('button', { name: '检查当前工作簿' });
    await check.waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => (window as unknown as DoubleWindow).excelDoubleError ?? null)).toBeNull();
    expect(await page.getByLabel('选择本地工作簿').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('excel-start-320.png') });

    await check.click();
    await list().waitFor({ timeout: 60_000 });
    // the same findings as the core finds in the file, as many of each kind (尾差 apart from the other warnings)
    const counts = countFindings(expected.filter((f) => f.source !== 'narrative'));
    expect(counts.error).toBeGreaterThan(0);
    const badges = page.getByLabel('问题统计');
    for (const [kind, label] of [['error', '错误'], ['warning', '警告'], ['rounding', '尾差'], ['info', '提示']] as const) {
      await badges.getByText(`${label} ${counts[kind]}`, { exact: true }).waitFor();
    }
    expect(await card(C29_ID, list()).count()).toBe(1);
    await page.getByText('问题已标注在单元格上', { exact: false }).waitFor();
    // the mark: a glyph before the number, and the hidden list of the marks
    expect((await double((d) => d.displayed('公开02表', 'C29').numberFormat)).startsWith('"✖"')).toBe(true);
    expect(await double((d) => d.sheetNames({ includeHidden: true }))).toEqual(expect.arrayContaining(['GKL_MARKS', '审核标注']));
    await page.getByRole('button', { name: '重新检查' }).waitFor();
    await screenshotStates(page, 'excel-findings');
  });

  test('clicking a finding selects its cells; Enter on a focused card does too', async () => {
    await card(C29_ID, list()).click();
    await until(() => double((d) => d.state.selection && { sheet: d.state.selection.sheet.name, areas: d.state.selection.areas }), {
      sheet: '公开02表',
      // C29, D29, I29: rows and columns 0-based
      areas: [
        { top: 28, left: 2, bottom: 28, right: 2 },
        { top: 28, left: 3, bottom: 28, right: 3 },
        { top: 28, left: 8, bottom: 28, right: 8 },
      ],
    });
    expect(await double((d) => d.state.activeSheet?.name)).toBe('公开02表');

    // somewhere else first, then back by keyboard
    await page.evaluate(() => (window as unknown as DoubleWindow).excelDouble.user.select('公开01表', 'A1'));
    await card(C29_ID, list()).focus();
    await page.keyboard.press('Enter');
    await until(() => double((d) => d.state.selection?.sheet.name), '公开02表');
  });

  test('selecting a marked cell in Excel brings its findings to the top of the pane', async () => {
    await page.evaluate(() => (window as unknown as DoubleWindow).excelDouble.user.select('公开02表', 'C29'));
    const top = page.getByRole('region', { name: '所选单元格的问题' });
    await top.waitFor();
    expect(await top.getByRole('heading').innerText()).toContain('公开02表!C29');
    expect(await card(C29_ID, top).count()).toBe(1);
    // above the list
    expect(await top.evaluate((el, other) => Boolean(el.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_FOLLOWING), await list().elementHandle())).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath('excel-selected-320.png') });
    await page.setViewportSize({ width: 500, height: 900 });
    await page.screenshot({ path: screenshotPath('excel-selected-500.png') });
    await page.setViewportSize({ width: 320, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  test('an edit in Excel fixes the finding: it leaves the list, shows as 已修正 for a moment, and its mark goes', async () => {
    await page.evaluate(() => (window as unknown as DoubleWindow).excelDouble.user.edit('公开02表', 'C29', 103.24));
    const fixed = page.locator(`li[data-id="${C29_ID}"][data-fixed]`);
    await fixed.waitFor({ timeout: 30_000 });
    expect(await fixed.innerText()).toContain('已修正');
    expect(await card(C29_ID, list()).count()).toBe(0);
    expect((await double((d) => d.displayed('公开02表', 'C29').numberFormat)).includes('✖')).toBe(false);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath('excel-fixed-320.png') });
    // … and is gone again after a few seconds
    await fixed.waitFor({ state: 'detached', timeout: 15_000 });
  });

  test('清除标注 removes every mark; 重新标注 puts them back', async () => {
    await page.getByRole('button', { name: '清除标注' }).click();
    await page.getByRole('button', { name: '重新标注' }).waitFor({ timeout: 30_000 });
    expect(await double((d) => d.sheetNames({ includeHidden: true }))).not.toEqual(expect.arrayContaining(['GKL_MARKS']));
    await page.getByRole('button', { name: '重新标注' }).click();
    await page.getByRole('button', { name: '清除标注' }).waitFor({ timeout: 30_000 });
    expect(await double((d) => d.sheetNames({ includeHidden: true }))).toEqual(expect.arrayContaining(['GKL_MARKS']));
  });

  test('填写: a blanked total is planned as a formula, a conflict shows both values; written in one request and read back', async () => {
    await page.evaluate(() => (window as unknown as DoubleWindow).excelDouble.user.edit('公开03表', 'D7', null));
    // the live re-check has seen the blank (a 合计 now broken at D7) before the plan is made
    await page.locator('li[data-id][data-rule]').filter({ hasText: '公开03表!D7' }).first().waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: '填写' }).click();
    const panel = page.getByRole('region', { name: '填写' });
    await panel.waitFor({ timeout: 60_000 });
    const d7 = panel.locator('li[data-cell="公开03表!D7"]');
    await d7.waitFor();
    expect(await d7.getAttribute('data-status')).toBe('empty');
    expect(await d7.innerText()).toContain('=SUM(D8:D32) → 1494.57');
    expect(await d7.getByRole('checkbox').isChecked()).toBe(true);
    // the conflict: what the cell holds beside what the plan computes, not chosen
    const c7 = panel.locator('li[data-cell="公开03表!C7"]');
    expect(await c7.getAttribute('data-status')).toBe('conflict');
    expect(await c7.locator('[data-side="current"]').innerText()).toBe('22899.22');
    expect(await c7.locator('[data-side="computed"]').innerText()).toBe('=SUM(C8:C32) → 22899.24');
    expect(await c7.getByRole('checkbox').isChecked()).toBe(false);
    await screenshotStates(page, 'excel-fill', { at: panel });

    // choose none, then D7 alone
    await panel.getByRole('button', { name: '全不选' }).click();
    await d7.getByRole('checkbox').check();
    const syncs = await double((d) => d.syncCount);
    await panel.getByRole('button', { name: '写入所选（1 处）' }).click();
    await panel.getByText('已写入 1 个单元格（公式）', { exact: false }).waitFor({ timeout: 30_000 });
    expect(await double((d) => d.cell('公开03表', 'D7'))).toMatchObject({ formula: '=SUM(D8:D32)', value: 1494.57 });
    // the write was one request; the re-check after it a read and (marks unchanged) no write
    const after = await double((d) => d.syncs.slice(0));
    expect(after.length - syncs).toBeGreaterThanOrEqual(2);
    expect(after.length - syncs).toBeLessThanOrEqual(3);
    // the re-check sees the formula: D7 is now already right
    await until(() => panel.locator('li[data-cell="公开03表!D7"]').getAttribute('data-status'), 'same-formula');
    await screenshotStates(page, 'excel-fill-written', { at: panel });
  });

  test('nothing left the machine: office.js answered by the test, every other request to 127.0.0.1, none with a body; no page errors', () => {
    const { log, routed } = pane!.requests;
    expect([...routed]).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
    expect(offMachine(log, routed)).toEqual([]);
    expect(log.filter((r) => r.method !== 'GET' || r.body)).toEqual([]);
    // the workbook was read through Office.js: the .xlsx reader was never loaded
    expect(loadedHolding(pane!, XLSX_READER)).toEqual([]);
    // no request names anything of the workbook
    for (const r of log) for (const word of ['公开02表', encodeURIComponent('公开02表'), '103.27', '住房公积金']) expect(r.url).not.toContain(word);
    expect(pane!.pageErrors).toEqual([]);
  });
});
