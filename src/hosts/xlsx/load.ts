import type { Workbook } from '../../core/grid/grid';
import { ReadFailure, readXlsx, type ReadLimits } from './read/read-xlsx';
import { describeProblem, sniffXlsx, type SniffOptions } from './sniff';

/** A workbook that cannot be read: its one-line message is Chinese first, then English. */
export class WorkbookReadError extends Error {
  constructor(message: string, readonly problem: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WorkbookReadError';
  }
}

export interface LoadOptions extends SniffOptions {
  /** The reader's budget (cells, text, merges, inflated bytes); DEFAULT_READ_LIMITS where not given. */
  limits?: Partial<ReadLimits>;
}

/**
 * Loads workbook bytes into the core's grid model, in Node and in the browser: an .xlsx through the
 * lean reader (read/; chosen by measurement, docs/decisions/0001-xlsx-reader.md), a legacy .xls
 * through SheetJS, which is loaded only then. Merges are kept with the value in the master cell
 * only; a formula's cached result is its value, and a formula without one is marked, never read as 0.
 */
export async function loadXlsx(bytes: Uint8Array, fileName: string, options?: LoadOptions): Promise<Workbook> {
  const sniff = sniffXlsx(bytes, options);
  let workbook: Workbook;
  if (!sniff.ok && sniff.problem === 'xls') workbook = await loadXls(bytes, fileName);
  else if (!sniff.ok) throw new WorkbookReadError(describeProblem(sniff.problem, fileName), sniff.problem);
  else {
    try {
      workbook = readXlsx(bytes, fileName, options?.limits);
    } catch (cause) {
      throw readError(cause, fileName);
    }
  }
  if (workbook.sheets.length === 0 || workbook.sheets.every((s) => s.rowCount === 0)) {
    throw new WorkbookReadError(
      `“${fileName}”是空工作簿，没有任何数据。 / "${fileName}" is an empty workbook with no data.`,
      'empty-workbook',
    );
  }
  return workbook;
}

/** A .xls (BIFF) workbook. SheetJS is imported here only, so the .xlsx path never loads it. */
async function loadXls(bytes: Uint8Array, fileName: string): Promise<Workbook> {
  const { readXls } = await import('./read/xls');
  try {
    return await readXls(bytes, fileName);
  } catch (cause) {
    // A legacy file SheetJS cannot parse: the advice of old still holds (save it as .xlsx in Excel).
    if (cause instanceof ReadFailure && cause.problem === 'corrupt') throw new WorkbookReadError(describeProblem('xls', fileName), 'xls', { cause });
    throw readError(cause, fileName);
  }
}

function readError(cause: unknown, fileName: string): WorkbookReadError {
  if (!(cause instanceof ReadFailure)) return damaged(fileName, cause);
  const name = oneLine(fileName);
  const zh = name ? `无法读取“${name}”` : '无法读取该文件';
  const en = name ? `Cannot read "${name}"` : 'Cannot read the file';
  const what = { zh: oneLine(cause.what.zh), en: oneLine(cause.what.en) };
  switch (cause.problem) {
    case 'zip-bomb':
      return new WorkbookReadError(describeProblem('zip-bomb', fileName), 'zip-bomb', { cause });
    case 'encrypted':
      return new WorkbookReadError(describeProblem('encrypted', fileName), 'encrypted', { cause });
    case 'too-large':
      return new WorkbookReadError(
        `${zh}：工作簿的内容超出安全上限（${what.zh}），已拒绝打开；如确为正常工作簿，请删除多余内容后另存再试。 / ${en}: the workbook's content exceeds the safe limit (${what.en}) and was refused; if it is a genuine workbook, remove unneeded content, save it and try again.`,
        'too-large',
        { cause },
      );
    case 'out-of-range':
      return new WorkbookReadError(`${zh}：${what.zh}，文件已损坏。 / ${en}: ${what.en}; the file is damaged.`, 'out-of-range', { cause });
    case 'corrupt':
      return damaged(fileName, cause);
  }
}

function damaged(fileName: string, cause: unknown): WorkbookReadError {
  return new WorkbookReadError(
    `无法读取“${fileName}”：文件已损坏或不是有效的 .xlsx 工作簿。 / Cannot read "${fileName}": the file is damaged or not a valid .xlsx workbook.`,
    'corrupt',
    { cause },
  );
}

/** Names and phrases carry text from the file: keep them from breaking the one-line promise. */
function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
}
