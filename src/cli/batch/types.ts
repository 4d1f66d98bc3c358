/**
 * What crosses between the batch's parent and its worker threads: plain data only (structured
 * clone), never a class instance. A task names its files by absolute path (the worker reads them)
 * and by the path the report shows (relative to the folder given, '/'-separated), so that no
 * absolute path reaches a report.
 */
import type { Finding } from '../../core/findings';

/** 公开 (a 决算公开 workbook: 公开01–09表), 绩效 (自评表, 基础数据表), or neither recognized. */
export type WorkbookKind = 'gongkai' | 'jixiao';

export interface FileRef {
  /** Absolute path, for reading. */
  abs: string;
  /** The path the report shows: relative to its folder, '/'-separated. */
  rel: string;
}

/** Phase 1: check one workbook (what `gongkai check FILE --format json` does). */
export interface CheckTask {
  type: 'check';
  file: FileRef;
  attempt: number;
}

/** Phase 1: what a prior-year workbook is (department, year, kind), for matching. */
export interface IdentifyPriorTask {
  type: 'identify-prior';
  file: FileRef;
  attempt: number;
}

/** Phase 1: the head of a narrative (department, year, kind), for matching. */
export interface NarrativeHeadTask {
  type: 'narrative-head';
  file: FileRef;
  attempt: number;
}

/** Phase 2: check a matched narrative against its workbook (`check FILE --narrative N [--prior P]`). */
export interface NarrativeCheckTask {
  type: 'narrative-check';
  workbook: FileRef;
  narrative: FileRef;
  prior: FileRef | null;
  attempt: number;
}

export type BatchTask = CheckTask | IdentifyPriorTask | NarrativeHeadTask | NarrativeCheckTask;

/** A file that could not be read: the one-line reason (Chinese, then English). */
export interface Unreadable {
  unreadable: string;
}

export interface CheckResult {
  department: string | null;
  year: number | null;
  kind: WorkbookKind | null;
  tables: number;
  /** Every finding, as the output contract prints it (the likely-culprit sentence in the message). */
  findings: Finding[];
}

export interface IdentityResult {
  department: string | null;
  year: number | null;
  kind: WorkbookKind | null;
}

export interface NarrativeHeadResult {
  /** The start of the text, whitespace removed (where a 情况说明 names its department and year). */
  head: string;
}

export interface NarrativeCheckResult {
  /** The narrative's findings, as the output contract prints them. */
  findings: Finding[];
  /** Numbers tied to a table fact or checked against other numbers of the text. */
  numbers: number;
  /** The prior-year workbook could not be read: the narrative was checked without it. */
  priorUnreadable: string | null;
  /** Values of the workbook's own 上年数及其他 sheet that could not be used. */
  inputProblems: string[];
}

export type TaskResult<T extends BatchTask> = T extends CheckTask
  ? CheckResult | Unreadable
  : T extends IdentifyPriorTask
    ? IdentityResult | Unreadable
    : T extends NarrativeHeadTask
      ? NarrativeHeadResult | Unreadable
      : NarrativeCheckResult | Unreadable;

export const isUnreadable = (r: object): r is Unreadable => 'unreadable' in r;
