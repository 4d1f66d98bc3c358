import JSZip from 'jszip';
import { narrativeText, NarrativeReadError } from '../../../src/hosts/word/narrative-file';

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

  test('GBK text and a broken .docx are refused with a Chinese-first message', async () => {
    const gbk = await problem(new Uint8Array([0xc7, 0xe9, 0xbf, 0xf6, 0xcb, 0xb5, 0xc3, 0xf7]), 'gbk.txt');
    expect(gbk.problem).toBe('encoding');
    expect(gbk.message).toMatch(/^情况说明“gbk\.txt”不是 UTF-8 文本（可能是 GBK）：请另存为 UTF-8 或 \.docx。 \/ /);
    const broken = await problem(utf8('not a zip'), 'broken.docx');
    expect(broken.problem).toBe('docx');
    expect(broken.name).toBe('NarrativeReadError');
    expect(broken.message).toMatch(/^无法读取“broken\.docx”：不是有效的 \.docx 文档。/);
  });
});
