/**
 * The Excel double in a browser page, for the pane's end-to-end tests (test/e2e/excel.e2e.test.ts
 * bundles this file with webpack and serves it where the page loads office.js from).
 *
 * Before the page loads, the test sets `window.__GKL_DOUBLE__` to the fixture's URL and name (and the
 * double's options). This script then puts a stand-in `Office` on the window at once, whose
 * `onReady()` waits until the fixture is loaded into an ExcelDouble and the double's `Excel`,
 * `Office` and `OfficeExtension` are installed, and then resolves as the double's does (host
 * Excel). The double is left on `window.excelDouble` for the test to drive (user.edit, state, cell).
 * Nothing of the double's behaviour is changed here.
 */
import { ExcelDouble, type ExcelDoubleOptions } from './index';

export interface BrowserDoubleConfig {
  /** The fixture's URL (served by the test) and its file name. */
  fixture: string;
  name: string;
  options?: ExcelDoubleOptions;
}

interface DoubleWindow {
  __GKL_DOUBLE__?: BrowserDoubleConfig;
  excelDouble?: ExcelDouble;
  excelDoubleError?: string;
  Office?: unknown;
}

const win = window as unknown as DoubleWindow & Record<string, unknown>;
const config = win.__GKL_DOUBLE__;

async function load(c: BrowserDoubleConfig): Promise<ExcelDouble> {
  const response = await fetch(c.fixture);
  if (!response.ok) throw new Error(`fixture ${c.fixture}: HTTP ${response.status}`);
  const double = await ExcelDouble.fromXlsx(new Uint8Array(await response.arrayBuffer()), c.name, c.options);
  double.install(win);
  win.excelDouble = double;
  return double;
}

if (config) {
  const ready = load(config).catch((e: unknown) => {
    win.excelDoubleError = e instanceof Error ? e.message : String(e);
    throw e;
  });
  win.Office = { onReady: () => ready.then((d) => d.Office.onReady()) };
}
