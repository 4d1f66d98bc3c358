/**
 * Office.js errors, wrapped: the Excel error code and the original error (as `cause`) are kept, and
 * the message says in Chinese first, then English, what happened and what the user can do.
 */

/** Excel's error code of an Office.js error (OfficeExtension.Error / RichApi.Error), if it is one. */
export function excelErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { code?: unknown; debugInfo?: { code?: unknown } };
  if (typeof e.code === 'string') return e.code;
  if (typeof e.debugInfo?.code === 'string') return e.debugInfo.code;
  return undefined;
}

const MESSAGES: Record<string, [string, string]> = {
  InvalidOperationInCellEditMode: [
    'Excel 正处于单元格编辑状态：请按 Enter 或 Esc 结束编辑，然后重试。',
    'Excel is in cell-edit mode: press Enter or Esc to finish editing, then try again.',
  ],
  ItemNotFound: ['找不到要操作的工作表或单元格（可能刚被删除或改名），请重新检查。', 'A worksheet or range was not found (it may just have been deleted or renamed); check again.'],
  ItemAlreadyExists: ['同名工作表已存在。', 'A worksheet with that name already exists.'],
  RequestPayloadSizeLimitExceeded: ['数据量超过 Excel 网页版单次请求上限（约 5 MB）。', 'The request exceeds the payload limit of Excel on the web (about 5 MB).'],
  ResponsePayloadSizeLimitExceeded: ['数据量超过 Excel 网页版单次响应上限（约 5 MB）。', 'The response exceeds the payload limit of Excel on the web (about 5 MB).'],
  ApiNotFound: ['当前 Excel 版本不支持所需的功能，请更新 Excel 或使用 Excel 网页版。', 'This version of Excel lacks an API the add-in needs; update Excel or use Excel on the web.'],
  AccessDenied: ['工作表或工作簿受保护，无法写入；请先撤销保护。', 'The worksheet or workbook is protected; unprotect it first.'],
  InvalidArgument: ['Excel 拒绝了该操作的参数。', 'Excel rejected an argument of the operation.'],
  InvalidOperation: ['Excel 当前不允许该操作。', 'Excel does not allow this operation now.'],
  InvalidReference: ['引用无效。', 'The reference is not valid for this operation.'],
  GeneralException: ['Excel 内部错误，请稍后重试。', 'Excel reported an internal error; try again later.'],
  Conflict: ['与其他用户的编辑冲突，请稍后重试。', 'The request conflicts with another edit; try again later.'],
  ActivityLimitReached: ['Excel 忙，请稍后重试。', 'Excel is busy; try again in a moment.'],
};

export class ExcelHostError extends Error {
  /** Excel's error code ("ItemNotFound" …), or the host's own ("cell-edit-timeout"). */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ExcelHostError';
    this.code = code;
  }

  /** Wraps what an Excel batch threw while doing `doing` ("读取工作簿 / reading the workbook"). */
  static wrap(error: unknown, doing: { zh: string; en: string }): ExcelHostError {
    if (error instanceof ExcelHostError) return error;
    const code = excelErrorCode(error) ?? 'Unknown';
    const [zh, en] = MESSAGES[code] ?? ['Excel 返回了错误。', 'Excel returned an error.'];
    const detail = error instanceof Error ? error.message : String(error);
    return new ExcelHostError(code, `${doing.zh}失败：${zh} / ${doing.en} failed: ${en} (${code}: ${detail})`, { cause: error });
  }
}

export function cellEditTimeout(cause: unknown): ExcelHostError {
  const [zh, en] = MESSAGES.InvalidOperationInCellEditMode;
  return new ExcelHostError('InvalidOperationInCellEditMode', `${zh} / ${en}`, { cause });
}
