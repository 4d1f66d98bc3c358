import { promises as fs } from 'fs';
import * as path from 'path';
import type { Workbook } from '../core/grid/grid';
import { checkNarrative, type NarrativeCheck } from '../core/narrative/check';
import { extractClaims } from '../core/narrative/claims';
import { buildFacts } from '../core/narrative/facts';
import { RuleContext } from '../core/rules/context';
import type { SemanticTable } from '../core/tables/types';
import { WorkbookReadError } from '../hosts/xlsx/load';
import { docxText, DocxReadError } from '../hosts/word/docx-text';

/** Reads a narrative (.txt in UTF-8, or .docx) as text; unreadable input is a one-line error (exit 2). */
export async function readNarrative(file: string): Promise<string> {
  const name = path.basename(file);
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const what = code === 'ENOENT' ? '找不到文件' : code === 'EISDIR' ? '这是文件夹' : `无法读取（${code ?? '未知错误'}）`;
    throw new WorkbookReadError(`情况说明“${file}”：${what}。 / Narrative "${file}": ${code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : 'cannot be read'}.`, 'narrative', { cause });
  }
  if (/\.docx$/i.test(name)) {
    try {
      return await docxText(new Uint8Array(bytes), name);
    } catch (e) {
      if (e instanceof DocxReadError) throw new WorkbookReadError(e.message, 'narrative');
      throw e;
    }
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\uFFFD')) {
    throw new WorkbookReadError(`情况说明“${name}”不是 UTF-8 文本（可能是 GBK）：请另存为 UTF-8 或 .docx。 / Narrative "${name}" is not UTF-8 text (GBK?): save it as UTF-8 or .docx.`, 'narrative');
  }
  return text.replace(/^\uFEFF/, '');
}

export function checkNarrativeText(text: string, workbook: Workbook, tables: readonly SemanticTable[]): NarrativeCheck {
  const facts = buildFacts(new RuleContext(workbook, tables));
  return checkNarrative(extractClaims(text), facts);
}
