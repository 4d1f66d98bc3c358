/** The package's [Content_Types].xml: which content type each part has (by extension, or by name). */
import { unreadablePart } from './errors';
import { escapeAttr, findElements, parseAttributes, rootPrefix } from './xml';

export const CONTENT_TYPES_PART = '[Content_Types].xml';

/** The content type the package gives `partName` ("/xl/worksheets/sheet1.xml"), or null. */
export function contentTypeOf(xml: string, partName: string): string | null {
  const p = rootPrefix(xml, 'Types');
  const name = `/${partName.replace(/^\/+/, '')}`.toLowerCase();
  for (const o of findElements(xml, `${p}Override`)) {
    const a = parseAttributes(o.attrs);
    if ((a.get('PartName') ?? '').toLowerCase() === name) return a.get('ContentType') ?? null;
  }
  const ext = name.slice(name.lastIndexOf('.') + 1);
  for (const d of findElements(xml, `${p}Default`)) {
    const a = parseAttributes(d.attrs);
    if ((a.get('Extension') ?? '').toLowerCase() === ext) return a.get('ContentType') ?? null;
  }
  return null;
}

/** The content types with `partName` given `type` (an Override), unless the package already gives it that type. */
export function withContentType(xml: string, partName: string, type: string): string {
  if (contentTypeOf(xml, partName) === type) return xml;
  const p = rootPrefix(xml, 'Types');
  const close = xml.lastIndexOf(`</${p}Types>`);
  if (close < 0) throw unreadablePart(CONTENT_TYPES_PART);
  const element = `<${p}Override PartName="/${escapeAttr(partName.replace(/^\/+/, ''))}" ContentType="${escapeAttr(type)}"/>`;
  return xml.slice(0, close) + element + xml.slice(close);
}
