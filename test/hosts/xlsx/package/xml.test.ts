import { fromA1 } from '../../../../src/core/grid/address';
import { Decimal } from '../../../../src/core/money/decimal';
import {
  decodeXml,
  escapeAttr,
  findElements,
  parseAttributes,
  removeElements,
  rootPrefix,
  setAttribute,
} from '../../../../src/hosts/xlsx/package/xml';
import { applyWrites } from '../../../../src/hosts/xlsx/write';
import { minimalWorkbook, readZipParts } from '../zip-helpers';

describe('xml helpers', () => {
  test('findElements: self-closing and not, attribute values holding > and either quote, a range of the text', () => {
    const xml = `<r><c r="A1" f='a>b'/><c r="B1"><v>2</v></c><cx/><c r="C1"></c></r>`;
    const els = findElements(xml, 'c');
    expect(els.map((e) => [xml.slice(e.start, e.end), e.selfClosing])).toEqual([
      [`<c r="A1" f='a>b'/>`, true],
      ['<c r="B1"><v>2</v></c>', false],
      ['<c r="C1"></c>', false],
    ]);
    expect(parseAttributes(els[0].attrs)).toEqual(new Map([['r', 'A1'], ['f', 'a>b']]));
    expect(findElements(xml, 'c', els[1].start, els[1].end)).toHaveLength(1);
  });

  test('setAttribute changes or adds one attribute and leaves the rest as written', () => {
    expect(setAttribute(`<calcPr calcId='1' />`, 'calcId', '2')).toBe(`<calcPr calcId="2" />`);
    expect(setAttribute('<calcPr calcId="1"/>', 'fullCalcOnLoad', '1')).toBe('<calcPr calcId="1" fullCalcOnLoad="1"/>');
    expect(setAttribute('<numFmt formatCode="0"/>', 'formatCode', '"元"<0>')).toBe('<numFmt formatCode="&quot;元&quot;&lt;0&gt;"/>');
  });

  test('removeElements and rootPrefix read prefixed parts', () => {
    const rels = '<p:Relationships xmlns:p="x"><p:Relationship Id="rId1"/><p:Relationship Id="rId2"></p:Relationship></p:Relationships>';
    expect(removeElements(rels, 'Relationship', (a) => a.get('Id') === 'rId2')).toBe('<p:Relationships xmlns:p="x"><p:Relationship Id="rId1"/></p:Relationships>');
    expect(rootPrefix(rels, 'Relationships')).toBe('p:');
    expect(rootPrefix('<worksheet>', 'worksheet')).toBe('');
  });

  test('only the predefined entities and character references are decoded: no DTD entity is ever expanded', () => {
    expect(decodeXml('&lt;&amp;&gt;&quot;&apos;&#x5143;&#20803;')).toBe(`<&>"'元元`);
    expect(decodeXml('&lol9;&xxe;&#x110000;&amp')).toBe('&lol9;&xxe;&#x110000;&amp');
    expect(parseAttributes(`a="&lol9;" b='&amp;lt;'`)).toEqual(new Map([['a', '&lol9;'], ['b', '&lt;']]));
    expect(escapeAttr(`<"&'>`)).toBe(`&lt;&quot;&amp;'&gt;`);
  });
});

describe('a part with a DTD (billion laughs, external entity)', () => {
  test('is patched as text: the entities stay unexpanded, the write lands, quickly', async () => {
    const laughs = [`<!ENTITY lol0 "lol">`, ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`)].join('');
    const dtd = `<!DOCTYPE worksheet [${laughs}<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`;
    const sheet = `<?xml version="1.0" encoding="UTF-8"?>${dtd}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;&xxe;</t></is></c></row></sheetData></worksheet>`;
    const bytes = minimalWorkbook(sheet);
    const started = Date.now();
    const write = { sheet: '表1', ref: fromA1('B1'), formula: '1+1', value: new Decimal(2), inputs: [], numFmt: '', quantity: 'q', description: 'd' };
    const out = readZipParts(await applyWrites(bytes, [write])).get('xl/worksheets/sheet1.xml')!.data.toString('utf8');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(out).toBe(sheet.replace('</c></row>', '</c><c r="B1"><f>1+1</f><v>2</v></c></row>'));
  });
});
