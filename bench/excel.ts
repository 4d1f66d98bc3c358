/**
 * The Excel host measured through the test double (test/double/excel) on the 公开 sample:
 *
 * - syncsPerFullCheck: requests for read + check + marks of the whole workbook (after connecting);
 * - syncsPerEdit: the most requests one edit cost, over a break, a fix, a paste, a harmless edit, a
 *   row inserted, a sheet renamed and a sheet deleted (`syncsPerEditByKind` has each);
 * - computePerEditMs: the core's work for one edit (LiveAnalysis.update after one cell of 公开03表
 *   changed), median;
 * - editToMarksMs: from the user's edit to the marks written, with `latencyMs` per request and no
 *   debounce (the host waits `debounceMs`, 300 ms by default, on top, by design), median.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { analyze } from '../src/core/analyze';
import type { Grid } from '../src/core/grid/grid';
import { LiveAnalysis } from '../src/core/live';
import { ExcelHost, type ExcelRuntime } from '../src/hosts/excel/excel-host';
import { LiveCheck } from '../src/hosts/excel/live-check';
import { loadXlsx } from '../src/hosts/xlsx/load';
import { ExcelDouble } from '../test/double/excel';

const SAMPLE = path.resolve(__dirname, '../samples/jiangan-2024-gongkai.xlsx');

export interface ExcelBench {
  fixture: string;
  syncsPerFullCheck: number;
  syncsPerEdit: number;
  syncsPerEditByKind: Record<string, number>;
  computePerEditMs: number;
  editToMarksMs: number;
  latencyMs: number;
  debounceMs: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

async function session(latencyMs: number): Promise<{ double: ExcelDouble; host: ExcelHost; live: LiveCheck; updated: () => Promise<void> }> {
  const bytes = new Uint8Array(readFileSync(SAMPLE));
  const double = await ExcelDouble.fromXlsx(bytes, path.basename(SAMPLE), { latencyMs });
  const host = await ExcelHost.connect({ excel: double.Excel as unknown as ExcelRuntime, requirements: double.Office.context.requirements, debounceMs: 0, maxWaitMs: 0 });
  let resolve: (() => void) | undefined;
  const live = new LiveCheck(host, { onUpdate: () => resolve?.() });
  await live.start();
  // the next update after now
  const updated = () => new Promise<void>((r) => (resolve = r));
  return { double, host, live, updated };
}

export async function benchExcel(): Promise<ExcelBench> {
  const latencyMs = 50;

  // a full check: read, analyse, mark
  const bytes = new Uint8Array(readFileSync(SAMPLE));
  const full = await ExcelDouble.fromXlsx(bytes, path.basename(SAMPLE));
  const fullHost = await ExcelHost.connect({ excel: full.Excel as unknown as ExcelRuntime, requirements: full.Office.context.requirements });
  const before = full.syncCount;
  await fullHost.applyPlan({ marks: analyze(await fullHost.readWorkbook()).findings });
  const syncsPerFullCheck = full.syncCount - before;

  // requests per edit, each kind
  const s = await session(0);
  const byKind: Record<string, number> = {};
  const edits: [string, () => void][] = [
    ['break', () => s.double.user.edit('公开03表', 'D13', 195.99)],
    ['fix', () => s.double.user.edit('公开03表', 'D13', 95.99)],
    ['harmless', () => s.double.user.edit('公开03表', 'A33', '注：本表反映部门本年度各项支出情况（草稿）。')],
    ['paste', () => s.double.user.paste('公开03表', 'E8', [[60], [17.24], [3.31]])],
    ['insertRow', () => s.double.user.insertRows('公开03表', 20, 1)],
    ['renameSheet', () => s.double.user.renameSheet('公开09表', '三公经费支出表')],
    ['deleteSheet', () => s.double.user.deleteSheet('公开08表')],
  ];
  for (const [kind, edit] of edits) {
    const mark = s.double.syncCount;
    const done = s.updated();
    edit();
    await done;
    await s.live.idle();
    byKind[kind] = s.double.syncCount - mark;
  }
  await s.live.stop();

  // the core's work for one edit
  const wb = await loadXlsx(bytes, path.basename(SAMPLE));
  const analysis = new LiveAnalysis(wb);
  const sheet = wb.sheets.find((g) => g.name === '公开03表') as Grid;
  const compute: number[] = [];
  for (let i = 0; i < 41; i++) {
    const g = sheet.clone();
    g.set(12, 3, { value: i % 2 ? 195.99 : 95.99, numFmt: '0.00' });
    const t0 = performance.now();
    analysis.update({ sheets: [g] });
    if (i >= 10) compute.push(performance.now() - t0);
  }

  // edit to marks, 50 ms a request
  const timed = await session(latencyMs);
  const spans: number[] = [];
  for (let i = 0; i < 9; i++) {
    const done = timed.updated();
    const t0 = performance.now();
    timed.double.user.edit('公开03表', 'D13', i % 2 ? 95.99 : 195.99);
    await done;
    spans.push(performance.now() - t0);
    await timed.live.idle();
  }
  await timed.live.stop();

  return {
    fixture: path.basename(SAMPLE),
    syncsPerFullCheck,
    syncsPerEdit: Math.max(...Object.values(byKind)),
    syncsPerEditByKind: byKind,
    computePerEditMs: round(median(compute)),
    editToMarksMs: round(median(spans)),
    latencyMs,
    debounceMs: 0,
  };
}
