/**
 * The pane in Word (the Word double in Debian's chromium, answering the page's office.js): the 决算
 * workbook opened from a local file, the 情况说明 drafted and inserted at the cursor with each number
 * in a content control carrying its cells, 刷新数字 after a number was overtyped, and 复制全文 as
 * formatted text.
 */
import * as path from 'path';
import type { Page } from 'playwright-core';
import type { WordDouble } from '../double/word';
import { FIXTURES } from '../helpers/fixtures';
import { buildDouble, buildPane, offMachine, openPane, requireChromium, screenshotPath, screenshotStates, type PaneSession } from './harness';

jest.setTimeout(300_000);

const GONGKAI = 'jiangan-2024-gongkai.xlsx';
type WordWindow = Window & { wordDouble: WordDouble };

describe('task pane inside Word (the Word double in chromium)', () => {
  let pane: PaneSession | undefined;
  let page: Page;

  beforeAll(async () => {
    requireChromium();
    const [dir, double] = await Promise.all([buildPane(), buildDouble('word')]);
    pane = await openPane(dir, { office: { script: path.join(double, 'office.js') }, viewport: { width: 320, height: 900 }, clipboard: true });
    page = pane.page;
  });

  afterAll(async () => {
    await pane?.close();
  });

  test('opens the workbook from a file, drafts, inserts at the cursor, refreshes an overtyped number, copies the whole text', async () => {
    await page.getByText('在 Word 中', { exact: false }).waitFor({ timeout: 60_000 });
    await page.getByLabel('选择本地工作簿', { exact: true }).setInputFiles(path.join(FIXTURES, GONGKAI));
    // in Word the 情况说明 tab comes first
    await page.getByRole('button', { name: '生成草稿' }).click({ timeout: 60_000 });
    await page.getByRole('article', { name: '情况说明草稿' }).waitFor();
    await page.getByRole('button', { name: '插入到光标处' }).click();
    await page.getByText(/^已插入 \d+ 段。$/).waitFor({ timeout: 30_000 });
    const controls = await page.evaluate(() => (window as unknown as WordWindow).wordDouble.contentControls());
    expect(controls.length).toBeGreaterThan(5);
    expect(controls.every((c) => c.tag.startsWith('gkl:'))).toBe(true);
    const paragraphs = await page.evaluate(() => (window as unknown as WordWindow).wordDouble.paragraphs().map((p) => p.text));
    expect(paragraphs.some((p) => p.includes('收入合计22899.22万元'))).toBe(true);
    await screenshotStates(page, 'word-inserted');

    // a number overtyped in the document comes back with 刷新数字, and the pane lists it
    const before = controls[0].text;
    await page.evaluate(() => (window as unknown as WordWindow).wordDouble.user.typeInControl(0, '999.99'));
    await page.getByRole('button', { name: '刷新数字' }).click();
    const list = page.getByRole('list', { name: '刷新的数字' });
    await list.waitFor({ timeout: 30_000 });
    expect(await list.innerText()).toContain(`999.99 → ${before}`);
    expect((await page.evaluate(() => (window as unknown as WordWindow).wordDouble.contentControls()))[0].text).toBe(before);

    // 复制全文: formatted text and plain text on the clipboard
    await page.getByRole('button', { name: '复制全文' }).click();
    await page.getByText('已复制全文', { exact: false }).waitFor();
    const copied = await page.evaluate(async () => {
      const items = await navigator.clipboard.read();
      const html = await (await items[0].getType('text/html')).text();
      const text = await navigator.clipboard.readText();
      return { html, text };
    });
    expect(copied.text).toContain('收入合计22899.22万元');
    expect(copied.html).toContain('<p style=');
    await page.screenshot({ path: screenshotPath('word-refreshed-320.png') });
  });

  test('nothing left the machine and no page errors', () => {
    expect(offMachine(pane!.requests.log, pane!.requests.routed)).toEqual([]);
    expect(pane!.pageErrors).toEqual([]);
  });
});
