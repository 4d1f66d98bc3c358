import { analyze, toReport } from '../../../src/core/analyze';
import type { Finding } from '../../../src/core/findings';
import {
  allowedActions,
  applyAction,
  buildReviewReport,
  EMPTY_REVIEW,
  mergeReviews,
  parseReview,
  parseSettings,
  reconcile,
  reportHtml,
  ReviewDocumentError,
  ReviewError,
  serializeReview,
  serializeSettings,
  signOff,
  summarize,
  checkSettingsOf,
  type Actor,
  type ReviewState,
} from '../../../src/core/review';
import { loadFixture } from '../../helpers/fixtures';

const ACCOUNTANT: Actor = { name: '王会计', role: 'preparer' };
const SUPERVISOR: Actor = { name: '李科长', role: 'reviewer' };
const T0 = '2025-03-01T08:00:00.000Z';
const t = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

/** The 江岸 sample's findings: one real error on 公开02表!C29 (two rules), 尾差, two placement warnings. */
async function jiangan(): Promise<{ findings: Finding[]; report: ReturnType<typeof toReport> }> {
  const wb = await loadFixture('jiangan-2024-gongkai.xlsx');
  const report = toReport('jiangan-2024-gongkai.xlsx', analyze(wb));
  return { findings: report.findings, report };
}

const ERROR_ID = 'LEDGER.row-sum|GK02|科目.2210201|合计';
const TIE_ID = 'GK02-GK03.rows|GK02|科目.2210201|合计';
const WARNING_ID = 'SUBJECT.placement|GK03|科目.2160250|项目支出';

describe('reconcile: the review against a fresh check', () => {
  test('a first check records every finding as 待处理, with no event', async () => {
    const { findings } = await jiangan();
    const r = reconcile(EMPTY_REVIEW, findings, { at: T0 });
    expect(r.added).toHaveLength(findings.length);
    expect(r.reviewed.map((x) => x.review.status)).toEqual(findings.map(() => 'open'));
    expect([...r.state.records.values()].every((x) => x.events.length === 0)).toBe(true);
    expect(r.state.records.get(ERROR_ID)).toMatchObject({ cell: '公开02表!C29', expected: '103.24', actual: '103.27', severity: 'error' });
  });

  test('a finding that goes away is 已修正 (by the re-check); when it comes back it is reopened', async () => {
    const { findings } = await jiangan();
    let s = reconcile(EMPTY_REVIEW, findings, { at: T0 }).state;
    s = applyAction(s, ERROR_ID, { kind: 'explain', text: '口径不同' }, ACCOUNTANT, t(1));
    const without = findings.filter((f) => f.id !== ERROR_ID);
    const gone = reconcile(s, without, { at: t(2) });
    expect(gone.fixed).toEqual([ERROR_ID]);
    const fixed = gone.reviewed.find((x) => x.id === ERROR_ID)!;
    expect(fixed.finding).toBeNull();
    expect(fixed.review).toMatchObject({ status: 'fixed', explanation: '口径不同', reopened: false });
    expect(fixed.record.events.at(-1)).toMatchObject({ role: 'system', status: 'fixed', by: '' });
    // nothing can be done to it while it is gone
    expect(() => applyAction(gone.state, ERROR_ID, { kind: 'accept' }, SUPERVISOR, t(3))).toThrow(/已修正/);
    const back = reconcile(gone.state, findings, { at: t(4) });
    expect(back.reopened).toEqual([ERROR_ID]);
    expect(back.reviewed.find((x) => x.id === ERROR_ID)!.review).toMatchObject({ status: 'open', reopened: true });
    // an unchanged re-check changes nothing
    const again = reconcile(back.state, findings, { at: t(5) });
    expect(again.state.records).toEqual(back.state.records);
    expect([again.fixed, again.reopened, again.added]).toEqual([[], [], []]);
  });

  test('a check of the tables alone leaves the narrative findings alone', async () => {
    const { findings } = await jiangan();
    const narrative: Finding = { rule: 'NARRATIVE.share', severity: 'error', cells: [], expected: '99.80%', actual: '98.04%', message: '占比不符', source: 'narrative', quote: '98.04%', id: 'NARRATIVE.share|说明||98.04%' };
    const s = reconcile(EMPTY_REVIEW, [...findings, narrative], { at: T0 }).state;
    const tablesOnly = reconcile(s, findings, { at: t(1) });
    expect(tablesOnly.fixed).toEqual([]);
    expect(reconcile(s, findings, { at: t(1), scopes: ['table', 'narrative'] }).fixed).toEqual([narrative.id]);
  });
});

describe('actions', () => {
  let state: ReviewState;
  beforeAll(async () => {
    state = reconcile(EMPTY_REVIEW, (await jiangan()).findings, { at: T0 }).state;
  });

  test('each status, with who and when kept as the history', () => {
    let s = applyAction(state, ERROR_ID, { kind: 'explain', text: '上年结转资金计入其他收入' }, ACCOUNTANT, t(1));
    s = applyAction(s, ERROR_ID, { kind: 'return', text: '请附依据' }, SUPERVISOR, t(2));
    s = applyAction(s, ERROR_ID, { kind: 'explain', text: '依据：财预〔2024〕1号' }, ACCOUNTANT, t(3));
    s = applyAction(s, ERROR_ID, { kind: 'accept' }, SUPERVISOR, t(4));
    const events = s.records.get(ERROR_ID)!.events;
    expect(events.map((e) => [e.status, e.by, e.role, e.at])).toEqual([
      ['explained', '王会计', 'preparer', t(1)],
      ['returned', '李科长', 'reviewer', t(2)],
      ['explained', '王会计', 'preparer', t(3)],
      ['accepted', '李科长', 'reviewer', t(4)],
    ]);
    expect(events[0]).toMatchObject({ expected: '103.24', actual: '103.27' });
    const r = summarize(s, reconcile(s, [], { at: t(5), scopes: [] }).reviewed);
    expect(r.people.map((p) => p.name)).toEqual(['李科长', '王会计']);
    s = applyAction(s, ERROR_ID, { kind: 'reopen', text: '再看看' }, ACCOUNTANT, t(6));
    expect(s.records.get(ERROR_ID)!.events.at(-1)).toMatchObject({ status: 'open', text: '再看看' });
  });

  test('roles, statuses and texts are checked, with the reason in Chinese', () => {
    expect(() => applyAction(state, ERROR_ID, { kind: 'accept' }, ACCOUNTANT, t(1))).toThrow(/只有审核人可以复核通过/);
    expect(() => applyAction(state, ERROR_ID, { kind: 'return', text: 'x' }, ACCOUNTANT, t(1))).toThrow(ReviewError);
    expect(() => applyAction(state, ERROR_ID, { kind: 'explain', text: '   ' }, ACCOUNTANT, t(1))).toThrow(/请填写说明理由/);
    expect(() => applyAction(state, ERROR_ID, { kind: 'return', text: '' }, SUPERVISOR, t(1))).toThrow(/请填写退回意见/);
    expect(() => applyAction(state, ERROR_ID, { kind: 'reopen' }, ACCOUNTANT, t(1))).toThrow(/待处理/);
    expect(() => applyAction(state, 'nope', { kind: 'accept' }, SUPERVISOR, t(1))).toThrow(/没有这条审核发现/);
    expect(() => applyAction(state, ERROR_ID, { kind: 'accept' }, { name: ' ', role: 'reviewer' }, t(1))).toThrow(/姓名/);
    expect(() => applyAction(state, ERROR_ID, { kind: 'accept' }, SUPERVISOR, 'yesterday')).toThrow(/时间格式无效/);
    expect(allowedActions('open', 'preparer')).toEqual(['explain']);
    expect(allowedActions('explained', 'reviewer')).toEqual(['explain', 'return', 'accept', 'reopen']);
    expect(allowedActions('fixed', 'reviewer')).toEqual([]);
  });

  test('a clock behind the last event still makes the action the status (moved a millisecond on)', () => {
    let s = applyAction(state, ERROR_ID, { kind: 'explain', text: 'a' }, ACCOUNTANT, t(10));
    s = applyAction(s, ERROR_ID, { kind: 'accept' }, SUPERVISOR, t(5));
    const events = s.records.get(ERROR_ID)!.events;
    expect(events.at(-1)).toMatchObject({ status: 'accepted', at: new Date(Date.parse(t(10)) + 1).toISOString() });
  });

  test('an explanation whose values changed afterwards is flagged', async () => {
    const { findings } = await jiangan();
    let s = applyAction(state, ERROR_ID, { kind: 'explain', text: 'a' }, ACCOUNTANT, t(1));
    const edited = findings.map((f) => (f.id === ERROR_ID ? { ...f, actual: '103.30' } : f));
    const r = reconcile(s, edited, { at: t(2) });
    expect(r.reviewed.find((x) => x.id === ERROR_ID)!.review).toMatchObject({ status: 'explained', changed: true });
    s = r.state;
    expect(s.records.get(ERROR_ID)!.actual).toBe('103.30');
  });
});

describe('sign-off', () => {
  test('refused while errors are 待处理 or 退回, with the cells; accepted once they are explained; superseded by a change', async () => {
    const { findings } = await jiangan();
    let { state: s, reviewed } = reconcile(EMPTY_REVIEW, findings, { at: T0 });
    let summary = summarize(s, reviewed);
    expect(summary).toMatchObject({ present: 21, openErrors: 2, returnedErrors: 0, byKind: { error: 2, warning: 3, rounding: 16, info: 0 } });
    expect(summary.signOffRefusal).toBe('不能签署：2 条错误仍待处理（公开02表!C29）。请先修正，或说明后复核。');
    expect(() => signOff(s, reviewed, SUPERVISOR, t(1))).toThrow(/2 条错误仍待处理/);
    expect(() => signOff(s, reviewed, ACCOUNTANT, t(1))).toThrow(/只有审核人可以签署/);

    s = applyAction(s, ERROR_ID, { kind: 'explain', text: '口径' }, ACCOUNTANT, t(1));
    s = applyAction(s, TIE_ID, { kind: 'return', text: '请修正' }, SUPERVISOR, t(2));
    reviewed = reconcile(s, findings, { at: t(3) }).reviewed;
    expect(summarize(s, reviewed).signOffRefusal).toMatch(/1 条错误已退回、尚待编制人修正或说明（公开02表!C29）/);
    s = applyAction(s, TIE_ID, { kind: 'explain', text: '同上' }, ACCOUNTANT, t(4));
    s = applyAction(s, WARNING_ID, { kind: 'accept', text: '可以' }, SUPERVISOR, t(5));
    reviewed = reconcile(s, findings, { at: t(6) }).reviewed;
    s = signOff(s, reviewed, SUPERVISOR, t(7), '同意公开');
    summary = summarize(s, reviewed);
    expect(summary.signOff).toMatchObject({ by: '李科长', comment: '同意公开', current: true, counts: { findings: 21, errors: 2, explained: 2, accepted: 1, fixed: 0 } });
    expect(summary.byStatus).toEqual({ open: 18, explained: 2, returned: 0, accepted: 1, fixed: 0 });
    expect(summary.matrix.error).toEqual({ open: 0, explained: 2, returned: 0, accepted: 0, fixed: 0 });
    expect(summary.lastActivity).toMatchObject({ by: '李科长', at: t(7) });
    // a status changed after the sign-off: it no longer holds
    s = applyAction(s, ERROR_ID, { kind: 'reopen' }, ACCOUNTANT, t(8));
    reviewed = reconcile(s, findings, { at: t(9) }).reviewed;
    expect(summarize(s, reviewed).signOff?.current).toBe(false);
  });
});

describe('the XML document', () => {
  async function busyState(): Promise<ReviewState> {
    const { findings } = await jiangan();
    let s = reconcile(EMPTY_REVIEW, findings, { at: T0 }).state;
    s = applyAction(s, ERROR_ID, { kind: 'explain', text: '第一行\n第二行 <b>&amp;</b> "引号" \'单\' \r\n\t制表 😀 \u0001 end' }, ACCOUNTANT, t(1));
    s = applyAction(s, WARNING_ID, { kind: 'accept', text: '可以' }, SUPERVISOR, t(2));
    s = reconcile(s, findings.filter((f) => f.id !== TIE_ID), { at: t(3) }).state;
    s = applyAction(s, ERROR_ID, { kind: 'accept' }, SUPERVISOR, t(4));
    const reviewed = reconcile(s, findings.filter((f) => f.id !== TIE_ID), { at: t(5) }).reviewed;
    return signOff(s, reviewed, SUPERVISOR, t(6), '同意');
  }

  test('round trip: every record, event and sign-off, texts with line breaks, markup, quotes and emoji', async () => {
    const s = await busyState();
    const xml = serializeReview(s);
    expect(xml).toContain('<review xmlns="urn:gongkai-lens:review:1" version="1">');
    const back = parseReview(xml);
    const explained = back.records.get(ERROR_ID)!.events[0].text;
    // a control character XML cannot hold becomes U+FFFD; everything else comes back exactly
    expect(explained).toBe('第一行\n第二行 <b>&amp;</b> "引号" \'单\' \r\n\t制表 😀 \uFFFD end');
    const expected = { ...s, records: new Map([...s.records].map(([k, r]) => [k, k === ERROR_ID ? { ...r, events: r.events.map((e, i) => (i === 0 ? { ...e, text: explained } : e)) } : r])) };
    expect(back).toEqual(expected);
    expect(serializeReview(back)).toBe(xml);
  });

  test('read back whatever the prefix of the namespace, with comments and CDATA; no document is the empty review', () => {
    const xml = `<?xml version="1.0"?><!-- saved by another tool --><g:review xmlns:g="urn:gongkai-lens:review:1" version="1"><g:finding id="a|b" rule="a" severity="warning" cell="S!A1"><g:message><![CDATA[x < y]]></g:message><g:event at="${T0}" by="甲" role="preparer" status="explained">理由</g:event></g:finding><g:future attr="1"/></g:review>`;
    const s = parseReview(xml);
    expect(s.records.get('a|b')).toMatchObject({ message: 'x < y', severity: 'warning', events: [{ by: '甲', status: 'explained', text: '理由' }] });
    expect(parseReview(null)).toEqual({ version: 1, records: new Map(), signOffs: [] });
  });

  test('damaged, foreign, newer and hostile documents are refused with a reason', () => {
    expect(() => parseReview('<review xmlns="urn:gongkai-lens:review:1"><finding')).toThrow(ReviewDocumentError);
    expect(() => parseReview('<review xmlns="urn:other"/>')).toThrow(/已损坏/);
    expect(() => parseReview('<review xmlns="urn:gongkai-lens:review:1" version="2"/>')).toThrow(/更新版本/);
    expect(() => parseReview('<!DOCTYPE r [<!ENTITY a "aaaa">]><review xmlns="urn:gongkai-lens:review:1"/>')).toThrow(/DOCTYPE/);
    expect(() => parseReview(`<review xmlns="urn:gongkai-lens:review:1"><finding id="x"><event at="never" role="preparer" status="open"/></finding></review>`)).toThrow(/已损坏/);
    const deep = '<review xmlns="urn:gongkai-lens:review:1">' + '<a>'.repeat(100) + '</a>'.repeat(100) + '</review>';
    expect(() => parseReview(deep)).toThrow(/nesting/);
  });
});

describe('two copies merged', () => {
  test('the union of their events: nothing lost, order-independent, idempotent', async () => {
    const { findings } = await jiangan();
    const base = reconcile(EMPTY_REVIEW, findings, { at: T0 }).state;
    const accountant = applyAction(base, ERROR_ID, { kind: 'explain', text: '口径' }, ACCOUNTANT, t(1));
    const supervisor = applyAction(base, WARNING_ID, { kind: 'accept' }, SUPERVISOR, t(2));
    const later = applyAction(accountant, ERROR_ID, { kind: 'accept' }, SUPERVISOR, t(3));
    const ab = mergeReviews(later, supervisor);
    const ba = mergeReviews(supervisor, later);
    expect(serializeReview(ab)).toBe(serializeReview(ba));
    expect(serializeReview(mergeReviews(ab, ab))).toBe(serializeReview(ab));
    expect(ab.records.get(ERROR_ID)!.events.map((e) => e.status)).toEqual(['explained', 'accepted']);
    expect(ab.records.get(WARNING_ID)!.events.map((e) => e.status)).toEqual(['accepted']);
  });
});

describe('document settings', () => {
  test('round trip; unknown keys and unusable values are kept and written back', () => {
    const xml = serializeSettings({ region: 'hunan', fillMode: 'values', catalogEdition: 2024, tolerance: { halfUlp: '0.005', percentDecimals: 2 }, zeroOverZeroRate: 'blank', other: { 'future.key': 'x' } });
    const s = parseSettings(xml);
    expect(s).toEqual({ region: 'hunan', fillMode: 'values', catalogEdition: 2024, tolerance: { halfUlp: '0.005', percentDecimals: 2 }, zeroOverZeroRate: 'blank', other: { 'future.key': 'x' } });
    expect(parseSettings(xml.replace('hunan', 'mars'))).toMatchObject({ other: { region: 'mars', 'future.key': 'x' } });
    expect(parseSettings(null)).toEqual({});
    expect(checkSettingsOf(s).tolerance).toEqual({ halfUlp: '0.005', maxEnvelope: '0.05', percentDecimals: 2 });
    expect(checkSettingsOf(s).zeroOverZeroRate).toBe('blank');
  });
});

describe('the report model', () => {
  test('summary first, then per table in workbook order, errors first; a row per error and warning finding', async () => {
    const { findings, report } = await jiangan();
    let s = reconcile(EMPTY_REVIEW, findings, { at: T0 }).state;
    s = applyAction(s, ERROR_ID, { kind: 'explain', text: '口径' }, ACCOUNTANT, t(1));
    const r = reconcile(s, findings, { at: t(2) });
    const model = buildReviewReport(report, r.reviewed, summarize(r.state, r.reviewed), { generatedAt: t(3) });
    const rows = model.sections.flatMap((x) => x.rows);
    expect(rows.map((x) => x.no)).toEqual(rows.map((_, i) => i + 1));
    expect(rows).toHaveLength(findings.length);
    expect(model.sections.map((x) => x.sheet)).toEqual(['公开01表', '公开02表', '公开03表', '公开04表', '公开05表', '公开06表', '公开09表']);
    const gk02 = model.sections[1];
    expect(gk02.title).toMatch(/^公开02表 .*收入决算表$/);
    expect(gk02.rows[0]).toMatchObject({ cell: 'C29', cells: 'C29、D29、I29', level: '错误', expected: '103.24', actual: '103.27', statusText: '已说明', explanation: '口径', ruleTitle: expect.not.stringMatching(/^LEDGER/) });
    expect(gk02.rows[0].updated).toBe('王会计（编制人） 2025-03-01 16:01');
    expect(model.summaryRows[0]).toEqual(['工作簿', 'jiangan-2024-gongkai.xlsx']);
    expect(model.summaryRows.find(([k]) => k === '签署')![1]).toMatch(/^未签署。不能签署：1 条错误仍待处理/);
    const html = reportHtml(model);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|<link|@import|url\(/i);
  });
});
