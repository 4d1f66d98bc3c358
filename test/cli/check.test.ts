import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { builtCli, cli } from '../helpers/cli';
import { FIXTURES } from '../helpers/fixtures';
import { tempDir } from '../helpers/temp-dir';

const utf16 = (s: string) => Buffer.from(s, 'utf16le');
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

describe('gongkai check', () => {
  test('checks the bundled sample workbook when no file is given, as JSON per the contract', async () => {
    const { code, stdout, stderr } = await cli('check', '--format', 'json');
    // the seed's GK02 row 2210201 (103.27 ≠ 99.54 + 3.70) is a real error: exit 1
    expect([code, stderr]).toEqual([1, '']);
    const report = JSON.parse(stdout);
    expect(report.file).toBe('jiangan-2024-gongkai.xlsx');
    const row = report.findings.find((f: { rule: string; severity: string }) => f.rule === 'LEDGER.row-sum' && f.severity === 'error');
    expect(row).toMatchObject({ cells: [{ sheet: '公开02表', address: 'C29' }, { sheet: '公开02表', address: 'D29' }, { sheet: '公开02表', address: 'I29' }], expected: '103.24', actual: '103.27' });
    for (const f of report.findings) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['rule', 'severity', 'cells', 'expected', 'actual', 'message']));
      expect(['error', 'warning', 'info']).toContain(f.severity);
    }
    expect(report.tables).toHaveLength(9);
    expect(report.tables[0]).toMatchObject({ sheet: '公开01表', type: 'GK01', title: '2024年度收入支出决算总表', year: 2024, unit: '万元', range: 'A1:F39' });
    for (const t of report.tables) expect(Object.keys(t)).toEqual(expect.arrayContaining(['sheet', 'type', 'title', 'year', 'unit', 'range']));
  });

  test('text output groups by sheet and ends with the summary line', async () => {
    const { stdout } = await cli('check', path.join(FIXTURES, 'miluo-2023-jixiao.xlsx'));
    expect(stdout).toContain('【3-1帮代办】');
    expect(stdout.trim().split('\n').pop()).toMatch(/^识别 16 张表，未识别 0 处；错误 \d+，警告 \d+，提示 \d+。/);
  });

  test('尾差 are grouped into one line per sheet unless --show-rounding', async () => {
    const grouped = (await cli('check')).stdout;
    expect(grouped).toMatch(/【公开02表】[\s\S]*警告 尾差 3 处，最大相差 0\.05/);
    expect(grouped).toMatch(/错误 C29,D29,I29 公开02表 科目 2210201 住房公积金/);
    const expanded = (await cli('check', '--show-rounding')).stdout;
    expect(expanded).not.toMatch(/警告 尾差 \d+ 处/);
    expect((expanded.match(/（尾差）/g) ?? []).length).toBeGreaterThan(5);
  });

  test('--rules lists every rule with id, title and identity', async () => {
    const { code, stdout } = await cli('check', '--rules');
    expect(code).toBe(0);
    expect(stdout).toMatch(/GK01\.income-total\t错误\t收入支出决算总表：本年收入合计\t本年收入合计 = /);
    const json = JSON.parse((await cli('check', '--rules', '--format', 'json')).stdout);
    expect(json.map((m: { id: string }) => m.id)).toContain('LEDGER.row-sum');
  });

  test('lists a sheet without a standard table as unrecognized with its reason', async () => {
    const dir = tempDir('gk-');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').getCell('A1').value = '本部门2024年度决算公开说明文字。';
    const s = wb.addWorksheet('Sheet2');
    s.addRow(['项目', '金额']);
    s.addRow(['办公费', 12.5]);
    const file = path.join(dir, 'plain.xlsx');
    await wb.xlsx.writeFile(file);
    const { code, stdout } = await cli('check', file, '--format=json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.tables).toEqual([]);
    expect(report.unrecognized.map((u: { sheet: string }) => u.sheet)).toEqual(['说明', 'Sheet2']);
    expect(report.unrecognized[0].reason).toMatch(/只有文字/);
    expect(report.unrecognized[1].reason).toMatch(/没有找到标准表名/);
  });

  test('usage mistakes exit 64 with a bilingual message', async () => {
    expect((await cli('check', '--format', 'xml')).code).toBe(64);
    const r = await cli('frobnicate');
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/未知命令.*Unknown command/);
  });
});

describe('bad input: one line on stderr (Chinese, then English), exit 2, nothing written', () => {
  const dir = tempDir('gk-bad-');
  const fixture = readFileSync(path.join(FIXTURES, 'jiangan-2024-gongkai.xlsx'));
  const cases: [string, () => Promise<string>, RegExp][] = [
    ['not a zip', async () => write('notzip.xlsx', Buffer.from('hello, this is not a workbook at all')), /不是|not/],
    ['a .csv renamed', async () => write('table.xlsx', Buffer.from('项目,金额\n办公费,12.50\n合计,12.50\n')), /CSV/],
    ['an .xls renamed', async () => write('old.xlsx', Buffer.concat([CFB_MAGIC, Buffer.alloc(600), utf16('Workbook')])), /\.xls/],
    ['an encrypted workbook', async () => write('secret.xlsx', Buffer.concat([CFB_MAGIC, Buffer.alloc(600), utf16('EncryptionInfo'), utf16('EncryptedPackage')])), /密码|password/i],
    ['a truncated file', async () => write('cut.xlsx', fixture.subarray(0, Math.floor(fixture.length / 2))), /损坏|不完整|truncated|incomplete|damaged/i],
    ['an empty file', async () => write('zero.xlsx', Buffer.alloc(0)), /空|empty/i],
    ['an empty workbook', async () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('Sheet1');
      return write('blank.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    }, /空工作簿|empty workbook/],
    ['a missing path', async () => path.join(dir, 'nope.xlsx'), /找不到|not found/],
    ['a directory', async () => {
      const d = path.join(dir, 'folder.xlsx');
      mkdirSync(d, { recursive: true });
      return d;
    }, /文件夹|directory/],
    ['a zip bomb', async () => {
      const zip = new JSZip();
      zip.file('[Content_Types].xml', '<Types/>');
      zip.file('xl/workbook.xml', '<workbook/>');
      zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(60 * 1024 * 1024));
      return write('bomb.xlsx', await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    }, /安全|limit|bomb|上限/i],
  ];
  function write(name: string, bytes: Buffer): string {
    const p = path.join(dir, name);
    writeFileSync(p, bytes);
    return p;
  }

  test.each(cases)('%s', async (_name, make, pattern) => {
    const file = await make();
    const before = readdirSync(dir).sort();
    const r = await cli('check', file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const [zh, en] = lines[0].split(' / ');
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(en).toMatch(/^["A-Z][^\u4e00-\u9fff]*[a-z]/);
    expect(lines[0]).toMatch(pattern);
    expect(readdirSync(dir).sort()).toEqual(before);
  }, 30000);

  test('a reader that stops early (| head) ends the command quietly, with no stack trace', () => {
    const bin = path.resolve(__dirname, '../../bin/gongkai.js');
    const books = ['jiangan-2024-gongkai.xlsx', 'miluo-2023-jixiao.xlsx', 'jiangan-2024-jixiao.xlsx'].map((f) => JSON.stringify(path.join(FIXTURES, f)));
    // about 70 KB of JSON Lines: more than a pipe holds, so the writes after head has gone fail with EPIPE
    const r = spawnSync('bash', ['-c', `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} check --format json ${books.join(' ')} | head -c 10 >/dev/null; echo "status \${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^status [01]\n$/);
  });

  test('the installed bin prints no stack trace and exits 2 as a real process', () => {
    const r = builtCli('check', path.join(dir, 'missing.xlsx'));
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat \w|Error:/);
    const ok = builtCli('check', '--format', 'json');
    expect(ok.code).toBe(1);
    expect(JSON.parse(ok.stdout).tables).toHaveLength(9);
  });
});

describe('several files: every readable one is reported, the worst exit code wins', () => {
  const dir = tempDir('gk-batch-');
  const bad = path.join(dir, 'bad.xlsx');
  const clean = path.join(FIXTURES, 'lukou-2022-jixiao.xlsx');
  const withErrors = path.join(FIXTURES, 'jiangan-2024-gongkai.xlsx');
  beforeAll(() => writeFileSync(bad, 'not a workbook'));

  test('text: each readable file\'s report, the unreadable one named on stderr, exit 2', async () => {
    const r = await cli('check', withErrors, bad, clean);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('文件 jiangan-2024-gongkai.xlsx');
    expect(r.stdout).toContain('文件 lukou-2022-jixiao.xlsx');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/bad\.xlsx.* \/ .*bad\.xlsx/);
  });

  test('json: one line per readable file, in order', async () => {
    const r = await cli('check', bad, withErrors, clean, '--format', 'json');
    expect(r.code).toBe(2);
    const reports = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { file: string });
    expect(reports.map((x) => x.file)).toEqual(['jiangan-2024-gongkai.xlsx', 'lukou-2022-jixiao.xlsx']);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  test('without unreadable files: 1 when any has an error, 0 when none has', async () => {
    const clean2 = (await cli('check', clean, '--format', 'json'));
    expect(clean2.code).toBe(0);
    expect((await cli('check', clean, withErrors)).code).toBe(1);
    expect((await cli('check', clean, clean)).code).toBe(0);
  });
});

describe('what reaches the terminal', () => {
  test('bidi overrides and control characters in file and sheet names are shown escaped, in text and JSON', async () => {
    const dir = tempDir('gk-ctl-');
    const name = 'evil\u202Eslx.\u001b[31m\u0085\u2066.xlsx';
    const file = path.join(dir, name);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明\u202E\u0085').getCell('A1').value = '本部门说明文字\u200F。';
    await wb.xlsx.writeFile(file);
    const text = await cli('check', file);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('文件 evil\\u202Eslx.\\u001B[31m\\u0085\\u2066.xlsx');
    expect(text.stdout).toContain('【说明\\u202E\\u0085】');
    // eslint-disable-next-line no-control-regex -- no raw control character may reach the terminal
    expect(text.stdout).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/);
    const json = await cli('check', file, '--format', 'json');
    // eslint-disable-next-line no-control-regex -- nor the JSON
    expect(json.stdout).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/);
    expect(JSON.parse(json.stdout)).toMatchObject({ file: name, unrecognized: [{ sheet: '说明\u202E\u0085' }] });
    const missing = await cli('check', path.join(dir, 'gone\u202E.xlsx'));
    expect(missing.stderr).toContain('gone\\u202E.xlsx');
    expect(missing.stderr).not.toContain('\u202E');
  });
});
