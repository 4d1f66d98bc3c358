/**
 * Number formats as the grid carries them: a cell's format code, the built-in codes by id, and
 * whether a code shows a date (such a cell's number is read as its date, as text).
 */

/**
 * The built-in formats Excel writes by id only (ECMA-376 Part 1, 18.8.30), with the codes exceljs
 * used, so that a grid reads the same as before. Ids 27–36 and 50–58 are locale-dependent (the
 * Chinese ones are dates and times); like exceljs, no code is given for them.
 */
const BUILTIN: Readonly<Record<number, string>> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** The code of format `id`: the workbook's own first, then the built-in one; none for General (0). */
export function formatCode(id: number, custom: ReadonlyMap<number, string>): string | undefined {
  if (!id) return undefined;
  return custom.get(id) ?? BUILTIN[id];
}

/** A format showing a date or time: y, m, d, h, s or b outside quoted text and [brackets]. */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

const MS_PER_DAY = 24 * 3600 * 1000;
/** Days from Excel's day 0 (1899-12-30 in the 1900 system) to 1970-01-01; 1462 more in the 1904 system. */
const UNIX_EPOCH_SERIAL = 25569;

/** A date serial as ISO "yyyy-mm-dd" (dates appear only in 绩效 target texts such as 完工时间); null when it is no date. */
export function dateText(serial: number, date1904: boolean): string | null {
  const ms = Math.round((serial - UNIX_EPOCH_SERIAL + (date1904 ? 1462 : 0)) * MS_PER_DAY);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

/**
 * A format code with its backslash escapes removed ("yyyy\\-mm" → "yyyy-mm"), as exceljs gave it:
 * the rules read a code for its decimals and percent sign, which the escapes do not change.
 */
export function unescapeFormat(code: string): string {
  return code.includes('\\') ? code.replace(/\\(.)/g, '$1') : code;
}
