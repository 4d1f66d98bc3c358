import { amount } from './amount';
import { change } from './change';
import { changeParts } from './change-parts';
import { comparison } from './comparison';
import { completion } from './completion';
import type { NarrativeCheckSource, NarrativeRule } from './context';
import { repeat } from './repeat';
import { score } from './score';
import { share } from './share';
import { subject } from './subject';
import { sum } from './sum';
import { unit } from './unit';
import { unresolved } from './unresolved';

/**
 * The narrative checks in the order they run: those that tie numbers to the tables first (the others
 * use what they resolved), then the checks of numbers against each other, then the unresolved rest.
 */
export const NARRATIVE_RULES: readonly NarrativeRule[] = [amount, score, share, completion, sum, change, changeParts, comparison, repeat, subject, unit];

/** Lists what no other check looked at; runs last. */
export const UNRESOLVED_RULE: NarrativeRule = unresolved;

/** Every narrative finding source (rule id, severity, message catalog). */
export const NARRATIVE_SOURCES: readonly NarrativeCheckSource[] = [...NARRATIVE_RULES, unresolved].flatMap((r) => r.sources);
