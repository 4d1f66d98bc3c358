/**
 * The little XML the review and settings documents need, in the core (which may import no XML
 * package): a writer that escapes every value, and a reader for documents of our own shape as they
 * come back from Excel, a file or another machine. The reader resolves namespaces (the prefix of a
 * re-serialized document may change), skips comments, processing instructions and the XML
 * declaration, reads CDATA, decodes the five predefined entities and character references, and
 * refuses a DOCTYPE (so no entity is ever expanded). Its limits keep a hostile part from costing
 * more than a bounded amount of work.
 */

export interface XmlNode {
  /** Local name, without prefix. */
  name: string;
  /** Namespace URI of the element ('' when none). */
  ns: string;
  /** Attributes without a prefix, by local name (namespaced attributes and xmlns declarations are left out). */
  attrs: Map<string, string>;
  children: XmlNode[];
  /** The element's own text (CDATA included), concatenated; children's text is theirs. */
  text: string;
}

export class XmlReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlReadError';
  }
}

export interface XmlLimits {
  maxChars: number;
  maxElements: number;
  maxDepth: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = { maxChars: 16 * 1024 * 1024, maxElements: 500_000, maxDepth: 32 };

const NAME = /^[A-Za-z_\u00C0-\uFFEF][\w.\-\u00B7\u00C0-\uFFEF]*(?::[A-Za-z_\u00C0-\uFFEF][\w.\-\u00B7\u00C0-\uFFEF]*)?$/;

/** Parses `text` into its root element. Throws XmlReadError on anything that is not well-formed enough. */
export function parseXml(text: string, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlNode {
  if (text.length > limits.maxChars) throw new XmlReadError(`document over ${limits.maxChars} characters`);
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const stack: { node: XmlNode; qname: string; scope: Map<string, string> }[] = [];
  let root: XmlNode | null = null;
  let elements = 0;
  let i = 0;
  const fail = (what: string): never => {
    throw new XmlReadError(`${what} at ${i}`);
  };
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    const chunk = lt < 0 ? src.slice(i) : src.slice(i, lt);
    if (chunk) {
      const top = stack[stack.length - 1];
      if (top) top.node.text += decodeEntities(chunk);
      else if (chunk.trim()) fail('text outside the root element');
    }
    if (lt < 0) break;
    i = lt;
    if (src.startsWith('<!--', i)) {
      const end = src.indexOf('-->', i + 4);
      if (end < 0) fail('unterminated comment');
      i = end + 3;
    } else if (src.startsWith('<?', i)) {
      const end = src.indexOf('?>', i + 2);
      if (end < 0) fail('unterminated processing instruction');
      i = end + 2;
    } else if (src.startsWith('<![CDATA[', i)) {
      const end = src.indexOf(']]>', i + 9);
      const top = stack[stack.length - 1];
      if (end < 0 || !top) fail('misplaced CDATA');
      top.node.text += src.slice(i + 9, end);
      i = end + 3;
    } else if (src.startsWith('<!', i)) {
      fail('DOCTYPE or declaration (not accepted)');
    } else if (src.startsWith('</', i)) {
      const end = src.indexOf('>', i);
      if (end < 0) fail('unterminated end tag');
      const qname = src.slice(i + 2, end).trim();
      const top = stack.pop();
      if (!top || top.qname !== qname) fail(`end tag </${qname}> does not match`);
      i = end + 1;
    } else {
      const tag = readStartTag(src, i, fail);
      i = tag.end;
      if (++elements > limits.maxElements) fail(`more than ${limits.maxElements} elements`);
      if (stack.length >= limits.maxDepth) fail(`nesting deeper than ${limits.maxDepth}`);
      if (root && stack.length === 0) fail('a second root element');
      const parentScope = stack[stack.length - 1]?.scope ?? new Map<string, string>([['xml', 'http://www.w3.org/XML/1998/namespace']]);
      let scope = parentScope;
      for (const [k, v] of tag.attrs) {
        if (k === 'xmlns' || k.startsWith('xmlns:')) {
          if (scope === parentScope) scope = new Map(parentScope);
          scope.set(k === 'xmlns' ? '' : k.slice(6), v);
        }
      }
      const colon = tag.qname.indexOf(':');
      const prefix = colon < 0 ? '' : tag.qname.slice(0, colon);
      const ns = scope.get(prefix);
      if (ns === undefined && prefix) fail(`undeclared prefix ${prefix}`);
      const attrs = new Map<string, string>();
      for (const [k, v] of tag.attrs) if (!k.includes(':') && k !== 'xmlns') attrs.set(k, v);
      const node: XmlNode = { name: colon < 0 ? tag.qname : tag.qname.slice(colon + 1), ns: ns ?? '', attrs, children: [], text: '' };
      const parent = stack[stack.length - 1];
      if (parent) parent.node.children.push(node);
      else root = node;
      if (!tag.selfClosing) stack.push({ node, qname: tag.qname, scope });
    }
  }
  if (stack.length) throw new XmlReadError(`unclosed element <${stack[stack.length - 1].qname}>`);
  if (!root) throw new XmlReadError('no root element');
  return root;
}

function readStartTag(src: string, start: number, fail: (what: string) => never): { qname: string; attrs: Map<string, string>; selfClosing: boolean; end: number } {
  let i = start + 1;
  const nameEnd = scanName(src, i);
  const qname = src.slice(i, nameEnd);
  if (!NAME.test(qname)) fail('bad element name');
  i = nameEnd;
  const attrs = new Map<string, string>();
  for (;;) {
    while (i < src.length && /\s/.test(src[i])) i++;
    if (src[i] === '>') return { qname, attrs, selfClosing: false, end: i + 1 };
    if (src[i] === '/' && src[i + 1] === '>') return { qname, attrs, selfClosing: true, end: i + 2 };
    if (i >= src.length) fail('unterminated start tag');
    const kEnd = scanName(src, i);
    const key = src.slice(i, kEnd);
    if (!NAME.test(key)) fail('bad attribute name');
    i = kEnd;
    while (/\s/.test(src[i] ?? '')) i++;
    if (src[i] !== '=') fail('attribute without value');
    i++;
    while (/\s/.test(src[i] ?? '')) i++;
    const quote = src[i];
    if (quote !== '"' && quote !== "'") fail('unquoted attribute');
    const close = src.indexOf(quote, i + 1);
    if (close < 0) fail('unterminated attribute');
    const raw = src.slice(i + 1, close);
    if (raw.includes('<')) fail('"<" in an attribute');
    if (attrs.has(key)) fail(`attribute ${key} twice`);
    attrs.set(key, decodeEntities(raw.replace(/[\t\n\r]/g, ' ')));
    i = close + 1;
  }
}

function scanName(src: string, i: number): number {
  let j = i;
  while (j < src.length && !/[\s/>=]/.test(src[j])) j++;
  return j;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos);/g, (_whole, e: string) => {
    if (e[0] !== '#') return ENTITIES[e];
    const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return isXmlChar(cp) ? String.fromCodePoint(cp) : '\uFFFD';
  });
}

/** XML 1.0's Char production. */
function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/**
 * Text as XML can carry it: characters XML 1.0 cannot hold at all (C0 controls but tab and line
 * breaks, lone surrogates, U+FFFE/FFFF) become U+FFFD; markup characters are escaped; carriage
 * returns and, in attributes, tabs and line feeds are character references so they survive parsing.
 */
export function escapeXmlText(s: string): string {
  return clean(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

export function escapeXmlAttr(s: string): string {
  return escapeXmlText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** `<name a="1" b="2">` attribute text from pairs, leaving out undefined and empty-by-default values. */
export function attrText(pairs: readonly (readonly [string, string | number | boolean | undefined | null])[]): string {
  let out = '';
  for (const [k, v] of pairs) {
    if (v === undefined || v === null || v === false) continue;
    out += ` ${k}="${escapeXmlAttr(v === true ? '1' : String(v))}"`;
  }
  return out;
}

/** The first child named `name` in the namespace `ns`. */
export function child(node: XmlNode, name: string, ns: string): XmlNode | undefined {
  return node.children.find((c) => c.name === name && c.ns === ns);
}

export function childrenNamed(node: XmlNode, name: string, ns: string): XmlNode[] {
  return node.children.filter((c) => c.name === name && c.ns === ns);
}
