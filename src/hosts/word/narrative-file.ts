import { listZip, normalizePartName } from '../xlsx/package/zip';
import { documentText, docxEntries, DocxReadError } from './docx-text';

/** A narrative file that cannot be read as text; its one-line message is Chinese first, then English. */
export class NarrativeReadError extends Error {
  constructor(
    message: string,
    readonly problem: 'docx' | 'encoding' | 'not-text' | 'too-large',
  ) {
    super(message);
    this.name = 'NarrativeReadError';
  }
}

/** The longest narrative text read (characters): a long 自评报告 has a few hundred thousand. */
export const MAX_NARRATIVE_CHARS = 5 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

/**
 * The text of a narrative (情况说明) from its bytes, in Node and in the browser alike. What the bytes
 * are decides, not the name: a Word document (.docx, whatever it is called) gives its paragraphs;
 * text is read as UTF-8 (a BOM dropped), as UTF-16 when it starts with a UTF-16 BOM, else — when it is
 * not valid UTF-8 — as GBK (GB 18030, the default of Chinese Windows Notepad). A workbook, a PDF, an
 * old .doc or other binary file is named for what it is, and text that neither encoding decodes is
 * refused rather than read as mojibake.
 */
export async function narrativeText(bytes: Uint8Array, fileName: string): Promise<string> {
  return Promise.resolve(limit(readText(bytes, fileName), fileName));
}

function readText(bytes: Uint8Array, fileName: string): string {
  const isDocxName = /\.docx$/i.test(fileName);
  if (startsWith(bytes, ZIP) || startsWith(bytes, ZIP_EMPTY)) return zipText(bytes, fileName);
  if (isDocxName) throw new NarrativeReadError(`无法读取“${fileName}”：不是有效的 .docx 文档。 / Cannot read "${fileName}": not a valid .docx document.`, 'docx');
  if (startsWith(bytes, PDF)) throw notText(fileName, 'PDF 文件', 'a PDF file', '请复制其文字另存为 .txt，或另存为 .docx');
  if (startsWith(bytes, CFB)) {
    throw notText(fileName, '旧版 Office 文件（.doc 或 .xls）', 'an old Office file (.doc or .xls)', '请在 Word 中另存为 .docx');
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeStrict('utf-8', bytes.subarray(3), fileName) ?? notUtf8(fileName);
  if (startsWith(bytes, [0xff, 0xfe])) return decodeStrict('utf-16le', bytes.subarray(2), fileName) ?? badUtf16(fileName);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeStrict('utf-16be', bytes.subarray(2), fileName) ?? badUtf16(fileName);
  // UTF-16 without a BOM shows as NULs beside ASCII; any other NUL means binary
  const nuls = countNuls(bytes);
  if (nuls.total) {
    const half = bytes.length / 2;
    if (bytes.length % 2 === 0 && nuls.odd > half * 0.3 && nuls.even === 0) return decodeStrict('utf-16le', bytes, fileName) ?? badUtf16(fileName);
    if (bytes.length % 2 === 0 && nuls.even > half * 0.3 && nuls.odd === 0) return decodeStrict('utf-16be', bytes, fileName) ?? badUtf16(fileName);
    throw notText(fileName, '二进制文件', 'a binary file', '请另存为 .txt 或 .docx');
  }
  const utf8 = decodeStrict('utf-8', bytes, fileName);
  if (utf8 !== null) return utf8;
  const gbk = decodeStrict('gb18030', bytes, fileName);
  if (gbk !== null) return gbk;
  return notUtf8(fileName);
}

function zipText(bytes: Uint8Array, fileName: string): string {
  const listing = listZip(bytes);
  const names = listing.ok ? new Set(listing.entries.map((e) => normalizePartName(e.name))) : new Set<string>();
  try {
    if (names.has('word/document.xml') || (!listing.ok && /\.docx$/i.test(fileName))) return documentText(bytes, docxEntries(bytes, fileName), fileName);
  } catch (e) {
    if (e instanceof DocxReadError) throw new NarrativeReadError(e.message, 'docx');
    throw e;
  }
  if (names.has('xl/workbook.xml')) throw notText(fileName, 'Excel 工作簿', 'an Excel workbook', '情况说明应为 .txt 或 .docx；工作簿请作为 FILE 给出');
  if (/\.docx$/i.test(fileName)) throw new NarrativeReadError(`“${fileName}”中没有正文（word/document.xml）。 / "${fileName}" has no document body.`, 'docx');
  throw notText(fileName, 'zip 压缩包', 'a zip archive', '请解压后给出其中的 .txt 或 .docx');
}

/** The text, or null when the bytes are not valid in this encoding. */
function decodeStrict(encoding: string, bytes: Uint8Array, fileName: string): string | null {
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  } catch {
    // a runtime without this encoding (Node built with small-icu for GB 18030)
    if (encoding === 'gb18030') return null;
    throw new NarrativeReadError(`无法解码“${fileName}”（${encoding}）。 / Cannot decode "${fileName}" (${encoding}).`, 'encoding');
  }
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

function countNuls(bytes: Uint8Array): { total: number; even: number; odd: number } {
  let even = 0;
  let odd = 0;
  const n = Math.min(bytes.length, 64 * 1024);
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  return { total: even + odd, even, odd };
}

function limit(text: string, fileName: string): string {
  if (text.length <= MAX_NARRATIVE_CHARS) return text;
  throw new NarrativeReadError(
    `情况说明“${fileName}”的文字超过 ${MAX_NARRATIVE_CHARS / 1048576} M 字的上限，未读取。 / Narrative "${fileName}" has more than ${MAX_NARRATIVE_CHARS / 1048576} M characters; it was not read.`,
    'too-large',
  );
}

function notText(fileName: string, zh: string, en: string, advice: string): NarrativeReadError {
  return new NarrativeReadError(`情况说明“${fileName}”是${/^[A-Za-z]/.test(zh) ? ' ' : ''}${zh}，不是文本：${advice}。 / Narrative "${fileName}" is ${en}, not text.`, 'not-text');
}

function notUtf8(fileName: string): never {
  throw new NarrativeReadError(
    `情况说明“${fileName}”既不是 UTF-8 也不是 GBK 文本：请另存为 UTF-8 文本或 .docx。 / Narrative "${fileName}" is neither UTF-8 nor GBK text: save it as UTF-8 or .docx.`,
    'encoding',
  );
}

function badUtf16(fileName: string): never {
  throw new NarrativeReadError(`情况说明“${fileName}”不是有效的 UTF-16 文本。 / Narrative "${fileName}" is not valid UTF-16 text.`, 'encoding');
}
