import { readFileSync } from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { narrativeText, NarrativeReadError } from '../../../src/hosts/word/narrative-file';
import { FIXTURES } from '../../helpers/fixtures';
import { buildZip, deflatedZeros } from '../xlsx/zip-helpers';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function docx(paragraphs: string[]): Promise<Uint8Array> {
  const zip = new JSZip();
  const body = paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('');
  zip.file('word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array' });
}

async function problem(bytes: Uint8Array, name: string): Promise<NarrativeReadError> {
  try {
    await narrativeText(bytes, name);
  } catch (e) {
    if (e instanceof NarrativeReadError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('narrativeText', () => {
  test('UTF-8 text, a leading BOM dropped', async () => {
    expect(await narrativeText(utf8('\uFEFF一、收入合计22899.22万元。'), 'a.txt')).toBe('一、收入合计22899.22万元。');
  });

  test('a .docx gives its paragraphs, one a line', async () => {
    expect(await narrativeText(await docx(['一、总体情况', '收入合计22899.22万元。']), '情况说明.DOCX')).toBe('一、总体情况\n收入合计22899.22万元。');
  });

  test('a broken .docx is refused with a Chinese-first message', async () => {
    const broken = await problem(utf8('not a zip'), 'broken.docx');
    expect(broken.problem).toBe('docx');
    expect(broken.name).toBe('NarrativeReadError');
    expect(broken.message).toMatch(/^无法读取“broken\.docx”：不是有效的 \.docx 文档。/);
  });
});

describe('narrativeText: encodings', () => {
  const TEXT = '一、收入支出决算总体情况说明：收入合计22899.22万元。';

  test('GBK text (Chinese Windows Notepad) is detected and decoded', async () => {
    // 情况说明 in GBK, then ASCII digits
    const gbk = new Uint8Array([0xc7, 0xe9, 0xbf, 0xf6, 0xcb, 0xb5, 0xc3, 0xf7, 0x31, 0x32, 0x2e, 0x35]);
    expect(await narrativeText(gbk, 'gbk.txt')).toBe('情况说明12.5');
  });

  test('UTF-16 with a BOM, little and big endian, is read as UTF-16', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    expect(await narrativeText(new Uint8Array(le), 'le.txt')).toBe(TEXT);
    const be = Buffer.from(le);
    be.swap16();
    expect(await narrativeText(new Uint8Array(be), 'be.txt')).toBe(TEXT);
  });

  test('valid UTF-8 that contains U+FFFD is accepted as it is', async () => {
    expect(await narrativeText(utf8(`${TEXT}\uFFFD`), 'a.txt')).toBe(`${TEXT}\uFFFD`);
  });

  test('what neither UTF-8 nor GBK decodes is refused, naming both', async () => {
    const e = await problem(new Uint8Array([0x41, 0xff, 0x41, 0xfe]), 'odd.txt');
    expect(e.problem).toBe('encoding');
    expect(e.message).toMatch(/^情况说明“odd\.txt”既不是 UTF-8 也不是 GBK 文本.* \/ .*neither UTF-8 nor GBK/);
  });

  test('a workbook, a PDF, an old .doc or other binary is named for what it is, never "GBK?"', async () => {
    const xlsx = new Uint8Array(readFileSync(path.join(FIXTURES, 'jiangan-2024-gongkai.xlsx')));
    for (const name of ['book.xlsx', 'book.txt']) {
      const e = await problem(xlsx, name);
      expect(e.message).toMatch(/Excel 工作簿.* \/ .*Excel workbook/);
      expect(e.message).not.toMatch(/GBK/);
    }
    expect((await problem(utf8('%PDF-1.7\n%\u00e2\u00e3'), 'a.txt')).message).toMatch(/PDF.* \/ .*PDF/);
    const cfb = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(600).fill(0)]);
    expect((await problem(cfb, 'old.doc')).message).toMatch(/\.doc.* \/ .*\.doc/);
    expect((await problem(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 0, 0]), 'a.out')).message).toMatch(/二进制.* \/ .*binary/);
    const zip = buildZip({ 'readme.md': 'hello' });
    expect((await problem(zip, 'a.zip')).message).toMatch(/zip.* \/ .*zip/i);
  });

  test('a .docx under another name is read as the document it is', async () => {
    expect(await narrativeText(await docx(['收入合计22899.22万元。']), '情况说明.txt')).toBe('收入合计22899.22万元。');
  });
});

describe('narrativeText: .docx limits', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const doc = (body: string) => `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`;

  test('a document.xml that inflates past the cap is refused fast, whatever the directory declares', async () => {
    // 400 MiB of zeros in about 400 KB, declared as 1000 bytes
    const bytes = buildZip({ 'word/document.xml': { raw: deflatedZeros(400), method: 8, size: 1000, crc: 0 } });
    const started = Date.now();
    const before = process.memoryUsage().arrayBuffers;
    const e = await problem(bytes, 'bomb.docx');
    expect(e.problem).toBe('docx');
    expect(e.message).toMatch(/^“bomb\.docx”的正文超过 20 MiB 的安全上限.* \/ .*limit/);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(128 * 1024 * 1024);
  });

  test('invalid character references are refused cleanly, valid ones decoded', async () => {
    for (const ref of ['&#x110000;', '&#xD800;', '&#0;', '&#99999999999999999999;']) {
      const bytes = buildZip({ 'word/document.xml': doc(`<w:p><w:r><w:t>收入${ref}</w:t></w:r></w:p>`) });
      const e = await problem(bytes, 'bad.docx');
      expect(e.problem).toBe('docx');
      expect(e.message).toMatch(/字符引用.* \/ .*character reference/);
    }
    const ok = buildZip({ 'word/document.xml': doc('<w:p><w:r><w:t>A&#x4E00;&#19968;&amp;&lt;</w:t></w:r></w:p>') });
    expect(await narrativeText(ok, 'ok.docx')).toBe('A一一&<');
  });

  test('a damaged stream and a missing body are docx problems, not internal errors', async () => {
    const damaged = buildZip({ 'word/document.xml': { raw: new Uint8Array([0xff, 0xff, 0xff, 0xff]), method: 8, size: 10, crc: 0 } });
    expect((await problem(damaged, 'd.docx')).problem).toBe('docx');
    expect((await problem(buildZip({ 'word/styles.xml': '<x/>' }), 'e.docx')).message).toMatch(/没有正文/);
  });
});
