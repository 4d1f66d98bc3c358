/**
 * The data behind `gongkai check --format json`, whose shape other tools rely on: fields may be
 * added, none renamed or removed, none changing meaning (docs/output-contract.md).
 */
import type { TableType } from '../tables/types';
import { fullMessage } from './blame';
import type { Finding } from './types';

export interface TableSummary {
  sheet: string;
  type: TableType;
  title: string;
  year: number | null;
  unit: '元' | '万元' | null;
  /** A1 range the table occupies on its sheet. */
  range: string;
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
  /** Sheets holding no standard table, with the best guess and why. */
  unrecognized: UnrecognizedSheet[];
}

/** A finding as the contract prints it: its `message` ends with the likely-culprit sentence. */
export function contractFinding(f: Finding): Finding {
  return f.likely ? { ...f, message: fullMessage(f) } : f;
}

/** The report as `--format json` prints it. */
export function contractReport(report: CheckReport): CheckReport {
  return { ...report, findings: report.findings.map(contractFinding) };
}
