import { inflateEntry, listZip, normalizePartName, ZipError, type ZipEntry } from '../xlsx/package/zip';

/** A .docx that cannot be read as a Word document. */
export class DocxReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocxReadError';
  }
}

/**
 * The most a narrative's word/document.xml may inflate to, counted on the bytes actually inflated
 * (whatever the zip's directory declares): a 情况说明 of a hundred pages is well under 2 MiB of XML.
 */
export const MAX_DOCUMENT_XML_BYTES = 20 * 1024 * 1024;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML 1.0's Char production: what a character reference may name. */
const isXmlChar = (cp: number) => cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);

function decode(xml: string, fileName: string): string {
  if (!xml.includes('&')) return xml;
  return xml.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, e: string) => {
    if (e[0] !== '#') return ENTITIES[e.toLowerCase()];
    const digits = e[1] === 'x' || e[1] === 'X' ? e.slice(2) : e.slice(1);
    // more than 7 digits cannot be a code point (and must not become a float)
    const cp = digits.length > 7 ? -1 : parseInt(digits, e[1] === 'x' || e[1] === 'X' ? 16 : 10);
    if (!isXmlChar(cp)) {
      throw new DocxReadError(
        `无法读取“${fileName}”：正文含无效的字符引用“${whole.slice(0, 24)}”，文档已损坏。 / Cannot read "${fileName}": the body holds an invalid character reference (${whole.slice(0, 24)}); the document is damaged.`,
      );
    }
    return String.fromCodePoint(cp);
  });
}

/** The entries of a zip, or a DocxReadError saying why it is not a readable .docx. */
export function docxEntries(bytes: Uint8Array, fileName: string): ZipEntry[] {
  const listing = listZip(bytes);
  if (listing.ok) return listing.entries;
  if (listing.problem === 'zip-bomb') {
    throw new DocxReadError(`无法读取“${fileName}”：解压后会超过安全上限。 / Cannot read "${fileName}": it would expand beyond the safe limit.`);
  }
  throw new DocxReadError(`无法读取“${fileName}”：不是有效的 .docx 文档。 / Cannot read "${fileName}": not a valid .docx document.`);
}

/**
 * The plain text of a .docx (Node and browser): one line per paragraph, tabs and breaks kept as
 * spaces and new lines, so a narrative's sentences and headings read as they do in Word. The zip is
 * read by the package reader of the .xlsx host: its directory checked, document.xml inflated under
 * a cap on the bytes that actually come out.
 */
export async function docxText(bytes: Uint8Array, fileName: string): Promise<string> {
  const entries = docxEntries(bytes, fileName);
  return Promise.resolve(documentText(bytes, entries, fileName));
}

/** The text of word/document.xml among `entries` of the zip `bytes`. */
export function documentText(bytes: Uint8Array, entries: readonly ZipEntry[], fileName: string): string {
  const part = entries.find((e) => normalizePartName(e.name) === 'word/document.xml');
  if (!part) throw new DocxReadError(`“${fileName}”中没有正文（word/document.xml）。 / "${fileName}" has no document body.`);
  let raw: Uint8Array;
  try {
    raw = inflateEntry(bytes, part, MAX_DOCUMENT_XML_BYTES);
  } catch (e) {
    if (e instanceof ZipError && e.kind === 'too-large') {
      throw new DocxReadError(
        `“${fileName}”的正文超过 ${MAX_DOCUMENT_XML_BYTES / 1048576} MiB 的安全上限，未读取。 / The body of "${fileName}" is beyond the safe limit of ${MAX_DOCUMENT_XML_BYTES / 1048576} MiB; it was not read.`,
      );
    }
    throw new DocxReadError(`无法读取“${fileName}”：文档已损坏。 / Cannot read "${fileName}": the document is damaged.`);
  }
  const xml = new TextDecoder('utf-8').decode(raw);
  const paragraphs: string[] = [];
  for (const p of xml.split(/<w:p[\s>]/).slice(1)) {
    const body = p.split('</w:p>')[0];
    let text = '';
    for (const m of body.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)\b[^>]*\/>/g)) {
      if (m[1] !== undefined) text += decode(m[1], fileName);
      else text += m[2] === 'tab' ? '\t' : '\n';
    }
    paragraphs.push(text);
  }
  return paragraphs.join('\n');
}
