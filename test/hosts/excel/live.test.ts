import { analyze } from '../../../src/core/analyze';
import type { Workbook } from '../../../src/core/grid/grid';
import type { ExcelHost } from '../../../src/hosts/excel/excel-host';
import { LiveCheck, type LiveCheckUpdate } from '../../../src/hosts/excel/live-check';
import { LIST_SHEET } from '../../../src/hosts/excel/marks';
import type { ExcelDouble } from '../../double/excel';
import { connect, doubleOf, expectedMarks, shownMarks } from './helpers';

const GONGKAI = 'jiangan-2024-gongkai.xlsx';

/**
 * A full analysis of what the double holds now, the add-in's list sheet left out: the oracle. An
 * Excel without ExcelApi 1.13 cannot report merged cells, so the host reads none: nor does the oracle.
 */
function oracle(double: ExcelDouble): string[] {
  const wb = double.toWorkbook();
  const sheets = wb.sheets.filter((s) => s.name !== LIST_SHEET);
  if (!double.supports('1.13')) for (const g of sheets) g.merges.splice(0);
  const user: Workbook = { name: wb.name, sheets };
  return expectedMarks(analyze(user).findings, user);
}

/** The reviewer's list: "sheet!cell rule" for each line. */
function listed(double: ExcelDouble): string[] {
  const out: string[] = [];
  for (let r = 3; double.cell(LIST_SHEET, `A${r}`)?.value; r++) {
    out.push(`${String(double.cell(LIST_SHEET, `B${r}`)?.value)}!${String(double.cell(LIST_SHEET, `C${r}`)?.value)} ${String(double.cell(LIST_SHEET, `E${r}`)?.value)}`);
  }
  return out;
}

interface Session {
  double: ExcelDouble;
  host: ExcelHost;
  live: LiveCheck;
  updates: LiveCheckUpdate[];
  errors: unknown[];
  /** Lets the debounce run out and the re-check finish; returns the requests it made. */
  settle(): Promise<number>;
}

async function session(apiVersion = '1.20', fixture = GONGKAI): Promise<Session> {
  const double = await doubleOf(fixture, { apiVersion });
  const host = await connect(double, { debounceMs: 300 });
  const updates: LiveCheckUpdate[] = [];
  const errors: unknown[] = [];
  const live = new LiveCheck(host, { onUpdate: (u) => updates.push(u), onError: (e) => errors.push(e) });
  await live.start();
  let mark = double.syncCount;
  return {
    double,
    host,
    live,
    updates,
    errors,
    async settle() {
      await jest.advanceTimersByTimeAsync(300);
      await live.idle();
      await jest.advanceTimersByTimeAsync(0);
      await live.idle();
      const n = double.syncCount - mark;
      mark = double.syncCount;
      return n;
    },
  };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('live re-check on the 公开 workbook', () => {
  test('every edit leaves the marks equal to a full analysis, at most two syncs each', async () => {
    const s = await session();
    expect(shownMarks(s.double)).toEqual(oracle(s.double));
    const initial = shownMarks(s.double);

    // a detail cell broken: its row and its column total fail
    s.double.user.edit('公开03表', 'D13', 195.99);
    expect(await s.settle()).toBeLessThanOrEqual(2);
    const broken = shownMarks(s.double);
    expect(broken).toEqual(oracle(s.double));
    expect(broken).toContain('公开03表!C13 error');
    expect(broken.length).toBeGreaterThan(initial.length);
    expect(s.updates.at(-1)?.appeared.length).toBeGreaterThan(0);

    // fixed again: the same marks as at the start, the findings reported as resolved
    s.double.user.edit('公开03表', 'D13', 95.99);
    expect(await s.settle()).toBeLessThanOrEqual(2);
    expect(shownMarks(s.double)).toEqual(initial);
    expect(s.updates.at(-1)?.resolved.length).toBeGreaterThan(0);

    // a block pasted over 公开03表's 项目支出 column
    s.double.user.paste('公开03表', 'E8', [[60], [17.24], [3.31]]);
    expect(await s.settle()).toBeLessThanOrEqual(2);
    expect(shownMarks(s.double)).toEqual(oracle(s.double));
    expect(shownMarks(s.double)).toContain('公开03表!C8 error');

    // undone at once: back to the marks of the start
    expect(s.double.user.undo()).toBe(false); // the add-in's mark writes cleared the undo stack, as Excel does
    s.double.user.paste('公开03表', 'E8', [[51.68], [17.24], [3.31]]);
    expect(await s.settle()).toBeLessThanOrEqual(2);
    expect(shownMarks(s.double)).toEqual(initial);

    // a row inserted inside 公开03表: the marks below move with their cells
    s.double.user.insertRows('公开03表', 20, 1);
    expect(await s.settle()).toBeLessThanOrEqual(2);
    const afterInsert = shownMarks(s.double);
    expect(afterInsert).toEqual(oracle(s.double));
    expect(afterInsert).toContain('公开03表!E24 warning'); // 2160250's 项目支出 was E23
    expect(afterInsert).not.toContain('公开03表!E23 warning');
    // the reviewer's list names the cell where it is now
    expect(listed(s.double).filter((l) => l.startsWith('公开03表!') && l.endsWith('SUBJECT.placement'))).toEqual(['公开03表!E24 SUBJECT.placement']);

    // a sheet renamed: its marks follow, under the new name
    s.double.user.renameSheet('公开09表', '三公经费支出表');
    expect(await s.settle()).toBeLessThanOrEqual(2);
    expect(shownMarks(s.double)).toEqual(oracle(s.double));
    expect(shownMarks(s.double).some((m) => m.startsWith('三公经费支出表!'))).toBe(true);

    // a sheet deleted: the findings that needed it go, their marks with them
    s.double.user.deleteSheet('公开02表');
    expect(await s.settle()).toBeLessThanOrEqual(2);
    expect(shownMarks(s.double)).toEqual(oracle(s.double));
    expect(shownMarks(s.double).some((m) => m.startsWith('公开02表!'))).toBe(false);
    expect(s.errors).toEqual([]);
    expect(s.double.handlerErrors).toEqual([]);
  });

  test('undo of an edit restores the values and the marks', async () => {
    const s = await session();
    const initial = shownMarks(s.double);
    // within the debounce window: one re-check, nothing to write
    s.double.user.edit('公开03表', 'D14', 1);
    await jest.advanceTimersByTimeAsync(100);
    expect(s.double.user.undo()).toBe(true);
    expect(await s.settle()).toBe(1);
    expect(shownMarks(s.double)).toEqual(initial);
    // an edit that changes no finding writes nothing, so Excel keeps the undo stack
    s.double.user.edit('公开03表', 'A33', '注：本表反映部门本年度各项支出情况（草稿）。');
    expect(await s.settle()).toBe(1);
    expect(s.double.user.undo()).toBe(true);
    expect(s.double.cell('公开03表', 'A33')?.value).toBe('注：本表反映部门本年度各项支出情况。');
    expect(await s.settle()).toBe(1);
    expect(shownMarks(s.double)).toEqual(initial);
  });

  test('fifty edits inside the debounce window cause one re-check', async () => {
    const s = await session();
    const before = s.updates.length;
    for (let i = 0; i < 50; i++) {
      s.double.user.edit('公开03表', 'D13', 100 + i);
      await jest.advanceTimersByTimeAsync(5);
    }
    expect(await s.settle()).toBeLessThanOrEqual(2);
    expect(s.updates.length).toBe(before + 1);
    expect(shownMarks(s.double)).toEqual(oracle(s.double));
  });

  test("the add-in's own writes start no re-check", async () => {
    const s = await session();
    const before = s.updates.length;
    s.double.user.edit('公开03表', 'D13', 195.99);
    await s.settle();
    expect(s.updates.length).toBe(before + 1);
    // the marks it wrote (registry values, formats, the list) raised events of their own: ignored
    expect(await s.settle()).toBe(0);
    expect(s.updates.length).toBe(before + 1);
  });

  test('cell-edit mode is waited out: the request waits (ExcelApi 1.11), or is tried again (before)', async () => {
    for (const version of ['1.20', '1.10']) {
      const s = await session(version);
      s.double.user.edit('公开03表', 'D13', 195.99);
      s.double.user.beginCellEdit();
      await jest.advanceTimersByTimeAsync(1200);
      expect(shownMarks(s.double)).not.toContain('公开03表!C13 error');
      s.double.user.endCellEdit();
      await jest.advanceTimersByTimeAsync(5000);
      await s.live.idle();
      expect(s.errors).toEqual([]);
      expect(shownMarks(s.double)).toContain('公开03表!C13 error');
      expect(shownMarks(s.double)).toEqual(oracle(s.double));
    }
  });

  test('cell-edit mode held too long: a clear message, and the next change checks everything again', async () => {
    const s = await session('1.10');
    s.double.user.edit('公开03表', 'D13', 195.99);
    s.double.user.beginCellEdit();
    await jest.advanceTimersByTimeAsync(20_000);
    await s.live.idle();
    expect(s.errors).toHaveLength(1);
    expect(String(s.errors[0])).toMatch(/单元格编辑状态.*Enter/);
    s.double.user.endCellEdit({ sheet: '公开03表', address: 'D14', value: 36.72 });
    await s.settle();
    expect(shownMarks(s.double)).toEqual(oracle(s.double));
    expect(shownMarks(s.double)).toContain('公开03表!C13 error');
  });
});

describe('an Excel without ExcelApi 1.9 (Excel 2016/2019)', () => {
  test('events per worksheet, no merges (said in a note), no triggerSource: still the right marks', async () => {
    const s = await session('1.8');
    expect(s.host.notes.map((n) => n.feature)).toEqual(expect.arrayContaining(['merges', 'renames']));
    expect(s.host.capabilities).toMatchObject({ marks: true, changeEvents: true });
    expect(shownMarks(s.double).length).toBeGreaterThan(0);
    s.double.user.edit('公开03表', 'D13', 195.99);
    expect(await s.settle()).toBeLessThanOrEqual(2);
    expect(shownMarks(s.double)).toContain('公开03表!C13 error');
    // without rename events the rename is found in the sheet list at the next change
    s.double.user.renameSheet('公开03表', '支出决算表');
    s.double.user.edit('公开03表'.replace('公开03表', '支出决算表'), 'D13', 95.99);
    expect(await s.settle()).toBeLessThanOrEqual(2);
    expect(shownMarks(s.double).some((m) => m.startsWith('支出决算表!'))).toBe(true);
    expect(shownMarks(s.double)).not.toContain('支出决算表!C13 error');
    expect(s.errors).toEqual([]);
  });
});
