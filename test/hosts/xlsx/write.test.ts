import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, promises as fsp, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CellWrite } from '../../../src/core/fill/types';
import { fromA1 } from '../../../src/core/grid/address';
import { Decimal, sum } from '../../../src/core/money/decimal';
import { loadXlsx } from '../../../src/hosts/xlsx/load';
import { applyWrites, WorkbookWriteError } from '../../../src/hosts/xlsx/write';
import { backupPath, WorkbookFileError, writeWorkbookFile } from '../../../src/hosts/xlsx/write-node';
import { FIXTURES } from '../../helpers/fixtures';
import { buildZip, keptAsIs, readZipParts } from './zip-helpers';

// ---------------------------------------------------------------------------------------------
// Helpers

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(FIXTURES, name)));

function write(sheet: string, a1: string, formula: string, value: Decimal | string | number, numFmt: string): CellWrite {
  return { sheet, ref: fromA1(a1), formula, value: new Decimal(value), inputs: [], numFmt, quantity: 'test', description: 'test' };
}

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const plain = (v: unknown): unknown => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));

interface CellSnap {
  value: unknown;
  numFmt: unknown;
  font: unknown;
  border: unknown;
  fill: unknown;
  alignment: unknown;
  protection: unknown;
}

interface SheetSnap {
  name: string;
  state: string;
  merges: string[];
  views: unknown;
  pageSetup: unknown;
  properties: unknown;
  dataValidations: unknown;
  conditionalFormattings: unknown;
  cols: unknown[];
  rows: Map<number, unknown>;
  cells: Map<string, CellSnap>;
}

function cellSnap(c: ExcelJS.Cell): CellSnap {
  // exceljs repeats a merge master's value in the covered cells: record where they point instead.
  const value =
    c.isMerged && c.master !== c
      ? { mergedInto: c.master.address }
      : c.type === ExcelJS.ValueType.Formula
        ? { formula: c.formula, result: c.result }
        : c.value;
  return plain({
    value,
    numFmt: c.numFmt,
    font: c.font,
    border: c.border,
    fill: c.fill,
    alignment: c.alignment,
    protection: c.protection,
  }) as CellSnap;
}

function snapshot(wb: ExcelJS.Workbook): { sheets: SheetSnap[]; definedNames: unknown; views: unknown } {
  const sheets = wb.worksheets.map((ws): SheetSnap => {
    const cells = new Map<string, CellSnap>();
    const rows = new Map<number, unknown>();
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.findRow(r);
      if (!row) continue;
      rows.set(r, plain({ height: row.height, hidden: row.hidden, outlineLevel: row.outlineLevel }));
      row.eachCell({ includeEmpty: true }, (cell) => cells.set(cell.address, cellSnap(cell)));
    }
    const cols: unknown[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const col = ws.getColumn(c);
      cols.push(plain({ width: col.width, hidden: col.hidden, outlineLevel: col.outlineLevel }));
    }
    return {
      name: ws.name,
      state: ws.state,
      merges: [...((ws.model as unknown as { merges?: string[] }).merges ?? [])].sort(),
      views: plain(ws.views),
      pageSetup: plain(ws.pageSetup),
      properties: plain(ws.properties),
      dataValidations: plain((ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model),
      conditionalFormattings: plain((ws as unknown as { conditionalFormattings?: unknown }).conditionalFormattings),
      cols,
      rows,
      cells,
    };
  });
  return { sheets, definedNames: plain(wb.definedNames.model), views: plain(wb.views) };
}

interface Expected {
  sheet: string;
  /** Where the value lands (the merge master for a write into a merged range). */
  at: string;
  formula: string | null;
  value: number;
  numFmt: string;
}

/** Every cell of every sheet is as before except the expected ones, which hold exactly what was written. */
function expectOnlyWritten(before: ExcelJS.Workbook, after: ExcelJS.Workbook, expected: readonly Expected[]): void {
  const a = snapshot(before);
  const b = snapshot(after);
  expect(b.sheets.map((s) => [s.name, s.state])).toEqual(a.sheets.map((s) => [s.name, s.state]));
  expect(b.definedNames).toEqual(a.definedNames);
  expect(b.views).toEqual(a.views);
  a.sheets.forEach((sa, i) => {
    const sb = b.sheets[i];
    expect({ sheet: sb.name, merges: sb.merges }).toEqual({ sheet: sa.name, merges: sa.merges });
    expect({ sheet: sb.name, views: sb.views, pageSetup: sb.pageSetup, properties: sb.properties }).toEqual({
      sheet: sa.name,
      views: sa.views,
      pageSetup: sa.pageSetup,
      properties: sa.properties,
    });
    expect({ sheet: sb.name, dv: sb.dataValidations, cf: sb.conditionalFormattings }).toEqual({
      sheet: sa.name,
      dv: sa.dataValidations,
      cf: sa.conditionalFormattings,
    });
    expect({ sheet: sb.name, cols: sb.cols }).toEqual({ sheet: sa.name, cols: sa.cols });
    for (const r of new Set([...sa.rows.keys(), ...sb.rows.keys()])) {
      // A row that did not exist may be created by a write; it carries no height or outline.
      const ra = sa.rows.get(r) ?? (sb.rows.has(r) ? plain({ hidden: false, outlineLevel: 0 }) : undefined);
      expect({ sheet: sa.name, row: r, props: sb.rows.get(r) }).toEqual({ sheet: sa.name, row: r, props: ra });
    }
    const written = new Map(expected.filter((e) => e.sheet === sa.name).map((e) => [e.at, e]));
    for (const addr of new Set([...sa.cells.keys(), ...sb.cells.keys()])) {
      const ca = sa.cells.get(addr);
      const cb = sb.cells.get(addr);
      const e = written.get(addr);
      if (!e) {
        // A cell exceljs lists on one side only (in a row a write created) must be empty and unformatted.
        const empty = { value: null };
        expect({ sheet: sa.name, addr, cell: cb ?? empty }).toEqual({ sheet: sa.name, addr, cell: ca ?? empty });
        continue;
      }
      expect({ sheet: sa.name, addr, value: cb?.value, numFmt: cb?.numFmt }).toEqual({
        sheet: sa.name,
        addr,
        value: e.formula === null ? e.value : { formula: e.formula, result: e.value },
        numFmt: e.numFmt,
      });
      // The written cell keeps its own look: only the number format changed.
      const keep = (c: CellSnap | undefined) => c && { font: c.font, border: c.border, fill: c.fill, alignment: c.alignment, protection: c.protection };
      if (ca) expect({ sheet: sa.name, addr, style: keep(cb) }).toEqual({ sheet: sa.name, addr, style: keep(ca) });
    }
  });
}

/** Another cell that shares the target's style object in exceljs (same cell format in the file). */
function styleSharer(wb: ExcelJS.Workbook, sheet: string, a1: string): string {
  const ws = wb.getWorksheet(sheet)!;
  const target = ws.getCell(a1);
  let found: string | null = null;
  ws.eachRow((row) =>
    row.eachCell((c) => {
      if (!found && c.address !== a1 && !(c.isMerged && c.master !== c) && c.style === target.style) found = c.address;
    }),
  );
  if (!found) throw new Error(`no cell shares the style of ${sheet}!${a1}`);
  return found;
}

// ---- A workbook as Excel/WPS write them, with the features an exceljs round trip loses ----

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const EXCEL_LIKE_SHEET1 = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet ${MAIN} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac"><dimension ref="A1:E8"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="13.5" x14ac:dyDescent="0.15"/><cols><col min="1" max="1" width="20.625" customWidth="1"/><col min="6" max="6" width="9" style="1" customWidth="1"/></cols><sheetData>
<row r="1" spans="1:5"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="E1" s="2" t="s"><v>2</v></c></row>
<row r="2" spans="1:5"><c r="A2" t="s"><v>3</v></c><c r="B2" s="1"><v>10</v></c><c r="C2" s="1"><v>4</v></c><c r="D2" s="1"><f t="shared" ref="D2:D5" si="0">SUM($B2:C2)*rate</f><v>0.7</v></c><c r="E2" s="1"><f>B2+C2</f><v>14</v></c></row>
<row r="3" spans="1:5"><c r="A3" t="s"><v>4</v></c><c r="B3" s="1"><v>5</v></c><c r="C3" s="1"><v>1</v></c><c r="D3" s="1"><f t="shared" si="0"/><v>0.3</v></c><c r="E3" s="1"><f>B3+C3</f><v>6</v></c></row>
<row r="4" spans="1:5" hidden="1"><c r="A4" t="s"><v>3</v></c><c r="B4" s="1"><v>1</v></c><c r="C4" s="1"><v>0</v></c><c r="D4" s="1"><f t="shared" si="0"/><v>0.05</v></c><c r="E4" s="1"/></row>
<row r="5" spans="1:5" outlineLevel="1"><c r="A5" t="s"><v>4</v></c><c r="B5" s="1"><v>2</v></c><c r="C5" s="1"><v>0</v></c><c r="D5" s="1"><f t="shared" si="0"/><v>0.1</v></c></row>
<row r="6" spans="1:5"><c r="A6"><f>SUM(B2:B5)</f><v>18</v></c><c r="B6"><f t="array" ref="B6:C6">B2:C2*2</f><v>20</v></c><c r="C6"><v>8</v></c><c r="D6"><f t="array" ref="D6">SUM(B2:B5*C2:C5)</f><v>45</v></c></row>
<row r="7" spans="1:5"><c r="A7" t="s"><v>1</v></c></row>
</sheetData><sheetProtection sheet="0" objects="1"/><mergeCells count="1"><mergeCell ref="A7:C7"/></mergeCells><phoneticPr fontId="1" type="noConversion"/><conditionalFormatting sqref="B2:B5"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>5</formula></cfRule></conditionalFormatting><dataValidations count="1"><dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="A2:A5"><formula1>"甲,乙"</formula1></dataValidation></dataValidations><hyperlinks><hyperlink ref="B1" location="'列表'!A1" display="金额"/></hyperlinks><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape"/><rowBreaks count="1" manualBreakCount="1"><brk id="4" max="16383" man="1"/></rowBreaks><ignoredErrors><ignoredError sqref="E2:E3" formula="1"/></ignoredErrors><drawing r:id="rId1"/><extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>列表!$A$1:$A$2</xm:f></x14:formula1><xm:sqref>C7</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>`;

function excelLikeWorkbook(): Uint8Array {
  return buildZip({
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/><Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/><Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId4" Type="${REL}/custom-properties" Target="docProps/custom.xml"/></Relationships>`,
    'docProps/custom.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer"><vt:lpwstr>2052-11.1.0.12313</vt:lpwstr></property></Properties>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId5" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId6" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId7" Type="${REL}/calcChain" Target="calcChain.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook ${MAIN}><workbookPr defaultThemeVersion="166925"/><workbookProtection lockStructure="1"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews><sheets><sheet name="数据" sheetId="1" r:id="rId1"/><sheet name="列表" sheetId="2" state="hidden" r:id="rId2"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">数据!$A$1:$E$6</definedName><definedName name="rate">0.05</definedName><definedName name="dyn">OFFSET(数据!$A$1,0,0,COUNTA(数据!$A:$A),1)</definedName><definedName name="local1" localSheetId="0">数据!$B$2</definedName></definedNames><calcPr calcId="191029"/><extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>`,
    'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst ${MAIN} count="8" uniqueCount="5"><si><t>项目</t></si><si><t>金额</t></si><si><t>备注</t></si><si><t>甲</t></si><si><t>乙</t></si></sst>`,
    'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet ${MAIN}><fonts count="2"><font><sz val="12"/><name val="宋体"/><charset val="134"/></font><font><sz val="9"/><name val="宋体"/><charset val="134"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFC6EFCE"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders><cellStyleXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf><xf numFmtId="0" fontId="0" fillId="2" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf><xf numFmtId="4" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"><alignment horizontal="right" vertical="center"/></xf><xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="1"/></cellXfs><cellStyles count="2"><cellStyle name="好" xfId="1" builtinId="26"/><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles><dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font></dxf></dxfs><tableStyles count="0"/></styleSheet>`,
    'xl/calcChain.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><calcChain ${MAIN}><c r="D2" i="1"/><c r="D3"/><c r="D4"/><c r="D5"/><c r="E2"/><c r="E3"/><c r="A6"/><c r="B6"/><c r="D6"/></calcChain>`,
    'xl/worksheets/sheet1.xml': EXCEL_LIKE_SHEET1,
    'xl/worksheets/_rels/sheet1.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
    'xl/drawings/drawing1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>12</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
    'xl/drawings/_rels/drawing1.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`,
    'xl/charts/chart1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>数据!$B$2:$B$5</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`,
    'xl/worksheets/sheet2.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${MAIN}><sheetData><row r="1"><c r="A1" t="s"><v>3</v></c></row><row r="2"><c r="A2" t="s"><v>4</v></c></row></sheetData></worksheet>`,
  });
}

// ---------------------------------------------------------------------------------------------

describe('applyWrites on the fixtures: only the written cells change', () => {
  test('jiangan 公开: SUM totals into 公开02表, a style-sharing neighbour keeps its format', async () => {
    const input = fixture('jiangan-2024-gongkai.xlsx');
    const before = await open(input);
    const ws = before.getWorksheet('公开02表')!;
    const column = (col: string) => sum(Array.from({ length: 25 }, (_, i) => new Decimal(Number(ws.getCell(`${col}${i + 8}`).value ?? 0))));
    const c7 = column('C');
    const d7 = column('D');
    // The seed prints 22899.22 over rows that add up to 22899.27 (kept in the fixture): write what they add up to.
    expect(c7.toString()).toBe('22899.27');
    const neighbour = styleSharer(before, '公开02表', 'C7');
    const neighbourFmt = ws.getCell(neighbour).numFmt;
    expect(neighbourFmt).toBe('0.00');

    const writes = [
      write('公开02表', 'C7', 'SUM(C8:C32)', c7, '#,##0.00'), // a new format: C7's cell format is copied, not edited
      write('公开02表', 'D7', 'SUM(D8:D32)', d7, '0.00'), // the format it already has
      write('公开02表', 'E7', 'SUM(E8:E32)', 0.5, '0.00'), // an empty styled cell
      write('公开01表', 'B45', '1+1', 2, '0'), // a row that does not exist yet
    ];
    const output = await applyWrites(input, writes);
    const after = await open(output);
    expectOnlyWritten(before, after, [
      { sheet: '公开02表', at: 'C7', formula: 'SUM(C8:C32)', value: c7.toNumber(), numFmt: '#,##0.00' },
      { sheet: '公开02表', at: 'D7', formula: 'SUM(D8:D32)', value: d7.toNumber(), numFmt: '0.00' },
      { sheet: '公开02表', at: 'E7', formula: 'SUM(E8:E32)', value: 0.5, numFmt: '0.00' },
      { sheet: '公开01表', at: 'B45', formula: '1+1', value: 2, numFmt: '0' },
    ]);
    expect(after.getWorksheet('公开02表')!.getCell(neighbour).numFmt).toBe(neighbourFmt);
    const c7After = after.getWorksheet('公开02表')!.getCell('C7');
    expect(c7After.font).toEqual(ws.getCell('C7').font);
    expect(c7After.border).toEqual(ws.getCell('C7').border);
    expect(c7After.alignment).toEqual(ws.getCell('C7').alignment);
    // Excel recalculates on open (exceljs does not read this flag back: look at the part itself).
    expect(readZipParts(output).get('xl/workbook.xml')!.data.toString()).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
    // The comparison itself notices a change it was not told about.
    expect(() => expectOnlyWritten(before, after, writes.slice(1).map((w) => ({ sheet: w.sheet, at: 'X1', formula: null, value: 0, numFmt: '' })))).toThrow();
  });

  test('miluo 绩效: 执行率 as a percentage, 得分, and a write into a merged range lands in its master', async () => {
    const input = fixture('miluo-2023-jixiao.xlsx');
    const before = await open(input);
    const neighbour = styleSharer(before, '3-1帮代办', 'G6');
    const neighbourFmt = before.getWorksheet('3-1帮代办')!.getCell(neighbour).numFmt;
    expect(neighbourFmt).toBe('0%');

    const rate = 'IF(AND(N(E6)=0,N(D6)=0),1,IFERROR(ROUND(E6/D6,4),0))';
    const writes = [
      write('3-1帮代办', 'G6', rate, 1, '0.00%'),
      write('3-1帮代办', 'H6', 'ROUND(F6*G6,2)', 10, '0.00'),
      write('部门整体支出绩效自评表', 'G5', rate.replace(/6/g, '5'), 1, '0.00%'),
      // 基础数据表 F4:G4 is merged: a write to G4 goes to F4.
      write('基础数据表', 'G4', 'IFERROR(ROUND(D4/B4,4),0)', '0.9641', '0.00%'),
    ];
    const after = await open(await applyWrites(input, writes));
    expectOnlyWritten(before, after, [
      { sheet: '3-1帮代办', at: 'G6', formula: rate, value: 1, numFmt: '0.00%' },
      { sheet: '3-1帮代办', at: 'H6', formula: 'ROUND(F6*G6,2)', value: 10, numFmt: '0.00' },
      { sheet: '部门整体支出绩效自评表', at: 'G5', formula: rate.replace(/6/g, '5'), value: 1, numFmt: '0.00%' },
      { sheet: '基础数据表', at: 'F4', formula: 'IFERROR(ROUND(D4/B4,4),0)', value: 0.9641, numFmt: '0.00%' },
    ]);
    expect(after.getWorksheet('3-1帮代办')!.getCell(neighbour).numFmt).toBe('0%');
    const master = after.getWorksheet('基础数据表')!.getCell('G4');
    expect(master.isMerged && master.master.address).toBe('F4');
  });

  test('values mode writes plain numbers, no formula', async () => {
    const input = fixture('miluo-2023-jixiao.xlsx');
    const before = await open(input);
    const writes = [write('3-1帮代办', 'G6', 'E6/D6', '0.9954', '0.00%'), write('3-1帮代办', 'H6', 'F6*G6', '9.95', '0.00')];
    const output = await applyWrites(input, writes, { values: true });
    const after = await open(output);
    expectOnlyWritten(before, after, [
      { sheet: '3-1帮代办', at: 'G6', formula: null, value: 0.9954, numFmt: '0.00%' },
      { sheet: '3-1帮代办', at: 'H6', formula: null, value: 9.95, numFmt: '0.00' },
    ]);
    expect(after.getWorksheet('3-1帮代办')!.getCell('G6').type).toBe(ExcelJS.ValueType.Number);
  });

  test('the output loads with loadXlsx: formula with its cached value', async () => {
    const input = fixture('jiangan-2024-gongkai.xlsx');
    const output = await applyWrites(input, [write('公开02表', 'C7', 'SUM(C8:C32)', '22899.22', '0.00')]);
    const wb = await loadXlsx(output, 'out.xlsx');
    const grid = wb.sheets.find((s) => s.name === '公开02表')!;
    expect(grid.cell(6, 2)).toMatchObject({ formula: 'SUM(C8:C32)', value: 22899.22, numFmt: '0.00' });
    expect(grid.cell(6, 2)?.noCachedResult).toBeUndefined();
    expect(wb.sheets.map((s) => s.name)).toEqual((await loadXlsx(input, 'in.xlsx')).sheets.map((s) => s.name));
  });

  test('every zip entry but the written sheet, styles.xml and workbook.xml is copied byte for byte', async () => {
    const input = fixture('jiangan-2024-gongkai.xlsx');
    const output = await applyWrites(input, [write('公开02表', 'C7', 'SUM(C8:C32)', '22899.22', '#,##0.00')]);
    const a = readZipParts(input);
    const b = readZipParts(output);
    expect([...b.keys()]).toEqual([...a.keys()]);
    const changed = [...a.keys()].filter((k) => !a.get(k)!.data.equals(b.get(k)!.data));
    expect(changed.sort()).toEqual(['xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet2.xml']);
    for (const k of a.keys()) if (!changed.includes(k)) expect([k, keptAsIs(a.get(k)!, b.get(k))]).toEqual([k, true]);
    // The sheet changed only at C7.
    const sheetBefore = a.get('xl/worksheets/sheet2.xml')!.data.toString('utf8');
    const sheetAfter = b.get('xl/worksheets/sheet2.xml')!.data.toString('utf8');
    const c7 = /<c r="C7"[^>]*>.*?<\/c>/;
    expect(sheetAfter.replace(c7, '')).toBe(sheetBefore.replace(c7, ''));
    expect(sheetAfter).toMatch(/<c r="C7" s="12"><f>SUM\(C8:C32\)<\/f><v>22899.22<\/v><\/c>/);
    // styles.xml only gained a cell format at the end of cellXfs.
    const stylesBefore = a.get('xl/styles.xml')!.data.toString('utf8');
    const stylesAfter = b.get('xl/styles.xml')!.data.toString('utf8');
    expect(stylesAfter.replace(/<xf [^>]*numFmtId="4"[^>]*>(<alignment[^>]*\/>)?<\/xf><\/cellXfs>/, '</cellXfs>').replace('cellXfs count="13"', 'cellXfs count="12"')).toBe(
      stylesBefore,
    );
  });

  test('several writes to one cell: the last wins', async () => {
    const input = fixture('jiangan-2024-gongkai.xlsx');
    const output = await applyWrites(input, [write('公开02表', 'C7', '1', 1, '0.00'), write('公开02表', 'C7', '2', 2, '0.00')]);
    const c = (await open(output)).getWorksheet('公开02表')!.getCell('C7');
    expect(c.value).toEqual({ formula: '2', result: 2 });
  });

  test('no writes: the workbook is unchanged but for the recalculation flag', async () => {
    const input = fixture('jiangan-2024-gongkai.xlsx');
    const b = readZipParts(await applyWrites(input, []));
    const a = readZipParts(input);
    for (const [k, part] of a) if (k !== 'xl/workbook.xml') expect([k, keptAsIs(part, b.get(k))]).toEqual([k, true]);
    expect(b.get('xl/workbook.xml')!.data.toString('utf8')).toContain('<calcPr calcId="171027" fullCalcOnLoad="1"/>');
  });
});

describe('applyWrites keeps what an exceljs round trip would lose', () => {
  test('charts, custom properties, defined names, Excel 2010 validations, hyperlinks, page breaks, named styles, default font', async () => {
    const input = excelLikeWorkbook();
    const output = await applyWrites(input, [write('数据', 'E4', 'B4+C4', 1, '#,##0.00'), write('数据', 'A8', 'A6*2', 36, '0')]);
    const a = readZipParts(input);
    const b = readZipParts(output);
    // The calculation chain (a cache) is dropped with its relationship and content type; all else stays.
    expect([...b.keys()]).toEqual([...a.keys()].filter((k) => k !== 'xl/calcChain.xml'));
    const same = ['docProps/custom.xml', 'xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet2.xml', '_rels/.rels'];
    for (const k of same) expect([k, keptAsIs(a.get(k)!, b.get(k))]).toEqual([k, true]);
    expect(b.get('xl/_rels/workbook.xml.rels')!.data.toString()).not.toContain('calcChain');
    expect(b.get('[Content_Types].xml')!.data.toString()).not.toContain('calcChain');
    expect(b.get('[Content_Types].xml')!.data.toString()).toContain('/xl/charts/chart1.xml');

    const wbXml = b.get('xl/workbook.xml')!.data.toString();
    expect(wbXml).toBe(a.get('xl/workbook.xml')!.data.toString().replace('<calcPr calcId="191029"/>', '<calcPr calcId="191029" fullCalcOnLoad="1"/>'));

    const styles = b.get('xl/styles.xml')!.data.toString();
    expect(styles).toContain('<cellStyle name="好" xfId="1" builtinId="26"/>');
    expect(styles).toContain('<font><sz val="12"/><name val="宋体"/><charset val="134"/></font>');

    const sheet = b.get('xl/worksheets/sheet1.xml')!.data.toString();
    for (const kept of ['<x14:dataValidation type="list"', '<hyperlink ref="B1" location="\'列表\'!A1"', '<rowBreaks', '<ignoredErrors>', '<drawing r:id="rId1"/>', 'tabSelected="1"']) {
      expect(sheet).toContain(kept);
    }
    // E4 had a cell format with borders: the copy keeps them and only the number format differs.
    expect(sheet).toContain('<c r="E4" s="1"><f>B4+C4</f><v>1</v></c>');
    // A8 is in a new row, after row 7; the dimension grows to include it.
    expect(sheet).toMatch(/<\/row><row r="8"><c r="A8" s="3"><f>A6\*2<\/f><v>36<\/v><\/c><\/row>/);
    expect(sheet).toContain('<dimension ref="A1:E8"/>');

    const wb = await open(output);
    expect(wb.getWorksheet('数据')!.getCell('A8').numFmt).toBe('0');
  });

  test('a new number format is added to numFmts; the cell format is copied with it', async () => {
    const input = excelLikeWorkbook();
    const output = await applyWrites(input, [write('数据', 'E4', 'B4+C4', 1, '0.000%')]);
    const b = readZipParts(output);
    const styles = b.get('xl/styles.xml')!.data.toString();
    expect(styles).toContain('<numFmts count="1"><numFmt numFmtId="164" formatCode="0.000%"/></numFmts><fonts');
    expect(styles).toContain(
      '<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"><alignment horizontal="right" vertical="center"/></xf></cellXfs>',
    );
    expect(styles).toContain('<cellXfs count="4">');
    const wb = await open(output);
    const e4 = wb.getWorksheet('数据')!.getCell('E4');
    expect(e4.numFmt).toBe('0.000%');
    expect(e4.border).toEqual(wb.getWorksheet('数据')!.getCell('E3').border);
    expect(wb.getWorksheet('数据')!.getCell('E3').numFmt).toBe('#,##0.00');
  });

  test('writing over the master of a shared formula moves the formula to the next cell of the group', async () => {
    const input = excelLikeWorkbook();
    const before = await open(input);
    const output = await applyWrites(input, [write('数据', 'D2', 'B2*2', 20, '#,##0.00')]);
    const sheet = readZipParts(output).get('xl/worksheets/sheet1.xml')!.data.toString();
    expect(sheet).toContain('<c r="D3" s="1"><f t="shared" si="0" ref="D3:D5">SUM($B3:C3)*rate</f><v>0.3</v></c>');
    const after = await open(output);
    expectOnlyWritten(before, after, [{ sheet: '数据', at: 'D2', formula: 'B2*2', value: 20, numFmt: '#,##0.00' }]);
    expect(['D3', 'D4', 'D5'].map((a) => after.getWorksheet('数据')!.getCell(a).formula)).toEqual([
      'SUM($B3:C3)*rate',
      'SUM($B4:C4)*rate',
      'SUM($B5:C5)*rate',
    ]);
  });

  test('writing over a member of a shared group leaves the rest of the group as it was', async () => {
    const input = excelLikeWorkbook();
    const before = await open(input);
    const after = await open(await applyWrites(input, [write('数据', 'D4', '0', 0.5, '#,##0.00')]));
    expectOnlyWritten(before, after, [{ sheet: '数据', at: 'D4', formula: '0', value: 0.5, numFmt: '#,##0.00' }]);
  });

  test('a cell inside a multi-cell array formula is refused; a single-cell one may be replaced', async () => {
    const input = excelLikeWorkbook();
    for (const at of ['B6', 'C6']) {
      await expect(applyWrites(input, [write('数据', at, '1', 1, '0')])).rejects.toMatchObject({ problem: 'array-formula' });
    }
    const after = await open(await applyWrites(input, [write('数据', 'D6', 'SUM(B2:B5)', 18, '0')]));
    expect(after.getWorksheet('数据')!.getCell('D6').value).toEqual({ formula: 'SUM(B2:B5)', result: 18 });
  });

  test('parts written with a namespace prefix (<x:worksheet>, as the Open XML SDK does) are patched alike', async () => {
    const prefixed = (xml: string) =>
      xml
        .replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"')
        .replace(/<(\/?)([A-Za-z][\w]*)(?=[\s/>])/g, '<$1x:$2');
    const parts = readZipParts(excelLikeWorkbook());
    const files: Record<string, string> = {};
    for (const [name, part] of parts) {
      const text = part.data.toString('utf8');
      files[name] = /^xl\/(workbook|styles|worksheets\/sheet\d)\.xml$/.test(name) ? prefixed(text) : text;
    }
    const output = await applyWrites(buildZip(files), [write('数据', 'D2', 'B2*2', 20, '0.000'), write('数据', 'B9', 'B6', 18, '0')]);
    const b = readZipParts(output);
    const sheet = b.get('xl/worksheets/sheet1.xml')!.data.toString();
    expect(sheet).toContain('<x:c r="D2" s="3"><x:f>B2*2</x:f><x:v>20</x:v></x:c>');
    expect(sheet).toContain('<x:c r="D3" s="1"><x:f t="shared" si="0" ref="D3:D5">SUM($B3:C3)*rate</x:f><x:v>0.3</x:v></x:c>');
    expect(sheet).toMatch(/<\/x:row><x:row r="9"><x:c r="B9" s="4"><x:f>B6<\/x:f><x:v>18<\/x:v><\/x:c><\/x:row>\s*<\/x:sheetData>/);
    expect(sheet).toContain('<x:dimension ref="A1:E9"/>');
    const styles = b.get('xl/styles.xml')!.data.toString();
    expect(styles).toContain('<x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="0.000"/></x:numFmts><x:fonts');
    expect(styles).toContain('<x:cellXfs count="5">');
    expect(b.get('xl/workbook.xml')!.data.toString()).toContain('<x:calcPr calcId="191029" fullCalcOnLoad="1"/>');
  });

  test('the formula is escaped as XML text', async () => {
    const input = excelLikeWorkbook();
    const f = 'IF(B2<>"甲&乙",1,0)';
    const after = await open(await applyWrites(input, [write('数据', 'E4', f, 1, '0')]));
    expect(after.getWorksheet('数据')!.getCell('E4').formula).toBe(f);
  });
});

describe('applyWrites refuses bad input with typed errors', () => {
  test('an unknown sheet', async () => {
    const input = fixture('jiangan-2024-gongkai.xlsx');
    const error = await applyWrites(input, [write('公开99表', 'A1', '1', 1, '0')]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookWriteError);
    expect(error).toMatchObject({ problem: 'unknown-sheet' });
    expect((error as Error).message).toContain('公开99表');
  });

  test('a value that is not a finite number, an empty formula, an address off the sheet', async () => {
    const input = fixture('jiangan-2024-gongkai.xlsx');
    await expect(applyWrites(input, [write('公开02表', 'C7', 'SUM(C8:C32)', NaN, '0')])).rejects.toMatchObject({ problem: 'invalid-write' });
    await expect(applyWrites(input, [write('公开02表', 'C7', ' ', 1, '0')])).rejects.toMatchObject({ problem: 'invalid-write' });
    await expect(applyWrites(input, [write('公开02表', 'C7', '', 1, '0')], { values: true })).resolves.toBeInstanceOf(Uint8Array);
    const off = { ...write('公开02表', 'C7', '1', 1, '0'), ref: { row: -1, col: 0 } };
    await expect(applyWrites(input, [off])).rejects.toMatchObject({ problem: 'invalid-write' });
  });

  test('a damaged part: typed error, no crash', async () => {
    const input = fixture('jiangan-2024-gongkai.xlsx');
    const part = readZipParts(input).get('xl/worksheets/sheet2.xml')!;
    const damaged = new Uint8Array(input);
    const at = Buffer.from(input).indexOf(part.raw) + 10;
    for (let i = 0; i < 64; i++) damaged[at + i] = 0xff;
    await expect(applyWrites(damaged, [write('公开02表', 'C7', '1', 1, '0')])).rejects.toMatchObject({ problem: 'unreadable' });
  });

  test('bytes that are not a workbook', async () => {
    await expect(applyWrites(new TextEncoder().encode('a,b\n1,2\n'), [])).rejects.toMatchObject({ problem: 'unreadable' });
  });
});

// ---------------------------------------------------------------------------------------------

describe('writeWorkbookFile and backupPath', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'gk-write-'));
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });
  const bytes = new Uint8Array([1, 2, 3, 4]);
  const noTemp = () => expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

  test('writes the bytes and leaves no temporary file', async () => {
    const out = path.join(dir, 'out.xlsx');
    await writeWorkbookFile(out, bytes);
    expect(new Uint8Array(readFileSync(out))).toEqual(bytes);
    expect(readdirSync(dir)).toEqual(['out.xlsx']);
  });

  test('refuses an existing file unless overwriteExisting', async () => {
    const out = path.join(dir, 'out.xlsx');
    writeFileSync(out, 'user data');
    const error = await writeWorkbookFile(out, bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookFileError);
    expect(error).toMatchObject({ problem: 'exists' });
    expect(readFileSync(out, 'utf8')).toBe('user data');
    noTemp();
    await writeWorkbookFile(out, bytes, { overwriteExisting: true });
    expect(new Uint8Array(readFileSync(out))).toEqual(bytes);
    noTemp();
  });

  test('refuses a directory even with overwriteExisting', async () => {
    await expect(writeWorkbookFile(dir, bytes, { overwriteExisting: true })).rejects.toMatchObject({ problem: 'directory' });
  });

  test('a path whose parent is a file: typed error, nothing written', async () => {
    const file = path.join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    await expect(writeWorkbookFile(path.join(file, 'out.xlsx'), bytes)).rejects.toMatchObject({ problem: 'missing-folder' });
    expect(readdirSync(dir)).toEqual(['not-a-folder']);
  });

  test('a missing folder: typed error', async () => {
    await expect(writeWorkbookFile(path.join(dir, 'nope', 'out.xlsx'), bytes)).rejects.toMatchObject({ problem: 'missing-folder' });
    expect(readdirSync(dir)).toEqual([]);
  });

  test('a failure after the temporary file was written removes it and leaves the target untouched', async () => {
    const out = path.join(dir, 'out.xlsx');
    writeFileSync(out, 'user data');
    const failure = Object.assign(new Error('disk gone'), { code: 'EIO' });
    jest.spyOn(fsp, 'rename').mockRejectedValue(failure);
    await expect(writeWorkbookFile(out, bytes, { overwriteExisting: true })).rejects.toMatchObject({ problem: 'io' });
    expect(readFileSync(out, 'utf8')).toBe('user data');
    noTemp();
    expect(readdirSync(dir)).toEqual(['out.xlsx']);
  });

  test('a file that appears while writing is not replaced', async () => {
    const out = path.join(dir, 'out.xlsx');
    const realOpen = fsp.open.bind(fsp);
    jest.spyOn(fsp, 'open').mockImplementation(async (...args: Parameters<typeof fsp.open>) => {
      writeFileSync(out, 'someone else'); // another program creates the file in the meantime
      return realOpen(...args);
    });
    await expect(writeWorkbookFile(out, bytes)).rejects.toMatchObject({ problem: 'exists' });
    expect(readFileSync(out, 'utf8')).toBe('someone else');
    noTemp();
  });

  test('without hard links (FAT, some shares) it still writes', async () => {
    const out = path.join(dir, 'out.xlsx');
    jest.spyOn(fsp, 'link').mockRejectedValue(Object.assign(new Error('no links'), { code: 'EPERM' }));
    await writeWorkbookFile(out, bytes);
    expect(new Uint8Array(readFileSync(out))).toEqual(bytes);
    noTemp();
  });

  test('backupPath: IN.backup-YYYYMMDD-HHMM.xlsx beside the input, never an existing file', () => {
    const input = path.join(dir, '决算.xlsx');
    writeFileSync(input, 'x');
    const now = new Date(2026, 10, 22, 1, 30);
    const first = backupPath(input, now);
    expect(first).toBe(path.join(dir, '决算.backup-20261122-0130.xlsx'));
    writeFileSync(first, 'old backup');
    const second = backupPath(input, now);
    expect(second).toBe(path.join(dir, '决算.backup-20261122-0130-2.xlsx'));
    writeFileSync(second, 'older backup');
    const third = backupPath(input, now);
    expect(third).toBe(path.join(dir, '决算.backup-20261122-0130-3.xlsx'));
    expect(existsSync(third)).toBe(false);
    expect(backupPath(path.join(dir, 'noext'), now)).toBe(path.join(dir, 'noext.backup-20261122-0130'));
  });
});
