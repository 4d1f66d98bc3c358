import JSZip from 'jszip';

/** A .docx that cannot be read as a Word document. */
export class DocxReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocxReadError';
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(xml: string): string {
  return xml.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e.toLowerCase()],
  );
}

/**
 * The plain text of a .docx (Node and browser): one line per paragraph, tabs and breaks kept as
 * spaces and new lines, so a narrative's sentences and headings read as they do in Word.
 */
export async function docxText(bytes: Uint8Array, fileName: string): Promise<string> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new DocxReadError(`无法读取“${fileName}”：不是有效的 .docx 文档。 / Cannot read "${fileName}": not a valid .docx document.`);
  }
  const part = zip.file('word/document.xml');
  if (!part) throw new DocxReadError(`“${fileName}”中没有正文（word/document.xml）。 / "${fileName}" has no document body.`);
  const xml = await part.async('string');
  const paragraphs: string[] = [];
  for (const p of xml.split(/<w:p[\s>]/).slice(1)) {
    const body = p.split('</w:p>')[0];
    let text = '';
    for (const m of body.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)\b[^>]*\/>/g)) {
      if (m[1] !== undefined) text += decode(m[1]);
      else text += m[2] === 'tab' ? '\t' : '\n';
    }
    paragraphs.push(text);
  }
  return paragraphs.join('\n');
}
