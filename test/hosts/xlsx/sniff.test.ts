import { FIXTURES } from '../../helpers/fixtures';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fc from 'fast-check';
import { describeProblem, InputProblem, sniffXlsx, SniffResult } from '../../../src/hosts/xlsx/sniff';

const FIXTURE_PATH = path.join(FIXTURES, 'jiangan-2024-gongkai.xlsx');
const fixture = new Uint8Array(fs.readFileSync(FIXTURE_PATH));

// A Record keyed by the union makes the compiler complain if a problem is added and not listed here.
const ALL_PROBLEMS: Record<InputProblem, true> = {
  'empty-file': true,
  'not-zip': true,
  csv: true,
  xls: true,
  encrypted: true,
  truncated: true,
  'not-xlsx-zip': true,
  'zip-bomb': true,
};
const PROBLEMS = Object.keys(ALL_PROBLEMS) as InputProblem[];

function outcome(r: SniffResult): InputProblem | 'ok' {
  return r.ok ? 'ok' : r.problem;
}

function expectValidResult(r: SniffResult): void {
  if (r.ok) {
    expect(Number.isInteger(r.entries) && r.entries >= 0).toBe(true);
    expect(Number.isFinite(r.uncompressedBytes) && r.uncompressedBytes >= 0).toBe(true);
  } else {
    expect(PROBLEMS).toContain(r.problem);
    expect(typeof r.detail).toBe('string');
    expect(r.detail).not.toMatch(/[\r\n]/);
  }
}

const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));

/** Sum of the real uncompressed sizes and the number of files, as JSZip sees the archive. */
async function unpackedStats(bytes: Uint8Array): Promise<{ files: number; bytes: number }> {
  const zip = await JSZip.loadAsync(bytes);
  let files = 0;
  let total = 0;
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    files++;
    total += (await file.async('uint8array')).length;
  }
  return { files, bytes: total };
}

// ---------------------------------------------------------------------------------------------
// A minimal Compound File Binary writer: header, one FAT sector, the directory sectors.

const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const NOSTREAM = 0xffffffff;

interface CfbEntry {
  name: string;
  type: 1 | 2; // storage | stream
}

function buildCfb(entries: CfbEntry[], version: 3 | 4 = 3): Uint8Array {
  const sectorSize = version === 3 ? 512 : 4096;
  const all = [{ name: 'Root Entry', type: 5 }, ...entries];
  const dirSectors = Math.ceil(all.length / (sectorSize / 128));
  // Layout: header ("sector -1"), sector 0 = FAT, sectors 1..dirSectors = directory.
  const buf = Buffer.alloc(sectorSize * (2 + dirSectors));
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  buf.writeUInt16LE(0x003e, 24); // minor version
  buf.writeUInt16LE(version, 26);
  buf.writeUInt16LE(0xfffe, 28); // byte order
  buf.writeUInt16LE(version === 3 ? 9 : 12, 30); // sector shift
  buf.writeUInt16LE(6, 32); // mini sector shift
  buf.writeUInt32LE(version === 3 ? 0 : dirSectors, 40);
  buf.writeUInt32LE(1, 44); // FAT sectors
  buf.writeUInt32LE(1, 48); // first directory sector
  buf.writeUInt32LE(4096, 56); // mini stream cutoff
  buf.writeUInt32LE(ENDOFCHAIN, 60); // first mini FAT sector
  buf.writeUInt32LE(ENDOFCHAIN, 68); // first DIFAT sector
  buf.writeUInt32LE(0, 76); // DIFAT[0]: the FAT is sector 0
  buf.fill(0xff, 80, 512); // remaining DIFAT entries are free

  const fat = sectorSize; // offset of sector 0
  for (let i = 0; i < sectorSize / 4; i++) buf.writeUInt32LE(FREESECT, fat + 4 * i);
  buf.writeUInt32LE(0xfffffffd, fat); // sector 0 is a FAT sector
  for (let s = 1; s <= dirSectors; s++) buf.writeUInt32LE(s === dirSectors ? ENDOFCHAIN : s + 1, fat + 4 * s);

  const dir = 2 * sectorSize; // offset of sector 1
  for (let i = 0; i < dirSectors * (sectorSize / 128); i++) {
    const e = dir + 128 * i;
    buf.writeUInt32LE(NOSTREAM, e + 68); // left sibling
    buf.writeUInt32LE(NOSTREAM, e + 72); // right sibling
    buf.writeUInt32LE(NOSTREAM, e + 76); // child
    const entry = all[i];
    if (!entry) continue;
    buf.write(entry.name, e, 'utf16le');
    buf.writeUInt16LE((entry.name.length + 1) * 2, e + 64);
    buf[e + 66] = entry.type;
    buf[e + 67] = 1; // black
    if (i === 0 && all.length > 1) buf.writeUInt32LE(1, e + 76); // root's child is entry 1
    if (i > 0 && i + 1 < all.length) buf.writeUInt32LE(i + 1, e + 72); // chain the rest as right siblings
    buf.writeUInt32LE(ENDOFCHAIN, e + 116); // empty stream: no start sector
  }
  return new Uint8Array(buf);
}

const XLS_ENTRIES: CfbEntry[] = [
  { name: 'Workbook', type: 2 },
  { name: '\u0005SummaryInformation', type: 2 },
];
const ENCRYPTED_ENTRIES: CfbEntry[] = [
  { name: '\u0006DataSpaces', type: 1 },
  { name: 'EncryptionInfo', type: 2 },
  { name: 'EncryptedPackage', type: 2 },
];

// ---------------------------------------------------------------------------------------------
// A minimal ZIP64 writer (stored entries, every size in ZIP64 extra fields, ZIP64 end records).

function buildZip64(files: { name: string; data: Uint8Array; declaredSize?: number }[]): Uint8Array {
  const u64 = (n: number): Buffer => {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(n));
    return b;
  };
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const data = Buffer.from(f.data);
    const size = f.declaredSize ?? data.length;
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(45, 4); // version needed: ZIP64
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(0xffffffff, 18);
    local.writeUInt32LE(0xffffffff, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(20, 28);
    const localExtra = Buffer.concat([Buffer.from([1, 0, 16, 0]), u64(size), u64(data.length)]);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(45, 4);
    central.writeUInt16LE(45, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(0xffffffff, 20);
    central.writeUInt32LE(0xffffffff, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(28, 30);
    central.writeUInt32LE(0xffffffff, 42);
    const centralExtra = Buffer.concat([Buffer.from([1, 0, 24, 0]), u64(size), u64(data.length), u64(offset)]);
    locals.push(local, name, localExtra, data);
    centrals.push(central, name, centralExtra);
    offset += local.length + name.length + localExtra.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const record = Buffer.concat([
    Buffer.from([0x50, 0x4b, 0x06, 0x06]),
    u64(44),
    Buffer.from([45, 0, 45, 0, 0, 0, 0, 0, 0, 0, 0, 0]), // versions, this disk, directory's disk
    u64(files.length),
    u64(files.length),
    u64(cd.length),
    u64(offset),
  ]);
  const locator = Buffer.concat([Buffer.from([0x50, 0x4b, 0x06, 0x07, 0, 0, 0, 0]), u64(offset + cd.length), Buffer.from([1, 0, 0, 0])]);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(0xffff, 8);
  eocd.writeUInt16LE(0xffff, 10);
  eocd.writeUInt32LE(0xffffffff, 12);
  eocd.writeUInt32LE(0xffffffff, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, record, locator, eocd]));
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const WORKBOOK = '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>';

// ---------------------------------------------------------------------------------------------

describe('sniffXlsx: real workbooks pass', () => {
  it('accepts the jiangan fixture and reports its real entry count and unpacked size', async () => {
    expect(fs.existsSync(FIXTURE_PATH)).toBe(true);
    const r = sniffXlsx(fixture);
    if (!r.ok) throw new Error(`expected ok, got ${r.problem}: ${r.detail}`);
    expect(r.entries).toBeGreaterThan(5);
    const stats = await unpackedStats(fixture);
    expect(r.entries).toBeGreaterThanOrEqual(stats.files);
    expect(r.uncompressedBytes).toBe(stats.bytes);
  });

  it('accepts a workbook written by exceljs', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('公开01表');
    ws.addRow(['项目', '金额']);
    ws.addRow(['基本支出', 1405.65]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = sniffXlsx(bytes);
    if (!r.ok) throw new Error(`expected ok, got ${r.problem}: ${r.detail}`);
    expect(r.uncompressedBytes).toBe((await unpackedStats(bytes)).bytes);
  });

  it('reads ZIP64 end records and extra fields', async () => {
    const bytes = buildZip64([
      { name: '[Content_Types].xml', data: utf8(CONTENT_TYPES) },
      { name: 'xl/workbook.xml', data: utf8(WORKBOOK) },
    ]);
    // The hand-written archive must be a real zip: JSZip reads it back with CRC checks.
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(await zip.file('xl/workbook.xml')!.async('string')).toBe(WORKBOOK);
    expect(sniffXlsx(bytes)).toEqual({ ok: true, entries: 2, uncompressedBytes: CONTENT_TYPES.length + WORKBOOK.length });
  });
});

describe('sniffXlsx: not a zip', () => {
  it('reports an empty file', () => {
    expect(outcome(sniffXlsx(new Uint8Array(0)))).toBe('empty-file');
  });

  it('reports plain text without separators as not-zip', () => {
    expect(outcome(sniffXlsx(utf8('This is just a note about the 2024 budget.\nNothing tabular here.\n')))).toBe('not-zip');
    expect(outcome(sniffXlsx(utf8('hello')))).toBe('not-zip');
  });

  it('recognises CSV and TSV text, including Chinese in UTF-8, GBK and UTF-16', () => {
    expect(outcome(sniffXlsx(utf8('a,b,c\n1,2,3\n项目,金额,备注\n基本支出,1405.65,\n')))).toBe('csv');
    expect(outcome(sniffXlsx(utf8('\ufeff项目,金额\r\n基本支出,1405.65\r\n')))).toBe('csv');
    expect(outcome(sniffXlsx(utf8('项目\t金额\n基本支出\t1405.65\n')))).toBe('csv');
    // "项目,金额\n1,2\n" in GBK, as Excel on Chinese Windows saves CSV.
    expect(outcome(sniffXlsx(new Uint8Array(Buffer.from('cfeec4bf2cbdf0b6ee0a312c320a', 'hex'))))).toBe('csv');
    // Excel's "Unicode Text" export: UTF-16LE with a BOM, tab separated.
    expect(outcome(sniffXlsx(new Uint8Array(Buffer.from('\ufeff项目\t金额\n基本支出\t1405.65\n', 'utf16le'))))).toBe('csv');
  });

  it('does not call an HTML table saved as .xls CSV', () => {
    const html = '<html>\n<body><table><tr><td>1,234.00</td><td>项目</td></tr></table></body>\n</html>\n';
    const r = sniffXlsx(utf8(html));
    expect(outcome(r)).toBe('not-zip');
    expect(r.ok ? '' : r.detail).toMatch(/HTML/);
  });

  it('reports binary data as not-zip', () => {
    expect(outcome(sniffXlsx(utf8('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n')))).toBe('not-zip');
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    expect(outcome(sniffXlsx(noise))).toBe('not-zip');
  });
});

describe('sniffXlsx: OLE2 compound files', () => {
  it('recognises a legacy .xls by its Workbook stream', () => {
    const r = sniffXlsx(buildCfb(XLS_ENTRIES));
    expect(outcome(r)).toBe('xls');
    expect(r.ok ? '' : r.detail).toMatch(/found by directory/);
  });

  it('recognises an Excel 5 "Book" stream and 4096-byte-sector (version 4) files', () => {
    expect(outcome(sniffXlsx(buildCfb([{ name: 'Book', type: 2 }])))).toBe('xls');
    expect(outcome(sniffXlsx(buildCfb(XLS_ENTRIES, 4)))).toBe('xls');
  });

  it('recognises an encrypted OOXML package', () => {
    expect(outcome(sniffXlsx(buildCfb(ENCRYPTED_ENTRIES)))).toBe('encrypted');
    expect(outcome(sniffXlsx(buildCfb(ENCRYPTED_ENTRIES, 4)))).toBe('encrypted');
  });

  it('follows a directory spread over several sectors', () => {
    const filler: CfbEntry[] = Array.from({ length: 9 }, (_, i) => ({ name: `Stream${i}`, type: 2 }));
    // 1 root + 9 fillers + Workbook = 11 entries: Workbook sits in the third directory sector.
    expect(outcome(sniffXlsx(buildCfb([...filler, { name: 'Workbook', type: 2 }])))).toBe('xls');
  });

  it('calls other compound files (a .doc) not-zip', () => {
    const r = sniffXlsx(buildCfb([{ name: 'WordDocument', type: 2 }, { name: '1Table', type: 2 }]));
    expect(outcome(r)).toBe('not-zip');
    expect(r.ok ? '' : r.detail).toMatch(/\.doc/);
  });

  it('survives a directory chain that loops back on itself', () => {
    const bytes = buildCfb(XLS_ENTRIES);
    new DataView(bytes.buffer).setUint32(512 + 4, 1, true); // FAT[1] = 1
    expect(outcome(sniffXlsx(bytes))).toBe('xls');
  });

  it('falls back to searching the bytes when the header is damaged', () => {
    const xls = buildCfb(XLS_ENTRIES);
    xls[30] = 7; // impossible sector shift
    const xlsResult = sniffXlsx(xls);
    expect(outcome(xlsResult)).toBe('xls');
    expect(xlsResult.ok ? '' : xlsResult.detail).toMatch(/byte search/);
    const encrypted = buildCfb(ENCRYPTED_ENTRIES);
    encrypted[30] = 7;
    expect(outcome(sniffXlsx(encrypted))).toBe('encrypted');
  });
});

describe('sniffXlsx: damaged and wrong zips', () => {
  it('reports a workbook cut short as truncated', () => {
    expect(outcome(sniffXlsx(fixture.slice(0, Math.floor(fixture.length / 2))))).toBe('truncated');
    expect(outcome(sniffXlsx(fixture.slice(0, 100)))).toBe('truncated');
    expect(outcome(sniffXlsx(fixture.slice(0, fixture.length - 1)))).toBe('truncated');
  });

  it('reports a central directory pointing outside the file as truncated', () => {
    const bytes = fixture.slice();
    const view = new DataView(bytes.buffer);
    const eocd = bytes.length - 22; // the fixture has no zip comment
    expect(view.getUint32(eocd, true)).toBe(0x06054b50);
    view.setUint32(eocd + 16, bytes.length, true); // central directory offset
    expect(outcome(sniffXlsx(bytes))).toBe('truncated');
  });

  it('reports a zip that is not a workbook as not-xlsx-zip', async () => {
    const docx = new JSZip();
    docx.file('[Content_Types].xml', CONTENT_TYPES);
    docx.file('word/document.xml', '<w:document/>');
    const r = sniffXlsx(await docx.generateAsync({ type: 'uint8array' }));
    expect(outcome(r)).toBe('not-xlsx-zip');
    expect(r.ok ? '' : r.detail).toMatch(/xl\/workbook\.xml.*docx/);

    const plain = new JSZip();
    plain.file('readme.txt', 'hello');
    expect(outcome(sniffXlsx(await plain.generateAsync({ type: 'uint8array' })))).toBe('not-xlsx-zip');
    expect(outcome(sniffXlsx(await new JSZip().generateAsync({ type: 'uint8array' })))).toBe('not-xlsx-zip');
  });

  it('refuses an entry that inflates far beyond its compressed size', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', CONTENT_TYPES);
    zip.file('xl/workbook.xml', WORKBOOK);
    zip.file('xl/worksheets/sheet1.xml', new Uint8Array(50 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const r = sniffXlsx(bytes);
    expect(outcome(r)).toBe('zip-bomb');
    expect(r.ok ? '' : r.detail).toMatch(/ratio/);
    // It is the ratio rule that fired: with a laxer ratio the same (50 MiB < 200 MiB) archive passes.
    expect(outcome(sniffXlsx(bytes, { maxRatio: 5000 }))).toBe('ok');
  }, 60_000);

  it('refuses archives over the size or entry limits', () => {
    expect(outcome(sniffXlsx(fixture, { maxUncompressedBytes: 1000 }))).toBe('zip-bomb');
    expect(outcome(sniffXlsx(fixture, { maxEntries: 3 }))).toBe('zip-bomb');
    const zip64Bomb = buildZip64([
      { name: '[Content_Types].xml', data: utf8(CONTENT_TYPES) },
      { name: 'xl/workbook.xml', data: utf8(WORKBOOK), declaredSize: 2 ** 40 },
    ]);
    expect(outcome(sniffXlsx(zip64Bomb))).toBe('zip-bomb');
  });
});

describe('sniffXlsx: never throws', () => {
  const magics = [
    [],
    [0x50, 0x4b, 0x03, 0x04],
    [0x50, 0x4b, 0x05, 0x06],
    [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  ];

  it('on arbitrary bytes, with or without a zip/OLE2 signature', () => {
    fc.assert(
      fc.property(fc.constantFrom(...magics), fc.uint8Array({ maxLength: 2000 }), (magic, rest) => {
        expectValidResult(sniffXlsx(new Uint8Array([...magic, ...rest])));
      }),
      { numRuns: 500 },
    );
  });

  const mutation = (length: number) =>
    fc.record({
      cut: fc.integer({ min: 0, max: length }),
      // Half the writes land in the tail, where the central directory and the EOCD live.
      writes: fc.array(
        fc.tuple(fc.oneof(fc.integer({ min: 0, max: length - 1 }), fc.integer({ min: Math.max(0, length - 1500), max: length - 1 })), fc.integer({ min: 0, max: 255 })),
        { maxLength: 20 },
      ),
      truncate: fc.boolean(),
    });

  function mutate(source: Uint8Array, m: { cut: number; writes: [number, number][]; truncate: boolean }): Uint8Array {
    const bytes = source.slice();
    for (const [at, value] of m.writes) bytes[at] = value;
    return m.truncate ? bytes.slice(0, m.cut) : bytes;
  }

  it('on the real fixture with bytes overwritten and cut off', () => {
    fc.assert(
      fc.property(mutation(fixture.length), (m) => {
        expectValidResult(sniffXlsx(mutate(fixture, m)));
      }),
      { numRuns: 500 },
    );
  });

  it('on a compound file with bytes overwritten and cut off', () => {
    const xls = buildCfb([...XLS_ENTRIES, ...ENCRYPTED_ENTRIES]);
    fc.assert(
      fc.property(mutation(xls.length), (m) => {
        expectValidResult(sniffXlsx(mutate(xls, m)));
      }),
      { numRuns: 500 },
    );
  });
});

describe('describeProblem', () => {
  it('gives one distinct line per problem: Chinese first, then English, both naming the file', () => {
    const seen = new Set<string>();
    for (const problem of PROBLEMS) {
      const line = describeProblem(problem, 'report-2024.xlsx');
      seen.add(line);
      expect(line).not.toMatch(/[\r\n]/);
      const halves = line.split(' / ');
      expect(halves).toHaveLength(2);
      const [zh, en] = halves as [string, string];
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(zh).toContain('report-2024.xlsx');
      expect(en).toMatch(/^[\x20-\x7e]+$/); // English only
      expect(en).toContain('report-2024.xlsx');
    }
    expect(seen.size).toBe(PROBLEMS.length);
  });

  it('suggests the fix', () => {
    expect(describeProblem('xls', 'a.xls')).toMatch(/另存为 \.xlsx.*save it as \.xlsx in Excel/);
    expect(describeProblem('encrypted', 'a.xlsx')).toMatch(/密码.*remove the password/);
    expect(describeProblem('truncated', 'a.xlsx')).toMatch(/不完整或已损坏.*incomplete or damaged/);
    expect(describeProblem('zip-bomb', 'a.xlsx')).toMatch(/安全上限.*beyond the safe limit/);
    expect(describeProblem('csv', 'a.csv')).toMatch(/CSV.*CSV/);
  });

  it('keeps a file name with line breaks on one line', () => {
    const line = describeProblem('not-zip', 'evil\nname\r.xlsx');
    expect(line).not.toMatch(/[\r\n]/);
    expect(line).toContain('evil name .xlsx');
  });
});

describe('sniffXlsx: regressions', () => {
  it('a damaged entry name with a line break stays on one detail line (found by the property test, seed 860598953)', () => {
    const bytes = fixture.slice();
    bytes[22196] = 0;
    bytes[22182] = 31;
    const r = sniffXlsx(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.detail).not.toMatch(/[\r\n]/);
  });
});
