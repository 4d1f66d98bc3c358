// @ts-check
/*
 * `npm run lint`. Layers of src/ are checked by the local rule in eslint-rules/layers.js, which
 * holds the layer map; test/architecture/ runs the same rule over the whole tree and checks for
 * import cycles.
 */
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';
import layers from './eslint-rules/layers.js';

const TS = ['**/*.ts', '**/*.tsx'];

/** Node's CommonJS globals, for the .js tooling (webpack, jest, bin, scripts, eslint-rules). */
const nodeGlobals = {
  ...Object.fromEntries(
    ['require', '__dirname', '__filename', 'process', 'Buffer', 'console', 'setTimeout', 'clearTimeout'].map((name) => [name, 'readonly']),
  ),
  module: 'writable',
  exports: 'writable',
};

/** The `_` prefix marks a binding kept on purpose, as tsc's noUnusedParameters already accepts. */
const unusedOptions = {
  argsIgnorePattern: '^_',
  varsIgnorePattern: '^_',
  caughtErrorsIgnorePattern: '^_',
  ignoreRestSiblings: true,
};

export default defineConfig(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      '.tmp/',
      // Planted layer violations and cycles for test/architecture/layers.test.ts.
      'test/architecture/fixtures/',
    ],
  },
  js.configs.recommended,
  {
    files: TS,
    // Type-aware rules catch what tsc lets through: floating and misused promises (async event
    // handlers in the pane, unawaited writes in the CLI), `any` leaking from exceljs and JSON,
    // '[object Object]' in messages. They build one TypeScript program for tsconfig.json and take
    // `npm run lint` from about 9 s to about 25 s of CPU; --concurrency does not help (each worker
    // builds the program again).
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // tsc reports unused locals and parameters already (noUnusedLocals, noUnusedParameters in
      // tsconfig.json, which covers every .ts file); twice would only add noise.
      '@typescript-eslint/no-unused-vars': 'off',
    },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: {
      // Tests read parsed JSON reports, XML parts and CLI output, which are `any` by nature; the
      // expect() that follows checks their shape at run time, so typing each access adds nothing.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Diagnostics in tests print cell values and Decimals as they are; jest callbacks are async
      // by convention even when a case needs no await.
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: nodeGlobals },
    rules: { 'no-unused-vars': ['error', unusedOptions] },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: nodeGlobals },
    rules: { 'no-unused-vars': ['error', unusedOptions] },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { local: layers.plugin },
    rules: { 'local/layers': 'error' },
  },
  {
    // Office.js batches: every rule of the plugin, as errors (its presets leave some at warn and
    // bring prettier along, which this repository does not use).
    files: ['src/hosts/excel/**/*.{ts,tsx}', 'src/taskpane/**/*.{ts,tsx}'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/call-sync-after-load': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-navigational-load': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
      'office-addins/no-office-initialize': 'error',
    },
  },
);
