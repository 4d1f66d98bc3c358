/**
 * The narrative into Word through the Word host, on the Word double: the draft inserted at the cursor
 * in the 公文 layout with its numbers in content controls and its slots highlighted; a section
 * replaced; the numbers refreshed after a table edit, with what changed.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import type { Workbook } from '../../../src/core/grid/grid';
import { runsText, type NarrativeDraft } from '../../../src/core/narrative/blocks';
import { NarrativeSession } from '../../../src/core/narrative/session';
import { draftToDocx } from '../../../src/hosts/word/docx-export';
import { DocxFileTarget } from '../../../src/hosts/word/docx-file-target';
import { docxText } from '../../../src/hosts/word/docx-text';
import { cellRef } from '../../../src/hosts/word/gongwen';
import { headingLevel, WordHost, type WordRuntime } from '../../../src/hosts/word/word-host';
import { parseNumberTag } from '../../../src/hosts/word/word-ooxml';
import { loadXlsx } from '../../../src/hosts/xlsx/load';
import { WordDouble, type TypedParagraph } from '../../double/word';

const SAMPLE = path.resolve(__dirname, '../../../samples/jiangan-2024-gongkai.xlsx');
const workbook = () => loadXlsx(new Uint8Array(readFileSync(SAMPLE)), 'jiangan.xlsx');
const draftOf = (wb: Workbook): NarrativeDraft => new NarrativeSession(wb).draft();

function hostOn(double: WordDouble): WordHost {
  return WordHost.connect({ word: double.Word as unknown as WordRuntime, requirements: double.Office.context.requirements });
}

async function syncs<T>(double: WordDouble, f: () => Promise<T>): Promise<{ value: T; syncs: number }> {
  const before = double.syncCount;
  const value = await f();
  return { value, syncs: double.syncCount - before };
}

/** The paragraphs a draft should give, as text. */
const draftLines = (d: NarrativeDraft, title = true) => [...(title ? [d.title] : []), ...d.blocks.map((b) => (b.type === 'heading' ? b.text : runsText(b.runs)))];

describe('the Word host on the Word double', () => {
  test('the draft at the cursor: 公文 headings and body, numbers in tagged content controls, slots highlighted, no sources appendix', async () => {
    const draft = draftOf(await workbook());
    const double = new WordDouble(['致：区财政局', '', '此致']);
    double.user.placeCursor(1);
    const { value: result, syncs: n } = await syncs(double, () => hostOn(double).insertDraft(draft));
    expect(n).toBe(2);
    const paragraphs = double.paragraphs();
    expect(paragraphs.map((p) => p.text)).toEqual(['致：区财政局', ...draftLines(draft), '此致']);
    expect(result).toMatchObject({ paragraphs: draftLines(draft).length, removed: 0 });
    const [title, h1, body] = [paragraphs[1], paragraphs[2], paragraphs[3]];
    expect(title).toMatchObject({ style: 'Title', alignment: 'Centered' });
    expect(title.runs[0].font).toMatchObject({ eastAsia: '黑体', ascii: '黑体', size: 22 });
    expect(h1).toMatchObject({ text: '一、收入支出决算总体情况说明', style: 'Heading1', outlineLevel: 0, firstLineChars: 200, lineSpacing: { value: 28, rule: 'exact' } });
    expect(h1.runs[0].font).toMatchObject({ eastAsia: '黑体', size: 16, bold: false });
    const h2 = paragraphs.find((p) => p.text === '（一）一般公共预算财政拨款支出决算总体情况')!;
    expect(h2).toMatchObject({ style: 'Heading2', outlineLevel: 1 });
    expect(h2.runs[0].font).toMatchObject({ eastAsia: '楷体', size: 16 });
    const h3 = paragraphs.find((p) => p.style === 'Heading3')!;
    expect(h3.runs[0].font).toMatchObject({ eastAsia: '仿宋', size: 16, bold: true });
    // body: 仿宋 三号, first line indented two characters (32 pt), exactly 28 pt lines, justified
    expect(body).toMatchObject({ style: 'Normal', alignment: 'Justified', firstLineChars: 200, firstLineIndent: 32, lineSpacing: { value: 28, rule: 'exact' } });
    expect(body.runs.every((r) => r.font.eastAsia === '仿宋' && r.font.size === 16)).toBe(true);
    // numbers: one content control each, in draft order, tagged with the fact and its cells
    const numbers = draft.blocks.flatMap((b) => (b.type === 'paragraph' ? b.runs : [])).filter((r) => r.type === 'number');
    const controls = double.contentControls();
    expect(result.numbers).toBe(numbers.length);
    expect(controls.map((c) => [c.text, parseNumberTag(c.tag)])).toEqual(numbers.map((r) => [r.text, { factKey: r.factKey, cells: r.cells.map(cellRef) }]));
    expect(controls[0]).toMatchObject({ text: '22899.22', title: '来源：公开01表!C37' });
    // slots: highlighted, written 【…】 as in the .docx
    const slots = paragraphs.flatMap((p) => p.runs).filter((r) => r.font.highlight === 'yellow');
    expect(slots.length).toBe(result.slots);
    expect(slots.every((r) => /^【.+】$/.test(r.text))).toBe(true);
    expect(double.text()).not.toContain('附：数字来源');
  });

  test('the cursor in a paragraph with text: the draft goes after it; the sources appendix on request', async () => {
    const draft = draftOf(await workbook());
    const double = new WordDouble(['前言', '结语']);
    double.user.placeCursor(0);
    await hostOn(double).insertDraft(draft, { provenance: true });
    const texts = double.paragraphs().map((p) => p.text);
    expect(texts[0]).toBe('前言');
    expect(texts[1]).toBe(draft.title);
    expect(texts[texts.length - 1]).toBe('结语');
    const appendix = texts.indexOf('附：数字来源');
    expect(appendix).toBeGreaterThan(0);
    expect(texts[appendix + 1]).toBe('1. 22899.22 收、支总计：公开01表!C37');
  });

  test('刷新数字 after a table edit: the numbers that changed are updated and listed, old → new; nothing else is touched', async () => {
    const wb = await workbook();
    const double = new WordDouble(['']);
    const host = hostOn(double);
    await host.insertDraft(draftOf(wb));
    double.user.typeAt(3, '（经办人补充）');
    const before = double.paragraphs();
    // the table changes: 公开01表!C14 其他收入 44.96 → 144.96 (its share of the unchanged 收入合计 C33 with it)
    const sheet = wb.sheets.find((g) => g.name === '公开01表')!;
    sheet.set(13, 2, { ...sheet.cell(13, 2)!, value: 144.96 });
    const { value: changes, syncs: n } = await syncs(double, () => host.refreshNumbers(draftOf(wb)));
    expect(n).toBe(2);
    expect(changes).toContainEqual({ factKey: '收入.其他', cells: ['公开01表!C14'], before: '44.96', after: '144.96' });
    expect(changes).toContainEqual({ factKey: '收入.其他/占比', cells: ['公开01表!C14', '公开01表!C33'], before: '0.20%', after: '0.63%' });
    expect(changes.every((c) => c.after !== null && c.before !== c.after)).toBe(true);
    const after = double.paragraphs();
    const changedKeys = new Set(changes.map((c) => c.factKey));
    // every content control shows its fresh value; every other run is as it was (the typed text too)
    expect(after.map((p) => p.text).join('\n')).toContain('144.96');
    after.forEach((p, i) =>
      p.runs.forEach((r, j) => {
        const tag = r.control && parseNumberTag(r.control.tag);
        if (!tag || !changedKeys.has(tag.factKey)) expect(r).toEqual(before[i].runs[j]);
        else expect(r.font).toEqual(before[i].runs[j].font);
      }),
    );
    expect(after[3].text.endsWith('（经办人补充）')).toBe(true);
    // the same tables again: nothing to change, one request
    const again = await syncs(double, () => host.refreshNumbers(draftOf(wb)));
    expect([again.value, again.syncs]).toEqual([[], 1]);
  });

  test('a number whose fact the fresh draft lacks is listed and left; a number the user typed over is put back', async () => {
    const wb = await workbook();
    const double = new WordDouble(['']);
    const host = hostOn(double);
    const draft = draftOf(wb);
    await host.insertDraft(draft);
    double.user.typeInControl(0, '99999');
    const without: NarrativeDraft = { ...draft, blocks: draft.blocks.map((b) => (b.type === 'paragraph' ? { ...b, runs: b.runs.filter((r) => !(r.type === 'number' && r.factKey === '收入.其他')) } : b)) };
    const changes = await host.refreshNumbers(without);
    expect(changes).toEqual([
      { factKey: '收支总计', cells: ['公开01表!C37'], before: '99999', after: '22899.22' },
      { factKey: '收入.其他', cells: ['公开01表!C14'], before: '44.96', after: null },
    ]);
    expect(double.contentControls()[0].text).toBe('22899.22');
  });

  test('a chosen section replaced by the fresh draft of that section; the rest of the document as it was', async () => {
    const wb = await workbook();
    const double = new WordDouble(['']);
    const host = hostOn(double);
    await host.insertDraft(draftOf(wb));
    const sections = await host.listSections();
    expect(sections.map((s) => s.text)).toContain('九、财政拨款“三公”经费支出决算情况说明');
    const nine = sections.find((s) => s.text.startsWith('九、'))!;
    expect(nine.level).toBe(1);
    // the user rewrote section 九 by hand; the draft of that section goes back in, the rest stays
    const before = double.paragraphs().map((p) => p.text);
    const start = before.indexOf('九、财政拨款“三公”经费支出决算情况说明');
    const end = before.indexOf('十、机关运行经费支出说明');
    double.user.typeAt(start + 1, '（手工改写）');
    double.user.typeAt(end + 1, '（第十节的手工补充）');
    const fresh = draftOf(wb);
    const { value: result, syncs: n } = await syncs(double, () => host.replaceSection('九、', fresh));
    expect(n).toBe(2);
    const after = double.paragraphs().map((p) => p.text);
    const nineLines = draftLines({ title: '', blocks: fresh.blocks.slice(fresh.blocks.findIndex((b) => b.type === 'heading' && b.text.startsWith('九、')), fresh.blocks.findIndex((b) => b.type === 'heading' && b.text.startsWith('十、'))) }, false);
    expect(after.slice(start, start + nineLines.length)).toEqual(nineLines);
    expect(after.slice(0, start)).toEqual(before.slice(0, start));
    expect(after.slice(start + nineLines.length)).toEqual([before[end], `${before[end + 1]}（第十节的手工补充）`, ...before.slice(end + 2)]);
    expect(result).toMatchObject({ removed: end - start, paragraphs: nineLines.length });
    expect(after.join('\n')).not.toContain('（手工改写）');
    await expect(host.replaceSection('二十、', fresh)).rejects.toThrow(/草稿中没有“二十、”这一节/);
  });

  test('a document written by hand: headings found by their 公文 numbering; a Word without WordApi 1.3 is refused', async () => {
    const typed: TypedParagraph[] = ['部门决算情况说明', '一、收入支出决算总体情况说明', '收支总计 100 万元。', '（一）总体情况', '正文', { text: '二、收入决算情况说明', style: 'Heading1' }];
    const double = new WordDouble(typed);
    expect((await hostOn(double).listSections()).map((s) => [s.index, s.level])).toEqual([
      [1, 1],
      [3, 2],
      [5, 1],
    ]);
    expect(headingLevel('一、', 'Heading2')).toBe(2);
    expect(headingLevel('2024年度收入合计22899.22万元，与上年相比……')).toBeNull();
    const old = new WordDouble([''], { apiVersion: '1.2' });
    expect(() => hostOn(old)).toThrow(/WordApi 1.3/);
  });

  test('the .docx sources appendix is optional: on in a file by default, off with { provenance: false }', async () => {
    const draft = draftOf(await workbook());
    expect(await docxText(await draftToDocx(draft), 'a.docx')).toContain('附：数字来源');
    expect(await docxText(await draftToDocx(draft, undefined, { provenance: false }), 'b.docx')).not.toContain('附：数字来源');
    const { bytes } = await new DocxFileTarget(undefined, { provenance: false }).exportNarrative(draft);
    expect(await docxText(bytes, 'c.docx')).not.toContain('附：数字来源');
  });
});
