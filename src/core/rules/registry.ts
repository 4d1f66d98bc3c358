import { RULES as CROSS } from './cross';
import { RULES as HYGIENE } from './hygiene';
import { RULES as PERF } from './perf';
import { RULES as SUBJECTS } from './subjects';
import { RULES as WITHIN } from './within';
import type { Rule } from './types';

/** Every rule: within a table (A01–A24), between tables (B…), 绩效, 科目, hygiene. */
export const RULES: readonly Rule[] = [...WITHIN, ...CROSS, ...PERF, ...SUBJECTS, ...HYGIENE];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
