/**
 * The OOXML the Word double takes in `insertOoxml`: a flat package (pkg:package) whose /word/document.xml
 * body holds paragraphs of runs and inline content controls, read as WordprocessingML defines them
 * (ECMA-376 Part 1 §17). Anything else in the body, or a property the double does not model, is
 * refused loudly (NotSimulatedError), never ignored.
 */
import { XMLParser } from 'fast-xml-parser';
import { NotSimulatedError } from '../excel/errors';
import { errors } from './errors';
import type { DocumentState, Inline, RunFont, WControl, WParagraph, WRun } from './state';

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, trimValues: false, parseTagValue: false, parseAttributeValue: false });

const nameOf = (n: Node): string => Object.keys(n).find((k) => k !== ':@') ?? '';
const kids = (n: Node): Node[] => (n[nameOf(n)] as Node[]) ?? [];
const attr = (n: Node, a: string): string | undefined => n[':@']?.[`@_${a}`];
const find = (list: Node[], name: string): Node | undefined => list.find((n) => nameOf(n) === name);
const on = (n: Node | undefined): boolean => !!n && attr(n, 'w:val') !== '0' && attr(n, 'w:val') !== 'false';

/** The paragraphs of a flat OOXML package, new in `state`. Throws InvalidArgument for something that is not one. */
export function paragraphsOf(ooxml: string, state: DocumentState): WParagraph[] {
  let tree: Node[];
  try {
    tree = parser.parse(ooxml) as Node[];
  } catch {
    throw errors.invalidArgument('ooxml');
  }
  const pkg = find(tree, 'pkg:package');
  const part = pkg && kids(pkg).find((p) => nameOf(p) === 'pkg:part' && attr(p, 'pkg:name') === '/word/document.xml');
  const data = part && find(kids(part), 'pkg:xmlData');
  const document = data && find(kids(data), 'w:document');
  const body = document && find(kids(document), 'w:body');
  if (!body) throw errors.invalidArgument('ooxml');
  const out: WParagraph[] = [];
  for (const n of kids(body)) {
    const name = nameOf(n);
    if (name === '#text') continue;
    if (name === 'w:sectPr') continue;
    if (name !== 'w:p') throw new NotSimulatedError(`<${name}> in the body of inserted OOXML`);
    out.push(paragraph(n, state));
  }
  if (!out.length) out.push(state.newParagraph());
  return out;
}

function paragraph(p: Node, state: DocumentState): WParagraph {
  const para = state.newParagraph();
  for (const n of kids(p)) {
    const name = nameOf(n);
    if (name === 'w:pPr') paragraphProperties(kids(n), para);
    else if (name === 'w:r') para.inlines.push(...runs(n));
    else if (name === 'w:sdt') para.inlines.push(control(n, state));
    else if (name !== '#text') throw new NotSimulatedError(`<${name}> in a paragraph of inserted OOXML`);
  }
  return para;
}

const JC: Record<string, WParagraph['alignment']> = { left: 'Left', start: 'Left', center: 'Centered', right: 'Right', end: 'Right', both: 'Justified' };

function paragraphProperties(props: Node[], para: WParagraph): void {
  for (const n of props) {
    const v = attr(n, 'w:val');
    switch (nameOf(n)) {
      case 'w:pStyle':
        para.style = v ?? 'Normal';
        break;
      case 'w:jc':
        para.alignment = JC[v ?? 'left'] ?? 'Left';
        break;
      case 'w:spacing': {
        const line = attr(n, 'w:line');
        const rule = attr(n, 'w:lineRule') ?? 'auto';
        // exact and atLeast are in twentieths of a point, auto in 240ths of a line
        if (line !== undefined) para.lineSpacing = rule === 'auto' ? { value: Number(line), rule: 'auto' } : { value: Number(line) / 20, rule: rule === 'exact' ? 'exact' : 'atLeast' };
        if (attr(n, 'w:before') !== undefined) para.spaceBefore = Number(attr(n, 'w:before')) / 20;
        if (attr(n, 'w:after') !== undefined) para.spaceAfter = Number(attr(n, 'w:after')) / 20;
        break;
      }
      case 'w:ind':
        if (attr(n, 'w:firstLine') !== undefined) para.firstLineIndent = Number(attr(n, 'w:firstLine')) / 20;
        if (attr(n, 'w:firstLineChars') !== undefined) para.firstLineChars = Number(attr(n, 'w:firstLineChars'));
        if (attr(n, 'w:left') !== undefined) para.leftIndent = Number(attr(n, 'w:left')) / 20;
        break;
      case 'w:outlineLvl':
        para.outlineLevel = Number(v);
        break;
      case 'w:keepNext':
        para.keepNext = on(n);
        break;
      case 'w:keepLines':
        break;
      case 'w:pageBreakBefore':
        para.pageBreakBefore = on(n);
        break;
      default:
        throw new NotSimulatedError(`paragraph property <${nameOf(n)}>`);
    }
  }
}

function runFont(props: Node[]): RunFont {
  const font: RunFont = {};
  for (const n of props) {
    const v = attr(n, 'w:val');
    switch (nameOf(n)) {
      case 'w:rFonts':
        font.ascii = attr(n, 'w:ascii');
        font.eastAsia = attr(n, 'w:eastAsia');
        break;
      case 'w:sz':
        font.size = Number(v) / 2;
        break;
      case 'w:b':
        font.bold = on(n);
        break;
      case 'w:i':
        font.italic = on(n);
        break;
      case 'w:color':
        font.color = `#${(v ?? '000000').toUpperCase()}`;
        break;
      case 'w:highlight':
        font.highlight = v === 'none' ? null : (v ?? null);
        break;
      case 'w:bCs':
      case 'w:iCs':
      case 'w:szCs':
        break;
      default:
        throw new NotSimulatedError(`run property <${nameOf(n)}>`);
    }
  }
  return font;
}

/** A w:r as runs of the double (a line break becomes "\n" in the text). */
function runs(r: Node): WRun[] {
  const parts = kids(r);
  const props = find(parts, 'w:rPr');
  const font = props ? runFont(kids(props)) : {};
  let text = '';
  for (const n of parts) {
    const name = nameOf(n);
    if (name === 'w:t') text += kids(n).map((t) => String(t['#text'] ?? '')).join('');
    else if (name === 'w:br') text += '\n';
    else if (name === 'w:tab') text += '\t';
    else if (name !== 'w:rPr' && name !== '#text') throw new NotSimulatedError(`<${name}> in a run of inserted OOXML`);
  }
  return [{ text, font }];
}

function control(sdt: Node, state: DocumentState): WControl {
  const parts = kids(sdt);
  const props = kids(find(parts, 'w:sdtPr') ?? { 'w:sdtPr': [] });
  const content = kids(find(parts, 'w:sdtContent') ?? { 'w:sdtContent': [] });
  const tag = find(props, 'w:tag');
  const alias = find(props, 'w:alias');
  const inner: WRun[] = [];
  for (const n of content) {
    if (nameOf(n) === 'w:r') inner.push(...runs(n));
    else if (nameOf(n) !== '#text') throw new NotSimulatedError(`<${nameOf(n)}> in an inline content control`);
  }
  const controlOf: WControl = { kind: 'control', id: state.newId(), tag: (tag && attr(tag, 'w:val')) ?? '', title: (alias && attr(alias, 'w:val')) ?? '', appearance: 'BoundingBox', runs: inner };
  return controlOf;
}

export type { Inline };
