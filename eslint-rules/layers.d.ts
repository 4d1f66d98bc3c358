// Types of layers.js for the TypeScript tests that use it.
import type { ESLint, Rule } from 'eslint';

export interface Layer {
  name: string;
  peers?: boolean;
  units: Record<string, string[]>;
}

export interface Place {
  rank: number;
  layer: string;
  unit: string;
  peers: boolean;
}

export const rule: Rule.RuleModule;
export const plugin: ESLint.Plugin;
export const LAYERS: readonly Layer[];
export const CORE_PACKAGES: readonly string[];
export const CORE_FORBIDDEN_GLOBALS: readonly string[];
export const HOST_RUN_OWNERS: Readonly<Record<string, string>>;
export const NODE_HOST_DIRS: readonly string[];
export function placeOf(mod: string, layers?: readonly Layer[]): Place | null;
export function modulePath(root: string, file: string): string;
export function nodeOnlyReason(root: string, file: string, exists: boolean): string | null;
