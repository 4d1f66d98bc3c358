/**
 * "在表中标出" as a file: the .xlsx file host writes the Excel host's marks into a copy of the workbook
 * (a very hidden registry, one conditional format per marked cell, the hidden 审核标注 list), changing
 * no cell and no other part; clearing them gives the workbook back; the Excel add-in opening the copy
 * takes the marks over as its own.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyze } from '../../../src/core/analyze';
import { glyphFormat, LIST_HEADER, LIST_SHEET, LIST_TITLE, parseRegistry, REGISTRY_SHEET } from '../../../src/hosts/excel/marks';
import { XlsxFileHost } from '../../../src/hosts/xlsx/file-host';
import { loadXlsx } from '../../../src/hosts/xlsx/load';
import { ExcelDouble } from '../../double/excel';
import { connect, expectedMarks, syncsOf } from '../excel/helpers';
import { keptAsIs, readZipParts } from './zip-helpers';

const NAME = 'jiangan-2024-gongkai.xlsx';
const original = () => new Uint8Array(readFileSync(path.resolve(__dirname, '../../../samples', NAME)));

async function marked(): Promise<{ before: Uint8Array; bytes: Uint8Array; findings: ReturnType<typeof analyze>['findings']; count: number }> {
  const before = original();
  const host = new XlsxFileHost(before, NAME);
  const findings = analyze(await host.readWorkbook()).findings;
  const applied = await host.applyPlan({ marks: findings });
  return { before, bytes: applied.bytes!, findings, count: applied.marked };
}

describe('marks written into a copy of the workbook', () => {
  test('the registry, a conditional format per marked cell, the list; no cell and no other part changed', async () => {
    const { before, bytes, findings, count } = await marked();
    const wb = await loadXlsx(before, NAME);
    const expected = expectedMarks(findings, wb);
    expect(count).toBe(expected.length);
    const a = readZipParts(before);
    const b = readZipParts(bytes);
    const changed = [...a.keys()].filter((k) => !keptAsIs(a.get(k)!, b.get(k))).sort();
    const markedSheets = [...new Set(expected.map((m) => m.split('!')[0]))];
    const sheetParts = markedSheets.map((s) => `xl/worksheets/sheet${wb.sheets.findIndex((g) => g.name === s) + 1}.xml`);
    expect(changed).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', ...sheetParts].sort());
    expect([...b.keys()].filter((k) => !a.has(k))).toEqual(['xl/worksheets/sheet10.xml', 'xl/worksheets/sheet11.xml']);
    // the workbook: two sheets appended, very hidden and hidden
    const book = b.get('xl/workbook.xml')!.data.toString();
    expect(book).toContain(`<sheet name="${REGISTRY_SHEET}" sheetId="10" state="veryHidden" r:id="rId13"/><sheet name="${LIST_SHEET}" sheetId="11" state="hidden" r:id="rId14"/></sheets>`);
    // 公开02表!C29 (the error): a rule on the cell, true while its registry code is 1, with the error's look
    const sheet2 = b.get('xl/worksheets/sheet2.xml')!.data.toString();
    const rule = /<conditionalFormatting sqref="C29"><cfRule type="expression" dxfId="(\d+)" priority="\d+"><formula>'GKL_MARKS'!\$B\$(\d+)=1<\/formula><\/cfRule><\/conditionalFormatting>/.exec(sheet2);
    expect(rule).not.toBeNull();
    // every cell of the sheet as it was: the rules are the only addition
    expect(sheet2.replace(/<conditionalFormatting[\s\S]*?<\/conditionalFormatting>/g, '')).toBe(a.get('xl/worksheets/sheet2.xml')!.data.toString());
    const styles = b.get('xl/styles.xml')!.data.toString();
    const dxfs = [...styles.matchAll(/<dxf>([\s\S]*?)<\/dxf>/g)].map((m) => m[1]);
    const dxf = dxfs[Number(rule![1])];
    expect(dxf).toContain('<color rgb="FF9C0006"/>');
    expect(dxf).toContain('<bgColor rgb="FFFFC7CE"/>');
    expect(dxf).toContain('<left style="thin"><color rgb="FFC00000"/></left>');
    const glyph = glyphFormat('0.00', '✖').replace(/"/g, '&quot;');
    expect(dxf).toContain(`formatCode="${glyph}"`);
    // the registry reads back as the Excel host reads it, one row per mark; the list as the host writes it
    const all = await loadXlsx(bytes, NAME);
    const registry = parseRegistry(all.sheets.find((g) => g.name === REGISTRY_SHEET)!)!;
    expect(registry.rows.map((r) => `${r.sheet}!${r.address} ${r.severity}`).sort()).toEqual(expected);
    expect(registry.rows.every((r) => r.code === 1)).toBe(true);
    const c29 = registry.rows.find((r) => r.sheet === '公开02表' && r.address === 'C29')!;
    expect(c29.row).toBe(Number(rule![2]));
    const list = all.sheets.find((g) => g.name === registry.listSheet)!;
    expect(list.value(0, 0)).toBe(LIST_TITLE);
    expect([...Array(9).keys()].map((c) => list.value(1, c))).toEqual(LIST_HEADER);
    expect(list.rowCount).toBe(2 + findings.filter((f) => f.severity !== 'info').length);
    // the host reading the copy sees the user's sheets only, and the same findings
    const again = new XlsxFileHost(bytes, NAME);
    const sheets = (await again.readWorkbook()).sheets.map((g) => g.name);
    expect(sheets).toEqual(wb.sheets.map((g) => g.name));
    expect(analyze(await again.readWorkbook()).findings.map((f) => f.id)).toEqual(findings.map((f) => f.id));
  });

  test('marking a marked copy replaces its marks; clearing gives every part back but the appended styles', async () => {
    const { before, bytes, findings } = await marked();
    const host = new XlsxFileHost(bytes, NAME);
    const only = findings.filter((f) => f.severity === 'error');
    const remarked = (await host.applyPlan({ marks: only })).bytes!;
    const registry = parseRegistry((await loadXlsx(remarked, NAME)).sheets.find((g) => g.name === REGISTRY_SHEET)!)!;
    expect(registry.rows.map((r) => `${r.sheet}!${r.address}`)).toEqual(['公开02表!C29']);
    expect((await loadXlsx(remarked, NAME)).sheets.filter((g) => g.name === REGISTRY_SHEET)).toHaveLength(1);
    const cleared = (await new XlsxFileHost(remarked, NAME).applyPlan({ clearMarks: true })).bytes!;
    const a = readZipParts(before);
    const c = readZipParts(cleared);
    expect([...c.keys()]).toEqual([...a.keys()]);
    const differ = [...a.keys()].filter((k) => !a.get(k)!.data.equals(c.get(k)!.data));
    expect(differ).toEqual(['xl/styles.xml']);
  });

  test('the Excel add-in opening the marked copy takes its marks over: nothing to rewrite for the same findings', async () => {
    const { bytes, findings } = await marked();
    const double = await ExcelDouble.fromXlsx(bytes, NAME);
    const host = await connect(double);
    const wb = await host.readWorkbook();
    expect(wb.sheets.map((g) => g.name)).not.toContain(REGISTRY_SHEET);
    expect(wb.sheets.map((g) => g.name)).not.toContain(LIST_SHEET);
    expect(host.markRegistry?.rows.length).toBe(expectedMarks(findings, wb).length);
    const { syncs } = await syncsOf(double, () => host.applyPlan({ marks: analyze(wb).findings }));
    expect(syncs).toBe(0);
  });
});
