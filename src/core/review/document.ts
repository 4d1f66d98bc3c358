/**
 * The review as a small XML document in a namespace of our own, stored in the workbook as a custom
 * XML part (docs/decisions/0004-review-state.md):
 *
 * ```xml
 * <review xmlns="urn:gongkai-lens:review:1" version="1">
 *   <finding id="LEDGER.row-sum|GK02|科目.2210201|合计" scope="table" rule="LEDGER.row-sum" severity="error"
 *            cell="公开02表!C29" expected="103.24" actual="103.27">
 *     <message>公开02表 科目 2210201 住房公积金：…</message>
 *     <event at="2025-03-02T08:15:00.000Z" by="王会计" role="preparer" status="explained"
 *            expected="103.24" actual="103.27">上年结转资金计入其他收入，与财政拨款口径不同。</event>
 *   </finding>
 *   <signoff at="…" by="李科长" role="reviewer" digest="9c1e22f0" findings="12" errors="1" explained="1"
 *            accepted="1" fixed="3">同意。</signoff>
 * </review>
 * ```
 *
 * Free text (messages, explanations, comments) is element text, so line breaks survive. Elements and
 * attributes a reader does not know are ignored (a later minor version may add some); a document of a
 * higher major version is refused rather than half read and written back.
 */
import type { Severity } from '../findings';
import { mergeReviews } from './merge';
import { sortEvents } from './model';
import { type FindingRecord, type ReviewEvent, type ReviewRole, type ReviewState, type ReviewStatus, type SignOff } from './types';
import { attrText, childrenNamed, child, escapeXmlText, parseXml, XmlReadError, type XmlNode } from './xml';

/** The namespace of the review document (also how the hosts find its part). */
export const REVIEW_NAMESPACE = 'urn:gongkai-lens:review:1';

const STATUSES = new Set<ReviewStatus>(['open', 'fixed', 'explained', 'returned', 'accepted']);
const ROLES = new Set<ReviewRole>(['preparer', 'reviewer', 'system']);
const SEVERITIES = new Set<Severity>(['error', 'warning', 'info']);

/** The review document cannot be used: damaged, not ours, or from a newer version. Chinese first, then English. */
export class ReviewDocumentError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ReviewDocumentError';
  }
}

export function serializeReview(state: ReviewState): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', `<review xmlns="${REVIEW_NAMESPACE}" version="1">`];
  const records = [...state.records.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const r of records) {
    out.push(
      `<finding${attrText([
        ['id', r.id],
        ['scope', r.scope],
        ['rule', r.rule],
        ['severity', r.severity],
        ['rounding', r.rounding],
        ['cell', r.cell],
        ['expected', r.expected],
        ['actual', r.actual],
      ])}><message>${escapeXmlText(r.message)}</message>`,
    );
    for (const e of r.events) {
      out.push(
        `<event${attrText([
          ['at', e.at],
          ['by', e.by],
          ['role', e.role],
          ['status', e.status],
          ['expected', e.expected],
          ['actual', e.actual],
        ])}>${escapeXmlText(e.text ?? '')}</event>`,
      );
    }
    out.push('</finding>');
  }
  for (const s of state.signOffs) {
    out.push(
      `<signoff${attrText([
        ['at', s.at],
        ['by', s.by],
        ['role', s.role],
        ['digest', s.digest],
        ['findings', s.counts.findings],
        ['errors', s.counts.errors],
        ['explained', s.counts.explained],
        ['accepted', s.counts.accepted],
        ['fixed', s.counts.fixed],
      ])}>${escapeXmlText(s.comment ?? '')}</signoff>`,
    );
  }
  out.push('</review>');
  return out.join('\n');
}

/** The review in `xml`; the empty review when there is none (null). Throws ReviewDocumentError. */
export function parseReview(xml: string | null): ReviewState {
  if (xml === null) return { version: 1, records: new Map(), signOffs: [] };
  let root: XmlNode;
  try {
    root = parseXml(xml);
  } catch (cause) {
    if (!(cause instanceof XmlReadError)) throw cause;
    throw damaged(cause.message, cause);
  }
  if (root.name !== 'review' || root.ns !== REVIEW_NAMESPACE) throw damaged(`the root is <${root.name}> in "${root.ns}"`);
  const version = Number(root.attrs.get('version') ?? '1');
  if (!Number.isInteger(version) || version > 1) {
    throw new ReviewDocumentError(
      `工作簿中的审核记录由更新版本的决算公开助手写入（版本 ${root.attrs.get('version')}），请升级后再打开，以免丢失记录。 / The review stored in the workbook was written by a newer version (${root.attrs.get('version')}); upgrade to read it without losing anything.`,
    );
  }
  const ns = REVIEW_NAMESPACE;
  const records = new Map<string, FindingRecord>();
  for (const f of childrenNamed(root, 'finding', ns)) {
    const id = f.attrs.get('id');
    if (!id) throw damaged('a finding without id');
    const severity = f.attrs.get('severity') as Severity;
    const events: ReviewEvent[] = [];
    for (const e of childrenNamed(f, 'event', ns)) {
      const at = e.attrs.get('at') ?? '';
      const status = e.attrs.get('status') as ReviewStatus;
      const role = e.attrs.get('role') as ReviewRole;
      if (Number.isNaN(Date.parse(at)) || !STATUSES.has(status) || !ROLES.has(role)) throw damaged(`an event of ${id} with at="${at}" status="${status}" role="${role}"`);
      events.push({
        at,
        by: e.attrs.get('by') ?? '',
        role,
        status,
        ...(e.text ? { text: e.text } : {}),
        expected: e.attrs.get('expected') ?? null,
        actual: e.attrs.get('actual') ?? null,
      });
    }
    const record: FindingRecord = {
      id,
      scope: (f.attrs.get('scope') === 'narrative' ? 'narrative' : 'table'),
      rule: f.attrs.get('rule') ?? id.split('|')[0],
      severity: SEVERITIES.has(severity) ? severity : 'error',
      cell: f.attrs.get('cell') ?? '',
      message: child(f, 'message', ns)?.text ?? '',
      expected: f.attrs.get('expected') ?? null,
      actual: f.attrs.get('actual') ?? null,
      ...(f.attrs.get('rounding') === '1' ? { rounding: true } : {}),
      events: sortEvents(events),
    };
    const twin = records.get(id);
    records.set(id, twin ? { ...record, events: sortEvents([...twin.events, ...record.events]) } : record);
  }
  const signOffs: SignOff[] = [];
  for (const s of childrenNamed(root, 'signoff', ns)) {
    const at = s.attrs.get('at') ?? '';
    if (Number.isNaN(Date.parse(at))) throw damaged(`a sign-off at "${at}"`);
    const count = (k: string) => Number(s.attrs.get(k) ?? 0) || 0;
    signOffs.push({
      at,
      by: s.attrs.get('by') ?? '',
      role: 'reviewer',
      ...(s.text ? { comment: s.text } : {}),
      digest: s.attrs.get('digest') ?? '',
      counts: { findings: count('findings'), errors: count('errors'), explained: count('explained'), accepted: count('accepted'), fixed: count('fixed') },
    });
  }
  signOffs.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { version: 1, records, signOffs };
}

/**
 * One review document from the several a workbook may hold (two copies merged by hand, two add-ins
 * that each added one): their union (see mergeReviews); the one as it is when there is one; null
 * for none.
 */
export function combineReviews(documents: readonly string[]): string | null {
  if (documents.length === 0) return null;
  if (documents.length === 1) return documents[0];
  return serializeReview(documents.map(parseReview).reduce(mergeReviews));
}

function damaged(detail: string, cause?: unknown): ReviewDocumentError {
  return new ReviewDocumentError(
    `工作簿中的审核记录已损坏，无法读取（${detail}）。 / The review stored in the workbook is damaged (${detail}).`,
    cause === undefined ? undefined : { cause },
  );
}

