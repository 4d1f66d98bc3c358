/** What the lean reader does where exceljs could not be compared with it (see fidelity.test.ts). */
import * as XLSX from '@e965/xlsx';
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyze } from '../../../src/core/analyze';
import { loadXlsx } from '../../../src/hosts/xlsx/load';
import { MAIN_NS, sheetXml, workbookWith } from './workbook-parts';
import { buildZip, minimalWorkbookParts, readZipParts } from './zip-helpers';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

describe('the lean reader', () => {
  test('rows and cells without r="…" follow the previous ones, as the schema says', async () => {
    const wb = await loadXlsx(workbookWith({ sheet: sheetXml('<row><c><v>1</v></c><c><v>2</v></c></row><row r="3"><c><v>3</v></c><c r="D3"><v>4</v></c><c><v>5</v></c></row><row><c><v>6</v></c></row>') }), 'a.xlsx');
    const g = wb.sheets[0];
    expect([g.value(0, 0), g.value(0, 1), g.value(2, 0), g.value(2, 3), g.value(2, 4), g.value(3, 0)]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('phonetic guides (<rPh>) are not part of a string; _xHHHH_ escapes are decoded', async () => {
    const shared = `<sst ${MAIN_NS}><si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si></sst>`;
    const sheet = sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>大阪_x000A_</t><rPh><t>オオサカ</t></rPh></is></c></row>');
    const g = (await loadXlsx(workbookWith({ sheet, sharedStrings: shared }), 'p.xlsx')).sheets[0];
    expect(g.value(0, 0)).toBe('東京');
    expect(g.value(0, 1)).toBe('大阪\n');
  });

  test('a UTF-16 part with a byte order mark is read', async () => {
    const text = sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>合计</t></is></c></row>').replace('UTF-8', 'UTF-16');
    const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect((await loadXlsx(workbookWith({ sheet: utf16 }), 'u.xlsx')).sheets[0].value(0, 0)).toBe('合计');
  });

  test('sheets in workbook order, hidden ones included, chart sheets left out; 1904 dates', async () => {
    const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId9" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`;
    const parts = minimalWorkbookParts().map(([n, t]): [string, string] => {
      if (n === 'xl/_rels/workbook.xml.rels') return [n, rels];
      if (n === 'xl/workbook.xml') return [n, `<workbook ${MAIN_NS}><workbookPr date1904="1"/><sheets><sheet name="图" sheetId="3" r:id="rId9"/><sheet name="表1" sheetId="1" state="hidden" r:id="rId1"/></sheets></workbook>`];
      if (n === 'xl/styles.xml') return [n, `<styleSheet ${MAIN_NS}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`];
      if (n === 'xl/worksheets/sheet1.xml') return [n, sheetXml('<row r="1"><c r="A1" s="1"><v>0</v></c></row>')];
      return [n, t];
    });
    const wb = await loadXlsx(buildZip([...parts, ['xl/chartsheets/sheet1.xml', `<chartsheet ${MAIN_NS}/>`]]), 'c.xlsx');
    expect(wb.sheets.map((s) => s.name)).toEqual(['表1']);
    expect(wb.sheets[0].value(0, 0)).toBe('1904-01-01');
  });

  test('a string index beyond the table, an unknown style and an empty <v/> leave the cell empty or unformatted', async () => {
    const g = (await loadXlsx(workbookWith({ sheet: sheetXml('<row r="1"><c r="A1" t="s"><v>7</v></c><c r="B1" s="99"><v>2</v></c><c r="C1"><v/></c><c r="D1"><v>1</v></c></row>') }), 'e.xlsx')).sheets[0];
    expect(g.cell(0, 0)).toBeUndefined();
    expect(g.cell(0, 1)).toEqual({ value: 2, numFmt: undefined });
    expect(g.cell(0, 2)).toBeUndefined();
  });

  test('a NaN or 1e309 amount is the error #NUM!, so the identities over it are skipped, not silently broken', async () => {
    const gk = new Uint8Array(readFileSync(path.join(__dirname, '../../../samples/jiangan-2024-gongkai.xlsx')));
    const parts = readZipParts(gk);
    const list: [string, Uint8Array][] = [...parts.entries()].map(([n, p]) => [n, p.data]);
    // 公开02表 (sheet2): the first number of row 7 becomes 1e309.
    const sheet2 = list.find(([n]) => n === 'xl/worksheets/sheet2.xml')!;
    const xml = Buffer.from(sheet2[1]).toString('utf8');
    const m = /<c r="C7"([^>]*)><v>[^<]*<\/v>/.exec(xml)!;
    sheet2[1] = new Uint8Array(Buffer.from(xml.replace(m[0], `<c r="C7"${m[1]}><v>1e309</v>`), 'utf8'));
    const wb = await loadXlsx(buildZip(list), 'nan.xlsx');
    const g = wb.sheets[1];
    expect(g.cell(6, 2)).toMatchObject({ value: null, error: '#NUM!' });
    // No finding compares Infinity or NaN: every one that names C7 would have to say it is an error value.
    for (const f of analyze(wb).findings) expect(`${f.message}`).not.toMatch(/Infinity|NaN/);
  });
});

describe('.xls input', () => {
  test('a password-protected .xls (a FILEPASS record) is refused as encrypted, as an encrypted .xlsx is', async () => {
    const rec = (type: number, data: number[]) => [type & 255, type >> 8, data.length & 255, data.length >> 8, ...data];
    const bof = rec(0x0809, [0x00, 0x06, 0x05, 0x00, 0xaf, 0x18, 0xcd, 0x07, 0xc9, 0x00, 0x01, 0x00, 0x06, 0x04, 0x00, 0x00]);
    const filepass = rec(0x002f, [0x01, 0x00, 0x01, 0x00, 0x01, 0x00, ...Array<number>(48).fill(7)]); // RC4, version 1.1
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, 'Workbook', new Uint8Array([...bof, ...filepass, ...rec(0x000a, [])]));
    const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number>);
    await expect(loadXlsx(bytes, 'enc.xls')).rejects.toMatchObject({ problem: 'encrypted', message: expect.stringMatching(/文件已加密/) as unknown });
  });

  test('a compound file with a Workbook stream SheetJS cannot parse gets the legacy-.xls advice', async () => {
    const xls = new Uint8Array(readFileSync(path.join(__dirname, 'fixtures/xls/lukou-2022-jixiao.xls')));
    // Keep the compound file's header and directory, wipe the BIFF records of the Workbook stream.
    const broken = xls.slice();
    for (let i = 512; i < 512 * 8 && i < broken.length; i++) broken[i] = 0xff;
    await expect(loadXlsx(broken, 'b.xls')).rejects.toMatchObject({ problem: expect.stringMatching(/^(xls|truncated|not-zip)$/) as unknown });
  });
});
