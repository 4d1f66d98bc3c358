import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  HighlightColor,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';
import type { IParagraphOptions, IRunOptions } from 'docx';
import { runsText } from '../../core/narrative/blocks';
import type { NarrativeDraft, Run } from '../../core/narrative/blocks';
import { APPENDIX_LINE_PT, APPENDIX_SIZE_PT, mergeStyle, PROVENANCE_TITLE, provenanceLine, provenanceOf, type DocxStyleOverrides } from './gongwen';

export { cellRef, DEFAULT_DOCX_STYLE, mergeStyle, PROVENANCE_TITLE, provenanceLine, provenanceOf, type DocxStyle, type DocxStyleOverrides, type ProvenanceEntry } from './gongwen';

/**
 * Exports a drafted narrative ({@link NarrativeDraft}) to a .docx laid out after the 党政机关公文格式
 * (GB/T 9704-2012) conventions that 部门决算公开 情况说明 are usually typeset in. No Node APIs: it
 * returns the bytes, so it runs in the browser (task pane download) and in Node (CLI) alike.
 *
 * Typesetting (all overridable through {@link DocxStyle}):
 * - Page: A4, margins 上 37 mm / 下 35 mm / 左 28 mm / 右 26 mm (GB/T 9704 §5.2.1: 天头 37 mm, 订口
 *   28 mm, 版心 156 mm × 225 mm), footer page number “— 1 —” centred.
 * - Title: centred, 二号 (22 pt) in `headingFont`. GB/T 9704 asks for 方正小标宋简体, which is not a
 *   system font; 黑体 is the usual fallback, so the title shares the heading font.
 * - Headings (common 公文 practice for 结构层次序数 一、（一）1.（1）):
 *   level 1 (“一、”) in 黑体 (`headingFont`), level 2 (“（一）”) in 楷体 (`heading2Font`), level 3
 *   (“1.”) in the body font, bold. All 三号 (16 pt), not bold otherwise, indented two characters like
 *   the body text, as in GB/T 9704's examples.
 * - Body: 三号 (16 pt) 仿宋, first-line indent two characters, line spacing exactly 28 pt. GB/T 9704
 *   §7.2 sets 正文 in 3号仿宋体字 (22 lines × 28 characters a page); 四号 (14 pt) is sometimes seen
 *   in published 决算 情况说明, but 16 pt is the standard and the default here.
 *   The body font name is “仿宋” (Windows ≥ Vista, also macOS via Office); machines that only have
 *   the older 仿宋_GB2312 (common on government PCs) should pass `bodyFont: '仿宋_GB2312'` (and
 *   `heading2Font: '楷体_GB2312'`). Word substitutes a missing font by its panose/charset, so the
 *   document still opens, only less faithfully.
 * - Latin letters and digits use the same font as the Chinese text (`ascii`, `hAnsi`, `eastAsia` and
 *   `cs` all set), so numbers look like the text around them.
 *
 * Runs:
 * - `text` runs are plain text.
 * - `number` runs look exactly like text; their provenance is listed (unless `provenance: false`) in an appendix “附：数字来源” on
 *   a page of its own at the end (number → fact key → cells, e.g. `财务收支总表!B7`), one line per
 *   distinct (number, fact, cells), in order of first appearance, so a reviewer can trace every
 *   number and delete the page before publishing. No appendix when the draft has no numbers.
 * - `slot` runs are written as 【label：text（建议）】 (as {@link runsText} does) with a yellow
 *   highlight, so a missing reason, use or input cannot be overlooked.
 *
 * Fonts and sizes are set both in the styles (Title, Heading1–3, document defaults) and directly on
 * every run, so the look survives pasting into another document whose styles differ.
 */

/** Footer page number font (GB/T 9704 §7.5: 4号半角宋体阿拉伯数字). */
const PAGE_NUMBER_FONT = '宋体';
const PAGE_NUMBER_SIZE_PT = 14;

/** Twentieths of a point. */
export const twip = (pt: number): number => Math.round(pt * 20);
/** Twips from millimetres, rounded (docx's convertMillimetersToTwip floors: A4 would be 11905 wide). */
export const mm = (millimetres: number): number => Math.round((millimetres * 1440) / 25.4);
/** Half-points, as w:sz wants. */
export const halfPt = (pt: number): number => Math.round(pt * 2);

export function fontOf(name: string): IRunOptions['font'] {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

/** Text runs for a string, turning line feeds into line breaks. */
export function textRuns(text: string, props: IRunOptions): TextRun[] {
  return text.split('\n').map((part, i) => new TextRun({ ...props, text: part, ...(i > 0 ? { break: 1 } : {}) }));
}

/** What goes into the .docx besides the draft. */
export interface DocxOptions {
  /**
   * The appendix 附：数字来源 tracing every number to its cells (default true: a file travels without
   * the workbook; in Word each number keeps its source in a content control instead).
   */
  provenance?: boolean;
}

/** The footer of every page: the page number “— 1 —” centred (GB/T 9704 §7.5: 4号半角宋体阿拉伯数字). */
export function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ font: fontOf(PAGE_NUMBER_FONT), size: halfPt(PAGE_NUMBER_SIZE_PT), children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/** Builds the docx `Document` (exposed for hosts that want to add to it before packing). */
export function draftToDocument(draft: NarrativeDraft, styleOverrides?: DocxStyleOverrides, options: DocxOptions = {}): Document {
  const s = mergeStyle(styleOverrides);
  const line = { line: twip(s.lineSpacingPt), lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  const indent = { firstLine: twip(s.firstLineIndentChars * s.bodySizePt) };
  const body: IRunOptions = { font: fontOf(s.bodyFont), size: halfPt(s.bodySizePt), language: { value: 'en-US', eastAsia: 'zh-CN' } };
  const headingRun = (level: 1 | 2 | 3): IRunOptions => ({
    font: fontOf(level === 1 ? s.headingFont : level === 2 ? s.heading2Font : s.bodyFont),
    size: halfPt(s.headingSizePt),
    bold: level === 3,
    italics: false,
    color: '000000',
  });
  const titleRun: IRunOptions = { font: fontOf(s.headingFont), size: halfPt(s.titleSizePt), bold: false, color: '000000' };
  const headingLevels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
  const headingParagraph: IParagraphOptions = { spacing: line, indent, keepNext: true, keepLines: true };

  const runOf = (run: Run): TextRun[] => {
    switch (run.type) {
      case 'text':
      case 'number':
        return textRuns(run.text, body);
      case 'slot':
        return textRuns(runsText([run]), { ...body, highlight: HighlightColor.YELLOW });
    }
  };

  const children: Paragraph[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      // A blank 28 pt line under the title, as 公文 leave between 标题 and 正文.
      spacing: { ...line, after: twip(s.lineSpacingPt) },
      children: textRuns(draft.title, titleRun),
    }),
  ];
  for (const block of draft.blocks) {
    if (block.type === 'heading') {
      children.push(
        new Paragraph({
          ...headingParagraph,
          heading: headingLevels[block.level],
          children: textRuns(block.text, headingRun(block.level)),
        }),
      );
    } else {
      children.push(
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          spacing: line,
          indent,
          children: block.runs.flatMap(runOf),
        }),
      );
    }
  }

  const provenance = options.provenance === false ? [] : provenanceOf(draft);
  if (provenance.length) {
    children.push(
      new Paragraph({
        ...headingParagraph,
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: true,
        children: textRuns(PROVENANCE_TITLE, headingRun(1)),
      }),
    );
    // A reference list, not body text: 小四 on 20 pt lines keeps it to a page or two.
    const small: IRunOptions = { ...body, size: halfPt(APPENDIX_SIZE_PT) };
    provenance.forEach((entry, i) => {
      children.push(
        new Paragraph({
          alignment: AlignmentType.LEFT,
          spacing: { ...line, line: twip(APPENDIX_LINE_PT) },
          // Indented as a block, so a long list of cells that wraps stays under its entry.
          indent: { left: twip(2 * APPENDIX_SIZE_PT) },
          children: textRuns(`${i + 1}. ${provenanceLine(entry)}`, small),
        }),
      );
    });
  }

  const headingStyle = (level: 1 | 2 | 3) => ({
    run: headingRun(level),
    paragraph: { spacing: line, indent, keepNext: true, keepLines: true, outlineLevel: level - 1 },
  });

  return new Document({
    title: draft.title,
    creator: 'Gongkai Lens 决算公开助手',
    styles: {
      default: {
        document: {
          run: body,
          paragraph: { spacing: line },
        },
        title: { run: titleRun, paragraph: { alignment: AlignmentType.CENTER, spacing: line } },
        heading1: headingStyle(1),
        heading2: headingStyle(2),
        heading3: headingStyle(3),
      },
    },
    sections: [
      {
        properties: {
          page: {
            // A4 portrait.
            size: { width: mm(210), height: mm(297) },
            margin: {
              top: mm(s.pageMarginsCm.top * 10),
              bottom: mm(s.pageMarginsCm.bottom * 10),
              left: mm(s.pageMarginsCm.left * 10),
              right: mm(s.pageMarginsCm.right * 10),
              // GB/T 9704 §7.5: the page number sits 7 mm under the 版心.
              footer: mm(Math.max(s.pageMarginsCm.bottom * 10 - 7 - 5, 5)),
            },
          },
        },
        footers: { default: pageNumberFooter() },
        children,
      },
    ],
  });
}

/** The .docx bytes of a drafted narrative (see {@link DocxStyle} for the layout); the sources appendix unless `options.provenance` is false. */
export async function draftToDocx(draft: NarrativeDraft, style?: DocxStyleOverrides, options?: DocxOptions): Promise<Uint8Array> {
  return Packer.pack(draftToDocument(draft, style, options), 'uint8array');
}
