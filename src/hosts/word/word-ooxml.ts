/**
 * A narrative draft as the OOXML that the Word host inserts (`Paragraph.insertOoxml`, WordApi 1.1): a
 * flat package holding one document part, every paragraph and run formatted directly, so the result is
 * the 公文 layout whatever the styles of the document it goes into:
 *
 * - title: centred, 黑体 二号; headings 一、 黑体, （一） 楷体, 1. 仿宋 bold, all 三号, with their
 *   built-in heading style (the navigation pane and the outline see them) and outline level;
 * - body: 仿宋 三号, a first-line indent of two characters (`firstLineChars`), line spacing exactly
 *   28 pt — through OOXML because `Paragraph.lineSpacing` of the API sets a multiple of lines, not
 *   an exact value (office-js #2296, #3203);
 * - each number in a content control (`w:sdt`) whose tag carries its fact key and cells
 *   (`gkl:["income.total",["公开01表!B7"]]`) and whose title names the cells, so 刷新数字 finds it;
 * - slots highlighted yellow, written 【label：text（建议）】 as in the .docx.
 *
 * East Asian, Latin and complex-script fonts are all set, as docx-export.ts does.
 */
import type { CellPointer } from '../../core/findings';
import { runsText, type NarrativeDraft, type Run } from '../../core/narrative/blocks';
import { escapeXmlAttr, escapeXmlText } from '../../core/review/xml';
import { APPENDIX_LINE_PT, APPENDIX_SIZE_PT, cellRef, mergeStyle, provenanceLine, provenanceOf, PROVENANCE_TITLE, type DocxStyle, type DocxStyleOverrides } from './gongwen';

/** The prefix of the tags of the number content controls. */
export const NUMBER_TAG_PREFIX = 'gkl:';

/** The tag of a number's content control: its fact key and cells. */
export function numberTag(factKey: string, cells: readonly CellPointer[]): string {
  return NUMBER_TAG_PREFIX + JSON.stringify([factKey, cells.map(cellRef)]);
}

/** The fact key and cells of a tag made by numberTag; null for any other tag. */
export function parseNumberTag(tag: string): { factKey: string; cells: string[] } | null {
  if (!tag.startsWith(NUMBER_TAG_PREFIX)) return null;
  try {
    const v: unknown = JSON.parse(tag.slice(NUMBER_TAG_PREFIX.length));
    if (Array.isArray(v) && typeof v[0] === 'string' && Array.isArray(v[1]) && v[1].every((c) => typeof c === 'string')) return { factKey: v[0], cells: v[1] };
  } catch {
    // not one of ours
  }
  return null;
}

/** The title of a number's content control: “来源：公开01表!B7、公开01表!B8 等 5 处”. */
export function numberTitle(cells: readonly CellPointer[]): string {
  if (!cells.length) return '来源：（无单元格）';
  const shown = cells.slice(0, 2).map(cellRef).join('、');
  return `来源：${shown}${cells.length > 2 ? ` 等 ${cells.length} 处` : ''}`;
}

export interface OoxmlOptions {
  /** Append 附：数字来源 (default false in Word: each number carries its source). */
  provenance?: boolean;
  /** Leave the title out (replacing one section). */
  title?: boolean;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const halfPt = (pt: number) => Math.round(pt * 2);
const twip = (pt: number) => Math.round(pt * 20);

/** Run properties, their elements in the schema's order (rFonts, b, color, sz, highlight). */
function rPr(font: string, sizePt: number, o: { bold?: boolean; highlight?: boolean } = {}): string {
  const f = escapeXmlAttr(font);
  const bold = o.bold === undefined ? '' : o.bold ? '<w:b/><w:bCs/>' : '<w:b w:val="0"/><w:bCs w:val="0"/>';
  const size = `<w:sz w:val="${halfPt(sizePt)}"/><w:szCs w:val="${halfPt(sizePt)}"/>`;
  return `<w:rPr><w:rFonts w:ascii="${f}" w:hAnsi="${f}" w:eastAsia="${f}" w:cs="${f}"/>${bold}<w:color w:val="000000"/>${size}${o.highlight ? '<w:highlight w:val="yellow"/>' : ''}</w:rPr>`;
}

function run(text: string, props: string): string {
  return text
    .split('\n')
    .map((part, i) => `<w:r>${props}${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXmlText(part)}</w:t></w:r>`)
    .join('');
}

/** The paragraphs of a draft, as w:p elements. */
export function draftParagraphs(draft: NarrativeDraft, overrides?: DocxStyleOverrides, options: OoxmlOptions = {}): string[] {
  const s: DocxStyle = mergeStyle(overrides);
  const exact = `<w:spacing w:before="0" w:after="0" w:line="${twip(s.lineSpacingPt)}" w:lineRule="exact"/>`;
  const indent = `<w:ind w:firstLineChars="${s.firstLineIndentChars * 100}" w:firstLine="${twip(s.firstLineIndentChars * s.bodySizePt)}"/>`;
  const body = rPr(s.bodyFont, s.bodySizePt);
  const out: string[] = [];
  if (options.title !== false && draft.title) {
    out.push(`<w:p><w:pPr><w:pStyle w:val="Title"/><w:spacing w:before="0" w:after="${twip(s.lineSpacingPt)}" w:line="${twip(s.lineSpacingPt)}" w:lineRule="exact"/><w:jc w:val="center"/></w:pPr>${run(draft.title, rPr(s.headingFont, s.titleSizePt, { bold: false }))}</w:p>`);
  }
  const runOf = (r: Run): string => {
    switch (r.type) {
      case 'text':
        return run(r.text, body);
      case 'slot':
        return run(runsText([r]), rPr(s.bodyFont, s.bodySizePt, { highlight: true }));
      case 'number':
        return `<w:sdt><w:sdtPr><w:alias w:val="${escapeXmlAttr(numberTitle(r.cells))}"/><w:tag w:val="${escapeXmlAttr(numberTag(r.factKey, r.cells))}"/></w:sdtPr><w:sdtContent>${run(r.text, body)}</w:sdtContent></w:sdt>`;
    }
  };
  for (const block of draft.blocks) {
    if (block.type === 'heading') {
      const font = block.level === 1 ? s.headingFont : block.level === 2 ? s.heading2Font : s.bodyFont;
      out.push(
        `<w:p><w:pPr><w:pStyle w:val="Heading${block.level}"/><w:keepNext/><w:keepLines/>${exact}${indent}<w:jc w:val="left"/><w:outlineLvl w:val="${block.level - 1}"/></w:pPr>${run(block.text, rPr(font, s.headingSizePt, { bold: block.level === 3 }))}</w:p>`,
      );
    } else {
      out.push(`<w:p><w:pPr>${exact}${indent}<w:jc w:val="both"/></w:pPr>${block.runs.map(runOf).join('')}</w:p>`);
    }
  }
  if (options.provenance) {
    const entries = provenanceOf(draft);
    if (entries.length) {
      out.push(`<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:pageBreakBefore/>${exact}${indent}<w:outlineLvl w:val="0"/></w:pPr>${run(PROVENANCE_TITLE, rPr(s.headingFont, s.headingSizePt, { bold: false }))}</w:p>`);
      const small = rPr(s.bodyFont, APPENDIX_SIZE_PT);
      const lines = `<w:spacing w:before="0" w:after="0" w:line="${twip(APPENDIX_LINE_PT)}" w:lineRule="exact"/>`;
      entries.forEach((e, i) => out.push(`<w:p><w:pPr>${lines}<w:ind w:left="${twip(2 * APPENDIX_SIZE_PT)}"/></w:pPr>${run(`${i + 1}. ${provenanceLine(e)}`, small)}</w:p>`));
    }
  }
  return out;
}

/** The flat OOXML package of some paragraphs, as `insertOoxml` takes it. */
export function ooxmlPackage(paragraphs: readonly string[]): string {
  return (
    '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">' +
    '<pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"><pkg:xmlData>' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>' +
    '</pkg:xmlData></pkg:part>' +
    '<pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData>' +
    `<w:document xmlns:w="${W}"><w:body>${paragraphs.join('')}</w:body></w:document>` +
    '</pkg:xmlData></pkg:part></pkg:package>'
  );
}
