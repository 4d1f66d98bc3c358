import { existsSync, readdirSync, statSync } from 'fs';
import * as path from 'path';
import type { Rule } from '../../../src/core/rules/types';
import type { RuleCases } from './tester';

/** One rule module per file in these folders of src/core/rules (index.ts and sub-folders excluded). */
export const RULE_GROUPS = ['within', 'cross', 'perf', 'subjects', 'hygiene'] as const;
export const RULES_SRC = path.resolve(__dirname, '../../../src/core/rules');

export interface RuleFile {
  /** "within/gk01-balance" */
  name: string;
  /** The rule module without its extension. */
  source: string;
  /** Its cases beside this file: test/core/rules/<group>/<file>.cases.ts. */
  cases: string;
}

export function ruleFiles(): RuleFile[] {
  return RULE_GROUPS.flatMap((group) => {
    const dir = path.join(RULES_SRC, group);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && statSync(path.join(dir, f)).isFile())
      .sort()
      .map((f) => {
        const file = f.replace(/\.ts$/, '');
        return { name: `${group}/${file}`, source: path.join(dir, file), cases: path.resolve(__dirname, group, `${file}.cases.ts`) };
      });
  });
}

/** The exported values of a rule module that are rules (a well-formed module has exactly one). */
export function rulesExportedBy(f: RuleFile): Rule[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(f.source) as Record<string, unknown>;
  return Object.values(mod).filter((v): v is Rule => !!v && typeof v === 'object' && 'meta' in v && 'check' in v);
}

/** The `cases` of a rule file; throws naming the file when it is missing. */
export function casesOf(f: RuleFile): RuleCases {
  if (!existsSync(f.cases)) throw new Error(`rule ${f.name} has no cases file: ${path.relative(process.cwd(), f.cases)}`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { cases } = require(f.cases) as { cases?: RuleCases };
  if (!cases) throw new Error(`${path.relative(process.cwd(), f.cases)} exports no \`cases\``);
  return cases;
}
