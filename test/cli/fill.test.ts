import ExcelJS from 'exceljs';
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { analyze } from '../../src/core/analyze';
import { loadXlsx } from '../../src/hosts/xlsx/load';
import { cli } from '../helpers/cli';
import { FIXTURES } from '../helpers/fixtures';
import { tempDir } from '../helpers/temp-dir';

const ALL = ['jiangan-2024-gongkai.xlsx', 'jiangan-2024-jixiao.xlsx', 'huaihua-2023-jixiao.xlsx', 'huaihua-2024-jixiao.xlsx', 'lukou-2022-jixiao.xlsx', 'miluo-2023-jixiao.xlsx'];

async function cellsOf(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, string>();
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) => {
        // exceljs repeats a merge master's value in the covered cells: compare masters only
        if (c.isMerged && c.master !== c) return;
        out.set(`${ws.name}!${c.address}`, JSON.stringify({ v: c.value, f: c.numFmt ?? null }));
      }),
    );
  }
  return out;
}

const errorKeys = async (file: string) => {
  const wb = await loadXlsx(new Uint8Array(readFileSync(file)), path.basename(file));
  return new Set(analyze(wb).findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}@${f.cells.map((c) => `${c.sheet}!${c.address}`).join(',')}`));
};

describe('gongkai fill: round trip on every fixture', () => {
  const dir = tempDir('gk-fill-');
  test.each(ALL)('%s: only the filled cells differ, and the check finds no new error', async (name) => {
    const input = path.join(FIXTURES, name);
    const output = path.join(dir, `filled-${name}`);
    const r = await cli('fill', input, '-o', output, '--format', 'json');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const result = JSON.parse(r.stdout);
    const written = new Set<string>(result.writes.filter((w: { written: boolean }) => w.written).map((w: { sheet: string; address: string }) => `${w.sheet}!${w.address}`));
    expect(written.size).toBe(result.written);
    const before = await cellsOf(input);
    const after = await cellsOf(output);
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k));
    expect(changed.filter((k) => !written.has(k))).toEqual([]);
    for (const w of result.writes.filter((x: { written: boolean }) => x.written)) {
      const cell = JSON.parse(after.get(`${w.sheet}!${w.address}`)!);
      expect(`=${cell.v.formula ?? cell.v.sharedFormula}`).toBe(w.formula);
    }
    // no error appears that the input did not have: the computed cells agree with their identities
    const newErrors = [...(await errorKeys(output))];
    const old = await errorKeys(input);
    expect(newErrors.filter((k) => !old.has(k))).toEqual([]);
  });

  test('--overwrite replaces the reported cells: 怀化 2023 控制率 becomes =D4/B4 = 101.75% and its error is gone', async () => {
    const output = path.join(dir, 'h23-overwrite.xlsx');
    const r = await cli('fill', path.join(FIXTURES, 'huaihua-2023-jixiao.xlsx'), '-o', output, '--overwrite');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/已按 --overwrite 替换/);
    const wb = await loadXlsx(new Uint8Array(readFileSync(output)), 'h.xlsx');
    const base = wb.sheets.find((s) => s.name === '基础数据表')!;
    expect(base.cell(3, 5)).toMatchObject({ value: 1.0175, formula: 'IF(AND(N(D4)=0,N(B4)=0),1,IFERROR(ROUND(D4/B4,4),0))' });
    expect([...(await errorKeys(output))].some((k) => k.startsWith('BASE.control-rate'))).toBe(false);
  });

  test('--values writes numbers, not formulas', async () => {
    const output = path.join(dir, 'values.xlsx');
    expect((await cli('fill', path.join(FIXTURES, 'jiangan-2024-jixiao.xlsx'), '-o', output, '--values')).code).toBe(0);
    const wb = await loadXlsx(new Uint8Array(readFileSync(output)), 'v.xlsx');
    const dept = wb.sheets.find((s) => s.name === '部门整体绩效自评表')!;
    expect(dept.cell(4, 4)).toMatchObject({ value: 16.2589 });
    expect(dept.cell(4, 4)?.formula).toBeUndefined();
  });
});

describe('gongkai fill: never loses the user\'s work', () => {
  const dir = tempDir('gk-fill-safe-');
  const input = path.join(dir, 'book.xlsx');
  beforeAll(() => copyFileSync(path.join(FIXTURES, 'huaihua-2024-jixiao.xlsx'), input));

  test('refuses to write over its input without --in-place (exit 64), and writes nothing', async () => {
    const before = readdirSync(dir).sort();
    const r = await cli('fill', input, '-o', input);
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/输出文件与输入文件相同.*The output is the input/);
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  test('refuses to replace an existing output without --force (exit 73)', async () => {
    const out = path.join(dir, 'out.xlsx');
    expect((await cli('fill', input, '-o', out)).code).toBe(0);
    const bytes = readFileSync(out);
    const r = await cli('fill', input, '-o', out, '--values');
    expect(r.code).toBe(73);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(out).equals(bytes)).toBe(true);
    expect((await cli('fill', input, '-o', out, '--values', '--force')).code).toBe(0);
  });

  test('--in-place keeps a backup of the original first', async () => {
    const original = readFileSync(input);
    const r = await cli('fill', input, '--in-place');
    expect(r.code).toBe(0);
    const backup = readdirSync(dir).find((f) => /^book\.backup-\d{8}-\d{4}.*\.xlsx$/.test(f))!;
    expect(backup).toBeDefined();
    expect(readFileSync(path.join(dir, backup)).equals(original)).toBe(true);
    expect(readFileSync(input).equals(original)).toBe(false);
  });

  test('an unreadable input exits 2 and writes nothing', async () => {
    const out = path.join(dir, 'never.xlsx');
    const r = await cli('fill', path.join(dir, 'missing.xlsx'), '-o', out);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
