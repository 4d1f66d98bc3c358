import { buildZip, minimalWorkbookParts, type RawEntry } from './zip-helpers';

export const MAIN_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A worksheet part around `sheetData` rows and whatever follows sheetData (mergeCells …); `before` goes before it (cols …). */
export function sheetXml(rows: string, after = '', before = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${MAIN_NS}>${before}<sheetData>${rows}</sheetData>${after}</worksheet>`;
}

export interface WorkbookSpec {
  /** The sheet part (text, or a raw entry for lying or hand-compressed parts). */
  sheet?: string | Uint8Array | RawEntry;
  /** xl/sharedStrings.xml, added with its relationship. */
  sharedStrings?: string | Uint8Array | RawEntry;
  /** Replaces xl/styles.xml. */
  styles?: string | Uint8Array | RawEntry;
  /** Replaces xl/workbook.xml. */
  workbook?: string | Uint8Array | RawEntry;
  /** More entries, after the others. */
  extra?: [string, string | Uint8Array | RawEntry][];
}

/** The minimal workbook of zip-helpers with parts replaced or added. */
export function workbookWith(spec: WorkbookSpec): Uint8Array {
  const parts: [string, string | Uint8Array | RawEntry][] = minimalWorkbookParts().map(([name, text]) => {
    if (name === 'xl/worksheets/sheet1.xml' && spec.sheet !== undefined) return [name, spec.sheet];
    if (name === 'xl/styles.xml' && spec.styles !== undefined) return [name, spec.styles];
    if (name === 'xl/workbook.xml' && spec.workbook !== undefined) return [name, spec.workbook];
    if (name === 'xl/_rels/workbook.xml.rels' && spec.sharedStrings !== undefined) {
      return [name, text.replace('</Relationships>', `<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`)];
    }
    return [name, text];
  });
  if (spec.sharedStrings !== undefined) parts.push(['xl/sharedStrings.xml', spec.sharedStrings]);
  parts.push(...(spec.extra ?? []));
  return buildZip(parts);
}
