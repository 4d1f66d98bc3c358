// Types of imports.js for the TypeScript tests that use it.
import type { AST, Rule, SourceCode } from 'eslint';

export interface ImportRef {
  spec: string;
  node: Rule.Node;
  /** Erased at compile time: `import type`, every specifier `type`, `import('x').T`. */
  typeOnly: boolean;
  /** `import('x')`, loaded on demand. */
  dynamic: boolean;
}

export const EXTENSIONS: readonly string[];
export function collectImports(program: AST.Program, visitorKeys: SourceCode.VisitorKeys): ImportRef[];
export function isRelative(spec: string): boolean;
export function isNodeBuiltin(spec: string): boolean;
export function resolveImport(fromFile: string, spec: string): { file: string; exists: boolean };
