/** The .xlsx reader candidates of docs/decisions/0001-xlsx-reader.md, each bytes → grid model. */
import type { Workbook } from '../src/core/grid/grid';
import { loadXlsx } from '../src/hosts/xlsx/load';
import { exceljsWorkbook } from '../test/hosts/xlsx/candidates/exceljs';
import { sheetjsWorkbook } from '../test/hosts/xlsx/candidates/sheetjs';

export const CHOSEN_READER = 'lean';

export const READERS: Record<string, (bytes: Uint8Array, name: string) => Promise<Workbook>> = {
  exceljs: exceljsWorkbook,
  sheetjs: (bytes, name) => Promise.resolve(sheetjsWorkbook(bytes, name)),
  lean: (bytes, name) => loadXlsx(bytes, name),
};
