/**
 * The review at a glance, and signing it off. A sign-off is refused while an error is 待处理 or 退回
 * (sent back and not yet answered), with the reason and the first cells; it records the counts and a
 * digest of every present finding's status, and holds only while they hold: a new error, or a status
 * changed afterwards, shows it as superseded.
 */
import type { Severity } from '../findings';
import { cellLabel } from '../findings';
import { checkTime } from './model';
import { ReviewError, ROLE_ZH, type Actor, type ReviewedFinding, type ReviewRole, type ReviewState, type ReviewStatus, type SignOff } from './types';

/** 错误 / 警告 / 尾差 / 提示: the 尾差 apart from the other warnings, as the pane and the text report count them. */
export type SummaryKind = Severity | 'rounding';

export const KIND_ZH: Record<SummaryKind, string> = { error: '错误', warning: '警告', rounding: '尾差', info: '提示' };

const kindOf = (r: ReviewedFinding): SummaryKind => (r.record.rounding ? 'rounding' : r.record.severity);

export interface Person {
  name: string;
  role: ReviewRole;
  /** How many actions, and the latest. */
  actions: number;
  last: string;
}

export interface ReviewSummary {
  /** Findings the check gives now, and the ones gone since (已修正). */
  present: number;
  fixed: number;
  byStatus: Record<ReviewStatus, number>;
  /** Present findings by kind (尾差 apart). */
  byKind: Record<SummaryKind, number>;
  /** Kind × status, present findings and 已修正 ones. */
  matrix: Record<SummaryKind, Record<ReviewStatus, number>>;
  /** Errors still 待处理, and errors 退回 (waiting for the 编制人). */
  openErrors: number;
  returnedErrors: number;
  /** Everyone who acted, most recent first. */
  people: Person[];
  lastActivity?: { at: string; by: string; role: ReviewRole };
  /** The latest sign-off, and whether it still holds. */
  signOff?: SignOff & { current: boolean };
  /** Whether a sign-off would be accepted now, and if not why (Chinese). */
  signOffRefusal: string | null;
}

const zeroStatuses = (): Record<ReviewStatus, number> => ({ open: 0, fixed: 0, explained: 0, returned: 0, accepted: 0 });

export function summarize(state: ReviewState, reviewed: readonly ReviewedFinding[]): ReviewSummary {
  const byStatus = zeroStatuses();
  const byKind: Record<SummaryKind, number> = { error: 0, warning: 0, rounding: 0, info: 0 };
  const matrix: Record<SummaryKind, Record<ReviewStatus, number>> = { error: zeroStatuses(), warning: zeroStatuses(), rounding: zeroStatuses(), info: zeroStatuses() };
  let present = 0;
  for (const r of reviewed) {
    byStatus[r.review.status]++;
    matrix[kindOf(r)][r.review.status]++;
    if (r.finding) {
      present++;
      byKind[kindOf(r)]++;
    }
  }
  const people = new Map<string, Person>();
  let lastActivity: ReviewSummary['lastActivity'];
  const acted = (by: string, role: ReviewRole, at: string) => {
    const key = `${role}|${by}`;
    const p = people.get(key) ?? { name: by, role, actions: 0, last: at };
    p.actions++;
    if (at > p.last) p.last = at;
    people.set(key, p);
    if (!lastActivity || at > lastActivity.at) lastActivity = { at, by, role };
  };
  for (const record of state.records.values()) for (const e of record.events) if (e.role !== 'system') acted(e.by, e.role, e.at);
  for (const s of state.signOffs) acted(s.by, s.role, s.at);
  const latest = state.signOffs[state.signOffs.length - 1];
  const refusal = signOffRefusal(reviewed);
  return {
    present,
    fixed: byStatus.fixed,
    byStatus,
    byKind,
    matrix,
    openErrors: matrix.error.open,
    returnedErrors: matrix.error.returned,
    people: [...people.values()].sort((a, b) => (a.last < b.last ? 1 : a.last > b.last ? -1 : 0)),
    ...(lastActivity ? { lastActivity } : {}),
    ...(latest ? { signOff: { ...latest, current: latest.digest === statusDigest(reviewed) } } : {}),
    signOffRefusal: refusal,
  };
}

/** Why the review cannot be signed off now (Chinese, naming the first cells), or null. */
export function signOffRefusal(reviewed: readonly ReviewedFinding[]): string | null {
  const errors = reviewed.filter((r) => r.finding && r.record.severity === 'error' && !r.record.rounding);
  const open = errors.filter((r) => r.review.status === 'open');
  const returned = errors.filter((r) => r.review.status === 'returned');
  if (!open.length && !returned.length) return null;
  const where = (list: ReviewedFinding[]) => {
    const cells = [...new Set(list.map((r) => (r.finding?.cells[0] ? cellLabel(r.finding.cells[0]) : r.record.cell || r.record.rule)))];
    return cells.slice(0, 5).join('、') + (cells.length > 5 ? ` 等 ${cells.length} 处` : '');
  };
  const parts: string[] = [];
  if (open.length) parts.push(`${open.length} 条错误仍待处理（${where(open)}）`);
  if (returned.length) parts.push(`${returned.length} 条错误已退回、尚待编制人修正或说明（${where(returned)}）`);
  return `不能签署：${parts.join('；')}。请先修正，或说明后复核。`;
}

/** A digest of every present finding's id and status (FNV-1a, 32 bits, hex). */
export function statusDigest(reviewed: readonly ReviewedFinding[]): string {
  const text = reviewed
    .filter((r) => r.finding)
    .map((r) => `${r.id}=${r.review.status}`)
    .sort()
    .join('\n');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The review signed off by `actor` (a 审核人) at `at`; throws ReviewError('signoff') while errors are
 * 待处理 or 退回, with the reason, and ReviewError('role') for anyone but a 审核人.
 */
export function signOff(state: ReviewState, reviewed: readonly ReviewedFinding[], actor: Actor, at: string, comment?: string): ReviewState {
  checkTime(at);
  if (actor.role !== 'reviewer') throw new ReviewError(`只有${ROLE_ZH.reviewer}可以签署。 / Only a reviewer may sign off.`, 'role');
  if (!actor.name.trim()) throw new ReviewError('请先填写姓名。 / Give your name first.', 'role');
  const refusal = signOffRefusal(reviewed);
  if (refusal) throw new ReviewError(`${refusal} / Errors are still open or sent back: the review cannot be signed off.`, 'signoff');
  const present = reviewed.filter((r) => r.finding);
  const text = comment?.trim();
  const entry: SignOff = {
    at: new Date(Date.parse(at)).toISOString(),
    by: actor.name.trim(),
    role: 'reviewer',
    ...(text ? { comment: text } : {}),
    digest: statusDigest(reviewed),
    counts: {
      findings: present.length,
      errors: present.filter((r) => r.record.severity === 'error').length,
      explained: present.filter((r) => r.review.status === 'explained').length,
      accepted: present.filter((r) => r.review.status === 'accepted').length,
      fixed: reviewed.filter((r) => r.review.status === 'fixed').length,
    },
  };
  return { ...state, signOffs: [...state.signOffs, entry] };
}
