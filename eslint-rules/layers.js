'use strict';
/*
 * The layer map of src/ and the rule that enforces it (`local/layers` in eslint.config.mjs, and
 * test/architecture/ runs it over the whole tree). The map below is the only place the layering
 * is written down; change it here and the lint and the tests follow.
 */
const fs = require('fs');
const path = require('path');
const { collectImports, isRelative, isNodeBuiltin, resolveImport, EXTENSIONS } = require('./imports');

/**
 * Lowest layer first. A module may import from its own layer and from lower layers only; in a
 * `peers` layer the units may not import one another either (only within the same unit).
 * Patterns are relative to the repository root: `dir/` is everything under dir, `dir/*` the files
 * directly in dir, anything else one module (written without extension). The longest matching
 * pattern wins, so `src/core/tables/catalog/` (where the catalog was before src/core/catalog/) is
 * the catalog layer and not the tables layer.
 */
const LAYERS = [
  {
    name: 'core base',
    units: {
      'core/money': ['src/core/money/'],
      'core/grid': ['src/core/grid/'],
      'core/catalog': ['src/core/catalog/', 'src/core/tables/catalog/'],
    },
  },
  { name: 'core tables', units: { 'core/tables': ['src/core/tables/'] } },
  { name: 'core reading', units: { 'core/reading': ['src/core/reading/'] } },
  // src/core/report.ts held the finding types before findings/ did.
  { name: 'core findings', units: { 'core/findings': ['src/core/findings/', 'src/core/report'] } },
  {
    name: 'core features',
    peers: true,
    units: { 'core/rules': ['src/core/rules/'], 'core/fill': ['src/core/fill/'], 'core/narrative': ['src/core/narrative/'] },
  },
  // core/review (review status, sign-off, the report's model) sits over the rules, whose titles it names.
  { name: 'core entry', units: { 'core (root)': ['src/core/*'], 'core/review': ['src/core/review/'] } },
  { name: 'hosts', units: { hosts: ['src/hosts/'] } },
  { name: 'apps', peers: true, units: { cli: ['src/cli/'], taskpane: ['src/taskpane/'] } },
];

/** The core runs in Excel, the browser and Node: of packages it may import only these. */
const CORE_PACKAGES = ['decimal.js'];

/**
 * Globals the core must not touch (host, DOM and Node objects; the core gets everything it needs
 * passed in). Type references count: `Office.HostType` in the core is as wrong as `Office.onReady`.
 */
const CORE_FORBIDDEN_GLOBALS = [
  'Office', 'OfficeExtension', 'Excel', 'Word', 'PowerPoint', 'OneNote',
  'document', 'window', 'navigator', 'self', 'localStorage', 'sessionStorage', 'fetch', 'XMLHttpRequest',
  'process', 'Buffer', 'global', 'require', 'module', 'exports', '__dirname', '__filename', 'setImmediate',
];

/** `<Global>.run` (a batch against the host document) only under the host folder that owns it. */
const HOST_RUN_OWNERS = { Excel: 'src/hosts/excel/', Word: 'src/hosts/word/' };

/**
 * Host code that needs Node (the file system, crypto …) may be imported only from the CLI and from
 * other Node-only host code, never from the task pane or a browser-safe host module. A host module
 * is Node-only when it is under one of these folders or imports a Node built-in at run time.
 */
const NODE_HOST_DIRS = ['src/hosts/node/'];
const NODE_IMPORTERS = ['src/cli/'];

/** Files outside src/ that src/ may import, and from where: the CLI prints the package version. */
const OUTSIDE_SRC_ALLOWED = { 'package.json': ['src/cli/'] };

/** Apps that run in a browser: no Node built-ins. */
const BROWSER_DIRS = ['src/taskpane/'];

const SRC = 'src/';

// ---------------------------------------------------------------------------------------------

/** Repository-relative path with forward slashes and without a TypeScript/JS extension. */
function modulePath(root, file) {
  let rel = path.relative(root, file).split(path.sep).join('/');
  for (const ext of [...EXTENSIONS].sort((a, b) => b.length - a.length)) {
    if (rel.endsWith(ext)) {
      rel = rel.slice(0, -ext.length);
      break;
    }
  }
  return rel;
}

function matches(pattern, mod) {
  if (pattern.endsWith('/*')) {
    const dir = pattern.slice(0, -1);
    return mod.startsWith(dir) && !mod.slice(dir.length).includes('/');
  }
  if (pattern.endsWith('/')) return mod.startsWith(pattern) || mod + '/' === pattern;
  return mod === pattern;
}

/** Specificity of a pattern: a file beats `dir/*` beats `dir/`, and deeper beats shallower. */
function weight(pattern) {
  return pattern.length * 4 + (pattern.endsWith('/') ? 0 : pattern.endsWith('/*') ? 1 : 2);
}

/**
 * The place of a repository-relative module on the map: `{ rank, layer, unit, peers }`, or null
 * when no pattern matches.
 */
function placeOf(mod, layers = LAYERS) {
  let best = null;
  layers.forEach((layer, rank) => {
    for (const [unit, patterns] of Object.entries(layer.units)) {
      for (const pattern of patterns) {
        if (!matches(pattern, mod)) continue;
        const w = weight(pattern);
        if (!best || w > best.w) best = { w, rank, layer: layer.name, unit, peers: Boolean(layer.peers) };
      }
    }
  });
  if (!best) return null;
  return { rank: best.rank, layer: best.layer, unit: best.unit, peers: best.peers };
}

const underAny = (dirs, mod) => dirs.some((d) => mod.startsWith(d));

/** Parsed runtime imports of another file, cached by modification time (editors keep the rule alive). */
const runtimeImportCache = new Map();
function runtimeImportsOf(file) {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return [];
  }
  const cached = runtimeImportCache.get(file);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.specs;
  let specs = [];
  try {
    // Loaded lazily: the rule module itself must stay cheap to require.
    const { parser } = require('typescript-eslint');
    const { ast, visitorKeys } = parser.parseForESLint(fs.readFileSync(file, 'utf8'), { filePath: file, range: true, loc: true });
    specs = collectImports(ast, visitorKeys).filter((i) => !i.typeOnly).map((i) => i.spec);
  } catch {
    specs = [];
  }
  runtimeImportCache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, specs });
  return specs;
}

/** The Node built-in a host module imports at run time (which makes it Node-only), if any. */
function nodeOnlyReason(root, file, exists) {
  const mod = modulePath(root, file);
  if (!mod.startsWith('src/hosts/')) return null;
  if (underAny(NODE_HOST_DIRS, mod)) return `it is under ${NODE_HOST_DIRS.find((d) => mod.startsWith(d))}`;
  if (!exists) return null;
  const builtin = runtimeImportsOf(file).find(isNodeBuiltin);
  return builtin ? `it imports the Node built-in '${builtin}'` : null;
}

const placeName = (place) => `${place.unit} (layer ${place.rank}: ${place.layer})`;

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforces the layer map of src/ (see eslint-rules/layers.js).' },
    schema: [
      {
        type: 'object',
        properties: { root: { type: 'string', description: 'Repository root the map is relative to (tests point it at a fixture tree).' } },
        additionalProperties: false,
      },
    ],
    messages: {
      unmapped: '{{mod}} is in no layer of the map: add its folder to LAYERS in eslint-rules/layers.js.',
      upward: '{{from}} must not import {{spec}}: {{to}} is a higher layer.',
      peer: '{{from}} must not import {{spec}}: {{to}} is its peer.',
      outsideSrc: '{{mod}} must not import {{spec}}: it is outside src/.',
      corePackage: 'src/core must not import \'{{spec}}\': the core imports only itself and {{allowed}}.',
      browserBuiltin: '{{mod}} runs in the browser and must not import the Node built-in \'{{spec}}\'.',
      nodeOnly: '{{mod}} must not import {{spec}}: it is Node-only ({{reason}}); only src/cli and other Node-only host code may.',
      coreGlobal: 'src/core must not use the global \'{{name}}\': the core is host-agnostic (no Office.js, DOM or Node).',
      hostRun: '{{name}}.run may be called only under {{owner}}.',
    },
  },
  create(context) {
    const options = context.options[0] ?? {};
    const root = options.root ? path.resolve(options.root) : path.resolve(__dirname, '..');
    const filename = context.physicalFilename ?? context.filename;
    const mod = modulePath(root, filename);
    if (!mod.startsWith(SRC)) return {};
    const place = placeOf(mod);
    const inCore = mod.startsWith('src/core/');
    const sourceCode = context.sourceCode;

    let importerNodeOnly = false;

    function checkImport({ spec, node, typeOnly }) {
      if (!isRelative(spec)) {
        if (inCore && !CORE_PACKAGES.includes(spec)) {
          context.report({ node, messageId: 'corePackage', data: { spec, allowed: CORE_PACKAGES.join(', ') } });
        } else if (isNodeBuiltin(spec) && underAny(BROWSER_DIRS, mod)) {
          context.report({ node, messageId: 'browserBuiltin', data: { mod, spec } });
        }
        return;
      }
      const target = resolveImport(filename, spec);
      const to = modulePath(root, target.file);
      if (!to.startsWith(SRC)) {
        const rel = path.relative(root, target.file).split(path.sep).join('/');
        if (Object.hasOwn(OUTSIDE_SRC_ALLOWED, rel) && underAny(OUTSIDE_SRC_ALLOWED[rel], mod)) return;
        context.report({ node, messageId: 'outsideSrc', data: { mod, spec } });
        return;
      }
      // A type-only import is erased at compile time and drags no Node code into a browser bundle.
      const reason = !typeOnly && nodeOnlyReason(root, target.file, target.exists);
      if (reason && !underAny(NODE_IMPORTERS, mod) && !importerNodeOnly) {
        context.report({ node, messageId: 'nodeOnly', data: { mod, spec: to, reason } });
      }
      const toPlace = placeOf(to);
      if (!place || !toPlace) return; // an unmapped file is reported once, where it is linted
      if (toPlace.rank > place.rank) {
        context.report({ node, messageId: 'upward', data: { from: placeName(place), spec, to: placeName(toPlace) } });
      } else if (toPlace.rank === place.rank && toPlace.unit !== place.unit && place.peers) {
        context.report({ node, messageId: 'peer', data: { from: place.unit, spec, to: toPlace.unit } });
      }
    }

    /** References to globals: unresolved ones and those declared by config (which have no definition). */
    function globalReferences(globalScope) {
      const refs = [...globalScope.through];
      for (const variable of globalScope.variables) if (variable.defs.length === 0) refs.push(...variable.references);
      return refs;
    }

    /** `globalThis.process`, `globalThis['document']`: the property name when it is a string. */
    function staticProperty(member) {
      if (!member.computed && member.property.type === 'Identifier') return member.property.name;
      if (member.computed && member.property.type === 'Literal' && typeof member.property.value === 'string') return member.property.value;
      return null;
    }

    function checkGlobals(program) {
      for (const ref of globalReferences(sourceCode.getScope(program))) {
        const id = ref.identifier;
        const parent = id.parent;
        const member = parent && parent.type === 'MemberExpression' && parent.object === id ? parent : null;
        if (inCore && CORE_FORBIDDEN_GLOBALS.includes(id.name)) {
          context.report({ node: id, messageId: 'coreGlobal', data: { name: id.name } });
          continue;
        }
        if (inCore && id.name === 'globalThis' && member && CORE_FORBIDDEN_GLOBALS.includes(staticProperty(member))) {
          context.report({ node: member, messageId: 'coreGlobal', data: { name: staticProperty(member) } });
          continue;
        }
        const owner = Object.hasOwn(HOST_RUN_OWNERS, id.name) ? HOST_RUN_OWNERS[id.name] : null;
        if (owner && member && staticProperty(member) === 'run' && !mod.startsWith(owner)) {
          context.report({ node: member, messageId: 'hostRun', data: { name: id.name, owner } });
        }
      }
    }

    /** `declare const process: …` in the core would hide a forbidden global from the check above. */
    function checkAmbient(node) {
      if (!inCore || !node.declare) return;
      const ids =
        node.type === 'VariableDeclaration' ? node.declarations.map((d) => d.id) : node.id ? [node.id] : [];
      for (const id of ids) {
        if (id.type === 'Identifier' && CORE_FORBIDDEN_GLOBALS.includes(id.name)) {
          context.report({ node: id, messageId: 'coreGlobal', data: { name: id.name } });
        }
      }
    }

    return {
      Program(program) {
        if (!place) context.report({ node: program, loc: { line: 1, column: 0 }, messageId: 'unmapped', data: { mod } });
        const refs = collectImports(program, sourceCode.visitorKeys);
        importerNodeOnly =
          mod.startsWith('src/hosts/') &&
          (underAny(NODE_HOST_DIRS, mod) || refs.some((r) => !r.typeOnly && isNodeBuiltin(r.spec)));
        for (const ref of refs) checkImport(ref);
        checkGlobals(program);
      },
      VariableDeclaration: checkAmbient,
      TSDeclareFunction: checkAmbient,
      ClassDeclaration: checkAmbient,
    };
  },
};

module.exports = {
  rule,
  LAYERS,
  CORE_PACKAGES,
  CORE_FORBIDDEN_GLOBALS,
  HOST_RUN_OWNERS,
  NODE_HOST_DIRS,
  placeOf,
  modulePath,
  nodeOnlyReason,
  plugin: { meta: { name: 'local' }, rules: { layers: rule } },
};
