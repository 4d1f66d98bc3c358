/**
 * `taskpane`: what the task pane loads (issue 17), measured as a person meets it — the production
 * build (the e2e harness's, rebuilt only when the sources changed) served from 127.0.0.1 and opened
 * in Debian's chromium through playwright-core, summing the gzip sizes (level 9) of the pane's own
 * scripts the page actually requested:
 *
 * - firstLoadGzipKB: before a workbook is checked — the shell and the findings view (a plain
 *   browser, the page settled with nothing opened);
 * - fileModeGzipKB: everything by the time the findings of samples/jiangan-2024-gongkai.xlsx show in
 *   plain-browser mode, with their review controls (a local file: the .xlsx reader is loaded);
 * - excelModeGzipKB: the same inside Excel (the Excel double answering office.js, whose own script
 *   is not counted): 检查当前工作簿 to the findings;
 * - excelLoadsXlsxReader / firstLoadHasDocx: whether the .xlsx reader was loaded inside Excel, and
 *   the .docx writer before any export (both must be false).
 *
 * Run alone with `node -r ts-node/register/transpile-only bench/taskpane.ts`.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';
import type { Page } from 'playwright-core';
import { buildDouble, buildPane, DOCX_WRITER, openPane, requestedScripts, scriptsHolding, XLSX_READER, type PaneSession } from '../test/e2e/harness';

const ROOT = path.resolve(__dirname, '..');
const SAMPLE = 'jiangan-2024-gongkai.xlsx';

export interface TaskpaneBench {
  firstLoadGzipKB: number;
  fileModeGzipKB: number;
  excelModeGzipKB: number;
  excelLoadsXlsxReader: boolean;
  firstLoadHasDocx: boolean;
}

/** The figures and the scripts behind each, by file name. */
export type TaskpaneMeasure = TaskpaneBench & { scripts: { firstLoad: string[]; fileMode: string[]; excelMode: string[] } };

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

function gzipKB(dir: string, files: readonly string[]): number {
  return kb(files.reduce((n, f) => n + gzipSync(readFileSync(path.join(dir, f)), { level: 9 }).length, 0));
}

/** Waits for `visible`, then until the page has made no request for a while (lazy chunks included). */
async function settle(page: Page, visible: () => Promise<void>): Promise<void> {
  await visible();
  await page.waitForLoadState('networkidle', { timeout: 120_000 });
}

/** The findings shown in full: the list, and on its cards the review's 处理 buttons (the menu's own chunk loads only when one is reached, so it is not counted). */
async function findingsShown(page: Page): Promise<void> {
  await page.getByRole('region', { name: '问题列表' }).waitFor({ timeout: 120_000 });
  await page.getByRole('button', { name: /^处理：/ }).first().waitFor({ timeout: 120_000 });
}

export async function measureTaskpane(): Promise<TaskpaneMeasure> {
  const [dir, double] = await Promise.all([buildPane(), buildDouble()]);
  let pane: PaneSession | undefined;
  try {
    pane = await openPane(dir, { office: 'block', viewport: { width: 420, height: 900 } });
    const { page, requests, baseUrl } = pane;
    await settle(page, () => page.getByRole('button', { name: '打开本地工作簿（.xlsx）' }).waitFor({ timeout: 120_000 }));
    const firstLoad = requestedScripts(requests.log, baseUrl);
    await page.getByLabel('选择本地工作簿', { exact: true }).setInputFiles(path.join(ROOT, 'samples', SAMPLE));
    await settle(page, () => findingsShown(page));
    const fileMode = requestedScripts(requests.log, baseUrl);
    await pane.close();

    pane = await openPane(dir, {
      office: { script: path.join(double, 'office.js'), excel: { fixture: `/__fixtures/${SAMPLE}`, name: SAMPLE } },
      fixtures: path.join(ROOT, 'samples'),
      viewport: { width: 420, height: 900 },
    });
    const excel = pane;
    await excel.page.getByRole('button', { name: '检查当前工作簿' }).click({ timeout: 120_000 });
    await settle(excel.page, () => findingsShown(excel.page));
    const excelMode = requestedScripts(excel.requests.log, excel.baseUrl);
    return {
      firstLoadGzipKB: gzipKB(dir, firstLoad),
      fileModeGzipKB: gzipKB(dir, fileMode),
      excelModeGzipKB: gzipKB(dir, excelMode),
      excelLoadsXlsxReader: scriptsHolding(dir, excelMode, XLSX_READER).length > 0,
      firstLoadHasDocx: scriptsHolding(dir, firstLoad, DOCX_WRITER).length > 0,
      scripts: { firstLoad, fileMode, excelMode },
    };
  } finally {
    await pane?.close();
  }
}

/** The figures for `npm run bench` (the scripts left out). */
export async function benchTaskpane(): Promise<TaskpaneBench> {
  const { scripts: _scripts, ...figures } = await measureTaskpane();
  return figures;
}

if (require.main === module) {
  measureTaskpane().then(
    (r) => process.stdout.write(JSON.stringify(r, null, 1) + '\n'),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
