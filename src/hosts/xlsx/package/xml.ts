/**
 * Minimal XML scanning for patching a part in place: everything outside the changed elements stays
 * as written. The parts are machine-written SpreadsheetML: no DTDs; comments, CDATA and processing
 * instructions do not occur inside the elements scanned here. Attribute values may hold '>' and
 * either quote style. Only the five predefined entities and character references are decoded, so a
 * DOCTYPE's entities (XXE, billion laughs) are never expanded: they stay text.
 */

/** The attribute text of a start tag, up to its '>' or '/>'. */
export const ATTRS = `((?:[^>"'/]|"[^"]*"|'[^']*'|/(?!>))*)`;

export interface Element {
  start: number;
  /** Just after the start tag's '>'. */
  openEnd: number;
  /** Just after the end tag (= openEnd when self-closing). */
  end: number;
  attrs: string;
  selfClosing: boolean;
}

/** Elements named `qname` between `from` and `to`; nested elements of the same name are not expected. */
export function findElements(xml: string, qname: string, from = 0, to = xml.length): Element[] {
  const open = openTagPattern(qname);
  const close = `</${qname}>`;
  const out: Element[] = [];
  open.lastIndex = from;
  for (let m = open.exec(xml); m && m.index < to; m = open.exec(xml)) {
    const start = m.index;
    const openEnd = start + m[0].length;
    if (m[2] === '/') {
      out.push({ start, openEnd, end: openEnd, attrs: m[1], selfClosing: true });
      continue;
    }
    const closeAt = xml.indexOf(close, openEnd);
    if (closeAt < 0 || closeAt + close.length > to) break;
    const end = closeAt + close.length;
    out.push({ start, openEnd, end, attrs: m[1], selfClosing: false });
    open.lastIndex = end;
  }
  return out;
}

/** One compiled pattern per element name: a sheet is scanned row by row, and compiling it anew for each of 100,000 rows showed in the profile. */
const OPEN_TAGS = new Map<string, RegExp>();

function openTagPattern(qname: string): RegExp {
  let re = OPEN_TAGS.get(qname);
  if (!re) OPEN_TAGS.set(qname, (re = new RegExp(`<${escapeRegExp(qname)}(?=[\\s/>])${ATTRS}(/?)>`, 'g')));
  return re;
}

/** The first element named `qname`, if any. */
export function findElement(xml: string, qname: string, from?: number, to?: number): Element | undefined {
  return findElements(xml, qname, from, to)[0];
}

/** The text between an element's tags ('' when self-closing), still escaped. */
export function innerXml(xml: string, el: Element, qname: string): string {
  return el.selfClosing ? '' : xml.slice(el.openEnd, el.end - `</${qname}>`.length);
}

/** The namespace prefix ("" or "x:") the part uses for its root element `local`. */
export function rootPrefix(xml: string, local: string): string {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${local}(?=[\\s/>])`).exec(xml);
  return m?.[1] ?? '';
}

export function parseAttributes(attrs: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(attrs); m; m = re.exec(attrs)) out.set(m[1], decodeXml(m[2] ?? m[3] ?? ''));
  return out;
}

export function renderAttributes(attrs: Map<string, string>): string {
  let s = '';
  for (const [k, v] of attrs) s += ` ${k}="${escapeAttr(v)}"`;
  return s;
}

/** Sets (or adds) an attribute in a start tag or raw attribute text, keeping everything else as written. */
export function setAttribute(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${escapeRegExp(name)}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  const v = `"${escapeAttr(value)}"`;
  if (re.test(tag)) return tag.replace(re, (_m, lead: string) => lead + v);
  const m = /\s*\/?>$/.exec(tag);
  const at = m ? m.index : tag.length;
  return `${tag.slice(0, at)} ${name}=${v}${tag.slice(at)}`;
}

/** Replaces the start tag of `el` in `xml` by `edit(tag)`. */
export function editStartTag(xml: string, el: Element, edit: (tag: string) => string): string {
  return xml.slice(0, el.start) + edit(xml.slice(el.start, el.openEnd)) + xml.slice(el.openEnd);
}

const START_TAG = new RegExp(`^<[^\\s/>]+${ATTRS}/?>`);

/** Length of the start tag an element's text begins with. */
export function startTagEnd(element: string): number {
  const m = START_TAG.exec(element);
  return m ? m[0].length : element.indexOf('>') + 1;
}

/** Attribute text of the start tag an element's text begins with. */
export function startTagAttrs(element: string): string {
  return START_TAG.exec(element)?.[1] ?? '';
}

/** Removes the (self-closing or not) elements with local name `local` whose attributes match. */
export function removeElements(xml: string, local: string, match: (attrs: Map<string, string>) => boolean): string {
  const re = new RegExp(`<([A-Za-z_][\\w.-]*:)?${local}(?=[\\s/>])${ATTRS}(?:/>|>[\\s\\S]*?</\\1?${local}>)`, 'g');
  return xml.replace(re, (whole: string, _p: string | undefined, attrs: string) => (match(parseAttributes(attrs)) ? '' : whole));
}

export function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (whole, e: string) => {
    switch (e) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default: {
        const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
      }
    }
  });
}

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
