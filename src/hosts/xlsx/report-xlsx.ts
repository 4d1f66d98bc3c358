/**
 * The findings report (审核意见) as a new .xlsx a department can sort and filter: a sheet 汇总 with
 * the summary, then a sheet 审核意见 with one row per finding — its table, cell, level, the check,
 * the problem, 应为 / 实为, the status, the department's explanation and the supervisor's comment —
 * under a frozen header row with an auto-filter.
 *
 * Written here, as SpreadsheetML with inline strings zipped by fflate, rather than with exceljs: the
 * pane runs in the browser, where exceljs is a large bundle kept off the pane's reading path (see
 * docs/decisions/0001-xlsx-reader.md), while this is a few kilobytes of XML that is fully ours —
 * every character escaped, nothing the report does not need. The same code serves the CLI. The file
 * is deterministic: the same report gives the same bytes.
 */
import { zipSync, type Zippable } from 'fflate';
import { REPORT_COLUMNS, type ReportRow, type ReviewReport } from '../../core/review/report';
import { escapeXmlAttr, escapeXmlText } from '../../core/review/xml';
import { columnLetters } from '../../core/grid/address';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Excel keeps at most this many characters in a cell. */
const MAX_CELL_CHARS = 32767;

export const REPORT_SHEETS = { summary: '汇总', findings: '审核意见' } as const;

/** Cell formats of styles.xml, by index. */
const XF = { plain: 0, header: 1, body: 2, title: 3, label: 4, number: 5 } as const;

function styles(): string {
  const font = (extra: string) => `<font>${extra}<sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>`;
  const thin = '<left style="thin"><color rgb="FFBFBFBF"/></left><right style="thin"><color rgb="FFBFBFBF"/></right><top style="thin"><color rgb="FFBFBFBF"/></top><bottom style="thin"><color rgb="FFBFBFBF"/></bottom><diagonal/>';
  return (
    XML_DECL +
    `<styleSheet xmlns="${MAIN}">` +
    `<fonts count="3">${font('')}${font('<b/>')}${font('<b/>').replace('<sz val="11"/>', '<sz val="14"/>')}</fonts>` +
    '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
    '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>' +
    `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${thin}</border></borders>` +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="6">' +
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
    '<xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
    '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment vertical="top"/></xf>' +
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>' +
    '</cellXfs>' +
    '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

function textCell(ref: string, text: string, xf: number): string {
  const s = text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS - 1)}…` : text;
  if (s === '') return `<c r="${ref}" s="${xf}"/>`;
  return `<c r="${ref}" s="${xf}" t="inlineStr"><is><t xml:space="preserve">${escapeXmlText(s)}</t></is></c>`;
}

function numberCell(ref: string, n: number, xf: number): string {
  return `<c r="${ref}" s="${xf}"><v>${n}</v></c>`;
}

function sheetXml(parts: { views?: string; cols: string; rows: string[]; after?: string }): string {
  return (
    XML_DECL +
    `<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
    `<sheetViews>${parts.views ?? '<sheetView workbookViewId="0"/>'}</sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${parts.cols}</cols>` +
    `<sheetData>${parts.rows.join('')}</sheetData>` +
    (parts.after ?? '') +
    '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape"/>' +
    '</worksheet>'
  );
}

function summarySheet(report: ReviewReport): string {
  const rows = [`<row r="1">${textCell('A1', reportTitle(report), XF.title)}</row>`];
  report.summaryRows.forEach(([k, v], i) => {
    const r = i + 3;
    rows.push(`<row r="${r}">${textCell(`A${r}`, k, XF.label)}${textCell(`B${r}`, v, XF.body)}</row>`);
  });
  const next = report.summaryRows.length + 4;
  rows.push(`<row r="${next}">${textCell(`A${next}`, `逐条意见见“${REPORT_SHEETS.findings}”表（可筛选、排序）。`, XF.plain)}</row>`);
  return sheetXml({ cols: '<col min="1" max="1" width="16" customWidth="1"/><col min="2" max="2" width="110" customWidth="1"/>', rows });
}

function findingsSheet(rows: readonly ReportRow[]): { xml: string; ref: string } {
  const last = columnLetters(REPORT_COLUMNS.length - 1);
  const out = [`<row r="1">${REPORT_COLUMNS.map((c, i) => textCell(`${columnLetters(i)}1`, c.zh, XF.header)).join('')}</row>`];
  rows.forEach((row, i) => {
    const r = i + 2;
    const cells = REPORT_COLUMNS.map((c, j) => {
      const ref = `${columnLetters(j)}${r}`;
      const v = row[c.key];
      return typeof v === 'number' ? numberCell(ref, v, XF.number) : textCell(ref, String(v), XF.body);
    });
    out.push(`<row r="${r}">${cells.join('')}</row>`);
  });
  const ref = `A1:${last}${Math.max(rows.length + 1, 2)}`;
  const cols = REPORT_COLUMNS.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('');
  const views = '<sheetView tabSelected="0" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>';
  return { xml: sheetXml({ views, cols, rows: out, after: `<autoFilter ref="${ref}"/>` }), ref };
}

export function reportTitle(report: ReviewReport): string {
  return `${report.department ? `${report.department} ` : ''}${report.year ? `${report.year}年度 ` : ''}${report.title}`;
}

/** The report as .xlsx bytes (Node and browser). */
export function reportXlsx(report: ReviewReport): Uint8Array {
  const rows = report.sections.flatMap((s) => s.rows);
  const findings = findingsSheet(rows);
  const [a, b] = [REPORT_SHEETS.summary, REPORT_SHEETS.findings];
  const filterRef = `'${b}'!$${findings.ref.replace(/([A-Z]+)(\d+):([A-Z]+)(\d+)/, '$1$$$2:$$$3$$$4')}`;
  const files: Record<string, string> = {
    '[Content_Types].xml':
      XML_DECL +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '</Types>',
    '_rels/.rels': XML_DECL + `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      XML_DECL +
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="0"/></bookViews>` +
      `<sheets><sheet name="${escapeXmlAttr(a)}" sheetId="1" r:id="rId1"/><sheet name="${escapeXmlAttr(b)}" sheetId="2" r:id="rId2"/></sheets>` +
      `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">${escapeXmlText(filterRef)}</definedName></definedNames>` +
      '</workbook>',
    'xl/_rels/workbook.xml.rels':
      XML_DECL +
      `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml': styles(),
    'xl/worksheets/sheet1.xml': summarySheet(report),
    'xl/worksheets/sheet2.xml': findings.xml,
  };
  const when = new Date(1980, 0, 1);
  const zippable: Zippable = {};
  for (const [name, text] of Object.entries(files)) zippable[name] = [new TextEncoder().encode(text), { mtime: when, level: 6 }];
  return zipSync(zippable);
}
