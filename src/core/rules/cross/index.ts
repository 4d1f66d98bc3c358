import type { Rule } from '../types';

/** The cross rules, one file each; test/core/rules/registry.test.ts checks this list against the folder. */
export const RULES: readonly Rule[] = [];
