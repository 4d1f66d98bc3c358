/*
 * Builds the task pane into dist/taskpane/: taskpane.html, its scripts and assets/ (the icons the
 * manifest points at). `npm run build:taskpane` (production unless --mode says otherwise).
 *
 * - The engine (core + the lean .xlsx reader on fflate and saxes) is loaded with import() only when
 *   a file is opened. The 情况说明 tab (chunk "narrative") loads once a workbook is open, and the
 *   .docx writer (chunk "docx" and the docx package) only when a draft is downloaded.
 * - A legacy .xls is read by SheetJS (@e965/xlsx, chunk "sheetjs") with its code pages (chunk
 *   "cpexcel"), loaded only when such a file is opened (src/hosts/xlsx/read/xls.ts). exceljs is no
 *   longer on the browser's reading path (docs/decisions/0001-xlsx-reader.md).
 */
'use strict';
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const ROOT = __dirname;
const ASSETS_DIR = path.join(ROOT, 'assets');
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

module.exports = (_env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const production = mode === 'production';
  return {
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
      }),
      new CopyAssetsPlugin(),
    ],
    performance: {
      // SheetJS and its code pages (loaded only for an .xls) are expected to be large.
      assetFilter: (file) => /\.js$/.test(file) && !XLS_CHUNKS.some((name) => file.startsWith(`${name}.`)),
      maxAssetSize: 600 * 1024,
      maxEntrypointSize: 600 * 1024,
    },
  };
};
