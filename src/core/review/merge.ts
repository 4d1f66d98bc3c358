/**
 * Bringing a review and a fresh check together, and two copies of a review together.
 *
 * - `reconcile`: after every check. A recorded finding the check no longer gives is 已修正 (an event
 *   of the re-check); a 已修正 finding that is given again is reopened (待处理, flagged); a new one
 *   gets a record (待处理, no event). Ids are the findings' stable ids, so rows inserted above a
 *   finding's cell, a save and a reopen change nothing.
 * - `mergeReviews`: the accountant's copy and the supervisor's copy of one workbook: the union of
 *   their events (the status is the last event's), the union of sign-offs. Nothing is lost and the
 *   result does not depend on the order the two are given in.
 */
import type { Finding } from '../findings';
import { checkTime, eventKey, reviewOf, scopeOf, snapshotOf, sortEvents } from './model';
import type { FindingRecord, FindingScope, ReviewedFinding, ReviewEvent, ReviewState, SignOff } from './types';

export interface ReconcileOptions {
  /** The time of the check (ISO 8601). */
  at: string;
  /**
   * The scopes this check covered: a recorded finding of another scope is left alone (a check of the
   * tables alone does not make the narrative's findings 已修正). Default: 'table', and 'narrative' when
   * a narrative finding is among `findings`.
   */
  scopes?: readonly FindingScope[];
}

export interface Reconciled {
  state: ReviewState;
  /** Every finding of the check with its review, in the check's order, then the 已修正 ones. */
  reviewed: ReviewedFinding[];
  /** Ids that became 已修正, came back (reopened), or are new in this check. */
  fixed: string[];
  reopened: string[];
  added: string[];
}

/** The review after a check that gave `findings` (each with its stable id). */
export function reconcile(state: ReviewState, findings: readonly Finding[], options: ReconcileOptions): Reconciled {
  checkTime(options.at);
  const at = new Date(Date.parse(options.at)).toISOString();
  const scopes = new Set<FindingScope>(options.scopes ?? ['table', ...(findings.some((f) => f.source === 'narrative') ? (['narrative'] as const) : [])]);
  const records = new Map(state.records);
  const present = new Map<string, Finding>();
  const fixed: string[] = [];
  const reopened: string[] = [];
  const added: string[] = [];
  for (const f of findings) {
    if (!f.id || present.has(f.id)) continue;
    present.set(f.id, f);
    const had = records.get(f.id);
    const snapshot = snapshotOf(f);
    if (!had) {
      records.set(f.id, { id: f.id, scope: scopeOf(f), ...snapshot, events: [] });
      added.push(f.id);
      continue;
    }
    let events = had.events;
    if (reviewOf(had).status === 'fixed') {
      events = [...events, systemEvent(events, at, 'open', f)];
      reopened.push(f.id);
    }
    if (events !== had.events || !sameSnapshot(had, snapshot)) records.set(f.id, { ...had, ...snapshot, events });
  }
  for (const [id, record] of records) {
    if (present.has(id) || !scopes.has(record.scope) || reviewOf(record).status === 'fixed') continue;
    records.set(id, { ...record, events: [...record.events, systemEvent(record.events, at, 'fixed', null, record)] });
    fixed.push(id);
  }
  const next: ReviewState = { ...state, records };
  return { state: next, reviewed: reviewedFindings(next, findings), fixed, reopened, added };
}

/** The findings with their reviews (in the given order), then the recorded findings that went away. */
export function reviewedFindings(state: ReviewState, findings: readonly Finding[]): ReviewedFinding[] {
  const out: ReviewedFinding[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    if (!f.id || seen.has(f.id)) continue;
    seen.add(f.id);
    const record = state.records.get(f.id) ?? { id: f.id, scope: scopeOf(f), ...snapshotOf(f), events: [] };
    out.push({ id: f.id, finding: f, record, review: reviewOf(record) });
  }
  for (const record of state.records.values()) {
    if (seen.has(record.id)) continue;
    const review = reviewOf(record);
    if (review.status === 'fixed') out.push({ id: record.id, finding: null, record, review });
  }
  return out;
}

function systemEvent(events: readonly ReviewEvent[], at: string, status: 'open' | 'fixed', f: Finding | null, record?: FindingRecord): ReviewEvent {
  const last = events[events.length - 1];
  const when = last && last.at >= at ? new Date(Date.parse(last.at) + 1).toISOString() : at;
  return { at: when, by: '', role: 'system', status, expected: f ? f.expected : (record?.expected ?? null), actual: f ? f.actual : (record?.actual ?? null) };
}

function sameSnapshot(a: FindingRecord, b: ReturnType<typeof snapshotOf>): boolean {
  return (
    a.rule === b.rule &&
    a.severity === b.severity &&
    a.cell === b.cell &&
    a.message === b.message &&
    a.expected === b.expected &&
    a.actual === b.actual &&
    Boolean(a.rounding) === Boolean(b.rounding)
  );
}

/**
 * Two copies of one review as one: every event of either (the same event once), every sign-off of
 * either. A finding's last-seen values come from the copy whose latest event is later.
 */
export function mergeReviews(a: ReviewState, b: ReviewState): ReviewState {
  const records = new Map<string, FindingRecord>();
  for (const id of new Set([...a.records.keys(), ...b.records.keys()])) {
    const x = a.records.get(id);
    const y = b.records.get(id);
    if (!x || !y) {
      records.set(id, (x ?? y)!);
      continue;
    }
    const byKey = new Map<string, ReviewEvent>();
    for (const e of [...x.events, ...y.events]) byKey.set(eventKey(e), e);
    const events = sortEvents([...byKey.values()]);
    const lastOf = (r: FindingRecord) => r.events[r.events.length - 1]?.at ?? '';
    const newer = lastOf(y) > lastOf(x) || (lastOf(y) === lastOf(x) && JSON.stringify(y) > JSON.stringify(x)) ? y : x;
    records.set(id, { ...newer, events });
  }
  const signs = new Map<string, SignOff>();
  for (const s of [...a.signOffs, ...b.signOffs]) signs.set(JSON.stringify([s.at, s.by, s.digest, s.comment ?? '']), s);
  const signOffs = [...signs.values()].sort((p, q) => (p.at < q.at ? -1 : p.at > q.at ? 1 : 0));
  return { version: 1, records, signOffs };
}
