import { rangeToA1 } from './grid/address';
import type { Workbook } from './grid/grid';
import { assignIds, type CheckReport, type Finding, type TableSummary } from './findings';
import type { CheckSettings } from './reading';
import { runRules } from './rules/run';
import { recognizeWorkbook, Recognition } from './tables/recognize';

export interface Analysis extends Recognition {
  findings: Finding[];
}

/** Recognition, then every rule over the recognized tables. */
export function analyze(workbook: Workbook, settings: Partial<CheckSettings> = {}): Analysis {
  const recognition = recognizeWorkbook(workbook);
  return { ...recognition, findings: runRules(workbook, recognition.tables, settings) };
}

/** The report of one workbook (the output contract's shape: docs/output-contract.md). */
export function toReport(fileName: string, analysis: Analysis): CheckReport {
  // findings added after the analysis (narrative, fill conflicts) get their ids here
  assignIds(analysis.findings, analysis.tables);
  const tables: TableSummary[] = analysis.tables.map((t) => ({
    sheet: t.sheet,
    type: t.type,
    title: t.title,
    year: t.year,
    unit: t.unit,
    range: rangeToA1(t.range),
    department: t.department,
    label: t.label,
    ...(t.variant ? { variant: t.variant } : {}),
  }));
  return {
    file: fileName,
    tables,
    findings: analysis.findings,
    unrecognized: analysis.unrecognized.map((u) => ({ sheet: u.sheet, bestGuess: u.bestGuess, reason: u.reason })),
  };
}
