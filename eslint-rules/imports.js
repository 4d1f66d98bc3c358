'use strict';
/*
 * What a module imports, read from its AST, and where a relative import lands. Shared by the
 * layer rule (layers.js) and the import-cycle test so both see the same edges.
 */
const fs = require('fs');
const path = require('path');
const { builtinModules } = require('module');

/** Extensions tried, in TypeScript's order, when an import names a file without one. */
const EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.js', '.jsx', '.json'];

/**
 * @typedef {{ spec: string, node: object, typeOnly: boolean, dynamic: boolean }} ImportRef
 * typeOnly: erased at compile time (`import type`, every specifier `type`, `import('x').T`).
 * dynamic: `import('x')`, loaded on demand.
 */

/** Every import, re-export, require('…') and import('…') of a parsed module, in source order. */
function collectImports(program, visitorKeys) {
  /** @type {ImportRef[]} */
  const found = [];
  const add = (source, node, typeOnly, dynamic) => {
    if (source && source.type === 'Literal' && typeof source.value === 'string') {
      found.push({ spec: source.value, node, typeOnly, dynamic });
    }
  };
  const allType = (specifiers, key) => specifiers.length > 0 && specifiers.every((s) => s[key] === 'type');
  const visit = (node) => {
    switch (node.type) {
      case 'ImportDeclaration':
        add(node.source, node, node.importKind === 'type' || allType(node.specifiers, 'importKind'), false);
        break;
      case 'ExportNamedDeclaration':
        if (node.source) add(node.source, node, node.exportKind === 'type' || allType(node.specifiers, 'exportKind'), false);
        break;
      case 'ExportAllDeclaration':
        add(node.source, node, node.exportKind === 'type', false);
        break;
      case 'TSImportEqualsDeclaration':
        if (node.moduleReference.type === 'TSExternalModuleReference') {
          add(node.moduleReference.expression, node, node.importKind === 'type', false);
        }
        break;
      case 'ImportExpression':
        add(node.source, node, false, true);
        break;
      case 'CallExpression':
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) {
          add(node.arguments[0], node, false, false);
        }
        break;
      case 'TSImportType': {
        const source = node.source ?? (node.argument && node.argument.literal);
        add(source, node, true, false);
        break;
      }
      default:
        break;
    }
    for (const key of visitorKeys[node.type] ?? []) {
      const child = node[key];
      if (Array.isArray(child)) {
        for (const c of child) if (c && typeof c.type === 'string') visit(c);
      } else if (child && typeof child.type === 'string') {
        visit(child);
      }
    }
  };
  visit(program);
  return found;
}

function isRelative(spec) {
  return spec === '.' || spec === '..' || spec.startsWith('./') || spec.startsWith('../');
}

/** `fs`, `fs/promises`, `node:fs` are Node built-ins. */
function isNodeBuiltin(spec) {
  if (spec.startsWith('node:')) return true;
  return builtinModules.includes(spec.split('/')[0]) || builtinModules.includes(spec);
}

function isFile(p) {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * The absolute path a relative import names: the file it resolves to if there is one, else the
 * path as written (without extension) so a planned or moved module is still placed on the map.
 */
function resolveImport(fromFile, spec) {
  const base = path.resolve(path.dirname(fromFile), spec);
  if (isFile(base)) return { file: base, exists: true };
  for (const ext of EXTENSIONS) if (isFile(base + ext)) return { file: base + ext, exists: true };
  for (const ext of EXTENSIONS) {
    const index = path.join(base, 'index' + ext);
    if (isFile(index)) return { file: index, exists: true };
  }
  return { file: base, exists: false };
}

module.exports = { collectImports, isRelative, isNodeBuiltin, resolveImport, EXTENSIONS };
