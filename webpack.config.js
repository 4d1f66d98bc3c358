/*
 * Builds the task pane into dist/taskpane/: taskpane.html, its scripts and assets/ (the icons the
 * manifest points at). `npm run build:taskpane` (production unless --mode says otherwise).
 *
 * - The engine (core + .xlsx loader + exceljs) is loaded with import() only when a file is opened;
 *   exceljs gets a chunk of its own. The 情况说明 tab (chunk "narrative") loads once a workbook is
 *   open, and the .docx writer (chunk "docx" and the docx package) only when a draft is downloaded.
 * - exceljs resolves through its package.json `browser` field to its prebuilt, already minified
 *   dist/exceljs.min.js: no Node polyfills are needed. It is not parsed (module.noParse) and is left
 *   out of minimization, which otherwise costs most of the build time for nothing.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const ROOT = __dirname;
const ASSETS_DIR = path.join(ROOT, 'assets');
const EXCELJS_CHUNK = 'exceljs';

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
 * Marks the exceljs chunk as already minimized, so whichever minimizer webpack runs
 * (it declines assets whose info says `minimized`) skips it.
 */
class SkipMinifyPlugin {
  constructor(chunkName) {
    this.chunkName = chunkName;
  }

  apply(compiler) {
    const { Compilation } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('SkipMinifyPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'SkipMinifyPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE },
        () => {
          for (const chunk of compilation.chunks) {
            if (chunk.name !== this.chunkName) continue;
            for (const file of chunk.files) {
              if (/\.js$/.test(file)) compilation.updateAsset(file, (source) => source, { minimized: true });
            }
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
      noParse: /[\\/]node_modules[\\/]exceljs[\\/]dist[\\/]/,
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
          [EXCELJS_CHUNK]: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: EXCELJS_CHUNK,
            chunks: 'async',
            enforce: true,
          },
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
      new SkipMinifyPlugin(EXCELJS_CHUNK),
    ],
    performance: {
      // exceljs (~1 MB, loaded only when a file is opened) is expected to be large.
      assetFilter: (file) => /\.js$/.test(file) && !file.startsWith(`${EXCELJS_CHUNK}.`),
      maxAssetSize: 600 * 1024,
      maxEntrypointSize: 600 * 1024,
    },
  };
};
