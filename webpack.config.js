/*
 * Builds the task pane into dist/taskpane/: taskpane.html, its scripts and assets/ (the icons the
 * manifest points at). `npm run build:taskpane` (production unless --mode says otherwise).
 *
 * - The first bundle (taskpane) is the shell and the findings view only (issue 17: under 120 KB gzip;
 *   `npm run bench` measures it in chromium, bench/taskpane.ts). Everything else is loaded with
 *   import() when first needed: the check (core rules and tables, in chunks of its own) and the
 *   lean .xlsx reader on fflate and saxes (chunk "engine") when a local file is opened; inside Excel
 *   the Excel mode (chunk "excel-mode") and the Office.js host (chunk "excel") instead, never the
 *   .xlsx reader; the dark and high-contrast themes when the pane needs one; each tab past the first
 *   when shown (chunks "fill", "review", "narrative"), the drafting and checking of the 情况说明 when
 *   first asked for (chunk "narrative-engine"), the Word host in Word (chunk "word"), and the .docx
 *   writer (chunk "docx" and the docx package) only when a draft or a report is exported.
 * - A legacy .xls is read by SheetJS (@e965/xlsx, chunk "sheetjs") with its code pages (chunk
 *   "cpexcel"), loaded only when such a file is opened (src/hosts/xlsx/read/xls.ts). exceljs is no
 *   longer on the browser's reading path (docs/decisions/0001-xlsx-reader.md).
 * - Office.js is loaded by a script tag in the page's <head>: from Microsoft's CDN by default, or
 *   with OFFICE_JS=local from the add-in's own origin (office-js/, copied from @microsoft/office-js)
 *   for intranets without internet.
 * - `npm start` (`webpack serve`) serves the pane over HTTPS on https://localhost:3000 with the
 *   development certificates of office-addin-dev-certs, and prints how to sideload manifest.xml.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const ROOT = __dirname;
const ASSETS_DIR = path.join(ROOT, 'assets');
const PORT = 3000;
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** Where OFFICE_JS=local serves office.js from (relative to taskpane.html). */
const OFFICE_JS_LOCAL_DIR = 'office-js';
/** The async chunks of the .xls reader: large, and loaded only for a legacy workbook. */
const XLS_CHUNKS = ['sheetjs', 'cpexcel'];

/** Emits every file of assets/ as assets/<name> (the manifest's icon URLs). */
class CopyAssetsPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('CopyAssetsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'CopyAssetsPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          compilation.contextDependencies.add(ASSETS_DIR);
          for (const entry of fs.readdirSync(ASSETS_DIR, { withFileTypes: true })) {
            if (!entry.isFile()) continue;
            const file = path.join(ASSETS_DIR, entry.name);
            compilation.fileDependencies.add(file);
            compilation.emitAsset(`assets/${entry.name}`, new sources.RawSource(fs.readFileSync(file)), {
              copied: true,
              sourceFilename: path.relative(ROOT, file),
            });
          }
        },
      );
    });
  }
}

/**
 * Emits the office.js of @microsoft/office-js (dist/, without the .debug.js copies, IntelliSense
 * files and type definitions) as office-js/…: office.js loads its host scripts and strings from
 * beside itself, so the whole folder goes.
 */
class CopyOfficeJsPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    const dist = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
    const skip = (name) => /\.debug\.js$|-vsdoc\.js$|\.d\.ts$/.test(name);
    compiler.hooks.thisCompilation.tap('CopyOfficeJsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'CopyOfficeJsPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const walk = (dir, rel) => {
          for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const file = path.join(dir, entry.name);
            const name = rel ? `${rel}/${entry.name}` : entry.name;
            if (entry.isDirectory()) walk(file, name);
            else if (entry.isFile() && !skip(entry.name)) {
              compilation.emitAsset(`${OFFICE_JS_LOCAL_DIR}/${name}`, new sources.RawSource(fs.readFileSync(file)), { copied: true, minimized: true });
            }
          }
        };
        walk(dist, '');
      });
    });
  }
}

/**
 * With CHUNK_MODULES (`--env CHUNK_MODULES` or the environment variable): emits chunk-modules.json,
 * every script file with the source files it holds (paths relative to the project), for the tests
 * and the bench that check what the pane loads when (the .xlsx reader never inside Excel …).
 */
class ChunkModulesPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('ChunkModulesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'ChunkModulesPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const sourcesOf = (m) => (m.modules ? [...m.modules].flatMap(sourcesOf) : m.resource ? [path.relative(ROOT, m.resource).split(path.sep).join('/')] : []);
        const files = {};
        for (const chunk of compilation.chunks) {
          const modules = [...new Set([...compilation.chunkGraph.getChunkModulesIterable(chunk)].flatMap(sourcesOf))].sort();
          for (const file of chunk.files) if (file.endsWith('.js')) files[file] = { chunk: chunk.name ?? null, modules };
        }
        compilation.emitAsset('chunk-modules.json', new sources.RawSource(JSON.stringify(files, null, 1)));
      });
    });
  }
}

/** 'cdn' (default) or 'local': from `--env OFFICE_JS=local` or the OFFICE_JS environment variable. */
function officeJsMode(env) {
  const mode = String(env.OFFICE_JS || process.env.OFFICE_JS || 'cdn').toLowerCase();
  if (mode !== 'cdn' && mode !== 'local') throw new Error(`OFFICE_JS must be "cdn" or "local", not "${mode}"`);
  return mode;
}

/** What `npm start` prints once the server listens: where the pane is, and how to sideload the manifest. */
function sideloadHelp() {
  const manifest = path.join(ROOT, 'manifest.xml');
  const id = (/<Id>([^<]+)<\/Id>/.exec(fs.readFileSync(manifest, 'utf8')) || [])[1] || 'GongkaiLens';
  return [
    '',
    `决算公开助手 / Gongkai Lens: https://localhost:${PORT}/taskpane.html`,
    `Sideload ${manifest} (the pane is served from this machine; keep this server running):`,
    '  Excel on the web:  开始 → 加载项 → 更多加载项 → 我的加载项 → 上传我的加载项 → manifest.xml',
    '                     (Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in)',
    `  Excel on Windows:  reg add "HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer" /v ${id} /t REG_SZ /d "${manifest}" /f`,
    '                     then restart Excel: 开始 → 加载项 → 决算公开助手 (or a shared-folder catalog: 信任中心 → 受信任的加载项目录)',
    `  Excel on Mac:      mkdir -p ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef && cp "${manifest}" "$_"`,
    '                     then restart Excel: 开始 → 加载项 → 我的加载项',
    `  Word (情况说明):    ${path.join(ROOT, 'manifest-word.xml')}, the same pane, the same way (Mac: com.microsoft.Word)`,
    '',
  ].join('\n');
}

/**
 * The development certificates: made and trusted on first use (Windows and Mac ask once). Where the
 * CA cannot be installed (Linux without sudo) the generated certificate is used all the same, and
 * the console says what to trust.
 */
async function devCertificates() {
  const devCerts = require('office-addin-dev-certs');
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    const files = require('office-addin-dev-certs/lib/defaults');
    if (![files.caCertificatePath, files.localhostCertificatePath, files.localhostKeyPath].every((f) => fs.existsSync(f))) throw e;
    console.warn(`${e instanceof Error ? e.message : e}\nServing with the generated certificate anyway; trust ${files.caCertificatePath} in the browser or system to open the pane without a warning.`);
    return { ca: fs.readFileSync(files.caCertificatePath), cert: fs.readFileSync(files.localhostCertificatePath), key: fs.readFileSync(files.localhostKeyPath) };
  }
}

/** The HTTPS dev server of `npm start`, with the development certificates. */
async function withDevServer(config) {
  const https = await devCertificates();
  return {
    ...config,
    devServer: {
      host: 'localhost',
      port: PORT,
      server: { type: 'https', options: https },
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
      client: { overlay: { errors: true, warnings: false } },
      onListening: () => console.log(sideloadHelp()),
    },
  };
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const production = mode === 'production';
  const officeJs = officeJsMode(env);
  const config = {
    mode,
    target: 'web',
    context: ROOT,
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: {
      path: path.join(ROOT, 'dist', 'taskpane'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    devtool: production ? false : 'eval-cheap-module-source-map',
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.join(ROOT, 'tsconfig.json'),
              // ES modules so that webpack sees import() and splits the engine off.
              compilerOptions: { module: 'esnext', noEmit: false, sourceMap: !production },
            },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        cacheGroups: {
          sheetjs: { test: /[\\/]node_modules[\\/]@e965[\\/]xlsx[\\/]xlsx\.mjs$/, name: 'sheetjs', chunks: 'async', enforce: true },
          cpexcel: { test: /[\\/]node_modules[\\/]@e965[\\/]xlsx[\\/]dist[\\/]cpexcel/, name: 'cpexcel', chunks: 'async', enforce: true },
        },
      },
    },
    plugins: [
      new HtmlWebpackPlugin({
        template: './src/taskpane/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        officeJs: officeJs === 'local' ? `${OFFICE_JS_LOCAL_DIR}/office.js` : OFFICE_JS_CDN,
      }),
      new CopyAssetsPlugin(),
      ...(officeJs === 'local' ? [new CopyOfficeJsPlugin()] : []),
      ...(env.CHUNK_MODULES || process.env.CHUNK_MODULES ? [new ChunkModulesPlugin()] : []),
    ],
    performance: {
      // SheetJS and its code pages (loaded only for an .xls) are expected to be large; so is office.js's own copy.
      assetFilter: (file) => /\.js$/.test(file) && !file.startsWith(`${OFFICE_JS_LOCAL_DIR}/`) && !XLS_CHUNKS.some((name) => file.startsWith(`${name}.`)),
      maxAssetSize: 600 * 1024,
      maxEntrypointSize: 600 * 1024,
    },
  };
  return env.WEBPACK_SERVE ? withDevServer(config) : config;
};

module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
module.exports.OFFICE_JS_LOCAL_DIR = OFFICE_JS_LOCAL_DIR;
