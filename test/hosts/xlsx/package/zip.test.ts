import { readFileSync } from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { crc32, deflateRawSync, inflateRawSync } from 'zlib';
import { fromA1 } from '../../../../src/core/grid/address';
import { Decimal } from '../../../../src/core/money/decimal';
import { Package } from '../../../../src/hosts/xlsx/package/package';
import { DEFAULT_ZIP_LIMITS, inflateEntry, listZip, writeZip, type ZipEntry } from '../../../../src/hosts/xlsx/package/zip';
import { loadXlsx } from '../../../../src/hosts/xlsx/load';
import { sniffXlsx } from '../../../../src/hosts/xlsx/sniff';
import { applyWrites } from '../../../../src/hosts/xlsx/write';
import { FIXTURES } from '../../../helpers/fixtures';
import { buildZip, deflatedZeros, keptAsIs, minimalWorkbook, minimalWorkbookParts, readZipParts } from '../zip-helpers';

const fixture = new Uint8Array(readFileSync(path.join(FIXTURES, 'jiangan-2024-gongkai.xlsx')));

const write = (a1: string, value: number) => ({
  sheet: '表1',
  ref: fromA1(a1),
  formula: String(value),
  value: new Decimal(value),
  inputs: [],
  numFmt: '0',
  quantity: 'test',
  description: 'test',
});

function entries(bytes: Uint8Array): ZipEntry[] {
  const listing = listZip(bytes);
  if (!listing.ok) throw new Error(listing.detail);
  return listing.entries;
}

describe('listZip', () => {
  test('lists the central directory of a real workbook as JSZip sees it', async () => {
    const listed = entries(fixture);
    const zip = await JSZip.loadAsync(fixture);
    expect(listed.map((e) => e.name)).toEqual(Object.keys(zip.files));
    for (const e of listed) {
      expect(inflateEntry(fixture, e, e.size).length).toBe(e.size);
      expect(Buffer.from(inflateEntry(fixture, e, e.size)).equals(Buffer.from(await zip.files[e.name].async('uint8array')))).toBe(true);
    }
  });

  test.each([
    ['names that differ only in case', 'XL/worksheets/SHEET1.xml'],
    ['the same name twice', 'xl/worksheets/sheet1.xml'],
    ['a backslash name for the same part', 'xl\\worksheets\\sheet1.xml'],
  ])('refuses two entries for one part: %s', async (_what, twin) => {
    const bytes = buildZip([...minimalWorkbookParts(), [twin, '<worksheet/>']]);
    const listing = listZip(bytes);
    expect(listing).toMatchObject({ ok: false, problem: 'ambiguous' });
    expect(listing.ok ? '' : listing.detail).toContain(twin);
    // Every reader of the package refuses it as damaged, so none picks a different sheet than another.
    const sniff = sniffXlsx(bytes);
    expect(sniff).toMatchObject({ ok: false, problem: 'truncated' });
    expect(sniff.ok ? '' : sniff.detail).toMatch(/^an ambiguous, damaged package: entries "xl\/worksheets\/sheet1\.xml" and ".*" name the same part$/);
    await expect(applyWrites(bytes, [write('A1', 2)])).rejects.toMatchObject({ problem: 'unreadable' });
    await expect(loadXlsx(bytes, 'twin.xlsx')).rejects.toMatchObject({ problem: 'truncated' });
  });

  test.each(['../evil.xml', 'xl/../../evil.xml', 'xl\\..\\..\\evil.xml', 'C:/evil.xml'])('refuses a name outside the package: %s', (name) => {
    const listing = listZip(buildZip([...minimalWorkbookParts(), [name, 'x']]));
    expect(listing).toMatchObject({ ok: false, problem: 'ambiguous' });
    expect(listing.ok ? '' : listing.detail).toMatch(/outside the package/);
  });
});

describe('inflateEntry: the cap holds on the bytes actually inflated', () => {
  test('the zeros helper makes a valid deflate stream', () => {
    expect(inflateRawSync(deflatedZeros(3)).equals(Buffer.alloc(3 << 20))).toBe(true);
  });

  test('a directory that declares 1000 bytes for 2 GiB of zeros is refused fast, after one piece', async () => {
    const bomb = deflatedZeros(2048); // 2 GiB in about 2 MB
    const bytes = minimalWorkbook({ raw: bomb, method: 8, size: 1000, crc: 0 });
    // The declared sizes are harmless: only inflating shows the lie.
    expect(sniffXlsx(bytes)).toMatchObject({ ok: true });
    const sheet = entries(bytes).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;

    const started = Date.now();
    const before = process.memoryUsage().arrayBuffers;
    expect(() => inflateEntry(bytes, sheet, 10 * 1024 * 1024)).toThrow(expect.objectContaining({ kind: 'too-large' }));
    await expect(applyWrites(bytes, [write('A1', 2)])).rejects.toMatchObject({ problem: 'unreadable', message: expect.stringMatching(/损坏.*damaged/) });
    // Inflating it all would take seconds and 2 GiB; each refusal costs one piece (~16 MiB out).
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(256 * 1024 * 1024);
  });

  test('past the package budget the refusal names the safe limit', () => {
    // The sheet declares 100 bytes and holds 1000: within its own slack of 1 KiB, not within the budget.
    const sheet = Buffer.from(`<worksheet>${' '.repeat(977)}</worksheet>`);
    const bytes = minimalWorkbook({ raw: deflateRawSync(sheet), method: 8, size: 100, crc: crc32(sheet) });
    const declared = entries(bytes).reduce((n, e) => n + e.size, 0);
    const pkg = Package.open(bytes, { ...DEFAULT_ZIP_LIMITS, maxUncompressedBytes: declared + 500 });
    for (const [name] of minimalWorkbookParts().slice(0, -1)) pkg.text(name);
    expect(() => pkg.text('xl/worksheets/sheet1.xml')).toThrow(/安全上限.*safe limit/);
    // With a budget to spare the same part reads.
    expect(Package.open(bytes).text('xl/worksheets/sheet1.xml')).toBe(sheet.toString());
  });

  test('a stored entry is capped too, and a damaged stream is reported as damaged', () => {
    const stored = minimalWorkbook({ raw: Buffer.alloc(5000, 0x20), method: 0, size: 5000, crc: crc32(Buffer.alloc(5000, 0x20)) });
    const entry = entries(stored).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    expect(inflateEntry(stored, entry, 5000).length).toBe(5000);
    expect(() => inflateEntry(stored, entry, 4999)).toThrow(expect.objectContaining({ kind: 'too-large' }));

    const garbage = minimalWorkbook({ raw: Buffer.alloc(64, 0xff), method: 8, size: 100, crc: 0 });
    const bad = entries(garbage).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    expect(() => inflateEntry(garbage, bad, 1000)).toThrow(expect.objectContaining({ kind: 'damaged' }));
    const lzma = { ...bad, method: 14 };
    expect(() => inflateEntry(garbage, lzma, 1000)).toThrow(expect.objectContaining({ kind: 'method' }));
  });
});

describe('writeZip', () => {
  test('entries without new content keep name, order, time and attributes; deflated ones their compressed bytes and CRC', async () => {
    const listed = entries(fixture);
    const out = writeZip(fixture, listed.map((entry) => ({ entry })));
    const a = readZipParts(fixture);
    const b = readZipParts(out);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, part] of a) {
      const copy = b.get(name)!;
      expect({ name, kept: keptAsIs(part, copy), time: copy.time, date: copy.date, attrs: copy.externalAttrs }).toEqual({
        name,
        kept: true,
        time: part.time,
        date: part.date,
        attrs: part.externalAttrs,
      });
      if (part.method === 8) expect(copy.raw.equals(part.raw)).toBe(true);
    }
    const zip = await JSZip.loadAsync(out);
    expect(await zip.file('xl/workbook.xml')!.async('string')).toBe(a.get('xl/workbook.xml')!.data.toString('utf8'));
  });

  test('no stored entry is followed by a data descriptor, which streaming readers refuse', () => {
    const image = Buffer.from('\x89PNG not really an image');
    const bytes = buildZip([...minimalWorkbookParts(), ['xl/media/', { raw: new Uint8Array(0), method: 0, size: 0, crc: 0 }], ['xl/media/image1.png', { raw: image, method: 0, size: image.length, crc: crc32(image) }]]);
    const out = readZipParts(writeZip(bytes, entries(bytes).map((entry) => ({ entry }))));
    expect([...out.values()].filter((p) => p.method !== 8).map((p) => p.name)).toEqual([]);
    expect(out.get('xl/media/image1.png')!.data.equals(image)).toBe(true);
    expect(out.get('xl/media/')!.data.length).toBe(0);
  });

  test('new content is deflated with its own CRC; other readers take the archive', async () => {
    const bytes = minimalWorkbook();
    const listed = entries(bytes);
    const text = '<worksheet>新内容 · new content</worksheet>'.repeat(50);
    const out = writeZip(
      bytes,
      listed.map((entry) => (entry.name === 'xl/worksheets/sheet1.xml' ? { entry, content: new TextEncoder().encode(text) } : { entry })),
    );
    const part = readZipParts(out).get('xl/worksheets/sheet1.xml')!;
    expect(part.method).toBe(8);
    expect(part.data.toString('utf8')).toBe(text);
    expect(part.crc).toBe(crc32(Buffer.from(text, 'utf8')));
    expect(await (await JSZip.loadAsync(out)).file('xl/worksheets/sheet1.xml')!.async('string')).toBe(text);
    expect(entries(out).map((e) => e.name)).toEqual(listed.map((e) => e.name));
  });

  test('a time fflate cannot write (a zero DOS date) becomes 1980-01-01', () => {
    const bytes = minimalWorkbook();
    const listed = entries(bytes).map((e) => ({ entry: { ...e, date: 0, time: 0 } }));
    const part = [...readZipParts(writeZip(bytes, listed)).values()][0];
    expect({ date: part.date, time: part.time }).toEqual({ date: (0 << 9) | (1 << 5) | 1, time: 0 });
  });
});
