/**
 * The review state and what people may do to it. Every function returns a new state (the pane keeps
 * states as values); nothing here reads a clock: the caller gives each action its time.
 *
 * Transitions (the status is the last event's; 已修正 only ever comes from the re-check, merge.ts):
 *
 * | action            | who                 | from                               | to     |
 * |-------------------|---------------------|------------------------------------|--------|
 * | explain (text)    | 编制人 or 审核人    | 待处理, 已说明, 退回, 已复核       | 已说明 |
 * | return (comment)  | 审核人              | 待处理, 已说明, 已复核             | 退回   |
 * | accept (note?)    | 审核人              | 待处理, 已说明, 退回               | 已复核 |
 * | reopen (note?)    | 编制人 or 审核人    | 已说明, 退回, 已复核               | 待处理 |
 *
 * A finding that is 已修正 (gone from the workbook) takes no action until it comes back.
 */
import type { Finding } from '../findings';
import { cellLabel } from '../findings';
import {
  ReviewError,
  ROLE_ZH,
  STATUS_ZH,
  type Actor,
  type FindingRecord,
  type FindingReview,
  type FindingScope,
  type FindingSnapshot,
  type ReviewEvent,
  type ReviewState,
  type ReviewStatus,
} from './types';

/** The longest explanation or comment kept (characters). */
export const MAX_TEXT = 4000;

export type ReviewAction =
  | { kind: 'explain'; text: string }
  | { kind: 'return'; text: string }
  | { kind: 'accept'; text?: string }
  | { kind: 'reopen'; text?: string };

export type ReviewActionKind = ReviewAction['kind'];

export const ACTION_STATUS: Record<ReviewActionKind, ReviewStatus> = { explain: 'explained', return: 'returned', accept: 'accepted', reopen: 'open' };

export const ACTION_ZH: Record<ReviewActionKind, string> = { explain: '说明', return: '退回', accept: '复核通过', reopen: '改回待处理' };

const RULES: Record<ReviewActionKind, { roles: readonly Actor['role'][]; from: readonly ReviewStatus[]; needsText: boolean }> = {
  explain: { roles: ['preparer', 'reviewer'], from: ['open', 'explained', 'returned', 'accepted'], needsText: true },
  return: { roles: ['reviewer'], from: ['open', 'explained', 'accepted'], needsText: true },
  accept: { roles: ['reviewer'], from: ['open', 'explained', 'returned'], needsText: false },
  reopen: { roles: ['preparer', 'reviewer'], from: ['explained', 'returned', 'accepted'], needsText: false },
};

/** Events in time order; events at the same instant in a fixed order, so every copy agrees. */
export function sortEvents(events: readonly ReviewEvent[]): ReviewEvent[] {
  return [...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : eventKey(a) < eventKey(b) ? -1 : eventKey(a) > eventKey(b) ? 1 : 0));
}

/** What makes two events the same event (a copy merged back). */
export function eventKey(e: ReviewEvent): string {
  return JSON.stringify([e.at, e.by, e.role, e.status, e.text ?? '', e.expected ?? null, e.actual ?? null]);
}

/** What the history of one finding says now. */
export function reviewOf(record: FindingRecord): FindingReview {
  const events = record.events;
  const last = events[events.length - 1];
  const status: ReviewStatus = last?.status ?? 'open';
  let explanation: string | undefined;
  let comment: string | undefined;
  let lastSystem: ReviewEvent | undefined;
  let lastHuman: ReviewEvent | undefined;
  let lastJudged: ReviewEvent | undefined;
  for (const e of events) {
    if (e.role === 'system') lastSystem = e;
    else lastHuman = e;
    if (e.status === 'explained' && e.text) explanation = e.text;
    if (e.role === 'reviewer' && (e.status === 'returned' || e.status === 'accepted') && e.text) comment = e.text;
    if (e.role !== 'system' && (e.status === 'explained' || e.status === 'accepted')) lastJudged = e;
  }
  const judged = status === 'explained' || status === 'accepted' ? lastJudged : undefined;
  const changed = !!judged && judged.actual !== undefined && (judged.actual !== record.actual || (judged.expected ?? null) !== record.expected);
  return {
    status,
    ...(explanation ? { explanation } : {}),
    ...(comment ? { comment } : {}),
    reopened: status !== 'fixed' && lastSystem?.status === 'open',
    changed,
    ...(lastHuman ? { updated: { at: lastHuman.at, by: lastHuman.by, role: lastHuman.role } } : {}),
  };
}

/** The actions `actor` may take on a finding in `status`. */
export function allowedActions(status: ReviewStatus, role: Actor['role']): ReviewActionKind[] {
  return (Object.keys(RULES) as ReviewActionKind[]).filter((k) => RULES[k].roles.includes(role) && RULES[k].from.includes(status));
}

/** Why `action` cannot be taken (Chinese, then English), or null when it can. */
export function refusal(record: FindingRecord | undefined, action: ReviewAction, actor: Actor): ReviewError | null {
  if (!record) return new ReviewError('没有这条审核发现（请重新检查后再试）。 / No such finding (check again and retry).', 'unknown-finding');
  const rule = RULES[action.kind];
  const status = reviewOf(record).status;
  if (!actor.name.trim()) return new ReviewError('请先填写姓名。 / Give your name first.', 'role');
  if (!rule.roles.includes(actor.role)) {
    return new ReviewError(`只有${rule.roles.map((r) => ROLE_ZH[r]).join('或')}可以${ACTION_ZH[action.kind]}。 / Only a ${rule.roles.join(' or ')} may ${action.kind}.`, 'role');
  }
  if (!rule.from.includes(status)) {
    const why = status === 'fixed' ? '这条发现已修正（不在当前检查结果中）' : `这条发现的状态是“${STATUS_ZH[status]}”`;
    return new ReviewError(`${why}，不能${ACTION_ZH[action.kind]}。 / The finding is ${status}; it cannot be ${action.kind}ed.`, 'status');
  }
  const text = (action.text ?? '').trim();
  if (rule.needsText && !text) {
    const what = action.kind === 'explain' ? '说明理由' : '退回意见';
    return new ReviewError(`请填写${what}。 / The ${action.kind === 'explain' ? 'explanation' : 'comment'} is empty.`, 'text');
  }
  if (text.length > MAX_TEXT) return new ReviewError(`文字超过 ${MAX_TEXT} 字，请精简。 / The text is longer than ${MAX_TEXT} characters.`, 'text');
  return null;
}

/** A valid ISO time, or a ReviewError. */
export function checkTime(at: string): void {
  if (typeof at !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(at) || Number.isNaN(Date.parse(at))) {
    throw new ReviewError(`时间格式无效：“${String(at)}”。 / Invalid time "${String(at)}".`, 'time');
  }
}

/**
 * One event placed after the record's last one: clocks of two machines differ, and an action
 * dated before the latest event would not become the status. The time moves on by a millisecond
 * past the last event when it has to.
 */
export function after(events: readonly ReviewEvent[], at: string): string {
  const last = events[events.length - 1];
  if (!last || last.at < at) return at;
  const t = Date.parse(last.at);
  return Number.isNaN(t) ? at : new Date(t + 1).toISOString();
}

/** `action` by `actor` at `at` on the finding `id`; throws ReviewError when it is not allowed. */
export function applyAction(state: ReviewState, id: string, action: ReviewAction, actor: Actor, at: string): ReviewState {
  checkTime(at);
  const record = state.records.get(id);
  const refused = refusal(record, action, actor);
  if (refused || !record) throw refused ?? new ReviewError('unknown finding', 'unknown-finding');
  const text = (action.text ?? '').trim();
  const event: ReviewEvent = {
    at: after(record.events, new Date(Date.parse(at)).toISOString()),
    by: actor.name.trim(),
    role: actor.role,
    status: ACTION_STATUS[action.kind],
    ...(text ? { text } : {}),
    expected: record.expected,
    actual: record.actual,
  };
  return withRecord(state, { ...record, events: [...record.events, event] });
}

/** The state with `record` put in (a new map; the other records shared). */
export function withRecord(state: ReviewState, record: FindingRecord): ReviewState {
  const records = new Map(state.records);
  records.set(record.id, record);
  return { ...state, records };
}

/** The scope of a finding: a narrative's numbers or the tables. */
export const scopeOf = (f: Finding): FindingScope => (f.source === 'narrative' ? 'narrative' : 'table');

/** What a record remembers of a finding. */
export function snapshotOf(f: Finding): FindingSnapshot {
  const first = f.cells[0];
  return {
    rule: f.rule,
    severity: f.severity,
    cell: first ? cellLabel(first) : f.quote ? `“${f.quote}”` : '',
    message: f.message,
    expected: f.expected,
    actual: f.actual,
    ...(f.rounding ? { rounding: true } : {}),
  };
}
