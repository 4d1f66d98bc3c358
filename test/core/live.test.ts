import { analyze } from '../../src/core/analyze';
import type { Finding } from '../../src/core/findings';
import { Grid, type Workbook } from '../../src/core/grid/grid';
import { LiveAnalysis } from '../../src/core/live';
import { loadFixture } from '../helpers/fixtures';

const FIXTURES = ['jiangan-2024-gongkai.xlsx', 'jiangan-2024-jixiao.xlsx', 'huaihua-2024-jixiao.xlsx', 'miluo-2023-jixiao.xlsx'];

/** What a user sees of a finding: everything but object identity. */
const view = (fs: readonly Finding[]) =>
  fs.map((f) => [f.id, f.severity, f.message, JSON.stringify(f.cells), f.likely ? `${f.likely.sheet}!${f.likely.address}` : '', f.expected, f.actual].join('|')).sort();

/** A full analysis of the workbook as it is now, for comparison. */
const fresh = (wb: Workbook) => view(analyze(wb).findings);

/** A deterministic pseudo-random sequence (the tests must be repeatable). */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

/** Cells of a sheet holding a value of the kind (candidates for edits). */
function cellsOf(g: Grid, kind: 'number' | 'string'): [number, number][] {
  const out: [number, number][] = [];
  for (let r = 0; r < g.rowCount; r++) for (let c = 0; c < g.colCount; c++) if (typeof g.cell(r, c)?.value === kind) out.push([r, c]);
  return out;
}

/** The sheet with `count` rows inserted above `at`: cells and merges below move down. */
function insertRows(g: Grid, at: number, count: number): Grid {
  const moved = new Grid({
    name: g.name,
    merges: g.merges.map((m) => (m.top >= at ? { ...m, top: m.top + count, bottom: m.bottom + count } : m.bottom >= at ? { ...m, bottom: m.bottom + count } : m)),
    hiddenRows: [...g.hiddenRows].map((r) => (r >= at ? r + count : r)),
    hiddenCols: g.hiddenCols,
  });
  for (let r = 0; r < g.rowCount; r++) for (let c = 0; c < g.colCount; c++) {
    const cell = g.cell(r, c);
    if (cell) moved.set(r >= at ? r + count : r, c, { ...cell });
  }
  return moved;
}

function renamed(g: Grid, name: string): Grid {
  const out = new Grid({ name, merges: g.merges, hiddenRows: g.hiddenRows, hiddenCols: g.hiddenCols });
  for (let r = 0; r < g.rowCount; r++) for (let c = 0; c < g.colCount; c++) {
    const cell = g.cell(r, c);
    if (cell) out.set(r, c, { ...cell });
  }
  return out;
}

describe('a live analysis gives the findings of a full analysis after every edit', () => {
  test.each(FIXTURES)('%s: sixty random edits of numbers, names and codes, one at a time', async (name) => {
    const wb = await loadFixture(name);
    const live = new LiveAnalysis(wb);
    expect(view(live.findings)).toEqual(fresh(wb));
    const next = random(name.length * 7919);
    for (let i = 0; i < 60; i++) {
      const sheets = live.workbook.sheets;
      const g = sheets[Math.floor(next() * sheets.length)].clone();
      const text = next() < 0.3;
      const cells = cellsOf(g, text ? 'string' : 'number');
      if (cells.length === 0) continue;
      const [r, c] = cells[Math.floor(next() * cells.length)];
      const old = g.cell(r, c)!;
      const roll = next();
      let value: string | number | null;
      if (text) {
        // a name changed, clipped, or a code typed over it (names and codes are compared across tables)
        const s = String(old.value);
        value = roll < 0.4 ? `${s}改` : roll < 0.7 ? s.slice(0, Math.max(1, s.length - 2)) : String(2010000 + Math.floor(next() * 240000));
      } else value = roll < 0.3 ? null : roll < 0.5 ? String(old.value) : Math.round((Number(old.value) + (next() - 0.5) * 100) * 100) / 100;
      g.set(r, c, { ...old, value, formula: undefined });
      live.update({ sheets: [g] });
      expect(view(live.findings)).toEqual(fresh(live.workbook));
    }
  });

  test('rows inserted inside 公开03表, a sheet renamed, a sheet deleted, a sheet added back', async () => {
    const wb = await loadFixture('jiangan-2024-gongkai.xlsx');
    const live = new LiveAnalysis(wb);
    const ids = new Set(live.findings.map((f) => f.id));
    const gk03 = live.workbook.sheets.find((s) => s.name === '公开03表')!;
    live.update({ sheets: [insertRows(gk03, 12, 2)] });
    expect(view(live.findings)).toEqual(fresh(live.workbook));
    // inserted rows move cells, not findings: every id survives
    expect(new Set(live.findings.map((f) => f.id))).toEqual(ids);

    const gk02 = live.workbook.sheets.find((s) => s.name === '公开02表')!;
    live.update({ sheets: [renamed(gk02, '收入表')], renamed: [['公开02表', '收入表']], order: live.workbook.sheets.map((s) => (s.name === '公开02表' ? '收入表' : s.name)) });
    expect(view(live.findings)).toEqual(fresh(live.workbook));
    expect(live.workbook.sheets[1].name).toBe('收入表');

    const gone = live.update({ removed: ['收入表'] });
    expect(view(live.findings)).toEqual(fresh(live.workbook));
    expect(gone.resolved.some((f) => f.cells.some((c) => c.sheet === '收入表'))).toBe(true);

    const back = live.update({ sheets: [gk02] });
    expect(view(live.findings)).toEqual(fresh(live.workbook));
    expect(back.appeared.length).toBeGreaterThan(0);
  });

  test('a fix makes the finding resolved and re-runs only the rules that read the sheet', async () => {
    const wb = await loadFixture('jiangan-2024-gongkai.xlsx');
    const live = new LiveAnalysis(wb);
    const err = live.findings.find((f) => f.rule === 'LEDGER.row-sum' && f.severity === 'error')!;
    expect(err.cells[0]).toEqual({ sheet: '公开02表', address: 'C29' });
    const g = live.workbook.sheets.find((s) => s.name === '公开02表')!.clone();
    // 2210201 住房公积金: 103.27 where 99.54 + 3.70 = 103.24
    g.set(28, 2, { ...g.cell(28, 2)!, value: 103.24 });
    const u = live.update({ sheets: [g] });
    expect(u.resolved.map((f) => f.id)).toContain(err.id);
    expect(u.rerun).toBeLessThan(live['rules'].length);
    expect(view(live.findings)).toEqual(fresh(live.workbook));
  });
});
