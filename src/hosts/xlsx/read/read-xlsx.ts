import type { Workbook } from '../../../core/grid/grid';
import { Grid } from '../../../core/grid/grid';
import { Budget, DEFAULT_READ_LIMITS, type ReadLimits } from './limits';
import { Parts } from './parts';
import { readSharedStrings } from './shared-strings-part';
import { readStyles } from './styles-part';
import { readWorkbookPart } from './workbook-part';
import { readWorksheet } from './worksheet-part';

export { ReadFailure, DEFAULT_READ_LIMITS, type ReadLimits, type ReadProblem } from './limits';

/**
 * The lean .xlsx reader: exactly the parts the grid model needs (workbook, relationships, shared
 * strings, number formats, worksheets), streamed from fflate through saxes. Every other part —
 * comments and their VML, drawings, images, charts, data validations, conditional formats, pivot
 * caches, custom XML — is never opened, so nothing in it can make a workbook unreadable.
 * Throws ReadFailure; the caller has sniffed the bytes first (sniff.ts).
 */
export function readXlsx(bytes: Uint8Array, fileName: string, limits: Partial<ReadLimits> = {}): Workbook {
  const budget = new Budget({ ...DEFAULT_READ_LIMITS, ...limits });
  const parts = new Parts(bytes, budget);
  const book = readWorkbookPart(parts);
  const formats = readStyles(parts, book.styles);
  const strings = readSharedStrings(parts, book.sharedStrings, budget);
  const ctx = { strings, formats, date1904: book.date1904, budget };
  const sheets = book.sheets.map((s) => (s.path ? readWorksheet(parts, s.path, s.name, ctx) : new Grid({ name: s.name })));
  return { name: fileName, sheets };
}
