import type { Rule } from '../types';
import { subjectCatalogNames } from './catalog-names';
import { subjectClassNames } from './class-names';
import { subjectCodeFormat } from './code-format';
import { subjectNameConsistency } from './name-consistency';
import { subjectPlacement } from './placement';

/** The subjects rules, one file each; test/core/rules/registry.test.ts checks this list against the folder. */
export const RULES: readonly Rule[] = [subjectCodeFormat, subjectNameConsistency, subjectClassNames, subjectCatalogNames, subjectPlacement];
