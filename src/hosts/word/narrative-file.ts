import { docxText, DocxReadError } from './docx-text';

/** A narrative file that cannot be read as text; its one-line message is Chinese first, then English. */
export class NarrativeReadError extends Error {
  constructor(
    message: string,
    readonly problem: 'docx' | 'encoding',
  ) {
    super(message);
    this.name = 'NarrativeReadError';
  }
}

/**
 * The text of a narrative (情况说明) from its bytes, in Node and in the browser alike: a .docx (by
 * its name) gives its paragraphs; anything else is read as UTF-8 text, a leading BOM dropped. Text
 * that is not UTF-8 (GBK, as older Windows tools save it) is refused rather than read as mojibake.
 */
export async function narrativeText(bytes: Uint8Array, fileName: string): Promise<string> {
  if (/\.docx$/i.test(fileName)) {
    try {
      return await docxText(bytes, fileName);
    } catch (e) {
      if (e instanceof DocxReadError) throw new NarrativeReadError(e.message, 'docx');
      throw e;
    }
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\uFFFD')) {
    throw new NarrativeReadError(
      `情况说明“${fileName}”不是 UTF-8 文本（可能是 GBK）：请另存为 UTF-8 或 .docx。 / Narrative "${fileName}" is not UTF-8 text (GBK?): save it as UTF-8 or .docx.`,
      'encoding',
    );
  }
  return text.replace(/^\uFEFF/, '');
}
