import { inflateEntry, listZip, normalizePartName } from '../hosts/xlsx/package/zip';

const BY_CONTENT_TYPE: [RegExp, string][] = [
  [/application\/vnd\.ms-excel\.sheet\.macroEnabled\.main\+xml/i, '.xlsm'],
  [/application\/vnd\.ms-excel\.template\.macroEnabled\.main\+xml/i, '.xltm'],
  [/application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.template\.main\+xml/i, '.xltx'],
  [/application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet\.main\+xml/i, '.xlsx'],
];

/**
 * The extension a workbook package's content calls for, from the content type of its main part
 * ([Content_Types].xml): ".xlsx", ".xlsm" (macros), ".xltx", ".xltm"; null when it cannot tell.
 */
export function packageKind(bytes: Uint8Array): string | null {
  const listing = listZip(bytes);
  if (!listing.ok) return null;
  const types = listing.entries.find((e) => normalizePartName(e.name) === '[content_types].xml');
  if (!types) return null;
  let xml: string;
  try {
    xml = new TextDecoder('utf-8').decode(inflateEntry(bytes, types, 4 * 1024 * 1024));
  } catch {
    return null;
  }
  for (const [pattern, ext] of BY_CONTENT_TYPE) if (pattern.test(xml)) return ext;
  return listing.entries.some((e) => normalizePartName(e.name) === 'xl/vbaproject.bin') ? '.xlsm' : null;
}
