'use strict';
/*
 * The batch worker run from the TypeScript sources (ts-jest, ts-node: wherever pool.ts itself is a
 * .ts file); the built CLI runs dist/cli/batch/worker.js and never loads this file. A worker thread
 * is a fresh Node instance that cannot load .ts, so .ts modules are transpiled here with the
 * project's TypeScript and tsconfig.json (no type check, like ts-node's transpile-only), and the
 * output is kept in node_modules/.cache/gongkai-batch-worker/ by a hash of the source: a worker
 * starts in a fraction of a second instead of transpiling the whole engine again.
 */
const crypto = require('crypto');
const fs = require('fs');
const Module = require('module');
const path = require('path');

const ROOT = path.resolve(__dirname, '../../..');
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'gongkai-batch-worker');
const TSCONFIG = fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8');
const TS_VERSION = require('typescript/package.json').version;

let compilerOptions = null;
function transpile(source, filename) {
  const ts = require('typescript');
  if (!compilerOptions) {
    const json = ts.parseConfigFileTextToJson('tsconfig.json', TSCONFIG).config || {};
    compilerOptions = ts.convertCompilerOptionsFromJson(json.compilerOptions || {}, ROOT).options;
    Object.assign(compilerOptions, { noEmit: false, module: ts.ModuleKind.CommonJS, sourceMap: false, inlineSourceMap: false, declaration: false });
  }
  return ts.transpileModule(source, { compilerOptions, fileName: filename }).outputText;
}

Module._extensions['.ts'] = function compileTs(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const key = crypto.createHash('sha256').update(`${TS_VERSION}\0${TSCONFIG}\0${filename}\0${source}`).digest('hex');
  const cached = path.join(CACHE, `${key}.js`);
  let code;
  try {
    code = fs.readFileSync(cached, 'utf8');
  } catch {
    code = transpile(source, filename);
    try {
      // written beside and renamed: two workers filling the cache at once never read half a file
      fs.mkdirSync(CACHE, { recursive: true });
      const temp = `${cached}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`;
      fs.writeFileSync(temp, code);
      fs.renameSync(temp, cached);
    } catch {
      // no cache (a read-only tree): transpiled again next time
    }
  }
  module._compile(code, filename);
};

module.exports = require('./worker.ts');
