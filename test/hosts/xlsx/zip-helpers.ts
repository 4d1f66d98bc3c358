import { constants, crc32, deflateRawSync, inflateRawSync } from 'zlib';

/**
 * A minimal zip reader and writer on Node's zlib, independent of the code under test, to build
 * packages (honest or lying) and to inspect what the writer produced.
 */

export interface ZipPart {
  name: string;
  /** Uncompressed. */
  data: Buffer;
  /** Compressed bytes as stored. */
  raw: Buffer;
  method: number;
  crc: number;
  time: number;
  date: number;
  externalAttrs: number;
}

export function readZipParts(bytes: Uint8Array): Map<string, ZipPart> {
  const b = Buffer.from(bytes);
  let eocd = b.length - 22;
  while (eocd >= 0 && b.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = b.readUInt16LE(eocd + 10);
  let pos = b.readUInt32LE(eocd + 16);
  const out = new Map<string, ZipPart>();
  for (let i = 0; i < count; i++) {
    const method = b.readUInt16LE(pos + 10);
    const csize = b.readUInt32LE(pos + 20);
    const nameLen = b.readUInt16LE(pos + 28);
    const extraLen = b.readUInt16LE(pos + 30);
    const commentLen = b.readUInt16LE(pos + 32);
    const local = b.readUInt32LE(pos + 42);
    const name = b.toString('utf8', pos + 46, pos + 46 + nameLen);
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const raw = b.subarray(start, start + csize);
    out.set(name, {
      name,
      raw,
      method,
      data: method === 8 ? inflateRawSync(raw) : raw,
      crc: b.readUInt32LE(pos + 16),
      time: b.readUInt16LE(pos + 12),
      date: b.readUInt16LE(pos + 14),
      externalAttrs: b.readUInt32LE(pos + 38),
    });
    pos += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/**
 * Whether the writer kept an entry as it was: a deflated one with the same compressed bytes and
 * CRC, a stored one (deflated by the writer, see writeZip) with the same bytes inside.
 */
export function keptAsIs(before: ZipPart, after: ZipPart | undefined): boolean {
  if (!after || after.crc !== before.crc || !after.data.equals(before.data)) return false;
  return before.method === 0 ? after.method === 8 : after.method === before.method && after.raw.equals(before.raw);
}

/** An entry given as stored bytes with whatever the central directory should claim about them. */
export interface RawEntry {
  raw: Uint8Array;
  method: number;
  size: number;
  crc: number;
}

/** A zip of the parts in order: text and bytes are deflated; a RawEntry is written as given. */
export function buildZip(parts: Record<string, string | Uint8Array | RawEntry> | [string, string | Uint8Array | RawEntry][]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const list = Array.isArray(parts) ? parts : Object.entries(parts);
  for (const [name, part] of list) {
    let e: RawEntry;
    if (typeof part === 'string' || part instanceof Uint8Array) {
      const data = typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part);
      e = { raw: deflateRawSync(data), method: 8, size: data.length, crc: crc32(data) };
    } else {
      e = part;
    }
    const nameBuf = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(0x6a21, 10); // 13:17:02
    local.writeUInt16LE(0x5a86, 12); // 2025-04-06
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.raw.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt16LE(0x6a21, 12);
    central.writeUInt16LE(0x5a86, 14);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.raw.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, Buffer.from(e.raw));
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + e.raw.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(list.length, 8);
  eocd.writeUInt16LE(list.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, eocd]));
}

/**
 * A raw deflate stream of `mebibytes` MiB of zeros, about 1 KiB per MiB, made without ever holding
 * the zeros: one sync-flushed (non-final, byte-aligned) block of 1 MiB repeated, then an empty final
 * block. Each copy only refers back inside itself, so the copies chain into one valid stream.
 */
export function deflatedZeros(mebibytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array<Buffer>(mebibytes).fill(block), Buffer.from([0x03, 0x00])]);
}

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts of a one-sheet workbook ("表1", A1 = 1), in the order Excel writes them. */
export function minimalWorkbookParts(): [string, string][] {
  return [
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    ],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook ${MAIN}><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>`],
    [
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ],
    [
      'xl/styles.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet ${MAIN}><fonts count="1"><font><sz val="12"/><name val="宋体"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`,
    ],
    ['xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${MAIN}><dimension ref="A1"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`],
  ];
}

/** The minimal workbook as a zip, its sheet part replaced by `sheet` when given. */
export function minimalWorkbook(sheet?: string | RawEntry): Uint8Array {
  return buildZip(minimalWorkbookParts().map(([name, text]): [string, string | RawEntry] => [name, sheet !== undefined && name === 'xl/worksheets/sheet1.xml' ? sheet : text]));
}
