/**
 * The review of a workbook's findings, as data: for every finding (keyed by its stable id, so that it
 * survives inserted rows, re-checks and saving) a history of who did what when. The status is never
 * stored on its own: it is the last event's, so two copies of a review (the accountant's and the
 * supervisor's) merge by taking the union of their events (see merge.ts) and nothing is lost.
 */
import type { Finding, Severity } from '../findings';

/** 待处理 / 已修正 / 已说明 / 退回 / 已复核. */
export type ReviewStatus = 'open' | 'fixed' | 'explained' | 'returned' | 'accepted';

export const REVIEW_STATUSES: readonly ReviewStatus[] = ['open', 'explained', 'returned', 'accepted', 'fixed'];

export const STATUS_ZH: Record<ReviewStatus, string> = { open: '待处理', fixed: '已修正', explained: '已说明', returned: '退回', accepted: '已复核' };

/**
 * Who acts: the accountant who prepares the workbook (编制人), the 财政局 supervisor (审核人), or the
 * re-check itself (复核程序: a finding that went away is 已修正, one that came back is reopened).
 * Roles are declared by the person, not authenticated: the workbook travels by email.
 */
export type ReviewRole = 'preparer' | 'reviewer' | 'system';

export const ROLE_ZH: Record<ReviewRole, string> = { preparer: '编制人', reviewer: '审核人', system: '复核程序' };

export interface Actor {
  name: string;
  role: Exclude<ReviewRole, 'system'>;
}

export interface ReviewEvent {
  /** ISO 8601 time (`Date#toISOString()`), given by the caller: the core has no clock. */
  at: string;
  /** The person's name ('' for the re-check). */
  by: string;
  role: ReviewRole;
  /** The status after the event. */
  status: ReviewStatus;
  /** The explanation (已说明), the supervisor's comment (退回, 已复核), a note (待处理). */
  text?: string;
  /** The finding's values when the event happened (an explanation may be outdated by an edit). */
  expected?: string | null;
  actual?: string | null;
}

/** Where a finding comes from: the tables, or the numbers of a narrative text checked against them. */
export type FindingScope = 'table' | 'narrative';

/** A finding as last seen (kept when it goes away, so a 已修正 finding still says what it was). */
export interface FindingSnapshot {
  rule: string;
  severity: Severity;
  /** The finding's first cell ("公开02表!C29"), '' when it names none. */
  cell: string;
  message: string;
  expected: string | null;
  actual: string | null;
  rounding?: boolean;
}

export interface FindingRecord extends FindingSnapshot {
  id: string;
  scope: FindingScope;
  /** In time order. */
  events: ReviewEvent[];
}

/** The counts a sign-off saw, for the record. */
export interface SignOffCounts {
  findings: number;
  errors: number;
  explained: number;
  accepted: number;
  fixed: number;
}

export interface SignOff {
  at: string;
  by: string;
  role: 'reviewer';
  comment?: string;
  /** A digest of every present finding's id and status when signed: the sign-off holds while they hold. */
  digest: string;
  counts: SignOffCounts;
}

export interface ReviewState {
  readonly version: 1;
  readonly records: ReadonlyMap<string, FindingRecord>;
  /** In time order. */
  readonly signOffs: readonly SignOff[];
}

export const EMPTY_REVIEW: ReviewState = Object.freeze({ version: 1, records: new Map(), signOffs: [] });

/** What the history of one finding says now. */
export interface FindingReview {
  status: ReviewStatus;
  /** The latest explanation (已说明), kept when the status moves on. */
  explanation?: string;
  /** The supervisor's latest comment (退回, or a note with 已复核). */
  comment?: string;
  /** It was 已修正 and the re-check found it again. */
  reopened: boolean;
  /** Its values changed since the latest explanation or acceptance: that may no longer hold. */
  changed: boolean;
  /** The latest event by a person. */
  updated?: { at: string; by: string; role: ReviewRole };
}

/** A finding with its review: `finding` is null when it went away (已修正). */
export interface ReviewedFinding {
  id: string;
  finding: Finding | null;
  record: FindingRecord;
  review: FindingReview;
}

/** A review action refused (wrong role, wrong status, missing text), Chinese first, then English. */
export class ReviewError extends Error {
  constructor(
    message: string,
    readonly reason: 'role' | 'status' | 'text' | 'unknown-finding' | 'time' | 'signoff',
  ) {
    super(message);
    this.name = 'ReviewError';
  }
}
