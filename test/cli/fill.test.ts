import ExcelJS from 'exceljs';
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { analyze } from '../../src/core/analyze';
import { fromA1 } from '../../src/core/grid/address';
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
    expect(r.stderr).toMatch(/就是输入.*请另选输出路径，或用 --in-place（会先备份）。 \/ .*is the input/);
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  test('refuses to replace an existing output without --force (exit 73)', async () => {
    const out = path.join(dir, 'out.xlsx');
    expect((await cli('fill', input, '-o', out)).code).toBe(0);
    const bytes = readFileSync(out);
    const r = await cli('fill', input, '-o', out, '--overwrite');
    expect(r.code).toBe(73);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(out).equals(bytes)).toBe(true);
    expect((await cli('fill', input, '-o', out, '--overwrite', '--force')).code).toBe(0);
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

describe('gongkai fill: the report says what happened, in each mode', () => {
  const dir = tempDir('gk-fill-report-');
  let BOOK: string;
  beforeAll(async () => {
    // the 江岸 tables with two totals left blank (their parts are there): something to fill
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(FIXTURES, 'jiangan-2024-gongkai.xlsx'));
    wb.getWorksheet('公开02表')!.getCell('D7').value = null;
    wb.getWorksheet('公开05表')!.getCell('C7').value = null;
    BOOK = path.join(dir, 'jiangan-2024-gongkai.xlsx');
    await wb.xlsx.writeFile(BOOK);
  });

  test('--values never speaks of formulas, and cells already right are called right, not "kept because of their inputs"', async () => {
    const r = await cli('fill', BOOK, '-o', path.join(dir, 'v.xlsx'), '--values');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/改为公式|公式 \d+ 个/);
    expect(r.stdout).not.toMatch(/因其引用的单元格未改动而保持原样/);
    const json = JSON.parse((await cli('fill', BOOK, '-o', path.join(dir, 'v2.xlsx'), '--values', '--format', 'json')).stdout) as { writes: { status: string; written: boolean }[] };
    const alreadyRight = json.writes.filter((w) => w.status === 'same-value' && !w.written).length;
    expect(alreadyRight).toBeGreaterThan(0);
    expect(r.stdout).toContain(`无需改动：已是计算值 ${alreadyRight} 个`);
    expect(r.stdout).toMatch(/^文件 jiangan-2024-gongkai\.xlsx → .*v\.xlsx\n写入 \d+ 个单元格（数值）：/);
  });

  test('formulas: constants that equal their value become formulas, and the report says so', async () => {
    const r = await cli('fill', BOOK, '-o', path.join(dir, 'f.xlsx'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/写入 \d+ 个单元格（公式）：空白处填入 \d+ 个，与计算值相同的常数改为公式 \d+ 个/);
  });

  test('nothing to change: no file is written, no backup is made, and it says so (exit 0)', async () => {
    const once = path.join(dir, 'once.xlsx');
    expect((await cli('fill', BOOK, '-o', once, '--values')).code).toBe(0);
    const twice = path.join(dir, 'twice.xlsx');
    const r = await cli('fill', once, '-o', twice, '--values');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/没有需要改动的单元格，未写出文件。 \/ Nothing to change; no file was written\./);
    expect(existsSync(twice)).toBe(false);
    const before = readdirSync(dir).sort();
    const bytes = readFileSync(once);
    const inPlace = await cli('fill', once, '--in-place', '--values', '--format', 'json');
    expect(inPlace.code).toBe(0);
    expect(JSON.parse(inPlace.stdout)).toMatchObject({ written: 0, output: null, backup: null });
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(readFileSync(once).equals(bytes)).toBe(true);
  });
});

describe('gongkai fill --numbers-from-text', () => {
  const dir = tempDir('gk-fill-text-');
  const BOOK = path.join(FIXTURES, 'jiangan-2024-gongkai.xlsx');
  let textBook: string;
  beforeAll(async () => {
    // 公开03表's amounts pasted from a PDF: numbers stored as text
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(BOOK);
    const ws = wb.getWorksheet('公开03表')!;
    ws.eachRow((row, r) => {
      if (r < 7) return;
      row.eachCell((c, col) => {
        if (col >= 3 && typeof c.value === 'number') c.value = c.value.toFixed(2);
      });
    });
    // a blank total over them: to be written
    ws.getCell('D7').value = null;
    textBook = path.join(dir, 'text.xlsx');
    await wb.xlsx.writeFile(textBook);
  });

  test('without it, totals reading text are written as values, and the text and JSON reports say which and why', async () => {
    const r = await cli('fill', textBook, '-o', path.join(dir, 'a.xlsx'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/以数值写入 \d+ 个.*：它们引用以文本存放的数字（Excel 的 SUM 不计文本），写成公式会算错；用 --numbers-from-text 先把这些文本转为数值，即可写成公式/);
    expect(r.stdout).toMatch(/公开03表!\w+\d+ 引用 公开03表!\w+\d+/);
    const json = JSON.parse((await cli('fill', textBook, '-o', path.join(dir, 'b.xlsx'), '--format', 'json')).stdout) as {
      writes: { sheet: string; formula: string | null; valueOnlyReason?: string; textInputs?: string[]; written: boolean }[];
      notes: string[];
    };
    const asValues = json.writes.filter((w) => w.valueOnlyReason === 'text-inputs');
    expect(asValues.length).toBeGreaterThan(0);
    for (const w of asValues) {
      expect(w.formula).toBeNull();
      expect(w.textInputs!.length).toBeGreaterThan(0);
    }
    expect(json.notes.join('\n')).toMatch(/--numbers-from-text/);
  });

  test('with it, the text is converted to numbers and the totals become formulas', async () => {
    const out = path.join(dir, 'c.xlsx');
    const r = await cli('fill', textBook, '-o', out, '--numbers-from-text', '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { writes: { sheet: string; address: string; status: string; written: boolean; valueOnlyReason?: string }[] };
    const conversions = json.writes.filter((w) => w.status === 'text-number' && w.written);
    expect(conversions.length).toBeGreaterThan(0);
    expect(json.writes.filter((w) => w.valueOnlyReason === 'text-inputs')).toEqual([]);
    const wb = await loadXlsx(new Uint8Array(readFileSync(out)), 'c.xlsx');
    const sheet = wb.sheets.find((s) => s.name === conversions[0].sheet)!;
    const { row, col } = fromA1(conversions[0].address);
    expect(typeof sheet.value(row, col)).toBe('number');
    const text = await cli('fill', textBook, '-o', path.join(dir, 'd.xlsx'), '--numbers-from-text');
    expect(text.stdout).toMatch(/以文本存放的数字改为数值 \d+ 个/);
  });
});
