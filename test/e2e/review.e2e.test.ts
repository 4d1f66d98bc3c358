/**
 * The review in the built pane (issue 15), in Debian's chromium: inside the Excel double, a
 * keyboard-only walk from opening the pane to a jumped-to cell and a 已说明 status kept in the
 * workbook; the sign-off refused while errors are 待处理, saying which; the dark theme at 320 and
 * 500 px. In a plain browser (a local file): the findings report (审核意见) downloaded and read back,
 * and the marked copy (在表中标出) downloaded under a new name.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { parseReview } from '../../src/core/review';
import { loadXlsx } from '../../src/hosts/xlsx/load';
import { analyzeBytes } from '../../src/taskpane/engine';
import type { ExcelDouble } from '../double/excel';
import type { BrowserDoubleConfig } from '../double/excel/browser';
import { FIXTURES } from '../helpers/fixtures';
import { buildDouble, buildPane, offMachine, openPane, requireChromium, screenshotPath, screenshotStates, type PaneSession } from './harness';

jest.setTimeout(300_000);

const GONGKAI = 'jiangan-2024-gongkai.xlsx';
const C29_ID = 'LEDGER.row-sum|GK02|科目.2210201|合计';

type DoubleWindow = Window & { excelDouble: ExcelDouble };

/** Presses Tab until the focused element matches `accept`, at most `max` times; returns how many presses. */
async function tabTo(page: Page, accept: (el: { tag: string; text: string; label: string | null; roving: boolean; sheetHead: boolean }) => boolean, max = 60): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return { tag: a?.tagName ?? '', text: (a?.innerText ?? '').slice(0, 200), label: a?.getAttribute('aria-label') ?? null, roving: a?.hasAttribute('data-roving') ?? false, sheetHead: a?.hasAttribute('data-sheet-head') ?? false };
    });
    if (accept(el)) return i;
  }
  throw new Error('not reached by Tab');
}

const focused = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute('data-ids') ?? (document.activeElement as HTMLElement | null)?.getAttribute('data-sheet-head') ?? document.activeElement?.tagName ?? '');

describe('the review inside Excel (the Excel double in chromium)', () => {
  let pane: PaneSession | undefined;
  let page: Page;

  beforeAll(async () => {
    requireChromium();
    const [dir, double] = await Promise.all([buildPane(), buildDouble()]);
    const excel: BrowserDoubleConfig = { fixture: `/__fixtures/${GONGKAI}`, name: GONGKAI };
    pane = await openPane(dir, { office: { script: path.join(double, 'office.js'), excel }, fixtures: FIXTURES, viewport: { width: 320, height: 900 }, colorScheme: 'dark' });
    page = pane.page;
  });

  afterAll(async () => {
    await pane?.close();
  });

  test('keyboard only: open, check, reach the 住房公积金 card, Enter jumps to C29, explain it: 已说明, kept in the workbook', async () => {
    await page.getByRole('button', { name: '检查当前工作簿' }).waitFor({ timeout: 60_000 });
    // the dark theme follows the system here (the double's Office gives no theme)
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');

    await tabTo(page, (el) => el.text === '检查当前工作簿');
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: '问题列表' }).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: screenshotPath('excel-dark-checked-320.png') });

    // the level filter is one tab stop (the chosen filter, 全部): the arrows move between its buttons, Space and Enter choose …
    const toFilter = await tabTo(page, (el) => el.text === '全部');
    const filter = page.getByRole('toolbar', { name: '按级别筛选' });
    const activeText = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? '');
    const pressed = (name: string) => filter.getByRole('button', { name, exact: true }).getAttribute('aria-pressed');
    await page.keyboard.press('ArrowRight');
    expect(await activeText()).toBe('错误');
    await page.keyboard.press('End');
    expect(await activeText()).toBe('提示');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press(' ');
    expect(await pressed('错误')).toBe('true');
    expect(await pressed('全部')).toBe('false');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    expect(await pressed('全部')).toBe('true');
    expect(await activeText()).toBe('全部');
    // … the sheet index is the next tab stop (its arrows are left and right) …
    const toIndex = toFilter + (await tabTo(page, (el) => el.roving && !el.sheetHead && el.tag === 'BUTTON' && el.text.startsWith('公开'), 1));
    // … and the list is one more: its first item (the first sheet's head) takes the focus on the next Tab …
    expect(await tabTo(page, (el) => el.roving && el.sheetHead, 1)).toBe(1);
    expect(toIndex).toBeLessThan(20);
    // … and the arrows walk the list to the card of 公开02表!C29
    let steps = 0;
    while (!(await focused(page)).split(' ').includes(C29_ID)) {
      await page.keyboard.press('ArrowDown');
      if (++steps > 40) throw new Error(`the card was not reached; at ${await focused(page)}`);
    }
    await page.keyboard.press('Enter');
    const selection = () => page.evaluate(() => {
      const d = (window as unknown as DoubleWindow).excelDouble;
      return d.state.selection ? { sheet: d.state.selection.sheet.name, first: d.state.selection.areas[0] } : null;
    });
    for (let i = 0; i < 100 && (await selection())?.sheet !== '公开02表'; i++) await page.waitForTimeout(100);
    expect(await selection()).toEqual({ sheet: '公开02表', first: { top: 28, left: 2, bottom: 28, right: 2 } });

    // one more Tab: the card's 处理 button; its menu by keyboard; the explanation typed and confirmed
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('处理');
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: '说明…' }).waitFor();
    await page.keyboard.press('Enter');
    // no name yet: the form asks for it first, and has the focus
    await page.keyboard.type('王会计');
    await page.keyboard.press('Tab');
    await page.keyboard.type('上年结转资金计入其他收入，口径与财政拨款不同。');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('确定说明');
    await page.keyboard.press('Enter');

    const card = page.locator(`li[data-ids~="${C29_ID}"]`);
    for (let i = 0; i < 100 && (await card.getAttribute('data-status')) !== 'explained'; i++) await page.waitForTimeout(100);
    expect(await card.getAttribute('data-status')).toBe('explained');
    expect(await card.innerText()).toContain('说明：上年结转资金计入其他收入，口径与财政拨款不同。');
    // the focus is back on the card
    expect((await focused(page)).split(' ')).toContain(C29_ID);

    // kept in the workbook: the review's custom XML part, every finding of the card explained by 王会计
    const parts = await page.evaluate(() => (window as unknown as DoubleWindow).excelDouble.customXmlParts().map((p) => p.xml));
    const review = parts.find((x) => x.includes('urn:gongkai-lens:review:1'));
    expect(review).toBeDefined();
    const state = parseReview(review!);
    const explained = [...state.records.values()].filter((r) => r.events.some((e) => e.status === 'explained' && e.by === '王会计'));
    expect(explained.map((r) => r.id)).toContain(C29_ID);
    await screenshotStates(page, 'review-explained', { at: card });
  });

  test('the sign-off is refused while errors are 待处理, and says which; the summary counts by status and kind', async () => {
    await page.getByRole('tab', { name: '审核' }).click();
    const summary = page.getByRole('region', { name: '审核汇总' });
    await summary.waitFor({ timeout: 30_000 });
    // the 住房公积金 card explained two errors (its two identities)
    expect(Number(await summary.locator('[data-count="error:explained"]').innerText())).toBeGreaterThanOrEqual(1);
    const panel = page.getByRole('region', { name: '签署' });
    await page.getByRole('radio', { name: '审核人' }).check();
    await panel.getByRole('button', { name: '签署审核' }).click();
    const expected = (await analyzeBytes(new Uint8Array(readFileSync(path.join(FIXTURES, GONGKAI))), GONGKAI)).findings;
    const stillOpen = expected.filter((f) => f.severity === 'error' && !f.rounding && !(f.likely?.sheet === '公开02表' && f.likely.address === 'C29'));
    const refusal = panel.locator('#signoff-refusal');
    if (stillOpen.length) {
      expect(await refusal.innerText()).toContain('不能签署');
      expect(await page.getByRole('group', { name: '未能完成' }).innerText()).toContain('不能签署');
    } else {
      await page.getByText('已签署。').waitFor();
    }
    await screenshotStates(page, 'review-signoff', { at: panel });
    await screenshotStates(page, 'review-summary', { at: summary });
    await page.screenshot({ path: screenshotPath('review-dark-320-full.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  test('nothing left the machine and no page errors', () => {
    const { log, routed } = pane!.requests;
    expect(offMachine(log, routed)).toEqual([]);
    expect(log.filter((r) => r.method !== 'GET' || r.body)).toEqual([]);
    expect(pane!.pageErrors).toEqual([]);
  });
});

describe('the review of a local file (plain browser)', () => {
  let pane: PaneSession | undefined;
  let page: Page;
  let profileDir = '';

  beforeAll(async () => {
    requireChromium();
    pane = await openPane(await buildPane(), { office: 'block', viewport: { width: 500, height: 900 } });
    ({ page, profileDir } = pane);
    await page.getByLabel('选择本地工作簿', { exact: true }).setInputFiles(path.join(FIXTURES, GONGKAI));
    await page.getByText(GONGKAI, { exact: true }).waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: '审核' }).click();
    await page.getByRole('region', { name: '审核汇总' }).waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    await pane?.close();
  });

  test('导出审核意见: an .xlsx and an HTML page whose rows are the findings', async () => {
    const expected = (await analyzeBytes(new Uint8Array(readFileSync(path.join(FIXTURES, GONGKAI))), GONGKAI)).findings;
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Excel 表' }).click()]);
    expect(xlsx.suggestedFilename()).toBe('jiangan-2024-gongkai-审核意见.xlsx');
    const file = path.join(profileDir, 'report.xlsx');
    await xlsx.saveAs(file);
    const book = await loadXlsx(new Uint8Array(readFileSync(file)), 'report.xlsx');
    const text = book.sheets.map((g) => Array.from({ length: g.rowCount }, (_, r) => Array.from({ length: g.colCount }, (_, c) => g.text(r, c)).join('\t')).join('\n')).join('\n');
    const c29 = expected.find((f) => f.id === C29_ID)!;
    expect(text).toContain(c29.message);
    const [html] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '网页' }).click()]);
    const htmlFile = path.join(profileDir, 'report.html');
    await html.saveAs(htmlFile);
    expect(readFileSync(htmlFile, 'utf8')).toContain('住房公积金');
  });

  test('在表中标出: a marked copy under a new name, the original untouched', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '在表中标出（下载副本）' }).click()]);
    expect(download.suggestedFilename()).toBe('jiangan-2024-gongkai-已标注.xlsx');
    const file = path.join(profileDir, 'marked.xlsx');
    await download.saveAs(file);
    const raw = readFileSync(file);
    expect(raw.equals(readFileSync(path.join(FIXTURES, GONGKAI)))).toBe(false);
    // the marks' registry and list are in the copy (as the Excel host writes them)
    const workbook = strFromU8(unzipSync(new Uint8Array(raw), { filter: (f) => f.name === 'xl/workbook.xml' })['xl/workbook.xml']);
    expect(workbook).toContain('GKL_MARKS');
    await screenshotStates(page, 'browser-review');
  });

  test('nothing left the machine', () => {
    const { log, routed } = pane!.requests;
    expect(offMachine(log, routed)).toEqual([]);
    expect(log.filter((r) => r.method !== 'GET' || r.body)).toEqual([]);
  });
});
