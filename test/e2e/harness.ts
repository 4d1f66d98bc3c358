/**
 * What the pane's end-to-end tests share: Debian's chromium found on PATH (never a downloaded
 * browser), one production build of the pane per source state (shared by the test files that run in
 * parallel: the first builds under a lock, the others wait for it), the Excel double bundled for the
 * browser, a read-only HTTP server on 127.0.0.1, and a log of every request the page makes.
 */
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { accessSync, constants, createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext, type Locator, type Page, type Request } from 'playwright-core';
import type { BrowserDoubleConfig } from '../double/excel/browser';

export const ROOT = path.resolve(__dirname, '../..');
export const HOST = '127.0.0.1';
/** Where the pane's page loads office.js from by default (webpack.config.js). */
export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** The test artifacts: screenshots of every state of the pane, to be looked at (git-ignored). */
export const SCREENSHOTS = path.join(ROOT, 'test-artifacts', 'screenshots');
const BUILDS = path.join(ROOT, '.tmp', 'e2e-build');

/** The chromium executable found on PATH at run time, or null. */
export function findChromium(): string | null {
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

export function requireChromium(): string {
  const found = findChromium();
  if (!found) throw new Error("chromium is not on PATH: the end-to-end tests need Debian's chromium. Run `apt-get install -y chromium` (as root) and try again.");
  return found;
}

/** Every file under `dirs` (and the single `files`), hashed with its path: the state a build depends on. */
function sourceKey(dirs: string[], files: string[]): string {
  const hash = createHash('sha256');
  const add = (file: string) => {
    hash.update(path.relative(ROOT, file));
    hash.update(readFileSync(file));
  };
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile()) add(p);
    }
  };
  for (const d of dirs) walk(path.join(ROOT, d));
  for (const f of files) if (existsSync(path.join(ROOT, f))) add(path.join(ROOT, f));
  return hash.digest('hex').slice(0, 16);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds into .tmp/e2e-build/<name>-<key>/ unless a build of the same sources is there; a second
 * process asking meanwhile waits for the first one's build.
 */
async function sharedBuild(name: string, key: string, done: string, build: (out: string) => void): Promise<string> {
  const out = path.join(BUILDS, `${name}-${key}`);
  const marker = path.join(out, '.complete');
  const lock = `${out}.lock`;
  mkdirSync(BUILDS, { recursive: true });
  for (let waited = 0; ; waited += 500) {
    if (existsSync(marker) && existsSync(path.join(out, done))) return out;
    try {
      mkdirSync(lock);
    } catch {
      // another test file is building it: wait (a lock older than 10 minutes is a dead build's)
      if (waited > 600_000 || Date.now() - statSync(lock).mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      await sleep(500);
      continue;
    }
    try {
      rmSync(out, { recursive: true, force: true });
      build(out);
      writeFileSync(marker, new Date().toISOString());
      // builds of earlier sources are of no further use
      for (const old of readdirSync(BUILDS)) {
        if (old.startsWith(`${name}-`) && old !== path.basename(out) && !old.endsWith('.lock') && !existsSync(path.join(BUILDS, `${old}.lock`)) && /^[0-9a-f]{16}$/.test(old.slice(name.length + 1))) {
          rmSync(path.join(BUILDS, old), { recursive: true, force: true });
        }
      }
      return out;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

function webpackCli(args: string[], env: NodeJS.ProcessEnv = {}): void {
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`webpack ${args.join(' ')} failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
}

/**
 * The production build of the pane (`npm run build:taskpane`); its folder. office.js from the CDN,
 * or with `officeJs: 'local'` from the add-in's own origin (`OFFICE_JS=local npm run build:taskpane`).
 */
export function buildPane(officeJs: 'cdn' | 'local' = 'cdn'): Promise<string> {
  const key = sourceKey(['src', 'assets'], ['webpack.config.js', 'package-lock.json', 'tsconfig.json']);
  return sharedBuild(officeJs === 'cdn' ? 'pane' : 'pane-local', key, 'taskpane.html', (out) => webpackCli(['--mode', 'production', '--output-path', out], { OFFICE_JS: officeJs, CHUNK_MODULES: '1' }));
}

/** The scripts of a pane build (buildPane's folder) with the source files each holds (webpack.config.js's chunk-modules.json). */
export function chunkModules(dir: string): Record<string, { chunk: string | null; modules: string[] }> {
  return JSON.parse(readFileSync(path.join(dir, 'chunk-modules.json'), 'utf8')) as Record<string, { chunk: string | null; modules: string[] }>;
}

/** The .xlsx reader (the grid from a file's bytes): what the pane must never load inside Excel. */
export const XLSX_READER = /^src\/hosts\/xlsx\/(read\/|load\.ts$|file-host\.ts$)/;
/** The .docx writer: loaded only when a draft or a report is exported as .docx. */
export const DOCX_WRITER = /^node_modules\/docx\//;

/** The pane's own scripts a page requested (by file name), from the request log. */
export function requestedScripts(log: readonly Logged[], baseUrl: string): string[] {
  return [...new Set(log.map((r) => r.url).filter((u) => u.startsWith(`${baseUrl}/`) && /\.js$/.test(new URL(u).pathname)).map((u) => new URL(u).pathname.slice(1)))];
}

/** The pane's scripts the session's page has requested so far that hold a source file matching `pattern`. */
export function loadedHolding(pane: PaneSession, pattern: RegExp): string[] {
  return scriptsHolding(pane.dir, requestedScripts(pane.requests.log, pane.baseUrl), pattern);
}

/** Which of `files` hold a source file matching `pattern`. */
export function scriptsHolding(dir: string, files: readonly string[], pattern: RegExp): string[] {
  const map = chunkModules(dir);
  return files.filter((f) => map[f]?.modules.some((m) => pattern.test(m)));
}

/**
 * A double bundled into one script, office.js, for the page to load instead of Microsoft's: the
 * Excel double (test/double/excel/browser.ts) or the Word double (test/e2e/word-double.browser.ts).
 */
export function buildDouble(kind: 'excel' | 'word' = 'excel'): Promise<string> {
  const entry = kind === 'excel' ? './test/double/excel/browser.ts' : './test/e2e/word-double.browser.ts';
  const key = sourceKey(['test/double/excel', 'test/double/word', 'src/core', 'src/hosts/xlsx', 'test/helpers'], ['package-lock.json', 'tsconfig.json', entry]);
  return sharedBuild(kind === 'excel' ? 'double' : 'word-double', key, 'office.js', (out) => {
    const config = path.join(out, 'webpack.config.js');
    mkdirSync(out, { recursive: true });
    writeFileSync(
      config,
      `'use strict';
const path = require('path');
const webpack = require(${JSON.stringify(require.resolve('webpack', { paths: [ROOT] }))});
module.exports = {
  mode: 'development',
  devtool: false,
  target: 'web',
  context: ${JSON.stringify(ROOT)},
  entry: ${JSON.stringify(entry)},
  output: { path: ${JSON.stringify(out)}, filename: 'office.js', publicPath: 'auto' },
  resolve: { extensions: ['.ts', '.tsx', '.js'] },
  module: { rules: [{ test: /\\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: path.join(${JSON.stringify(ROOT)}, 'tsconfig.json'), compilerOptions: { module: 'esnext', noEmit: false } } } }] },
  plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 })],
  performance: { hints: false },
};
`,
    );
    webpackCli(['--config', config]);
  });
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Serves `dir` read-only at /, and each of `mounts` at its prefix ('/__fixtures/' → a folder); anything else is a 404. */
export function serve(dir: string, mounts: Record<string, string> = {}): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    const pathname = decodeURIComponent(url.pathname);
    const mount = Object.keys(mounts).find((prefix) => pathname.startsWith(prefix));
    const base = mount ? mounts[mount] : dir;
    const file = path.resolve(base, '.' + (mount ? pathname.slice(mount.length - 1) : pathname));
    let ok = file.startsWith(base + path.sep);
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

export const baseUrlOf = (server: Server) => `http://${HOST}:${(server.address() as AddressInfo).port}`;

export function closeServer(server: Server | undefined): Promise<void> {
  return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
}

/** The flags every test browser runs with: no sandbox (root in CI), no GPU, no network of its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launch(profileDir: string, viewport = { width: 420, height: 900 }, options: { colorScheme?: 'light' | 'dark' } = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: requireChromium(),
    headless: true,
    viewport,
    colorScheme: options.colorScheme ?? 'light',
    args: CHROMIUM_ARGS,
  });
}

/** One request the page made: where to, how, and whether it carried a body. */
export interface Logged {
  url: string;
  method: string;
  body: boolean;
  /** Answered by the test's route (office.js from a local file, or refused): it never reached a network. */
  routed: boolean;
}

/** Records every request of the context, and which ones the test's routes answered. */
export function logRequests(context: BrowserContext): { log: Logged[]; routed: Set<string> } {
  const log: Logged[] = [];
  const routed = new Set<string>();
  context.on('request', (req: Request) => {
    log.push({ url: req.url(), method: req.method(), body: (req.postDataBuffer()?.length ?? 0) > 0, routed: false });
  });
  return { log, routed };
}

/** Requests that left the machine: not to 127.0.0.1, not data:/blob:, not answered by a route. */
export function offMachine(log: readonly Logged[], routed: ReadonlySet<string>): string[] {
  return log
    .filter((r) => {
      const url = new URL(r.url);
      if (url.protocol === 'data:' || url.protocol === 'blob:') return false;
      if (routed.has(r.url)) return false;
      return url.hostname !== HOST;
    })
    .map((r) => r.url);
}

/** A pane opened in chromium for a test file: the page, what it asked for, what it threw; `close()` ends it all. */
export interface PaneSession {
  /** The built pane served (buildPane's folder). */
  dir: string;
  server: Server;
  baseUrl: string;
  context: BrowserContext;
  page: Page;
  requests: { log: Logged[]; routed: Set<string> };
  /** Uncaught page errors (and console errors, with `consoleErrors`). */
  pageErrors: string[];
  /** The browser profile's folder (removed by `close()`); downloads may be saved there. */
  profileDir: string;
  close(): Promise<void>;
}

export interface OpenPaneOptions {
  /**
   * What answers the page's office.js: refused (a plain browser without internet), the package's copy
   * (`local`), or a double's script (buildDouble's office.js), with the Excel double's workbook.
   */
  office: 'block' | 'local' | { script: string; excel?: BrowserDoubleConfig };
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /** Served at /__fixtures/ (where the Excel double fetches its workbook). */
  fixtures?: string;
  /** The page may read and write the clipboard (复制全文). */
  clipboard?: boolean;
  consoleErrors?: boolean;
}

/** Serves the built pane `dir`, opens taskpane.html in a fresh chromium profile and waits for its load event. */
export async function openPane(dir: string, options: OpenPaneOptions): Promise<PaneSession> {
  const server = await serve(dir, options.fixtures ? { '/__fixtures/': options.fixtures } : {});
  const baseUrl = baseUrlOf(server);
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-e2e-'));
  const context = await launch(profileDir, options.viewport, { colorScheme: options.colorScheme });
  const close = async () => {
    await context.close();
    await closeServer(server);
    rmSync(profileDir, { recursive: true, force: true });
  };
  try {
    if (options.clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    const requests = logRequests(context);
    const office = options.office;
    await routeOfficeJs(context, requests.routed, typeof office === 'string' ? office : { script: office.script });
    if (typeof office !== 'string' && office.excel) {
      await context.addInitScript((c) => {
        (window as unknown as { __GKL_DOUBLE__: unknown }).__GKL_DOUBLE__ = c;
      }, office.excel);
    }
    const page = context.pages()[0] ?? (await context.newPage());
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    if (options.consoleErrors) {
      page.on('console', (m) => {
        if (m.type() === 'error') pageErrors.push(m.text());
      });
    }
    await page.goto(`${baseUrl}/taskpane.html`, { waitUntil: 'load' });
    return { dir, server, baseUrl, context, page, requests, pageErrors, profileDir, close };
  } catch (e) {
    await close();
    throw e;
  }
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, name);
}

/** The pane's widths in the screenshots: the narrowest task pane, and a wide one (the tables list changes at 420 px). */
export const SHOT_WIDTHS = [320, 500] as const;

/**
 * Screenshots of the pane's current state at each of SHOT_WIDTHS, light and dark (the system's colour
 * scheme, which the pane follows outside Office and in the doubles): `<name>-<width>-<light|dark>.png`.
 * `at` is scrolled into view before each (else the page's top); the viewport and scheme are put back.
 * `highContrast` adds `<name>-320-high-contrast.png`: Windows' high-contrast mode (`forced-colors: active`),
 * which the pane's theme follows.
 */
export async function screenshotStates(page: Page, name: string, options: { at?: Locator; fullPage?: boolean; highContrast?: boolean } = {}): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 420, height: 900 };
  const wasDark = await page.evaluate(() => window.matchMedia('(prefers-color-scheme: dark)').matches);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForFunction((want) => document.documentElement.dataset.theme === want, scheme, { timeout: 30_000 });
    for (const width of SHOT_WIDTHS) {
      await page.setViewportSize({ width, height: viewport.height });
      if (options.at) await options.at.scrollIntoViewIfNeeded();
      else await page.evaluate(() => window.scrollTo(0, 0));
      // transitions finished (a button caught half-way between two themes is not what a person sees)
      await page.screenshot({ path: screenshotPath(`${name}-${width}-${scheme}.png`), fullPage: options.fullPage ?? false, animations: 'disabled' });
    }
  }
  await page.emulateMedia({ colorScheme: wasDark ? 'dark' : 'light' });
  if (options.highContrast) {
    await page.emulateMedia({ forcedColors: 'active' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'high-contrast', undefined, { timeout: 30_000 });
    await page.setViewportSize({ width: 320, height: viewport.height });
    if (options.at) await options.at.scrollIntoViewIfNeeded();
    else await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath(`${name}-320-high-contrast.png`), fullPage: options.fullPage ?? false, animations: 'disabled' });
    await page.emulateMedia({ forcedColors: 'none' });
    await page.waitForFunction((want) => document.documentElement.dataset.theme === want, wasDark ? 'dark' : 'light', { timeout: 30_000 });
  }
  await page.setViewportSize(viewport);
}

const OFFICE_JS_DIST = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json', { paths: [ROOT] })), 'dist');

/**
 * What the page gets when it asks Microsoft's CDN for office.js: nothing (the CDN unreachable, as
 * in a plain browser without internet), the copy of @microsoft/office-js (the real office.js, run
 * outside Office), or a script of the test's (the Excel double). Every such request is answered
 * here and never reaches a network; it is recorded in `routed`.
 */
export async function routeOfficeJs(context: BrowserContext, routed: Set<string>, answer: 'block' | 'local' | { script: string }): Promise<void> {
  await context.route('https://appsforoffice.microsoft.com/**', async (route) => {
    const url = route.request().url();
    routed.add(url);
    if (answer === 'block') return route.abort('internetdisconnected');
    if (answer === 'local') {
      const rel = new URL(url).pathname.replace(/^\/lib\/1\/hosted\//, '');
      const file = path.resolve(OFFICE_JS_DIST, rel);
      if (!file.startsWith(OFFICE_JS_DIST + path.sep) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({ path: file, contentType: 'text/javascript; charset=utf-8' });
    }
    if (url === OFFICE_JS_CDN) return route.fulfill({ path: answer.script, contentType: 'text/javascript; charset=utf-8' });
    return route.abort('internetdisconnected');
  });
}
