import { formatCode, isDateFormat, unescapeFormat } from './number-formats';
import type { Parts } from './parts';

export interface CellFormats {
  /** The number format code of cell format (cellXfs index) `s`; none for General or an unknown index. */
  numFmt(s: number): string | undefined;
  isDate(s: number): boolean;
}

/**
 * The number format of every cell format (styles.xml: cellXfs/xf@numFmtId → numFmts or the
 * built-in codes). Fonts, fills, borders and named styles are not read: the checks need none.
 */
export function readStyles(parts: Parts, path: string | null): CellFormats {
  const custom = new Map<number, string>();
  const xfFormatIds: number[] = [];
  let inCellXfs = false;
  // numFmt elements also occur in the differential formats of conditional formatting (dxfs): only numFmts counts.
  let inNumFmts = false;
  if (path) {
    parts.parse(path, {
      open(name, a) {
        if (name === 'numFmts') inNumFmts = true;
        else if (name === 'numFmt' && inNumFmts && a.formatCode !== undefined) custom.set(Number(a.numFmtId), unescapeFormat(a.formatCode));
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) xfFormatIds.push(Number(a.numFmtId ?? 0) || 0);
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
        else if (name === 'numFmts') inNumFmts = false;
      },
    });
  }
  const codes = xfFormatIds.map((id) => formatCode(id, custom));
  const dates = codes.map(isDateFormat);
  return {
    // Index 0 is the default format: like exceljs, a cell with s="0" (or none) has no format code.
    numFmt: (s) => (s > 0 ? codes[s] : undefined),
    isDate: (s) => s > 0 && dates[s] === true,
  };
}
