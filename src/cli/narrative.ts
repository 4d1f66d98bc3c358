import { promises as fs } from 'fs';
import * as path from 'path';
import type { Workbook } from '../core/grid/grid';
import type { NarrativeCheck } from '../core/narrative/check';
import { NarrativeSession, type DraftSources } from '../core/narrative/session';
import type { SemanticTable } from '../core/tables/types';
import { WorkbookReadError } from '../hosts/xlsx/load';
import { narrativeText, NarrativeReadError } from '../hosts/word/narrative-file';

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
  try {
    return await narrativeText(new Uint8Array(bytes), name);
  } catch (e) {
    if (e instanceof NarrativeReadError) throw new WorkbookReadError(e.message, 'narrative');
    throw e;
  }
}

/** Checks a narrative's numbers against the workbook's tables (the core's NarrativeSession decides how). */
export function checkNarrativeText(text: string, workbook: Workbook, tables: readonly SemanticTable[], sources: DraftSources = {}): NarrativeCheck {
  return new NarrativeSession(workbook, tables).check(text, sources);
}
