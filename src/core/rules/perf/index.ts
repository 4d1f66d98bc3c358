import type { Rule } from '../types';

/** The perf rules, one file each; test/core/rules/registry.test.ts checks this list against the folder. */
export const RULES: readonly Rule[] = [];
