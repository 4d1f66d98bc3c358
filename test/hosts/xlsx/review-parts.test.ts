/**
 * The review and the settings kept in an .xlsx as custom XML parts by the file host: written as Excel
 * writes `workbook.customXmlParts` (item, item properties, their relationship, the workbook's
 * relationship, a content type), every other part byte for byte; read back by the lean reader.
 */
import ExcelJS from 'exceljs';
import { randomBytes } from 'crypto';
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyze, toReport } from '../../../src/core/analyze';
import { Decimal } from '../../../src/core/money/decimal';
import { applyAction, EMPTY_REVIEW, parseReview, parseSettings, reconcile, serializeReview, serializeSettings, type ReviewState } from '../../../src/core/review';
import { customXmlItems, itemIdOf, writeCustomXml } from '../../../src/hosts/xlsx/custom-xml';
import { XlsxFileHost } from '../../../src/hosts/xlsx/file-host';
import { loadXlsx } from '../../../src/hosts/xlsx/load';
import { Package } from '../../../src/hosts/xlsx/package/package';
import { readCustomXml } from '../../../src/hosts/xlsx/read/custom-xml';
import { buildZip, keptAsIs, minimalWorkbookParts, readZipParts } from './zip-helpers';

const SAMPLE = path.resolve(__dirname, '../../../samples/jiangan-2024-gongkai.xlsx');
const original = () => new Uint8Array(readFileSync(SAMPLE));
const AT = '2025-03-01T08:00:00.000Z';

async function reviewed(bytes: Uint8Array): Promise<ReviewState> {
  const report = toReport('jiangan.xlsx', analyze(await loadXlsx(bytes, 'jiangan.xlsx')));
  const s = reconcile(EMPTY_REVIEW, report.findings, { at: AT }).state;
  return applyAction(s, 'LEDGER.row-sum|GK02|科目.2210201|合计', { kind: 'explain', text: '口径不同\n详见附件' }, { name: '王会计', role: 'preparer' }, AT);
}

describe('the review kept in the .xlsx', () => {
  test('a new custom XML part, its properties and relationships; every other part byte for byte', async () => {
    const before = original();
    const state = await reviewed(before);
    const host = new XlsxFileHost(before, 'jiangan.xlsx');
    expect(await host.readReview()).toBeNull();
    const { bytes } = await host.applyPlan({ review: serializeReview(state) });
    const a = readZipParts(before);
    const b = readZipParts(bytes!);
    const changed = [...a.keys()].filter((k) => !keptAsIs(a.get(k)!, b.get(k)));
    expect(changed.sort()).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels']);
    expect([...b.keys()].filter((k) => !a.has(k))).toEqual(['customXml/item1.xml', 'customXml/itemProps1.xml', 'customXml/_rels/item1.xml.rels']);
    const rels = b.get('xl/_rels/workbook.xml.rels')!.data.toString();
    expect(rels).toContain('<Relationship Id="rId13" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/></Relationships>');
    // the workbook's relationships are otherwise as they were
    expect(rels.replace(/<Relationship Id="rId13"[^>]*\/>/, '')).toBe(a.get('xl/_rels/workbook.xml.rels')!.data.toString());
    expect(b.get('[Content_Types].xml')!.data.toString()).toContain('<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>');
    expect(b.get('customXml/_rels/item1.xml.rels')!.data.toString()).toContain('Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"');
    expect(itemIdOf(Package.open(bytes!), 'customXml/item1.xml')).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}\}$/);
    // read back: by the file host, and the grid of every sheet as before
    const again = new XlsxFileHost(bytes!, 'jiangan.xlsx');
    expect(parseReview(await again.readReview())).toEqual(parseReview(serializeReview(state)));
    const [g1, g2] = [await loadXlsx(before, 'x'), await again.readWorkbook()];
    expect(g2.sheets.map((s) => s.name)).toEqual(g1.sheets.map((s) => s.name));
    // another consumer of the file format opens it too
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes!) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(g1.sheets.map((s) => s.name));
  });

  test("written again: only the item's text changes; with settings beside it; two hosts on the saved file see the same", async () => {
    const before = original();
    const state = await reviewed(before);
    const first = (await new XlsxFileHost(before, 'a.xlsx').applyPlan({ review: serializeReview(state), settings: serializeSettings({ region: 'hubei', fillMode: 'values' }) })).bytes!;
    const later = applyAction(state, 'LEDGER.row-sum|GK02|科目.2210201|合计', { kind: 'accept', text: '同意' }, { name: '李科长', role: 'reviewer' }, '2025-03-02T08:00:00.000Z');
    const second = (await new XlsxFileHost(first, 'a.xlsx').applyPlan({ review: serializeReview(later) })).bytes!;
    const a = readZipParts(first);
    const b = readZipParts(second);
    const changed = [...a.keys()].filter((k) => !keptAsIs(a.get(k)!, b.get(k)));
    const reviewItem = customXmlItems(Package.open(first)).find((i) => i.namespace === 'urn:gongkai-lens:review:1')!.path;
    expect(changed).toEqual([reviewItem]);
    expect([...b.keys()]).toEqual([...a.keys()]);
    const accountant = new XlsxFileHost(second, 'a.xlsx');
    const supervisor = new XlsxFileHost(second, 'a.xlsx');
    expect(await accountant.readReview()).toBe(await supervisor.readReview());
    expect(parseReview(await supervisor.readReview()).records.get('LEDGER.row-sum|GK02|科目.2210201|合计')!.events.map((e) => e.status)).toEqual(['explained', 'accepted']);
    expect(parseSettings(await supervisor.readSettings())).toEqual({ region: 'hubei', fillMode: 'values' });
  });

  test('fills and the review in one new file', async () => {
    const before = original();
    const host = new XlsxFileHost(before, 'a.xlsx');
    const { bytes, written } = await host.applyPlan({
      writes: [{ sheet: '公开09表', ref: { row: 30, col: 10 }, formula: 'SUM(1,2)', value: new Decimal(3), inputs: [], numFmt: '0.00', quantity: 'test', description: 'test' }],
      review: serializeReview(await reviewed(before)),
    });
    expect(written).toBe(1);
    const wb = await loadXlsx(bytes!, 'a.xlsx');
    expect(wb.sheets.find((s) => s.name === '公开09表')!.cell(30, 10)).toMatchObject({ value: 3, formula: 'SUM(1,2)' });
    expect(await new XlsxFileHost(bytes!, 'a.xlsx').readReview()).not.toBeNull();
  });

  test("other tools' custom XML parts (another namespace, UTF-16) are left as they are; ours is added beside them", () => {
    const foreign = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<?xml version="1.0" encoding="UTF-16"?><p:properties xmlns:p="http://schemas.microsoft.com/office/2006/metadata/properties"/>', 'utf16le')]);
    const parts = minimalWorkbookParts().map(([n, t]): [string, string | Uint8Array] => {
      if (n === 'xl/_rels/workbook.xml.rels') return [n, t.replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/></Relationships>')];
      return [n, t];
    });
    const book = buildZip([...parts, ['customXml/item1.xml', foreign]]);
    const items = readCustomXml(book);
    expect(items).toEqual([{ path: 'customXml/item1.xml', namespace: 'http://schemas.microsoft.com/office/2006/metadata/properties', xml: expect.stringContaining('<p:properties') }]);
    const out = writeCustomXml(book, [{ namespace: 'urn:gongkai-lens:review:1', xml: serializeReview(EMPTY_REVIEW) }], () => '{00000000-0000-4000-8000-000000000000}');
    const zip = readZipParts(out);
    expect(keptAsIs(readZipParts(book).get('customXml/item1.xml')!, zip.get('customXml/item1.xml'))).toBe(true);
    expect(readCustomXml(out).map((i) => [i.path, i.namespace])).toEqual([
      ['customXml/item1.xml', 'http://schemas.microsoft.com/office/2006/metadata/properties'],
      ['customXml/item2.xml', 'urn:gongkai-lens:review:1'],
    ]);
    expect(zip.get('customXml/itemProps2.xml')!.data.toString()).toContain('ds:itemID="{00000000-0000-4000-8000-000000000000}"');
  });

  test('two review parts in one file (copies merged by hand) come back as their union', async () => {
    const before = original();
    const base = await reviewed(before);
    const other = applyAction(base, 'SUBJECT.placement|GK03|科目.2160250|项目支出', { kind: 'accept' }, { name: '李科长', role: 'reviewer' }, '2025-03-03T00:00:00.000Z');
    const one = writeCustomXml(before, [{ namespace: 'urn:gongkai-lens:review:1', xml: serializeReview(base) }]);
    // a second part of the same namespace, as a tool that does not look first would add it
    const pkg = Package.open(one);
    pkg.addPart('customXml/item9.xml', serializeReview(other));
    pkg.setText('xl/_rels/workbook.xml.rels', pkg.text('xl/_rels/workbook.xml.rels').replace('</Relationships>', '<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item9.xml"/></Relationships>'));
    const two = pkg.save();
    const merged = parseReview(await new XlsxFileHost(two, 'x.xlsx').readReview());
    expect(merged.records.get('SUBJECT.placement|GK03|科目.2160250|项目支出')!.events).toHaveLength(1);
    expect(merged.records.get('LEDGER.row-sum|GK02|科目.2210201|合计')!.events).toHaveLength(1);
  });

  test("a review part over the reader's limit is refused with the reader's message", async () => {
    const parts = minimalWorkbookParts().map(([n, t]): [string, string] => [n, n === 'xl/_rels/workbook.xml.rels' ? t.replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/></Relationships>') : t]);
    // random text, so the zip does not look like a bomb to the sniff: 17 MiB of it inflated
    const huge = `<review xmlns="urn:gongkai-lens:review:1"><x>${randomBytes(8.5 * 1024 * 1024).toString('hex')}</x></review>`;
    const book = buildZip([...parts, ['customXml/item1.xml', huge]]);
    await expect(new XlsxFileHost(book, 'big.xlsx').readReview()).rejects.toThrow(/无法读取“big.xlsx”中的审核记录或设置（部件 customXml\/item1.xml 超过 16777216 字节）/);
  });
});
