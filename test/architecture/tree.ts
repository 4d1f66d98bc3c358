import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { Linter, type Rule } from 'eslint';
import tseslint from 'typescript-eslint';
import { collectImports, isRelative, resolveImport } from '../../eslint-rules/imports';
import { plugin as layersPlugin } from '../../eslint-rules/layers';

export const REPO = path.resolve(__dirname, '../..');
export const FIXTURES = path.join(__dirname, 'fixtures');

/** The .ts and .tsx files under dir, sorted. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

export interface Problem {
  /** Relative to the root the tree was read with. */
  file: string;
  line: number;
  messageId: string;
  message: string;
}

export interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

export interface Tree {
  /** What the layer rule reports, in file order. */
  problems: Problem[];
  /** Relative imports between the given files (imports of other files are not edges). */
  edges: Edge[];
}

/** A flat config with only the layer rule, the map relative to root; extra adds plugins and rules. */
export function layersConfig(root: string, extra: Pick<Linter.Config, 'plugins' | 'rules'> = {}): Linter.Config[] {
  return [
    {
      files: ['**/*.ts', '**/*.tsx'],
      languageOptions: { parser: tseslint.parser },
      plugins: { local: layersPlugin, ...extra.plugins },
      rules: { 'local/layers': ['error', { root }], ...extra.rules },
      // Sources carry disable comments for rules this run does not load.
      linterOptions: { reportUnusedDisableDirectives: 'off' },
    },
  ];
}

/**
 * Runs the layer rule over files with root as the repository root (the rule and map of `npm run
 * lint`, without its type-aware rules, which the layering does not need) and collects the import
 * graph in the same pass.
 */
export function readTree(root: string, files: string[]): Tree {
  const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');
  const known = new Set(files);
  const edges: Edge[] = [];
  const collector: Rule.RuleModule = {
    meta: { type: 'problem', schema: [] },
    create: (context) => ({
      Program(program) {
        const from = context.physicalFilename;
        for (const ref of collectImports(program, context.sourceCode.visitorKeys)) {
          if (!isRelative(ref.spec)) continue;
          const target = resolveImport(from, ref.spec);
          if (known.has(target.file)) edges.push({ from: rel(from), to: rel(target.file), typeOnly: ref.typeOnly });
        }
      },
    }),
  };
  const config = layersConfig(root, { plugins: { tree: { rules: { imports: collector } } }, rules: { 'tree/imports': 'error' } });
  const linter = new Linter({ configType: 'flat', cwd: root });
  const problems: Problem[] = [];
  for (const file of files) {
    for (const m of linter.verify(readFileSync(file, 'utf8'), config, { filename: file })) {
      if (m.ruleId !== 'local/layers' && !m.fatal) continue;
      problems.push({ file: rel(file), line: m.line, messageId: m.messageId ?? (m.fatal ? 'fatal' : ''), message: m.message });
    }
  }
  return { problems, edges };
}

/** Strongly connected components (Tarjan), each in discovery order; components in node order. */
export function stronglyConnected(nodes: string[], next: (n: string) => string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      components.push(component.reverse());
    }
  };
  for (const n of nodes) if (!index.has(n)) visit(n);
  return components;
}

/**
 * One line per import cycle: every module of a strongly connected component, and one shortest
 * cycle through its first module as an example; `(type)` marks an import that is type-only.
 */
export function importCycles(edges: Edge[]): string[] {
  const out = new Map<string, Edge[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e]);
  const nodes = [...new Set(edges.flatMap((e) => [e.from, e.to]))].sort();
  const next = (n: string) => [...new Set((out.get(n) ?? []).map((e) => e.to))].sort();
  const lines: string[] = [];
  for (const component of stronglyConnected(nodes, next)) {
    const members = new Set(component);
    const selfLoop = component.length === 1 && next(component[0]).includes(component[0]);
    if (component.length === 1 && !selfLoop) continue;
    const start = [...component].sort()[0];
    // Breadth-first from start, inside the component, back to start.
    const via = new Map<string, Edge>();
    const queue = [start];
    let closing: Edge | undefined;
    while (queue.length > 0 && !closing) {
      const v = queue.shift()!;
      for (const e of (out.get(v) ?? []).filter((x) => members.has(x.to)).sort((a, b) => a.to.localeCompare(b.to))) {
        if (e.to === start) {
          closing = e;
          break;
        }
        if (!via.has(e.to)) {
          via.set(e.to, e);
          queue.push(e.to);
        }
      }
    }
    const path: Edge[] = [closing!];
    for (let v = closing!.from; v !== start; v = via.get(v)!.from) path.unshift(via.get(v)!);
    const example = [start, ...path.map((e) => `${e.to}${e.typeOnly ? ' (type)' : ''}`)].join(' → ');
    const all = [...component].sort();
    lines.push(all.length > path.length ? `${example}; the cycle's component: ${all.join(', ')}` : example);
  }
  return lines.sort();
}
