import { unreadablePart } from './errors';
import { escapeAttr, findElement, findElements, parseAttributes, rootPrefix, setAttribute, startTagAttrs, startTagEnd, type Element } from './xml';

/** Number formats Excel knows by id without a numFmt element. */
const BUILTIN_NUMFMTS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '@': 49,
};

/**
 * The styles part (xl/styles.xml). Cell formats are only ever appended, never edited, so no cell
 * that shares a format with a written cell changes its look.
 */
export class StylesPatcher {
  private readonly p: string;
  private readonly xfs: string[] = [];
  private readonly added: string[] = [];
  private readonly numFmts = new Map<number, string>();
  private readonly addedNumFmts: { id: number; code: string }[] = [];
  private readonly cache = new Map<string, number>();
  private readonly cellXfs: Element;
  /** Differential formats (the looks of conditional formats): how many the part has, and those added. */
  private readonly dxfCount: number;
  private readonly addedDxfs: string[] = [];
  changed = false;

  constructor(private readonly xml: string) {
    this.p = rootPrefix(xml, 'styleSheet');
    const cellXfs = findElement(xml, `${this.p}cellXfs`);
    if (!cellXfs || cellXfs.selfClosing) throw unreadablePart('styles.xml');
    this.cellXfs = cellXfs;
    for (const xf of findElements(xml, `${this.p}xf`, cellXfs.openEnd, cellXfs.end)) this.xfs.push(xml.slice(xf.start, xf.end));
    const dxfs = findElement(xml, `${this.p}dxfs`);
    this.dxfCount = dxfs && !dxfs.selfClosing ? findElements(xml, `${this.p}dxf`, dxfs.openEnd, dxfs.end).length : 0;
    const numFmts = findElement(xml, `${this.p}numFmts`);
    if (numFmts && !numFmts.selfClosing) {
      for (const nf of findElements(xml, `${this.p}numFmt`, numFmts.openEnd, numFmts.end)) {
        const a = parseAttributes(nf.attrs);
        const id = Number(a.get('numFmtId'));
        if (Number.isInteger(id)) this.numFmts.set(id, a.get('formatCode') ?? '');
      }
    }
  }

  /** The index of a cell format like `base` with number format `code`: `base` itself when it already has it. */
  withNumFmt(base: number, code: string): number {
    const xf = this.xfs[base] ?? this.xfs[0];
    if (xf === undefined) throw unreadablePart('styles.xml');
    const id = this.numFmtId(code);
    const current = Number(parseAttributes(startTagAttrs(xf)).get('numFmtId') ?? 0);
    if (current === id && this.xfs[base] !== undefined) return base;
    const key = `${base}|${id}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const tagEnd = startTagEnd(xf);
    let tag = xf.slice(0, tagEnd);
    tag = setAttribute(tag, 'numFmtId', String(id));
    tag = setAttribute(tag, 'applyNumberFormat', '1');
    const index = this.xfs.length + this.added.length;
    this.added.push(tag + xf.slice(tagEnd));
    this.cache.set(key, index);
    this.changed = true;
    return index;
  }

  /**
   * Appends a differential format (what a conditional format changes: font colour, number format,
   * fill, the four borders) and returns its index. Colours are "#RRGGBB".
   */
  addDxf(d: { fontColor?: string; numFmt?: string; fill?: string; border?: { style: 'thin' | 'dashed'; color: string } }): number {
    const p = this.p;
    const argb = (c: string) => `FF${c.replace(/^#/, '').toUpperCase()}`;
    let xml = `<${p}dxf>`;
    if (d.fontColor) xml += `<${p}font><${p}color rgb="${argb(d.fontColor)}"/></${p}font>`;
    if (d.numFmt !== undefined) xml += `<${p}numFmt numFmtId="${this.numFmtId(d.numFmt)}" formatCode="${escapeAttr(d.numFmt)}"/>`;
    if (d.fill) xml += `<${p}fill><${p}patternFill patternType="solid"><${p}bgColor rgb="${argb(d.fill)}"/></${p}patternFill></${p}fill>`;
    if (d.border) {
      const edge = (name: string) => `<${p}${name} style="${d.border!.style}"><${p}color rgb="${argb(d.border!.color)}"/></${p}${name}>`;
      xml += `<${p}border>${edge('left')}${edge('right')}${edge('top')}${edge('bottom')}</${p}border>`;
    }
    xml += `</${p}dxf>`;
    this.addedDxfs.push(xml);
    this.changed = true;
    return this.dxfCount + this.addedDxfs.length - 1;
  }

  private numFmtId(code: string): number {
    for (const [id, c] of this.numFmts) if (c === code) return id;
    for (const n of this.addedNumFmts) if (n.code === code) return n.id;
    const builtin = BUILTIN_NUMFMTS[code];
    if (builtin !== undefined && !this.numFmts.has(builtin)) return builtin;
    const id = Math.max(163, ...this.numFmts.keys(), ...this.addedNumFmts.map((n) => n.id)) + 1;
    this.addedNumFmts.push({ id, code });
    this.changed = true;
    return id;
  }

  render(): string {
    const p = this.p;
    let xml = this.xml;
    // dxfs first, then cellXfs, then numFmts: each edit lies after the next, so their offsets stay valid.
    if (this.addedDxfs.length > 0) xml = this.renderDxfs(xml);
    // cellXfs before numFmts (it comes after numFmts, so numFmts' offsets stay valid).
    if (this.added.length > 0) {
      const c = this.cellXfs;
      const closeAt = c.end - `</${p}cellXfs>`.length;
      const tag = setAttribute(xml.slice(c.start, c.openEnd), 'count', String(this.xfs.length + this.added.length));
      xml = xml.slice(0, c.start) + tag + xml.slice(c.openEnd, closeAt) + this.added.join('') + xml.slice(closeAt);
    }
    if (this.addedNumFmts.length > 0) {
      const items = this.addedNumFmts.map((n) => `<${p}numFmt numFmtId="${n.id}" formatCode="${escapeAttr(n.code)}"/>`).join('');
      const count = this.numFmts.size + this.addedNumFmts.length;
      const numFmts = findElement(xml, `${p}numFmts`);
      if (numFmts && !numFmts.selfClosing) {
        const closeAt = numFmts.end - `</${p}numFmts>`.length;
        const tag = setAttribute(xml.slice(numFmts.start, numFmts.openEnd), 'count', String(count));
        xml = xml.slice(0, numFmts.start) + tag + xml.slice(numFmts.openEnd, closeAt) + items + xml.slice(closeAt);
      } else {
        const element = `<${p}numFmts count="${count}">${items}</${p}numFmts>`;
        if (numFmts) {
          xml = xml.slice(0, numFmts.start) + element + xml.slice(numFmts.end);
        } else {
          // numFmts is the first child of styleSheet.
          const root = findElement(xml, `${p}styleSheet`);
          if (!root) throw unreadablePart('styles.xml');
          xml = xml.slice(0, root.openEnd) + element + xml.slice(root.openEnd);
        }
      }
    }
    return xml;
  }

  private renderDxfs(xml: string): string {
    const p = this.p;
    const items = this.addedDxfs.join('');
    const count = this.dxfCount + this.addedDxfs.length;
    const dxfs = findElement(xml, `${p}dxfs`);
    if (dxfs && !dxfs.selfClosing) {
      const closeAt = dxfs.end - `</${p}dxfs>`.length;
      const tag = setAttribute(xml.slice(dxfs.start, dxfs.openEnd), 'count', String(count));
      return xml.slice(0, dxfs.start) + tag + xml.slice(dxfs.openEnd, closeAt) + items + xml.slice(closeAt);
    }
    const element = `<${p}dxfs count="${count}">${items}</${p}dxfs>`;
    if (dxfs) return xml.slice(0, dxfs.start) + element + xml.slice(dxfs.end);
    // dxfs follows cellStyles, and comes before tableStyles, colors and extLst
    for (const next of ['tableStyles', 'colors', 'extLst']) {
      const el = findElement(xml, `${p}${next}`, this.cellXfs.end);
      if (el) return xml.slice(0, el.start) + element + xml.slice(el.start);
    }
    const end = xml.lastIndexOf(`</${p}styleSheet>`);
    if (end < 0) throw unreadablePart('styles.xml');
    return xml.slice(0, end) + element + xml.slice(end);
  }
}
