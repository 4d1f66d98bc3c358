import * as path from 'path';
import { Linter } from 'eslint';
import { placeOf } from '../../eslint-rules/layers';
import { FIXTURES, importCycles, layersConfig, readTree, REPO, sourceFiles } from './tree';

const TREE = path.join(FIXTURES, 'tree');

/** Every planted file and the problems (message ids, in source order) the rule must report in it. */
const EXPECTED: Record<string, string[]> = {
  'bench/helper.ts': [],
  'src/cli/imports-bench.ts': ['outsideSrc'],
  'src/cli/imports-taskpane.ts': ['peer'],
  'src/cli/main.ts': [],
  'src/core/analyze.ts': [],
  'src/core/declares-global.ts': ['coreGlobal'],
  'src/core/fill/plan.ts': [],
  'src/core/findings/finding.ts': [],
  'src/core/grid/grid.ts': [],
  'src/core/imports-host.ts': ['upward'],
  'src/core/imports-outside.ts': ['outsideSrc'],
  'src/core/local-names.ts': [],
  'src/core/money/decimal.ts': [],
  'src/core/narrative/imports-rules.ts': ['peer'],
  'src/core/reading/reader.ts': [],
  'src/core/reading/upward.ts': ['upward'],
  'src/core/report.ts': [],
  'src/core/rules/imports-fill.ts': ['peer'],
  'src/core/rules/rule.ts': [],
  'src/core/tables/catalog/names.ts': ['upward'],
  'src/core/tables/gk01.ts': [],
  'src/core/uses-fs.ts': ['corePackage'],
  'src/core/uses-globals.ts': ['coreGlobal', 'coreGlobal', 'coreGlobal', 'coreGlobal', 'coreGlobal', 'coreGlobal'],
  'src/core/uses-react.ts': ['corePackage'],
  'src/hosts/excel/run.ts': [],
  'src/hosts/node/files.ts': [],
  'src/hosts/node/more.ts': [],
  'src/hosts/word/run.ts': ['hostRun'],
  'src/hosts/xlsx/browser-uses-node.ts': ['nodeOnly'],
  'src/hosts/xlsx/load.ts': [],
  'src/hosts/xlsx/node-file.ts': [],
  'src/misc/unmapped.ts': ['unmapped'],
  'src/taskpane/App.tsx': [],
  'src/taskpane/excel-run.ts': ['hostRun'],
  'src/taskpane/imports-cli.ts': ['peer'],
  'src/taskpane/imports-node-dir.ts': ['nodeOnly'],
  'src/taskpane/imports-node-file.ts': ['nodeOnly'],
  'src/taskpane/uses-path.ts': ['browserBuiltin'],
};

describe('the layer rule on the planted tree (test/architecture/fixtures/tree)', () => {
  const files = sourceFiles(TREE);
  const { problems } = readTree(TREE, files);
  const ids = (file: string) => problems.filter((p) => p.file === file).map((p) => p.messageId);

  test('every planted file is listed here', () => {
    expect(files.map((f) => path.relative(TREE, f).split(path.sep).join('/')).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  test.each(Object.entries(EXPECTED))('%s: %j', (file, expected) => {
    expect(ids(file)).toEqual(expected);
  });

  test('messages name both sides', () => {
    const text = (file: string) => problems.find((p) => p.file === file)?.message;
    expect(text('src/core/rules/imports-fill.ts')).toBe('core/rules must not import ../fill/plan: core/fill is its peer.');
    expect(text('src/core/tables/catalog/names.ts')).toMatch(/^core\/catalog \(layer 0: core base\) must not import \.\.\/gk01: core\/tables \(layer 1/);
    expect(text('src/taskpane/imports-node-file.ts')).toMatch(/src\/hosts\/xlsx\/node-file: it is Node-only \(it imports the Node built-in 'fs'\)/);
    expect(text('src/core/uses-fs.ts')).toMatch(/must not import 'fs'/);
  });
});

describe('the layer rule on snippets placed at a path of the planted tree', () => {
  const lint = (file: string, code: string) =>
    new Linter({ configType: 'flat', cwd: TREE })
      .verify(code, layersConfig(TREE), { filename: path.join(TREE, file) })
      .map((m) => m.messageId ?? m.message);

  test.each([
    // A module not written yet is still placed by its path.
    ['src/core/rules/x.ts', "import { later } from '../fill/plan-to-be';\nexport const x = later;", ['peer']],
    ['src/core/rules/x.ts', "export * from '../narrative/facts';", ['peer']],
    ['src/core/rules/x.ts', "export type { Finding } from '../findings/finding';", []],
    ['src/core/grid/x.ts', "import fs = require('fs');\nexport const f = fs;", ['corePackage']],
    ['src/core/grid/x.ts', "export const os: unknown = require('os');", ['corePackage', 'coreGlobal']],
    ['src/core/grid/x.ts', "export type Stats = import('fs').Stats;", ['corePackage']],
    ['src/core/grid/x.ts', "import Decimal from 'decimal.js';\nexport const d = Decimal;", []],
    ['src/core/grid/x.ts', 'export const t = (): string => globalThis.document.title;', ['coreGlobal']],
    ['src/core/grid/x.ts', 'export const w = (): unknown => window.location;', ['coreGlobal']],
    ['src/taskpane/x.tsx', "export const cli = () => import('../cli/main');", ['peer']],
    ['src/taskpane/x.tsx', "import { promises } from 'node:fs';\nexport const p = promises;", ['browserBuiltin']],
    ['src/taskpane/x.tsx', "export const w = (): Promise<void> => Word.run(async () => {});", ['hostRun']],
    ['src/hosts/xlsx/x.ts', "export { readBook } from '../node/more';", ['nodeOnly']],
    ['src/hosts/node/x.ts', "export { readBook } from '../xlsx/node-file';", []],
  ])('%s %j', (file, code, expected) => {
    expect(lint(file, code)).toEqual(expected);
  });
});

describe('the map', () => {
  test.each([
    ['src/core/money/decimal', 'core/money', 0],
    ['src/core/catalog/subject-names', 'core/catalog', 0],
    ['src/core/tables/catalog/subject-names', 'core/catalog', 0],
    ['src/core/tables/gk01', 'core/tables', 1],
    ['src/core/reading/index', 'core/reading', 2],
    ['src/core/report', 'core/findings', 3],
    ['src/core/findings/finding', 'core/findings', 3],
    ['src/core/narrative/draft/section-01', 'core/narrative', 4],
    ['src/core/analyze', 'core (root)', 5],
    ['src/hosts/excel/write', 'hosts', 6],
    ['src/cli/main', 'cli', 7],
    ['src/taskpane/App', 'taskpane', 7],
  ])('%s is %s (layer %d)', (mod, unit, rank) => {
    expect(placeOf(mod)).toMatchObject({ unit, rank });
  });
});

describe('import cycles', () => {
  test('are found with their files (test/architecture/fixtures/cycles)', () => {
    const dir = path.join(FIXTURES, 'cycles');
    expect(importCycles(readTree(dir, sourceFiles(dir)).edges)).toEqual(['a.ts → b.ts → c.ts → a.ts', 'd.ts → e.ts (type) → d.ts (type)']);
  });
});

describe('src/', () => {
  const tree = readTree(REPO, sourceFiles(path.join(REPO, 'src')));

  test('every module follows the layer map (eslint-rules/layers.js)', () => {
    expect(tree.problems.map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([]);
  });

  test('no import cycles (type-only imports count)', () => {
    expect(importCycles(tree.edges)).toEqual([]);
  });
});
