import { unreadablePart } from './errors';
import { ATTRS, escapeAttr, parseAttributes, removeElements } from './xml';

/** One relationship of a part's .rels, with its target resolved to a part name. */
export interface Relationship {
  id: string;
  type: string;
  /** Resolved part name, e.g. "xl/worksheets/sheet1.xml"; as written when external. */
  target: string;
  external: boolean;
}

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" (the package) → "_rels/.rels". */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A relationship target relative to its source part, as a part name. */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const base = source.includes('/') ? source.slice(0, source.lastIndexOf('/')).split('/') : [];
  for (const seg of target.replace(/\\/g, '/').split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}

/** The relationships of the .rels part `xml` (none when the part is missing) whose source is `source`. */
export function parseRelationships(xml: string | null, source: string): Relationship[] {
  if (xml === null) return [];
  const out: Relationship[] = [];
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?Relationship(?=[\\s/>])${ATTRS}/?>`, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const a = parseAttributes(m[1]);
    const external = a.get('TargetMode') === 'External';
    const target = a.get('Target') ?? '';
    out.push({ id: a.get('Id') ?? '', type: a.get('Type') ?? '', target: external ? target : resolveTarget(source, target), external });
  }
  return out;
}

/** The .rels part without the relationship `id`. */
export function removeRelationship(relsXml: string, id: string): string {
  return removeElements(relsXml, 'Relationship', (a) => a.get('Id') === id);
}

const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/**
 * The .rels part with one more relationship (`target` written as given, relative to the source
 * part), and its new id: the first free "rIdN". A missing .rels part (`relsXml` null) is created.
 */
export function addRelationship(relsXml: string | null, type: string, target: string): { xml: string; id: string } {
  const xml = relsXml ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}"></Relationships>`;
  const taken = new Set(parseRelationships(xml, '').map((r) => r.id));
  let n = taken.size + 1;
  while (taken.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const element = `<Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(target)}"/>`;
  const self = /<((?:[A-Za-z_][\w.-]*:)?)Relationships(?=[\s/>])[^>]*\/>/.exec(xml);
  if (self) return { xml: xml.slice(0, self.index) + self[0].replace(/\/>$/, '>') + element + `</${self[1]}Relationships>` + xml.slice(self.index + self[0].length), id };
  const close = /<\/((?:[A-Za-z_][\w.-]*:)?)Relationships\s*>/.exec(xml);
  if (!close) throw unreadablePart('.rels');
  return { xml: xml.slice(0, close.index) + element.replace('<Relationship', `<${close[1]}Relationship`) + xml.slice(close.index), id };
}
