/**
 * The findings report (审核意见) as a .docx in the 公文 style of the narrative (docx-export.ts): the
 * title in 黑体 二号, 一、汇总 and 二、审核发现 as 黑体 headings, each table's findings under a 楷体
 * heading (（一）公开02表 …), body text in 仿宋 三号 with a two-character indent at 28 pt lines, the
 * page number “— 1 —”. The findings themselves are Word tables in 仿宋 五号 on A4 landscape pages,
 * a header row repeated on every page. No Node APIs: the pane makes it in the browser too.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from 'docx';
import { severityLine, type ReportRow, type ReviewReport } from '../../core/review/report';
import { DEFAULT_DOCX_STYLE, fontOf, halfPt, mm, pageNumberFooter, textRuns, twip } from './docx-export';

/** The findings tables' columns: what fits a landscape page in 五号. */
export const DOCX_REPORT_COLUMNS: readonly { zh: string; width: number; of: (r: ReportRow) => string }[] = [
  { zh: '序号', width: 5, of: (r) => String(r.no) },
  { zh: '单元格', width: 8, of: (r) => r.cell },
  { zh: '级别', width: 6, of: (r) => r.level },
  { zh: '问题', width: 34, of: (r) => r.message },
  { zh: '应为', width: 9, of: (r) => r.expected },
  { zh: '实为', width: 9, of: (r) => r.actual },
  { zh: '状态', width: 8, of: (r) => r.statusText },
  { zh: '单位说明 / 审核意见', width: 21, of: (r) => [r.explanation && `说明：${r.explanation}`, r.comment && `意见：${r.comment}`].filter(Boolean).join('\n') },
];

const CHINESE_ORDINALS = '一二三四五六七八九十';

/** Margins of the landscape pages, in mm. */
const PAGE_MARGIN_MM = 25;

/** （一）…（十）, （十一）…（九十九）. */
export function ordinal(n: number): string {
  if (n <= 10) return CHINESE_ORDINALS[n - 1];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? CHINESE_ORDINALS[tens - 1] : ''}十${ones ? CHINESE_ORDINALS[ones - 1] : ''}`;
}

export async function reportDocx(report: ReviewReport): Promise<Uint8Array> {
  const s = DEFAULT_DOCX_STYLE;
  const line = { line: twip(s.lineSpacingPt), lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  const indent = { firstLine: twip(s.firstLineIndentChars * s.bodySizePt) };
  const body: IRunOptions = { font: fontOf(s.bodyFont), size: halfPt(s.bodySizePt) };
  const small: IRunOptions = { font: fontOf(s.bodyFont), size: halfPt(10.5) };
  const heading = (text: string, level: 1 | 2) =>
    new Paragraph({
      heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
      spacing: line,
      indent,
      keepNext: true,
      children: textRuns(text, { font: fontOf(level === 1 ? s.headingFont : s.heading2Font), size: halfPt(s.headingSizePt), bold: false, color: '000000' }),
    });
  const title = `${report.department ? `${report.department}` : ''}${report.year ? `${report.year}年度` : ''}决算公开${report.title}`;
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      spacing: { ...line, after: twip(s.lineSpacingPt) },
      children: textRuns(title, { font: fontOf(s.headingFont), size: halfPt(s.titleSizePt), color: '000000' }),
    }),
    heading('一、汇总', 1),
    ...report.summaryRows.map(([k, v]) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: line, indent, children: textRuns(`${k}：${v}`, body) })),
    heading('二、审核发现', 1),
  ];
  if (!report.sections.length) children.push(new Paragraph({ spacing: line, indent, children: textRuns('没有需要列出的审核发现。', body) }));
  report.sections.forEach((section, i) => {
    const counts = severityLine(section.rows);
    children.push(heading(`（${ordinal(i + 1)}）${section.title}${counts ? `（${counts}）` : ''}`, 2), findingsTable(section.rows, small));
  });
  const doc = new Document({
    title,
    creator: 'Gongkai Lens 决算公开助手',
    styles: { default: { document: { run: body, paragraph: { spacing: line } } } },
    sections: [
      {
        properties: {
          page: {
            // portrait dimensions: docx swaps them for a landscape page
            size: { width: mm(210), height: mm(297), orientation: PageOrientation.LANDSCAPE },
            margin: { top: mm(PAGE_MARGIN_MM), bottom: mm(PAGE_MARGIN_MM), left: mm(PAGE_MARGIN_MM), right: mm(PAGE_MARGIN_MM), footer: mm(12) },
          },
        },
        footers: { default: pageNumberFooter() },
        children,
      },
    ],
  });
  return Packer.pack(doc, 'uint8array');
}

function findingsTable(rows: readonly ReportRow[], run: IRunOptions): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (text: string, width: number, header: boolean) =>
    new TableCell({
      width: { size: Math.floor((mm(297 - 2 * PAGE_MARGIN_MM) * width) / 100), type: WidthType.DXA },
      borders,
      verticalAlign: VerticalAlign.TOP,
      ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'DDEBF7' } } : {}),
      // single line spacing in the tables (the body's exact 28 pt would leave wide gaps at 五号)
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
          children: textRuns(text, header ? { ...run, bold: true } : run),
        }),
      ],
    });
  // the text width of the landscape page: 297 mm less the margins, as fixed column widths Word and LibreOffice both honour
  const textWidth = mm(297 - 2 * PAGE_MARGIN_MM);
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    columnWidths: DOCX_REPORT_COLUMNS.map((c) => Math.floor((textWidth * c.width) / 100)),
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: DOCX_REPORT_COLUMNS.map((c) => cell(c.zh, c.width, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: DOCX_REPORT_COLUMNS.map((c) => cell(c.of(r), c.width, false)) })),
    ],
  });
}
