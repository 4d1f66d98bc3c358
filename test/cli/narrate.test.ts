import { existsSync, mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { run } from '../../src/cli/cli';
import { docxText } from '../../src/hosts/word/docx-text';
import { FIXTURES } from '../helpers/fixtures';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t + '\n'), stderr: (t) => (stderr += t + '\n') });
  return { code, stdout, stderr };
}

const BOOK = path.join(FIXTURES, 'jiangan-2024-gongkai.xlsx');

describe('gongkai narrate', () => {
  test('writes a .docx whose text holds the sections, the table numbers and marked slots', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gk-narrate-'));
    const out = path.join(dir, '情况说明.docx');
    const r = await cli('narrate', BOOK, '-o', out);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/处待填写或确认/);
    const text = await docxText(new Uint8Array(readFileSync(out)), '情况说明.docx');
    for (const heading of ['一、收入支出决算总体情况说明', '六、一般公共预算财政拨款基本支出决算情况说明', '九、财政拨款"三公"经费支出决算情况说明', '附：数字来源']) {
      expect(text.replace(/[“”]/g, '"')).toContain(heading);
    }
    expect(text).toContain('其中：财政拨款收入22854.27万元，占本年收入99.80%。');
    expect(text).toContain('【上年数（2023年度收、支总计，万元）】');
    expect(text).toMatch(/22899\.22 → .* → 公开01表!C37/);
  });

  test('with --prior the year-over-year sentences are drafted, never invented without it', async () => {
    // the same workbook as its own prior year: every change is 持平
    const r = await cli('narrate', BOOK, '--prior', BOOK, '--format', 'txt');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/与2023年度相比，收、支总计持平/);
    expect(r.stdout).not.toContain('上年数（2023年度收、支总计');
  });

  test('refuses an existing output without --force (exit 73) and a .docx without -o (exit 64)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gk-narrate-'));
    const out = path.join(dir, 'a.docx');
    expect((await cli('narrate', BOOK, '-o', out)).code).toBe(0);
    const before = readFileSync(out);
    expect((await cli('narrate', BOOK, '-o', out)).code).toBe(73);
    expect(readFileSync(out).equals(before)).toBe(true);
    expect((await cli('narrate', BOOK)).code).toBe(64);
    expect(existsSync(path.join(dir, 'b.docx'))).toBe(false);
  });
});
