/// <reference types="office-js" />
/**
 * The Word double keeps the rules of the real API the host relies on: nothing happens before sync,
 * unloaded properties throw, requirement sets are checked, OOXML becomes paragraphs and content
 * controls as WordprocessingML says, and what it does not simulate fails loudly.
 */
import { NotSimulatedError, RichApiError, WordDouble } from '.';

type Run = <T>(batch: (context: Word.RequestContext) => Promise<T>) => Promise<T>;
const runOf = (d: WordDouble) => d.Word.run as unknown as Run;

const PKG = (body: string) =>
  `<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"><pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document></pkg:xmlData></pkg:part></pkg:package>`;

describe('the Word double', () => {
  test('loads and writes wait for sync; an unloaded property throws PropertyNotLoaded; one request per sync', async () => {
    const d = new WordDouble(['一', '二']);
    await runOf(d)(async (ctx) => {
      const paragraphs = ctx.document.body.paragraphs;
      paragraphs.load('items/text');
      expect(() => paragraphs.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      const first = ctx.document.getSelection().paragraphs.getFirst();
      first.insertParagraph('新', 'Before');
      expect(d.text()).toBe('一\n二');
      const before = d.syncCount;
      await ctx.sync();
      expect(d.syncCount - before).toBe(1);
      expect(paragraphs.items.map((p) => p.text)).toEqual(['一', '二']);
      expect(d.text()).toBe('一\n新\n二');
      expect(() => first.styleBuiltIn).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync(); // nothing queued: no request
      expect(d.syncCount - before).toBe(1);
    });
  });

  test('insertOoxml replaces the paragraph by the package paragraphs; w:sdt become content controls with tag and title', async () => {
    const d = new WordDouble(['前', '', '后']);
    d.user.placeCursor(1);
    const ooxml = PKG(
      '<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/><w:outlineLvl w:val="0"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="黑体" w:eastAsia="黑体"/><w:sz w:val="32"/></w:rPr><w:t>标题</w:t></w:r></w:p>' +
        '<w:p><w:r><w:t xml:space="preserve">金额 </w:t></w:r><w:sdt><w:sdtPr><w:alias w:val="来源：表!B7"/><w:tag w:val="gkl:x"/></w:sdtPr><w:sdtContent><w:r><w:t>1.00</w:t></w:r></w:sdtContent></w:sdt><w:r><w:rPr><w:highlight w:val="yellow"/></w:rPr><w:t>【原因】</w:t></w:r></w:p>',
    );
    await runOf(d)(async (ctx) => {
      ctx.document.getSelection().paragraphs.getFirst().insertOoxml(ooxml, 'Replace');
      await ctx.sync();
    });
    const [, h, p] = d.paragraphs();
    expect(d.text()).toBe('前\n标题\n金额 1.00【原因】\n后');
    expect(h).toMatchObject({ style: 'Heading1', alignment: 'Justified', firstLineIndent: 32, firstLineChars: 200, lineSpacing: { value: 28, rule: 'exact' }, outlineLevel: 0 });
    expect(h.runs[0].font).toEqual({ ascii: '黑体', eastAsia: '黑体', size: 16 });
    expect(p.runs.map((r) => [r.text, r.control?.tag ?? null, r.font.highlight ?? null])).toEqual([
      ['金额 ', null, null],
      ['1.00', 'gkl:x', null],
      ['【原因】', null, 'yellow'],
    ]);
    await runOf(d)(async (ctx) => {
      const byTag = ctx.document.body.contentControls.getByTag('gkl:x');
      byTag.load('items/title,items/text');
      await ctx.sync();
      expect(byTag.items.map((c) => [c.title, c.text])).toEqual([['来源：表!B7', '1.00']]);
      byTag.items[0].insertText('2.00', 'Replace');
      await ctx.sync();
    });
    expect(d.contentControls()).toEqual([{ tag: 'gkl:x', title: '来源：表!B7', text: '2.00' }]);
  });

  test('requirement sets, what is not simulated, deleted and only paragraphs', async () => {
    const old = new WordDouble(['一'], { apiVersion: '1.2' });
    await runOf(old)(async (ctx) => {
      ctx.document.getSelection().paragraphs.getFirst().load('text');
      const error = await ctx.sync().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RichApiError);
      expect(error).toMatchObject({ code: 'ApiNotFound' });
    });
    const d = new WordDouble(['一']);
    await runOf(d)(async (ctx) => {
      const p = ctx.document.body.paragraphs.getFirst();
      expect(() => p.insertOoxml(PKG('<w:p/>'), 'End')).toThrow(NotSimulatedError);
      p.insertOoxml(PKG('<w:tbl/>'), 'Replace');
      await expect(ctx.sync()).rejects.toBeInstanceOf(NotSimulatedError);
      p.insertOoxml('<not-a-package/>', 'Replace');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      // the body keeps one paragraph: deleting the only one empties it
      p.delete();
      await ctx.sync();
      expect(d.paragraphs().map((x) => x.text)).toEqual(['']);
    });
    const two = new WordDouble(['一', '二']);
    await runOf(two)(async (ctx) => {
      const first = ctx.document.body.paragraphs.getFirst();
      first.delete();
      await ctx.sync();
      first.load('text');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
  });
});
