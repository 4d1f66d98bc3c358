/**
 * Custom XML parts in an .xlsx package, the way Excel stores `workbook.customXmlParts`: the XML in
 * customXml/itemN.xml, its properties (an item id and the schema it follows) in
 * customXml/itemPropsN.xml related from the item, and the item related from the workbook part. The
 * add-in keeps its review and its settings there (docs/decisions/0004-review-state.md).
 *
 * Writing one changes only what it must: an existing part of the same namespace gets its new text
 * (its properties and relationships stay as they are); a new one adds three parts, one relationship
 * of the workbook and one content type. Every other part is copied byte for byte.
 */
import { CONTENT_TYPES_PART, withContentType } from './package/content-types';
import { WorkbookWriteError } from './package/errors';
import { Package } from './package/package';
import { addRelationship, parseRelationships, relsPathOf, type Relationship } from './package/relationships';
import { decodeXml, parseAttributes } from './package/xml';
import { describeProblem, sniffXlsx } from './sniff';

export const CUSTOM_XML_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml';
export const CUSTOM_XML_PROPS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps';
export const CUSTOM_XML_PROPS_TYPE = 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml';
const DATASTORE_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/customXml';

export interface CustomXmlItem {
  /** The item's part name ("customXml/item1.xml"). */
  path: string;
  /** The namespace of its root element ('' when none). */
  namespace: string;
  xml: string;
}

/**
 * The text of an XML part's bytes: UTF-8 (with or without a BOM), or UTF-16 with its BOM, as
 * Office writes some custom XML items.
 */
export function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/** The namespace URI of the document's root element ('' when it has none, null when there is no root). */
export function rootNamespace(xml: string): string | null {
  const re = /<(?![?!])([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  const m = re.exec(xml.replace(/<!--[\s\S]*?-->/g, ''));
  if (!m) return null;
  const colon = m[1].indexOf(':');
  const prefix = colon < 0 ? '' : m[1].slice(0, colon);
  const attrs = parseAttributes(m[2].replace(/\/$/, ''));
  return attrs.get(prefix ? `xmlns:${prefix}` : 'xmlns') ?? '';
}

/** The custom XML items related from the workbook part (and, as some tools place them, from the package). */
export function customXmlItems(pkg: Package): CustomXmlItem[] {
  const workbook = pkg.officeDocumentPath();
  const rels = [...relsOf(pkg, workbook), ...relsOf(pkg, '')].filter((r) => r.type === CUSTOM_XML_REL && !r.external && pkg.has(r.target));
  const out: CustomXmlItem[] = [];
  for (const path of new Set(rels.map((r) => r.target))) {
    const bytes = pkg.bytesOrNull(path);
    if (!bytes) continue;
    const xml = decodeXmlBytes(bytes);
    out.push({ path, namespace: rootNamespace(xml) ?? '', xml });
  }
  return out;
}

function relsOf(pkg: Package, source: string): Relationship[] {
  return parseRelationships(pkg.textOrNull(relsPathOf(source)), source);
}

/**
 * Puts `xml` (whose root is in `namespace`) into the package: the text of the first item of that
 * namespace replaced, or a new item. `newId` gives the new item's id ("{GUID}").
 */
export function putCustomXml(pkg: Package, namespace: string, xml: string, newId: () => string = randomItemId): 'replaced' | 'added' {
  const existing = customXmlItems(pkg).find((i) => i.namespace === namespace);
  if (existing) {
    pkg.setText(existing.path, xml);
    return 'replaced';
  }
  let n = 1;
  while (pkg.has(`customXml/item${n}.xml`) || pkg.has(`customXml/itemProps${n}.xml`)) n++;
  const item = `customXml/item${n}.xml`;
  const props = `customXml/itemProps${n}.xml`;
  pkg.addPart(item, xml);
  pkg.addPart(
    props,
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="${newId()}" xmlns:ds="${DATASTORE_NS}"><ds:schemaRefs><ds:schemaRef ds:uri="${namespace.replace(/[&<>"]/g, '')}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  pkg.addPart(relsPathOf(item), addRelationship(null, CUSTOM_XML_PROPS_REL, `itemProps${n}.xml`).xml);
  const workbook = pkg.officeDocumentPath();
  const workbookRels = relsPathOf(workbook);
  const depth = workbook.split('/').length - 1;
  const rel = addRelationship(pkg.textOrNull(workbookRels), CUSTOM_XML_REL, `${'../'.repeat(depth)}${item}`);
  if (pkg.has(workbookRels)) pkg.setText(workbookRels, rel.xml);
  else pkg.addPart(workbookRels, rel.xml);
  pkg.setText(CONTENT_TYPES_PART, withContentType(pkg.text(CONTENT_TYPES_PART), props, CUSTOM_XML_PROPS_TYPE));
  // an item is application/xml; the package says so by the xml extension unless it says otherwise
  pkg.setText(CONTENT_TYPES_PART, withContentType(pkg.text(CONTENT_TYPES_PART), item, 'application/xml'));
  return 'added';
}

/** "{8C3A…}": the id Office gives an item, from the platform's random source. */
export function randomItemId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join('');
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}}`;
}

/** The item id of a custom XML item (from its properties part), for tests and tools. */
export function itemIdOf(pkg: Package, itemPath: string): string | null {
  const rel = relsOf(pkg, itemPath).find((r) => r.type === CUSTOM_XML_PROPS_REL);
  const props = rel && pkg.textOrNull(rel.target);
  const m = props && /itemID\s*=\s*"([^"]*)"/.exec(props);
  return m ? decodeXml(m[1]) : null;
}

/**
 * The workbook `original` with each document kept as its custom XML item (replaced, or added):
 * bytes in, bytes out, every other part as it was.
 */
export function writeCustomXml(original: Uint8Array, documents: readonly { namespace: string; xml: string }[], newId?: () => string): Uint8Array {
  const sniff = sniffXlsx(original);
  if (!sniff.ok) throw new WorkbookWriteError(describeProblem(sniff.problem, ''), 'unreadable');
  const pkg = Package.open(original);
  for (const d of documents) putCustomXml(pkg, d.namespace, d.xml, newId);
  return pkg.save();
}
