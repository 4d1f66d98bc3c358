import { readFileSync, writeFileSync } from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { cli } from '../helpers/cli';
import { FIXTURES } from '../helpers/fixtures';
import { withInputValues } from '../helpers/inputs-sheet';
import { tempDir } from '../helpers/temp-dir';

const BOOK = path.join(FIXTURES, 'jiangan-2024-gongkai.xlsx');
const TEXT = path.join(FIXTURES, 'jiangan-2024-qingkuang.txt');

/** A minimal real .docx: one paragraph per line of the text, runs split mid-sentence as Word does. */
async function docxOf(text: string): Promise<Buffer> {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const paras = text.split('\n').map((line) => {
    const half = Math.floor(line.length / 2);
    return `<w:p><w:r><w:t xml:space="preserve">${esc(line.slice(0, half))}</w:t></w:r><w:r><w:t xml:space="preserve">${esc(line.slice(half))}</w:t></w:r></w:p>`;
  });
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paras.join('')}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('gongkai check --narrative', () => {
  test('a .txt narrative: its findings carry source "narrative" and the exact quote (JSON contract)', async () => {
    const r = await cli('check', BOOK, '--narrative', TEXT, '--format', 'json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const narrative = report.findings.filter((f: { source?: string }) => f.source === 'narrative');
    const errors = narrative.filter((f: { severity: string }) => f.severity === 'error');
    expect(errors.map((f: { quote: string }) => f.quote)).toEqual(['98.04%', '1.96%', '1405.65万元', '23.42%', '21311.62 万元']);
    const text = readFileSync(TEXT, 'utf8');
    expect(narrative.every((f: { quote: string }) => text.includes(f.quote))).toBe(true);
  });

  test('a .docx narrative gives the same findings', async () => {
    const dir = tempDir('gk-nar-');
    const doc = path.join(dir, '情况说明.docx');
    writeFileSync(doc, await docxOf(readFileSync(TEXT, 'utf8')));
    const fromDocx = JSON.parse((await cli('check', BOOK, '--narrative', doc, '--format', 'json')).stdout);
    const fromTxt = JSON.parse((await cli('check', BOOK, '--narrative', TEXT, '--format', 'json')).stdout);
    const key = (r: { findings: { source?: string; rule: string; quote?: string }[] }) => r.findings.filter((f) => f.source === 'narrative').map((f) => `${f.rule}:${f.quote}`);
    expect(key(fromDocx)).toEqual(key(fromTxt));
  });

  test('text output has a 情况说明 section with the quotes', async () => {
    const r = await cli('check', BOOK, '--narrative', TEXT);
    expect(r.stdout).toMatch(/【情况说明】\n {2}错误 “98\.04%” /);
    expect(r.stdout).toMatch(/提示 另有 \d+ 个数字未能与表中数据或文中其他数字对应/);
    expect(r.stdout).toMatch(/已核对 \d+ 个数字：\d+ 个与表中数据对照，\d+ 个与文中其他数字相互核对/);
  });

  test('a missing narrative, or one in neither UTF-8 nor GBK, exits 2 with one bilingual line', async () => {
    const missing = await cli('check', BOOK, '--narrative', path.join(FIXTURES, 'nope.txt'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/找不到文件.*file not found/);
    const dir = tempDir('gk-nar-');
    const odd = path.join(dir, 'odd.txt');
    writeFileSync(odd, Buffer.from([0x41, 0xff, 0x41, 0xfe]));
    const bad = await cli('check', BOOK, '--narrative', odd);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/既不是 UTF-8 也不是 GBK.* \/ .*neither UTF-8 nor GBK/);
    // a workbook given as the narrative is called a workbook
    const book = await cli('check', BOOK, '--narrative', BOOK);
    expect(book.code).toBe(2);
    expect(book.stderr).toMatch(/是 Excel 工作簿，不是文本.* \/ .*is an Excel workbook, not text/);
  });

  test('the seed text saved in GBK (Chinese Notepad) or UTF-16 is checked as the UTF-8 one is', async () => {
    const dir = tempDir('gk-nar-');
    const text = readFileSync(TEXT, 'utf8');
    const gbk = path.join(dir, 'gbk.txt');
    writeFileSync(gbk, toGbk(text));
    const utf16 = path.join(dir, 'utf16.txt');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const expected = await cli('check', BOOK, '--narrative', TEXT, '--format', 'json');
    for (const file of [gbk, utf16]) {
      const r = await cli('check', BOOK, '--narrative', file, '--format', 'json');
      expect([r.code, r.stderr]).toEqual([expected.code, '']);
      expect(JSON.parse(r.stdout).findings).toEqual(JSON.parse(expected.stdout).findings);
    }
  });
});

/** `text` encoded in GBK (GB 18030's two-byte part), from the decoder's own table. */
function toGbk(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GBK code for ${ch}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}

describe('gongkai check --narrative with the figures beside the tables', () => {
  const narrativeFindings = (stdout: string) =>
    (JSON.parse(stdout).findings as { source?: string; rule: string; quote: string; expected: string | null; severity: string }[]).filter((f) => f.source === 'narrative' && f.rule !== 'NARRATIVE.unresolved');

  test('--prior: the workbook as its own prior year (the same year) is refused, its figures not used', async () => {
    // it would make every stated change look wrong ("增加11584.58万元" against 持平)
    const r = await cli('check', BOOK, '--narrative', TEXT, '--prior', BOOK, '--format', 'json');
    expect(r.code).toBe(1);
    const found = narrativeFindings(r.stdout);
    expect(found.filter((f) => ['NARRATIVE.change', 'NARRATIVE.growth', 'NARRATIVE.direction'].includes(f.rule))).toEqual([]);
  });

  test('--inputs: 上年数, 年初预算 and 政府采购 of the 上年数及其他 sheet check the amounts that quote them', async () => {
    const dir = tempDir('gk-check-');
    const template = path.join(dir, 't.xlsx');
    expect((await cli('narrate', BOOK, '--inputs-template', template)).code).toBe(0);
    const values = {
      '2023年度收、支总计': '11314.64',
      '一般公共预算财政拨款支出年初预算（按类）：卫生健康支出（210）': 67.46,
      机关运行经费年初预算: 55.89,
      政府采购支出总额: 2105.14,
      授予小微企业合同金额: 493.28,
      政府采购货物支出: 0.45,
      货物采购授予中小企业合同金额: 0.45,
    };
    const right = await withInputValues(template, path.join(dir, 'right.xlsx'), values);
    const ok = narrativeFindings((await cli('check', BOOK, '--narrative', TEXT, '--inputs', right, '--format', 'json')).stdout);
    expect(ok.filter((f) => ['NARRATIVE.change', 'NARRATIVE.amount'].includes(f.rule))).toEqual([]);

    const wrong = await withInputValues(template, path.join(dir, 'wrong.xlsx'), { ...values, '2023年度收、支总计': '11341.64', 政府采购支出总额: 2150.14, 机关运行经费年初预算: 58.89, 货物采购授予中小企业合同金额: 0.4 });
    const r = await cli('check', BOOK, '--narrative', TEXT, '--inputs', wrong, '--format', 'json');
    const bad = narrativeFindings(r.stdout).map((f) => [f.rule, f.quote, f.expected]);
    expect(bad).toEqual(
      expect.arrayContaining([
        ['NARRATIVE.change', '11584.58万元', '11557.58'],
        ['NARRATIVE.amount', '2105.14万元', '2150.14'],
        // "比年初预算数增加 18.26 万元": against the given 年初预算
        ['NARRATIVE.change', '18.26 万元', '15.26'],
        // "货物采购授予中小企业合同金额占货物支出金额的100%": both only in the inputs sheet
        ['NARRATIVE.share', '100%', '88.89%'],
      ]),
    );
  });

  test('--prior or --inputs without --narrative is a usage error; an --inputs file without the sheet cannot be read', async () => {
    expect((await cli('check', BOOK, '--prior', BOOK)).code).toBe(64);
    const r = await cli('check', BOOK, '--narrative', TEXT, '--inputs', BOOK);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/没有名为“上年数及其他”的工作表/);
  });
});
