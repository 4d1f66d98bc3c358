/**
 * The lean reader (src/hosts/xlsx/read/) gives the grid exceljs gave — the reader it replaced, see
 * docs/decisions/0001-xlsx-reader.md — cell by cell (value, formula, cached-result mark, number
 * format, error), merges, hidden rows and hidden columns: on every sample, every layout variant, the
 * samples as LibreOffice saves them, a workbook of every cell kind written by openpyxl and by
 * LibreOffice, one built with exceljs and one written by hand the way Excel writes (shared formulas,
 * inline rich text, cells and rows without addresses, values under merges). Where exceljs cannot
 * read at all (openpyxl's comments), the grid and the findings are those of the original.
 */
import ExcelJS from 'exceljs';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { analyze } from '../../../src/core/analyze';
import type { Workbook } from '../../../src/core/grid/grid';
import { loadXlsx } from '../../../src/hosts/xlsx/load';
import { VARIANTS } from '../../fixtures/variants';
import { gridDifferences } from './candidates/compare';
import { exceljsWorkbook } from './candidates/exceljs';
import { sheetjsWorkbook } from './candidates/sheetjs';
import { MAIN_NS, sheetXml, workbookWith } from './workbook-parts';

const HERE = path.join(__dirname, 'fixtures');
/** The samples the copies in fixtures/ were made from (make-fixtures.sh). */
const SAMPLE_DIR = path.resolve(__dirname, '../../../samples');
const SAMPLES = readdirSync(SAMPLE_DIR).filter((f) => f.endsWith('.xlsx')).sort();
const bytesOf = (file: string) => new Uint8Array(readFileSync(file));

async function expectSameGrid(bytes: Uint8Array, name: string): Promise<Workbook> {
  const lean = await loadXlsx(bytes, name);
  expect(gridDifferences(await exceljsWorkbook(bytes, name), lean)).toEqual([]);
  return lean;
}

const findingsOf = (wb: Workbook) => analyze(wb).findings.map((f) => `${f.id} ${f.severity} ${f.message}`);

describe('the lean reader gives the grid exceljs gave', () => {
  test.each(SAMPLES)('sample %s', async (file) => {
    await expectSameGrid(bytesOf(path.join(SAMPLE_DIR, file)), file);
  });

  test.each(VARIANTS.map((v) => v.name))('layout variant %s', async (name) => {
    await expectSameGrid(await VARIANTS.find((v) => v.name === name)!.build(), `${name}.xlsx`);
  }, 30000);

  test.each(readdirSync(path.join(HERE, 'libreoffice')).sort())('saved by LibreOffice: %s', async (file) => {
    await expectSameGrid(bytesOf(path.join(HERE, 'libreoffice', file)), file);
  });

  test('every cell kind written by openpyxl (formulas without cached results)', async () => {
    const wb = await expectSameGrid(bytesOf(path.join(HERE, 'openpyxl', 'features.xlsx')), 'features.xlsx');
    expect(wb.sheets.map((s) => s.name)).toEqual(['特征', 'Sheet2']);
    expect(wb.sheets[0].cell(2, 2)).toMatchObject({ formula: 'SUM(A3:A7)', noCachedResult: true });
  });

  test('every cell kind written by exceljs: shared and array formulas, errors, rich text, dates, formats', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    ws.getCell('A1').value = 1.5;
    ws.getCell('A2').value = 2.25;
    ws.getCell('A2').numFmt = '0.00%';
    ws.getCell('A3').value = { formula: 'SUM(A1:A2)', result: 3.75 };
    ws.getCell('A4').value = { formula: 'A1*2' };
    ws.getCell('A5').value = { formula: '1/0', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellFormulaValue;
    ws.getCell('A6').value = { formula: 'A1-A1', result: 0 };
    ws.getCell('B1').value = { formula: 'A1*2', result: 3, shareType: 'shared', ref: 'B1:B3' } as unknown as ExcelJS.CellFormulaValue;
    ws.getCell('B2').value = { sharedFormula: 'B1', result: 4.5 };
    ws.getCell('B3').value = { sharedFormula: 'B1', result: 7.5 };
    ws.getCell('C1').value = { richText: [{ text: '合' }, { font: { bold: true }, text: '计' }] };
    ws.getCell('C2').value = { error: '#N/A' };
    ws.getCell('C3').value = true;
    ws.getCell('C4').value = new Date(Date.UTC(2024, 11, 31));
    ws.getCell('C5').value = 1234.5;
    ws.getCell('C5').numFmt = '#,##0.00_);[Red]\\(#,##0.00\\)';
    ws.getCell('C6').value = '  空格  ';
    ws.getCell('D1').value = '标题';
    ws.mergeCells('D1:F2');
    ws.getRow(7).hidden = true;
    ws.getCell('A7').value = '隐藏';
    ws.getColumn(5).hidden = true;
    ws.getCell('E3').value = 5;
    const lean = await expectSameGrid(new Uint8Array(await wb.xlsx.writeBuffer()), 'exceljs.xlsx');
    expect(lean.sheets[0].cell(1, 1)).toMatchObject({ formula: 'A2*2', value: 4.5 });
  });

  test('a sheet written the way Excel writes it: shared formulas, inline rich text, errors, values under a merge', async () => {
    // (exceljs refuses rows and cells without r="…", which the schema allows: lean-reader.test.ts has them)
    const styles = `<styleSheet ${MAIN_NS}><numFmts count="2"><numFmt numFmtId="176" formatCode="0.00_ "/><numFmt numFmtId="177" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="176"/><xf numFmtId="10"/><xf numFmtId="14"/><xf numFmtId="177"/></cellXfs><dxfs count="1"><dxf><numFmt numFmtId="176" formatCode="0.000"/></dxf></dxfs></styleSheet>`;
    const shared = `<sst ${MAIN_NS} count="3" uniqueCount="3"><si><t>科目编码</t></si><si><r><t>合</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 计</t></r></si><si><t>_x000D_换行</t></si></sst>`;
    const rows =
      '<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><r><t>内联</t></r><r><t>文本</t></r></is></c></row>' +
      '<row r="2"><c r="A2" s="1"><v>10.5</v></c><c r="B2" s="1"><f t="shared" ref="B2:B4" si="0">A2*2+$A$2</f><v>31.5</v></c><c r="C2" s="2"><v>0.25</v></c><c r="D2" s="3"><v>45657</v></c></row>' +
      '<row r="3"><c r="A3" s="1"><v>1</v></c><c r="B3" s="1"><f t="shared" si="0"/><v>12.5</v></c><c r="C3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D3" s="4"><f>D2</f><v>45657</v></c></row>' +
      '<row r="4"><c r="A4" s="1"><v>2</v></c><c r="B4" s="1"><f t="shared" si="0"/><v>14.5</v></c><c r="C4" t="b"><v>1</v></c><c r="D4" t="str"><f>"文"&amp;"本"</f><v>文本</v></c></row>' +
      '<row r="5"><c r="A5"><f>SUM(A2:A4)</f><v>0</v></c><c r="B5"><f>SUM(B2:B4)</f><v></v></c><c r="C5" t="e"><v>#REF!</v></c><c r="D5"><v>13.5</v></c></row>' +
      '<row r="6" hidden="1"><c r="A6" t="inlineStr"><is><t>隐藏行</t></is></c><c r="B6"><v>1</v></c><c r="C6" s="0"><v>2</v></c></row>';
    const sheet = sheetXml(rows, '<mergeCells count="1"><mergeCell ref="C5:D5"/></mergeCells>', '<cols><col min="3" max="3" width="0" hidden="1" customWidth="1"/></cols>');
    const lean = await expectSameGrid(workbookWith({ sheet, sharedStrings: shared, styles }), 'excel-style.xlsx');
    const g = lean.sheets[0];
    expect(g.cell(3, 1)).toMatchObject({ formula: 'A4*2+$A$2', value: 14.5, numFmt: '0.00_ ' });
    expect(g.value(0, 1)).toBe('合 计');
    expect(g.value(0, 2)).toBe('\r换行');
    expect(g.cell(4, 3)).toBeUndefined(); // under the merge C5:D5
    expect(g.cell(1, 3)?.value).toBe('2024-12-31');
  });
});

describe('the SheetJS candidate (measured for the decision; it reads .xls in the product)', () => {
  // Same grid as the lean reader up to a custom "General" format, which SheetJS reports as none.
  const files = [
    ...SAMPLES.map((f) => path.join(SAMPLE_DIR, f)),
    ...readdirSync(path.join(HERE, 'libreoffice')).map((f) => path.join(HERE, 'libreoffice', f)),
    ...readdirSync(path.join(HERE, 'openpyxl')).map((f) => path.join(HERE, 'openpyxl', f)),
  ];
  test.each(files.map((f) => [path.relative(HERE, f), f]))('%s', async (_name, file) => {
    const bytes = bytesOf(file);
    expect(gridDifferences(await loadXlsx(bytes, 'x.xlsx'), sheetjsWorkbook(bytes, 'x.xlsx'), 20, { generalIsNone: true })).toEqual([]);
  });
});

describe('workbooks exceljs could not read', () => {
  const OPENPYXL = readdirSync(path.join(HERE, 'openpyxl')).filter((f) => f !== 'features.xlsx').sort();

  test.each(OPENPYXL)('saved by openpyxl with a comment, an image, a validation, conditional formats, frozen panes: %s', async (file) => {
    const bytes = bytesOf(path.join(HERE, 'openpyxl', file));
    // The failure of issue 17: one openpyxl comment made the whole workbook "damaged".
    await expect(exceljsWorkbook(bytes, file)).rejects.toThrow(/anchors/);
    const original = await loadXlsx(bytesOf(path.join(SAMPLE_DIR, file)), file);
    const copy = await loadXlsx(bytes, file);
    expect(gridDifferences(original, copy)).toEqual([]);
    expect(findingsOf(copy)).toEqual(findingsOf(original));
  });
});

describe('.xls (Excel 97–2003) through SheetJS', () => {
  test.each(SAMPLES)('%s saved as .xls by LibreOffice gives the grid and the findings of the .xlsx', async (file) => {
    const xls = file.replace(/\.xlsx$/, '.xls');
    const original = await loadXlsx(bytesOf(path.join(SAMPLE_DIR, file)), file);
    const legacy = await loadXlsx(bytesOf(path.join(HERE, 'xls', xls)), xls);
    expect(gridDifferences(original, legacy)).toEqual([]);
    expect(findingsOf(legacy)).toEqual(findingsOf(original));
  });

  test('every cell kind: formulas with their cached results, booleans, dates, hidden rows and columns, merges', async () => {
    const wb = await loadXlsx(bytesOf(path.join(HERE, 'xls', 'features.xls')), 'features.xls');
    const g = wb.sheets[0];
    expect(wb.sheets.map((s) => s.name)).toEqual(['特征', 'Sheet2']);
    expect(g.cell(2, 1)).toMatchObject({ formula: 'A3*2', value: 25 });
    expect(g.cell(3, 2)).toMatchObject({ formula: '1/0', error: '#DIV/0!' });
    expect(g.value(3, 3)).toBe('2024-12-31');
    expect(g.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 4 }]);
    expect(g.isHiddenRow(7)).toBe(true);
    expect(g.isHiddenCol(4)).toBe(true);
  });
});
