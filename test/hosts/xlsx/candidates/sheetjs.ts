/** SheetJS (@e965/xlsx) as an .xlsx reader candidate, into the grid model with the .xls reader's conversion. */
import * as XLSX from '@e965/xlsx';
import type { Workbook } from '../../../../src/core/grid/grid';
import { sheetJsWorkbook } from '../../../../src/hosts/xlsx/read/xls';

export function sheetjsWorkbook(bytes: Uint8Array, fileName: string): Workbook {
  const wb = XLSX.read(bytes, { type: 'array', cellFormula: true, cellNF: true, cellStyles: true, cellDates: false, dense: true });
  return sheetJsWorkbook(wb, fileName);
}
