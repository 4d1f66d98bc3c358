/// <reference types="office-js" />
/**
 * The Excel double's custom XML parts behave as the Office.js reference documents them (and as the
 * double's header says where it does not): queued until sync, unloaded reads throw, scoped collections,
 * null objects, well-formed XML only, requirement set 1.5, kept with the workbook.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { writeCustomXml } from '../../../src/hosts/xlsx/custom-xml';
import { ExcelDouble, RichApiError } from '.';

const NS = 'urn:test:review:1';
const SAMPLE = path.resolve(__dirname, '../../../samples/jiangan-2024-gongkai.xlsx');
const doubleOf = (options?: ConstructorParameters<typeof ExcelDouble>[1]) => ExcelDouble.fromXlsx(new Uint8Array(readFileSync(SAMPLE)), 'jiangan.xlsx', options);
const parts = (ctx: Excel.RequestContext) => ctx.workbook.customXmlParts;
type Run = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
const runOf = (d: ExcelDouble) => d.Excel.run as unknown as Run;

describe('workbook.customXmlParts in the Excel double', () => {
  test('add, then find by namespace, read the XML, replace it and delete it; nothing happens before sync', async () => {
    const d = await doubleOf();
    const run = runOf(d);
    const id = await run(async (ctx) => {
      const part = parts(ctx).add(`<r xmlns="${NS}"><a>1</a></r>`);
      expect(d.customXmlParts()).toEqual([]);
      part.load('id');
      expect(() => part.id).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(d.customXmlParts()).toHaveLength(1);
      return part.id;
    });
    expect(id).toMatch(/^\{[0-9A-F-]{36}\}$/);
    await run(async (ctx) => {
      const scoped = parts(ctx).getByNamespace(NS);
      scoped.load('items/id,items/namespaceUri');
      const other = parts(ctx).getByNamespace('urn:other').getCount();
      await ctx.sync();
      expect(scoped.items.map((p) => [p.id, p.namespaceUri])).toEqual([[id, NS]]);
      expect(other.value).toBe(0);
      const xml = scoped.items[0].getXml();
      expect(() => xml.value).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(xml.value).toBe(`<r xmlns="${NS}"><a>1</a></r>`);
      parts(ctx).getItem(id).setXml(`<r xmlns="${NS}"><a>2</a></r>`);
      await ctx.sync();
    });
    expect(d.customXmlParts()).toEqual([{ id, xml: `<r xmlns="${NS}"><a>2</a></r>` }]);
    await run(async (ctx) => {
      parts(ctx).getItem(id).delete();
      await ctx.sync();
      const gone = parts(ctx).getItemOrNullObject(id);
      await ctx.sync();
      expect(gone.isNullObject).toBe(true);
      parts(ctx).getItem(id).getXml();
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
  });

  test('getOnlyItem / getOnlyItemOrNullObject: exactly one part, else an error or a null object', async () => {
    const d = await doubleOf();
    const run = runOf(d);
    await run(async (ctx) => {
      const none = parts(ctx).getByNamespace(NS).getOnlyItemOrNullObject();
      await ctx.sync();
      expect(none.isNullObject).toBe(true);
      parts(ctx).getByNamespace(NS).getOnlyItem().load('id');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
      parts(ctx).add(`<r xmlns="${NS}"/>`);
      const one = parts(ctx).getByNamespace(NS).getOnlyItemOrNullObject();
      await ctx.sync();
      expect(one.isNullObject).toBe(false);
      parts(ctx).add(`<x:r xmlns:x="${NS}"/>`);
      const two = parts(ctx).getByNamespace(NS).getOnlyItemOrNullObject();
      const count = parts(ctx).getByNamespace(NS).getCount();
      await ctx.sync();
      expect([two.isNullObject, count.value]).toEqual([true, 2]);
      parts(ctx).getByNamespace(NS).getOnlyItem().load('id');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    });
  });

  test('XML that is not well-formed is refused; an Excel before ExcelApi 1.5 has no custom XML parts', async () => {
    const d = await doubleOf();
    await runOf(d)(async (ctx) => {
      parts(ctx).add('<r><unclosed></r>');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    expect(d.customXmlParts()).toEqual([]);
    const old = await doubleOf({ apiVersion: '1.4' });
    await runOf(old)(async (ctx) => {
      parts(ctx).getCount();
      const error = await ctx.sync().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RichApiError);
      expect(error).toMatchObject({ code: 'ApiNotFound' });
    });
  });

  test('kept with the workbook: read from the file when it is opened; not undone with the cells, no event', async () => {
    const bytes = writeCustomXml(new Uint8Array(readFileSync(SAMPLE)), [{ namespace: NS, xml: `<r xmlns="${NS}">saved</r>` }]);
    const d = await ExcelDouble.fromXlsx(bytes, 'saved.xlsx');
    expect(d.customXmlParts().map((p) => p.xml)).toEqual([`<r xmlns="${NS}">saved</r>`]);
    d.user.edit('公开01表', 'B40', 1);
    const before = d.syncCount;
    await runOf(d)(async (ctx) => {
      const scoped = parts(ctx).getByNamespace(NS);
      scoped.load('items');
      await ctx.sync();
      scoped.items[0].setXml(`<r xmlns="${NS}">changed</r>`);
      await ctx.sync();
    });
    expect(d.syncCount - before).toBe(2);
    expect(d.user.undo()).toBe(true);
    expect(d.customXmlParts().map((p) => p.xml)).toEqual([`<r xmlns="${NS}">changed</r>`]);
  });
});
