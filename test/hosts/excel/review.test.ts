/**
 * The review kept in the workbook through the Excel host (custom XML parts, on the Excel double):
 * every status set, saved to .xlsx, reopened, a row inserted above a finding's cell, re-checked — the
 * state is where it was; two users (two hosts on one workbook, or on the saved file) see the same.
 */
import { analyze, toReport } from '../../../src/core/analyze';
import type { CellWrite } from '../../../src/core/fill/types';
import { fromA1 } from '../../../src/core/grid/address';
import { Decimal } from '../../../src/core/money/decimal';
import {
  applyAction,
  EMPTY_REVIEW,
  parseReview,
  parseSettings,
  reconcile,
  serializeReview,
  serializeSettings,
  type Actor,
  type Reconciled,
  type ReviewState,
} from '../../../src/core/review';
import type { ExcelHost } from '../../../src/hosts/excel/excel-host';
import { XlsxFileHost } from '../../../src/hosts/xlsx/file-host';
import { ExcelDouble } from '../../double/excel';
import { connect, doubleOf, fixtureBytes, syncsOf } from './helpers';

const GONGKAI = 'jiangan-2024-gongkai.xlsx';
const ACCOUNTANT: Actor = { name: '王会计', role: 'preparer' };
const SUPERVISOR: Actor = { name: '李科长', role: 'reviewer' };
const ERROR_ID = 'LEDGER.row-sum|GK02|科目.2210201|合计';
const TIE_ID = 'GK02-GK03.rows|GK02|科目.2210201|合计';
const PLACEMENT_03 = 'SUBJECT.placement|GK03|科目.2160250|项目支出';
const PLACEMENT_05 = 'SUBJECT.placement|GK05|科目.2160250|项目支出';
const DECIMALS_ID = 'HYGIENE.excess-decimals|GK09|金额|决算.合计';
const at = (minutes: number) => new Date(Date.parse('2025-03-01T08:00:00.000Z') + minutes * 60_000).toISOString();

/** A check through the host, reconciled with the review the workbook keeps. */
async function check(host: ExcelHost, minutes: number): Promise<Reconciled> {
  const findings = toReport(GONGKAI, analyze(await host.readWorkbook())).findings;
  return reconcile(parseReview(await host.readReview()), findings, { at: at(minutes) });
}

const statuses = (s: ReviewState) => new Map([...s.records].map(([id, r]) => [id, r.events.at(-1)?.status ?? 'open']));

/**
 * "Save": the double keeps no file, so its file is the fixture's bytes with the user's cell edits and
 * the workbook's custom XML parts written in by the file host (the test edits nothing else).
 */
async function save(double: ExcelDouble, edits: readonly { sheet: string; address: string; value: number }[]): Promise<Uint8Array> {
  const writes: CellWrite[] = edits.map((e) => ({
    sheet: e.sheet,
    ref: fromA1(e.address),
    formula: '',
    value: new Decimal(e.value),
    inputs: [],
    numFmt: double.cell(e.sheet, e.address)?.numFmt ?? 'General',
    quantity: 'edit',
    description: 'the user’s edit',
    valueOnly: true,
  }));
  const part = (ns: string) => double.customXmlParts().find((p) => p.xml.includes(`xmlns="${ns}"`))?.xml;
  const [review, settings] = [part('urn:gongkai-lens:review:1'), part('urn:gongkai-lens:settings:1')];
  const file = new XlsxFileHost(fixtureBytes(GONGKAI), GONGKAI);
  return (await file.applyPlan({ writes, ...(review ? { review } : {}), ...(settings ? { settings } : {}) })).bytes!;
}

describe('the review kept in the workbook (Excel host, custom XML parts)', () => {
  test('every status; save, reopen, a row inserted above the cell, a re-check: the state is where it was', async () => {
    const double = await doubleOf(GONGKAI);
    const accountant = await connect(double);
    let r = await check(accountant, 0);
    expect(r.added.length).toBe(21);
    let s = r.state;
    s = applyAction(s, ERROR_ID, { kind: 'explain', text: '上年结转资金计入其他收入，口径不同' }, ACCOUNTANT, at(1));
    s = applyAction(s, TIE_ID, { kind: 'explain', text: '同上' }, ACCOUNTANT, at(2));
    s = applyAction(s, TIE_ID, { kind: 'return', text: '请附文件依据' }, SUPERVISOR, at(3));
    s = applyAction(s, PLACEMENT_03, { kind: 'explain', text: '该单位为事业单位，列项目支出' }, ACCOUNTANT, at(4));
    s = applyAction(s, PLACEMENT_03, { kind: 'accept', text: '同意' }, SUPERVISOR, at(5));
    // the review written: one request (its part was looked up when it was read)
    const written = await syncsOf(double, () => accountant.applyPlan({ review: serializeReview(s) }));
    expect(written.syncs).toBe(1);
    // 已修正: the accountant fixes 公开09表!G8 (0.182 → 0.18) and checks again
    double.user.edit('公开09表', 'G8', 0.18);
    r = await check(accountant, 6);
    expect(r.fixed.sort()).toEqual([DECIMALS_ID, 'GK09.sums|GK09|金额|决算.合计'].sort());
    s = r.state;
    await accountant.applyPlan({ review: serializeReview(s) });
    const expected = statuses(s);
    expect([ERROR_ID, TIE_ID, PLACEMENT_03, PLACEMENT_05, DECIMALS_ID].map((id) => expected.get(id))).toEqual(['explained', 'returned', 'accepted', 'open', 'fixed']);
    expect(double.customXmlParts()).toHaveLength(1);

    // a second user on the same workbook sees the same state
    const supervisor = await connect(double);
    expect(statuses(parseReview(await supervisor.readReview()))).toEqual(expected);

    // saved and reopened (another machine)
    const bytes = await save(double, [{ sheet: '公开09表', address: 'G8', value: 0.18 }]);
    const reopened = await ExcelDouble.fromXlsx(bytes, GONGKAI);
    const host = await connect(reopened);
    const fresh = parseReview(await host.readReview());
    expect(fresh).toEqual(parseReview(serializeReview(s)));
    // a row inserted above the error's cell: its cell moves, its id and its review do not
    reopened.user.insertRows('公开02表', 20);
    const again = await check(host, 10);
    expect([again.fixed, again.reopened, again.added]).toEqual([[], [], []]);
    expect(statuses(again.state)).toEqual(expected);
    const error = again.reviewed.find((x) => x.id === ERROR_ID)!;
    expect(error.finding!.cells[0]).toEqual({ sheet: '公开02表', address: 'C30' });
    expect(error.record.cell).toBe('公开02表!C30');
    expect(error.review).toMatchObject({ status: 'explained', explanation: '上年结转资金计入其他收入，口径不同', changed: false });
    // written back, and read by a third user
    await host.applyPlan({ review: serializeReview(again.state) });
    const third = await connect(reopened);
    expect(statuses(parseReview(await third.readReview()))).toEqual(expected);
  });

  test('two users on the saved file (file host and Excel host alike) read the same review', async () => {
    const double = await doubleOf(GONGKAI);
    const host = await connect(double);
    const r = await check(host, 0);
    const s = applyAction(r.state, ERROR_ID, { kind: 'explain', text: '口径' }, ACCOUNTANT, at(1));
    await host.applyPlan({ review: serializeReview(s), settings: serializeSettings({ region: 'hubei' }) });
    const bytes = await save(double, []);
    const a = await connect(await ExcelDouble.fromXlsx(bytes, GONGKAI));
    const b = new XlsxFileHost(bytes, GONGKAI);
    expect(await a.readReview()).toBe(await b.readReview());
    expect(parseSettings(await a.readSettings())).toEqual({ region: 'hubei' });
  });

  test('reading costs two requests (one without a part); marks, fills and the review go in one request', async () => {
    const double = await doubleOf(GONGKAI);
    const host = await connect(double);
    const wb = await host.readWorkbook();
    const none = await syncsOf(double, () => host.readReview());
    expect([none.value, none.syncs]).toEqual([null, 1]);
    const findings = analyze(wb).findings;
    const review = serializeReview(reconcile(EMPTY_REVIEW, findings, { at: at(0) }).state);
    const both = await syncsOf(double, () => host.applyPlan({ marks: findings, review }));
    expect(both.syncs).toBe(1);
    const fresh = await connect(double);
    const read = await syncsOf(double, () => fresh.readReview());
    expect([read.value, read.syncs]).toEqual([review, 2]);
    // a session that never read it looks the part up first: it replaces it, it never adds a second
    const other = await connect(double);
    const write = await syncsOf(double, () => other.applyPlan({ review }));
    expect(write.syncs).toBe(2);
    expect(double.customXmlParts()).toHaveLength(1);
  });

  test('an Excel without custom XML parts (before ExcelApi 1.5) says so and keeps nothing', async () => {
    const double = await doubleOf(GONGKAI, { apiVersion: '1.4' });
    const host = await connect(double);
    expect(host.capabilities.documents).toBe(false);
    expect(await host.readReview()).toBeNull();
    const applied = await host.applyPlan({ review: serializeReview(EMPTY_REVIEW) });
    expect(applied.notes?.map((n) => [n.feature, n.requirement])).toEqual([['documents', 'ExcelApi 1.5']]);
    expect(double.customXmlParts()).toEqual([]);
  });
});
