import { ATTRS, parseAttributes, removeElements } from './xml';

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
