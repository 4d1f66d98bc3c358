import JSZip from 'jszip';
import type { NarrativeDraft } from '../../../src/core/narrative/blocks';
import { DEFAULT_DOCX_STYLE, PROVENANCE_TITLE, cellRef, draftToDocx, provenanceOf } from '../../../src/hosts/word/docx-export';
import { docxText } from '../../../src/hosts/word/docx-text';

const DRAFT: NarrativeDraft = {
  title: '某某局2024年度部门决算情况说明',
  blocks: [
    { type: 'heading', level: 1, text: '一、收入支出决算总体情况说明' },
    {
      type: 'paragraph',
      runs: [
        { type: 'text', text: '2024年度收、支总计' },
        { type: 'number', text: '22899.22', factKey: 'total.income', cells: [{ sheet: '收入支出决算总表', address: 'B37' }] },
        { type: 'text', text: '万元，增长' },
        { type: 'number', text: '6.53%', factKey: 'total.rate', cells: [{ sheet: '收入支出决算总表', address: 'B37' }, { sheet: 'Sheet 2', address: 'C5' }] },
        { type: 'text', text: '。主要原因是' },
        { type: 'slot', kind: 'reason', label: '增长原因', text: '', suggestion: false },
        { type: 'text', text: '。' },
      ],
    },
    { type: 'heading', level: 2, text: '（一）收入决算情况' },
    {
      type: 'paragraph',
      runs: [
        { type: 'text', text: '本年收入合计' },
        { type: 'number', text: '21000.00', factKey: 'income.total', cells: [{ sheet: '收入决算表', address: 'D7' }] },
        { type: 'text', text: '万元，主要用于' },
        { type: 'slot', kind: 'use', label: '主要用途', text: '保障机构正常运转', suggestion: true },
        { type: 'text', text: '；与' },
        // The same number and fact again: listed once in the appendix.
        { type: 'number', text: '22899.22', factKey: 'total.income', cells: [{ sheet: '收入支出决算总表', address: 'B37' }] },
        { type: 'text', text: '相比 <R&D> 项目' },
      ],
    },
  ],
};

interface Para {
  xml: string;
  pPr: string;
  style: string | null;
  text: string;
  runs: { rPr: string; text: string }[];
}

const unescape = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

function paragraphs(documentXml: string): Para[] {
  const body = documentXml.slice(documentXml.indexOf('<w:body>'), documentXml.indexOf('<w:sectPr'));
  return [...body.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map(([xml, inner]) => {
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(inner)?.[1] ?? '';
    const runs = [...inner.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map(([, r]) => ({
      rPr: /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(r)?.[1] ?? '',
      text: [...r.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1])).join(''),
    }));
    return { xml, pPr, style: /<w:pStyle w:val="([^"]+)"/.exec(pPr)?.[1] ?? null, text: runs.map((r) => r.text).join(''), runs };
  });
}

async function exportParts(draft: NarrativeDraft, style?: Parameters<typeof draftToDocx>[1]) {
  const bytes = await draftToDocx(draft, style);
  const zip = await JSZip.loadAsync(bytes);
  const documentXml = await zip.file('word/document.xml')!.async('string');
  const stylesXml = await zip.file('word/styles.xml')!.async('string');
  return { bytes, documentXml, stylesXml, paras: paragraphs(documentXml) };
}

const eastAsia = (rPr: string) => /<w:rFonts [^>]*w:eastAsia="([^"]+)"/.exec(rPr)?.[1];
const ascii = (rPr: string) => /<w:rFonts [^>]*w:ascii="([^"]+)"/.exec(rPr)?.[1];
const size = (rPr: string) => /<w:sz w:val="(\d+)"/.exec(rPr)?.[1];
const firstLine = (pPr: string) => /<w:ind [^>]*w:firstLine="(\d+)"/.exec(pPr)?.[1];
const styleXml = (stylesXml: string, id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(stylesXml)?.[0] ?? '';

describe('draftToDocx', () => {
  it('returns the bytes of a zip (.docx) without Node APIs', async () => {
    const { bytes } = await exportParts(DRAFT);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(String.fromCharCode(bytes[0], bytes[1])).toBe('PK');
  });

  it('writes the title, headings and paragraphs in order, then the provenance appendix', async () => {
    const { paras, bytes } = await exportParts(DRAFT);
    expect(paras.map((p) => [p.style, p.text])).toEqual([
      ['Title', '某某局2024年度部门决算情况说明'],
      ['Heading1', '一、收入支出决算总体情况说明'],
      [null, '2024年度收、支总计22899.22万元，增长6.53%。主要原因是【增长原因】。'],
      ['Heading2', '（一）收入决算情况'],
      [null, '本年收入合计21000.00万元，主要用于【主要用途：保障机构正常运转（建议）】；与22899.22相比 <R&D> 项目'],
      ['Heading1', PROVENANCE_TITLE],
      [null, '1. 22899.22 total income：收入支出决算总表!B37'],
      [null, "2. 6.53% total rate：收入支出决算总表!B37、'Sheet 2'!C5"],
      [null, '3. 21000.00 income total：收入决算表!D7'],
    ]);
    // The repository's own .docx reader sees the same text.
    const text = await docxText(bytes, 'draft.docx');
    expect(text.split('\n').slice(0, 5)).toEqual(paras.slice(0, 5).map((p) => p.text));
  });

  it('centres the title in the heading font at 二号 (22 pt)', async () => {
    const { paras, stylesXml } = await exportParts(DRAFT);
    const title = paras[0];
    expect(title.pPr).toContain('<w:jc w:val="center"/>');
    expect(eastAsia(title.runs[0].rPr)).toBe('黑体');
    expect(size(title.runs[0].rPr)).toBe('44');
    expect(eastAsia(styleXml(stylesXml, 'Title'))).toBe('黑体');
  });

  it('sets level-1 headings in 黑体 and level-2 in 楷体, 三号, with outline levels', async () => {
    const { paras, stylesXml } = await exportParts(DRAFT);
    const [h1, h2] = paras.filter((p) => p.style === 'Heading1' || p.style === 'Heading2');
    expect(eastAsia(h1.runs[0].rPr)).toBe('黑体');
    expect(ascii(h1.runs[0].rPr)).toBe('黑体');
    expect(eastAsia(h2.runs[0].rPr)).toBe('楷体');
    for (const h of [h1, h2]) expect(size(h.runs[0].rPr)).toBe('32');
    expect(eastAsia(styleXml(stylesXml, 'Heading1'))).toBe('黑体');
    expect(styleXml(stylesXml, 'Heading1')).toContain('<w:outlineLvl w:val="0"/>');
    expect(eastAsia(styleXml(stylesXml, 'Heading2'))).toBe('楷体');
    expect(styleXml(stylesXml, 'Heading2')).toContain('<w:outlineLvl w:val="1"/>');
  });

  it('sets level-3 headings in the body font, bold', async () => {
    const { paras } = await exportParts({ title: 'T', blocks: [{ type: 'heading', level: 3, text: '1.财政拨款收入' }] });
    expect(paras[1].style).toBe('Heading3');
    expect(eastAsia(paras[1].runs[0].rPr)).toBe('仿宋');
    expect(paras[1].runs[0].rPr).toMatch(/<w:b\/>/);
  });

  it('sets body text in 仿宋 三号, first line indented two characters, exactly 28 pt apart', async () => {
    const { paras, stylesXml } = await exportParts(DRAFT);
    const body = paras[2];
    expect(firstLine(body.pPr)).toBe(String(2 * 16 * 20));
    expect(body.pPr).toMatch(/<w:spacing [^>]*w:line="560" w:lineRule="exact"\/>/);
    for (const run of body.runs) {
      expect(eastAsia(run.rPr)).toBe('仿宋');
      expect(ascii(run.rPr)).toBe('仿宋');
      expect(size(run.rPr)).toBe('32');
    }
    const docDefaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(stylesXml)![0];
    expect(eastAsia(docDefaults)).toBe('仿宋');
    expect(size(docDefaults)).toBe('32');
  });

  it('highlights slot runs in yellow and leaves numbers looking like text', async () => {
    const { paras } = await exportParts(DRAFT);
    const runs = [...paras[2].runs, ...paras[4].runs];
    const highlighted = runs.filter((r) => r.rPr.includes('<w:highlight w:val="yellow"/>')).map((r) => r.text);
    expect(highlighted).toEqual(['【增长原因】', '【主要用途：保障机构正常运转（建议）】']);
    const plain = runs.find((r) => r.text === '2024年度收、支总计')!;
    const number = runs.find((r) => r.text === '22899.22')!;
    expect(number.rPr).toBe(plain.rPr);
  });

  it('lists every distinct number with its fact and cells on a page of its own', async () => {
    const { paras } = await exportParts(DRAFT);
    const appendix = paras.findIndex((p) => p.text === PROVENANCE_TITLE);
    expect(appendix).toBeGreaterThan(0);
    expect(paras[appendix].pPr).toContain('<w:pageBreakBefore/>');
    expect(eastAsia(paras[appendix].runs[0].rPr)).toBe('黑体');
    const lines = paras.slice(appendix + 1).map((p) => p.text);
    expect(lines).toHaveLength(3);
    expect(lines.join('\n')).toContain('收入支出决算总表!B37');
    expect(lines.join('\n')).toContain("'Sheet 2'!C5");
    expect(lines.join('\n')).toContain('收入决算表!D7');
    expect(provenanceOf(DRAFT).map((e) => e.factKey)).toEqual(['total.income', 'total.rate', 'income.total']);
  });

  it('omits the appendix when the draft has no numbers', async () => {
    const { paras } = await exportParts({ title: 'T', blocks: [{ type: 'paragraph', runs: [{ type: 'text', text: '无数字。' }] }] });
    expect(paras.map((p) => p.text)).toEqual(['T', '无数字。']);
  });

  it('lays the page out on A4 with the GB/T 9704 margins', async () => {
    const { documentXml } = await exportParts(DRAFT);
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const pgMar = /<w:pgMar [^>]*\/>/.exec(documentXml)![0];
    expect(pgMar).toContain('w:top="2098"'); // 37 mm
    expect(pgMar).toContain('w:bottom="1984"'); // 35 mm
    expect(pgMar).toContain('w:left="1587"'); // 28 mm
    expect(pgMar).toContain('w:right="1474"'); // 26 mm
  });

  it('applies style overrides', async () => {
    const { paras, stylesXml, documentXml } = await exportParts(DRAFT, {
      headingFont: '方正小标宋简体',
      heading2Font: '楷体_GB2312',
      bodyFont: '仿宋_GB2312',
      titleSizePt: 20,
      headingSizePt: 15,
      bodySizePt: 14,
      firstLineIndentChars: 3,
      lineSpacingPt: 30,
      pageMarginsCm: { top: 3, bottom: 3.5, left: 2.8, right: 2.6 },
    });
    expect(eastAsia(paras[0].runs[0].rPr)).toBe('方正小标宋简体');
    expect(size(paras[0].runs[0].rPr)).toBe('40');
    expect(eastAsia(paras[1].runs[0].rPr)).toBe('方正小标宋简体');
    expect(size(paras[1].runs[0].rPr)).toBe('30');
    expect(eastAsia(paras[3].runs[0].rPr)).toBe('楷体_GB2312');
    expect(eastAsia(paras[2].runs[0].rPr)).toBe('仿宋_GB2312');
    expect(size(paras[2].runs[0].rPr)).toBe('28');
    expect(firstLine(paras[2].pPr)).toBe(String(3 * 14 * 20));
    expect(paras[2].pPr).toContain('w:line="600"');
    expect(eastAsia(styleXml(stylesXml, 'Heading1'))).toBe('方正小标宋简体');
    expect(/<w:pgMar [^>]*\/>/.exec(documentXml)![0]).toContain('w:top="1701"');
  });

  it('merges a partial style (and partial margins) with the defaults without changing them', async () => {
    const before = JSON.stringify(DEFAULT_DOCX_STYLE);
    const { paras, documentXml } = await exportParts(DRAFT, {
      bodySizePt: 14,
      bodyFont: undefined,
      pageMarginsCm: { top: 3, left: undefined },
    });
    expect(eastAsia(paras[2].runs[0].rPr)).toBe('仿宋');
    expect(eastAsia(paras[1].runs[0].rPr)).toBe('黑体');
    expect(size(paras[2].runs[0].rPr)).toBe('28');
    expect(firstLine(paras[2].pPr)).toBe(String(2 * 14 * 20));
    const pgMar = /<w:pgMar [^>]*\/>/.exec(documentXml)![0];
    expect(pgMar).toContain('w:top="1701"');
    expect(pgMar).toContain('w:left="1587"');
    expect(JSON.stringify(DEFAULT_DOCX_STYLE)).toBe(before);
  });

  it('has the documented defaults', () => {
    expect(DEFAULT_DOCX_STYLE).toEqual({
      headingFont: '黑体',
      heading2Font: '楷体',
      bodyFont: '仿宋',
      titleSizePt: 22,
      headingSizePt: 16,
      bodySizePt: 16,
      firstLineIndentChars: 2,
      lineSpacingPt: 28,
      pageMarginsCm: { top: 3.7, bottom: 3.5, left: 2.8, right: 2.6 },
    });
  });

  it('quotes sheet names with spaces or punctuation as Excel does', () => {
    expect(cellRef({ sheet: '收入决算表', address: 'D7' })).toBe('收入决算表!D7');
    expect(cellRef({ sheet: "Bob's (2)", address: 'A1' })).toBe("'Bob''s (2)'!A1");
  });
});
