import { promises as fs } from 'fs';
import * as path from 'path';
import type { Workbook } from '../core/grid/grid';
import type { NarrativeCheck } from '../core/narrative/check';
import { NarrativeSession, type DraftSources } from '../core/narrative/session';
import type { SemanticTable } from '../core/tables/types';
import { WorkbookReadError } from '../hosts/xlsx/load';
import { MAX_FILE_BYTES } from '../hosts/xlsx/node-file';
import { narrativeText, NarrativeReadError } from '../hosts/word/narrative-file';

/** A text narrative (not a .docx) larger than this is refused before it is decoded. */
const MAX_TEXT_FILE_BYTES = 20 * 1024 * 1024;

/** Reads a narrative (.txt in UTF-8, UTF-16 or GBK, or .docx) as text; unreadable input is a one-line error (exit 2). */
export async function readNarrative(file: string): Promise<string> {
  const name = path.basename(file);
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (stat.size > MAX_FILE_BYTES) {
      throw new WorkbookReadError(`情况说明“${name}”有 ${(stat.size / 1048576).toFixed(0)} MB，超过 ${MAX_FILE_BYTES / 1048576} MB 的上限。 / Narrative "${name}" is larger than the ${MAX_FILE_BYTES / 1048576} MB limit.`, 'too-large');
    }
    bytes = await fs.readFile(file);
  } catch (cause) {
    if (cause instanceof WorkbookReadError) throw cause;
    const code = (cause as NodeJS.ErrnoException).code;
    const what = code === 'ENOENT' ? '找不到文件' : code === 'EISDIR' ? '这是文件夹' : `无法读取（${code ?? '未知错误'}）`;
    throw new WorkbookReadError(`情况说明“${file}”：${what}。 / Narrative "${file}": ${code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : 'cannot be read'}.`, 'narrative', { cause });
  }
  if (bytes.length > MAX_TEXT_FILE_BYTES && bytes.readUInt32LE(0) !== 0x04034b50) {
    throw new WorkbookReadError(`情况说明“${name}”有 ${(bytes.length / 1048576).toFixed(0)} MB，作为文本超过 ${MAX_TEXT_FILE_BYTES / 1048576} MB 的上限。 / Narrative "${name}" is larger than the ${MAX_TEXT_FILE_BYTES / 1048576} MB limit for text.`, 'too-large');
  }
  try {
    return await narrativeText(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), name);
  } catch (e) {
    if (e instanceof NarrativeReadError) throw new WorkbookReadError(e.message, 'narrative');
    throw e;
  }
}

/** Checks a narrative's numbers against the workbook's tables (the core's NarrativeSession decides how). */
export function checkNarrativeText(text: string, workbook: Workbook, tables: readonly SemanticTable[], sources: DraftSources = {}): NarrativeCheck {
  return new NarrativeSession(workbook, tables).check(text, sources);
}
