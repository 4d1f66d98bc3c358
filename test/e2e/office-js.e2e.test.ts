/**
 * office.js as the pane loads it, in Debian's chromium outside Office (a plain browser, as a WPS user
 * opens the pane): the real office.js of @microsoft/office-js, once answered in place of Microsoft's
 * CDN and once served by the add-in itself (the OFFICE_JS=local build for intranets). Office.onReady
 * names no host, so the pane offers the local file; office.js's own telemetry frame (which it
 * loads three seconds after it starts outside Office) is not loaded, and no request leaves 127.0.0.1.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import type { Server } from 'http';
import * as os from 'os';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { FIXTURES } from '../helpers/fixtures';
import { baseUrlOf, buildPane, closeServer, launch, logRequests, offMachine, OFFICE_JS_CDN, requireChromium, routeOfficeJs, serve, type Logged } from './harness';

jest.setTimeout(300_000);

/** office.js loads its telemetry frame 3 s after it starts outside Office: wait past that. */
const TELEMETRY_DELAY_MS = 4500;

async function openPane(dir: string, answer: 'block' | 'local'): Promise<{ server: Server; context: BrowserContext; page: Page; log: Logged[]; routed: Set<string>; errors: string[]; profile: string }> {
  const server = await serve(dir);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'gongkai-e2e-officejs-'));
  const context = await launch(profile);
  const { log, routed } = logRequests(context);
  await routeOfficeJs(context, routed, answer);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(`${baseUrlOf(server)}/taskpane.html`, { waitUntil: 'load' });
  return { server, context, page, log, routed, errors, profile };
}

async function expectPlainBrowser(page: Page): Promise<void> {
  await page.getByText('当前未在 Excel 中运行', { exact: false }).waitFor({ timeout: 30_000 });
  expect(await page.evaluate(() => typeof (globalThis as { Office?: unknown }).Office)).toBe('object');
  // the pane works: a workbook opens and is checked
  await page.getByLabel('选择本地工作簿', { exact: true }).setInputFiles(path.join(FIXTURES, 'jiangan-2024-gongkai.xlsx'));
  await page.getByText('已识别的表格（9）').waitFor({ timeout: 60_000 });
  await page.waitForTimeout(TELEMETRY_DELAY_MS);
  expect(await page.locator('iframe').count()).toBe(0);
}

describe('office.js outside Office', () => {
  beforeAll(() => {
    requireChromium();
  });

  test('from the CDN (answered with the package\'s copy): host null, the local-file pane, no telemetry frame, nothing off the machine', async () => {
    const { server, context, page, log, routed, errors, profile } = await openPane(await buildPane('cdn'), 'local');
    try {
      await expectPlainBrowser(page);
      expect([...routed]).toContain(OFFICE_JS_CDN);
      expect(offMachine(log, routed)).toEqual([]);
      expect(log.filter((r) => r.method !== 'GET' || r.body)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await closeServer(server);
      rmSync(profile, { recursive: true, force: true });
    }
  });

  test('OFFICE_JS=local: taskpane.html loads office-js/office.js from its own origin, and never asks the CDN', async () => {
    const dir = await buildPane('local');
    const html = readFileSync(path.join(dir, 'taskpane.html'), 'utf8');
    expect(html).toMatch(/<script src="?office-js\/office\.js"?><\/script>/);
    expect(html).not.toContain('appsforoffice.microsoft.com');
    // the whole folder office.js loads from, without the debug copies
    for (const file of ['office.js', 'o15apptofilemappingtable.js', 'excel-web-16.00.js', 'word-win32-16.01.js', 'zh-cn/office_strings.js']) expect(existsSync(path.join(dir, 'office-js', file))).toBe(true);
    expect(existsSync(path.join(dir, 'office-js', 'office.debug.js'))).toBe(false);
    // office.js comes before the pane's own scripts
    expect(html.indexOf('office-js/office.js')).toBeLessThan(html.indexOf('taskpane.'));

    const { server, context, page, log, routed, errors, profile } = await openPane(dir, 'block');
    try {
      await expectPlainBrowser(page);
      expect([...routed]).toEqual([]);
      expect(log.some((r) => r.url.endsWith('/office-js/office.js'))).toBe(true);
      expect(offMachine(log, routed)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await closeServer(server);
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
