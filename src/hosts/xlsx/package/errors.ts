/** The errors of writing into a package; write.ts re-exports them as its public API. */

export type WriteProblem =
  /** The bytes are not a readable .xlsx (see `sniff`), or a part the write needs is damaged. */
  | 'unreadable'
  /** A write names a sheet the workbook does not have. */
  | 'unknown-sheet'
  /** A write's address, value or formula cannot be written (off the grid, NaN, empty formula). */
  | 'invalid-write'
  /** The target cell belongs to a multi-cell array formula or data table, which Excel only changes as a whole. */
  | 'array-formula'
  /** The package uses a layout this writer does not handle (encrypted entries, UTF-16 parts, no styles part, …). */
  | 'unsupported';

/** A write that could not be made; nothing was produced. The message is Chinese first, then English. */
export class WorkbookWriteError extends Error {
  constructor(
    message: string,
    readonly problem: WriteProblem,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'WorkbookWriteError';
  }
}

export function unreadablePart(what: string): WorkbookWriteError {
  return new WorkbookWriteError(
    `工作簿的 ${what} 部件无法解析，文件可能已损坏。 / The workbook's ${what} part cannot be parsed; the file may be damaged.`,
    'unreadable',
  );
}

export function packageDamaged(options?: { cause?: unknown }): WorkbookWriteError {
  return new WorkbookWriteError(
    '工作簿文件不完整或已损坏，请重新导出或重新下载。 / The workbook file is incomplete or damaged; export or download it again.',
    'unreadable',
    options,
  );
}
