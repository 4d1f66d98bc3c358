/**
 * The data behind `gongkai check` (shape fixed by CONTRACT.md; optional fields may be added, none renamed).
 * Hosts and reporters only read this; the core builds it.
 */
import type { TableType } from './tables/types';

export type Severity = 'error' | 'warning' | 'info';

export interface CellPointer {
  sheet: string;
  /** A1 address on `sheet`. */
  address: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  cells: CellPointer[];
  expected: string | null;
  actual: string | null;
  message: string;
  /** Additions: the difference (actual − expected) as a decimal string. */
  difference?: string;
  /** A difference within the rounding envelope (尾差); always a warning. */
  rounding?: boolean;
  /** The cell the other identities point at as most likely wrong (blame localization). */
  likely?: CellPointer;
  source?: 'narrative';
  quote?: string;
}

export interface TableSummary {
  sheet: string;
  type: TableType;
  title: string;
  year: number | null;
  unit: '元' | '万元' | null;
  /** A1 range the table occupies on its sheet. */
  range: string;
  /** Additions to the contract. */
  department?: string | null;
  label?: string | null;
  variant?: string;
}

export interface UnrecognizedSheet {
  sheet: string;
  /** The closest template, if any scored at all. */
  bestGuess: TableType | null;
  reason: string;
}

export interface CheckReport {
  file: string;
  tables: TableSummary[];
  findings: Finding[];
  /** Addition: sheets holding no standard table, with the best guess and why. */
  unrecognized: UnrecognizedSheet[];
}
