import { analyze } from '../../../src/core/analyze';
import { loadXlsx } from '../../../src/hosts/xlsx/load';
import { LIST_SHEET, REGISTRY_SHEET } from '../../../src/hosts/excel/marks';
import { connect, doubleOf, expectedMarks, fixtureBytes, FIXTURES, shownMarks, syncsOf } from './helpers';

describe.each(FIXTURES)('a full check of %s through the double', (fixture) => {
  test('reads the workbook in one sync, exactly as the .xlsx reader does', async () => {
    const double = await doubleOf(fixture);
    const host = await connect(double);
    const { value: wb, syncs } = await syncsOf(double, () => host.readWorkbook());
    expect(syncs).toBe(1);
    const file = await loadXlsx(fixtureBytes(fixture), fixture);
    expect(wb.sheets.map((s) => s.name)).toEqual(file.sheets.map((s) => s.name));
    for (const [i, grid] of wb.sheets.entries()) {
      const want = file.sheets[i];
      for (let r = 0; r < Math.max(grid.rowCount, want.rowCount); r++) {
        for (let c = 0; c < Math.max(grid.colCount, want.colCount); c++) {
          expect({ at: `${grid.name}!${r},${c}`, cell: grid.cell(r, c) }).toEqual({ at: `${grid.name}!${r},${c}`, cell: want.cell(r, c) });
        }
      }
      expect(new Set(grid.merges.map((m) => JSON.stringify(m)))).toEqual(new Set(want.merges.map((m) => JSON.stringify(m))));
      expect([...grid.hiddenRows]).toEqual([...want.hiddenRows]);
      expect([...grid.hiddenCols]).toEqual([...want.hiddenCols]);
    }
  });

  test('one read sync and one write sync; the marks are the findings; clearing restores every format', async () => {
    const double = await doubleOf(fixture);
    const host = await connect(double);
    const formatsBefore = double.formatSnapshot();
    const start = double.syncCount;
    const wb = await host.readWorkbook();
    const findings = analyze(wb).findings;
    const applied = await host.applyPlan({ marks: findings });
    expect(double.syncCount - start).toBe(2);

    const expected = expectedMarks(findings, wb);
    expect(expected.length).toBeGreaterThan(0);
    expect(shownMarks(double)).toEqual(expected);
    expect(applied.marked).toBe(expected.length);
    // the add-in's sheets: the registry very hidden, the list hidden with one line per marked finding
    expect(double.sheet(REGISTRY_SHEET).visibility).toBe('VeryHidden');
    expect(double.sheet(LIST_SHEET).visibility).toBe('Hidden');
    const listed = findings.filter((f) => f.severity !== 'info').length;
    expect(double.cell(LIST_SHEET, `A${listed + 2}`)?.value).toBe(String(listed));
    expect(double.cell(LIST_SHEET, `A${listed + 3}`)?.value ?? null).toBeNull();
    // the user's own formats (every cell's number format) are untouched while marked
    const ownFormats = (snapshot: string) => snapshot.split('\n').filter((l) => !l.startsWith('  cf') && !l.startsWith(`sheet ${REGISTRY_SHEET}`) && !l.startsWith(`sheet ${LIST_SHEET}`));
    expect(ownFormats(double.formatSnapshot())).toEqual(ownFormats(formatsBefore));

    // marking the same findings again changes nothing and costs nothing
    const again = await syncsOf(double, () => host.applyPlan({ marks: findings }));
    expect(again.syncs).toBe(0);

    const cleared = await syncsOf(double, () => host.applyPlan({ clearMarks: true }));
    expect(cleared.syncs).toBe(2);
    expect(double.formatSnapshot()).toBe(formatsBefore);
    expect(shownMarks(double)).toEqual([]);
  });
});
