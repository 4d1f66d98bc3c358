import { Inflate, Zip, ZipDeflate, type ZipInputFile } from 'fflate';
import { OutOfBounds, u16, u32, u64 } from './bytes';

/**
 * The zip container of a package, for Node and the browser alike.
 *
 * fflate inflates, deflates and writes the archive. The central directory is read here because
 * fflate's readers cannot serve an untrusted package: they give no entry offsets (an untouched
 * entry is copied with its compressed bytes as they are), read past the end of damaged input
 * without noticing, keep one of two entries with the same name, and size their output buffers by
 * the directory's declared sizes. This reader checks every read, refuses ambiguous names and the
 * declared sizes of a bomb, and inflateEntry refuses one whose directory lies.
 */

export interface ZipEntry {
  name: string;
  /** General purpose flags: bit 0 encrypted, bits 1–2 deflate level, bit 3 data descriptor. */
  flags: number;
  /** 0 stored, 8 deflate. */
  method: number;
  /** MS-DOS time and date. */
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  /** As declared by the central directory. */
  size: number;
  versionMadeBy: number;
  externalAttrs: number;
  /** Offset of the compressed data in the archive. */
  dataStart: number;
}

export interface ZipLimits {
  /** Refuse when the entries' declared uncompressed sizes add up to more than this. */
  maxUncompressedBytes: number;
  /** Refuse archives declaring more entries than this. */
  maxEntries: number;
  /** Refuse any entry over 1 MiB whose uncompressed/compressed ratio exceeds this. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxUncompressedBytes: 200 * 1024 * 1024, maxEntries: 10000, maxRatio: 200 };

export type ZipListing =
  | { ok: true; entries: ZipEntry[]; declaredBytes: number }
  /** ambiguous: two entries for one part name, or a name leaving the package ("../"). */
  | { ok: false; problem: 'truncated' | 'zip-bomb' | 'ambiguous'; detail: string };

/** The ratio rule only applies above this size: tiny, very repetitive XML parts are normal. */
const RATIO_MIN_UNCOMPRESSED = 1024 * 1024;

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const EOCD_SIZE = 22;
const CENTRAL_HEADER_SIZE = 46;
const LOCAL_HEADER_SIZE = 30;
const DATA_DESCRIPTOR_SIZE = 16;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;
/** EOCD candidates tried before giving up; bounds the work random "PK\x05\x06" bytes can cause. */
const MAX_EOCD_ATTEMPTS = 16;

/** Part names compare case-insensitively; some writers use backslashes or a leading slash. */
export function normalizePartName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

/**
 * The entries of the central directory, every offset and size checked against the file. Sizes come
 * from the directory (what exceljs, through JSZip, trusts too): the limits stop the honest bombs
 * here, and inflateEntry the ones that lie. Never throws.
 */
export function listZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipListing {
  try {
    return walkDirectory(bytes, limits);
  } catch (error) {
    if (!(error instanceof OutOfBounds)) throw error;
    return { ok: false, problem: 'truncated', detail: error.message };
  }
}

function walkDirectory(bytes: Uint8Array, limits: ZipLimits): ZipListing {
  const fail = (problem: 'truncated' | 'zip-bomb' | 'ambiguous', detail: string): ZipListing => ({ ok: false, problem, detail });
  const cd = findCentralDirectory(bytes);
  if (typeof cd === 'string') return fail('truncated', cd);
  if (cd.entries > limits.maxEntries) {
    return fail('zip-bomb', `the zip declares ${cd.entries} entries (limit ${limits.maxEntries})`);
  }
  // Cheap consistency check before walking: every header needs at least 46 bytes.
  if (cd.entries * CENTRAL_HEADER_SIZE > cd.size) {
    return fail('truncated', `the central directory (${cd.size} bytes) is too small for ${cd.entries} entries`);
  }

  const end = cd.offset + cd.size;
  let pos = cd.offset;
  let total = 0;
  const entries: ZipEntry[] = [];
  const seen = new Map<string, string>();
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < cd.entries; i++) {
    if (pos + CENTRAL_HEADER_SIZE > end || u32(bytes, pos) !== SIG_CENTRAL) {
      return fail('truncated', `central directory header ${i + 1} of ${cd.entries} is missing or damaged`);
    }
    let compressedSize = u32(bytes, pos + 20);
    let size = u32(bytes, pos + 24);
    const nameLength = u16(bytes, pos + 28);
    const extraLength = u16(bytes, pos + 30);
    const commentLength = u16(bytes, pos + 32);
    let localOffset = u32(bytes, pos + 42);
    const nameStart = pos + CENTRAL_HEADER_SIZE;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > end) return fail('truncated', `central directory header ${i + 1} runs past the directory's end`);
    // Zip names are UTF-8 or CP437; both are ASCII for the names of a package.
    const name = decoder.decode(bytes.subarray(nameStart, extraStart));

    if (compressedSize === MAX32 || size === MAX32 || localOffset === MAX32) {
      const z64 = readZip64Extra(bytes, extraStart, extraStart + extraLength, { size, compressedSize, localOffset });
      if (typeof z64 === 'string') return fail('truncated', `entry "${name}": ${z64}`);
      ({ size, compressedSize, localOffset } = z64);
    }

    // Bomb checks first: refusing is the safe answer even if the rest is also damaged.
    total += size;
    if (total > limits.maxUncompressedBytes) {
      return fail('zip-bomb', `declared uncompressed size exceeds ${limits.maxUncompressedBytes} bytes (at entry "${name}")`);
    }
    // Written as a product so that a compressed size of 0 counts as an infinite ratio.
    if (size > RATIO_MIN_UNCOMPRESSED && size > compressedSize * limits.maxRatio) {
      return fail('zip-bomb', `entry "${name}" expands ${compressedSize} -> ${size} bytes (ratio limit ${limits.maxRatio})`);
    }

    // The entry's data must sit before the central directory, behind a local header.
    if (localOffset + LOCAL_HEADER_SIZE > cd.offset || u32(bytes, localOffset) !== SIG_LOCAL) {
      return fail('truncated', `entry "${name}" points at a missing local header (offset ${localOffset})`);
    }
    const dataStart = localOffset + LOCAL_HEADER_SIZE + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    if (dataStart + compressedSize > cd.offset) return fail('truncated', `entry "${name}" runs into the central directory`);

    // A name leaving the package, or two entries for one part: readers would disagree on what the
    // package holds (Excel, exceljs and this writer could each take another sheet2.xml).
    if (name.replace(/\\/g, '/').split('/').includes('..') || /^[A-Za-z]:/.test(name)) {
      return fail('ambiguous', `entry "${name}" names a path outside the package`);
    }
    const key = normalizePartName(name);
    const twin = seen.get(key);
    if (twin !== undefined) return fail('ambiguous', `entries "${twin}" and "${name}" name the same part`);
    seen.set(key, name);

    entries.push({
      name,
      flags: u16(bytes, pos + 8),
      method: u16(bytes, pos + 10),
      time: u16(bytes, pos + 12),
      date: u16(bytes, pos + 14),
      crc: u32(bytes, pos + 16),
      compressedSize,
      size,
      versionMadeBy: u16(bytes, pos + 4),
      externalAttrs: u32(bytes, pos + 38),
      dataStart,
    });
    pos = next;
  }
  return { ok: true, entries, declaredBytes: total };
}

interface CentralDirectory {
  entries: number;
  offset: number;
  size: number;
}

/** Finds a plausible EOCD scanning backwards (its comment may be up to 64 KiB); a string says why none was usable. */
function findCentralDirectory(bytes: Uint8Array): CentralDirectory | string {
  let reason = 'no end-of-central-directory record (the file was probably cut short)';
  const lowest = Math.max(0, bytes.length - (EOCD_SIZE + MAX16));
  let attempts = 0;
  for (let p = bytes.length - EOCD_SIZE; p >= lowest && attempts < MAX_EOCD_ATTEMPTS; p--) {
    if (bytes[p] !== 0x50 || u32(bytes, p) !== SIG_EOCD) continue;
    attempts++;
    const cd = readEocd(bytes, p);
    if (typeof cd !== 'string') return cd;
    reason = cd;
  }
  return reason;
}

function readEocd(bytes: Uint8Array, p: number): CentralDirectory | string {
  if (p + EOCD_SIZE + u16(bytes, p + 20) > bytes.length) return 'the end-of-central-directory comment runs past the end of the file';
  let disk = u16(bytes, p + 4);
  let cdDisk = u16(bytes, p + 6);
  let diskEntries = u16(bytes, p + 8);
  let entries = u16(bytes, p + 10);
  let size = u32(bytes, p + 12);
  let offset = u32(bytes, p + 16);
  let cdLimit = p; // the directory must end before the record that describes it

  if (entries === MAX16 || size === MAX32 || offset === MAX32) {
    const z64 = readZip64Eocd(bytes, p);
    if (typeof z64 === 'string') return z64;
    // No locator: the 0xFFFF/0xFFFFFFFF values were real; bounds checks below judge them.
    if (z64) ({ disk, cdDisk, diskEntries, entries, size, offset, cdLimit } = z64);
  }
  if (disk !== 0 || cdDisk !== 0 || diskEntries !== entries) return 'a multi-part (split) zip archive; only one part is here';
  if (!(Number.isSafeInteger(offset + size) && offset + size <= cdLimit)) {
    return `the central directory (offset ${offset}, ${size} bytes) lies outside the file`;
  }
  return { entries, offset, size };
}

function readZip64Eocd(bytes: Uint8Array, p: number) {
  const locator = p - 20;
  if (locator < 0 || u32(bytes, locator) !== SIG_ZIP64_LOCATOR) return null;
  const record = u64(bytes, locator + 8);
  if (!(record + 56 <= locator)) return 'the ZIP64 end-of-central-directory record lies outside the file';
  if (u32(bytes, record) !== SIG_ZIP64_EOCD) return 'the ZIP64 end-of-central-directory record is missing';
  return {
    disk: u32(bytes, record + 16),
    cdDisk: u32(bytes, record + 20),
    diskEntries: u64(bytes, record + 24),
    entries: u64(bytes, record + 32),
    size: u64(bytes, record + 40),
    offset: u64(bytes, record + 48),
    cdLimit: record,
  };
}

interface EntrySizes {
  size: number;
  compressedSize: number;
  localOffset: number;
}

/** ZIP64 extra field 0x0001 holds, in this order, only the values that are 0xFFFFFFFF in the header. */
function readZip64Extra(bytes: Uint8Array, start: number, end: number, sizes: EntrySizes): EntrySizes | string {
  let p = start;
  while (p + 4 <= end) {
    const id = u16(bytes, p);
    const length = u16(bytes, p + 2);
    const data = p + 4;
    if (data + length > end) break;
    if (id === 0x0001) {
      const out = { ...sizes };
      let q = data;
      for (const key of ['size', 'compressedSize', 'localOffset'] as const) {
        if (sizes[key] !== MAX32) continue;
        if (q + 8 > data + length) return 'the ZIP64 extra field is too short';
        out[key] = u64(bytes, q);
        q += 8;
      }
      return out;
    }
    p = data + length;
  }
  // Without a ZIP64 field the 0xFFFFFFFF values stand as they are: the limits and bounds judge them.
  return sizes;
}

// =================================================================================================
// Inflating and writing, with fflate

export type ZipErrorKind = 'too-large' | 'damaged' | 'method';

export class ZipError extends Error {
  constructor(
    readonly kind: ZipErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ZipError';
  }
}

/**
 * Compressed input is fed to the inflater in pieces this big, so that one piece inflates to at most
 * about 16 MiB (deflate expands at most ~1032:1) before the running total is checked against the cap.
 */
const INFLATE_PIECE = 16 * 1024;

/**
 * The entry's bytes, uncompressed. Refused (kind 'too-large') as soon as more than `cap` bytes have
 * actually come out, whatever the directory declares: a bomb costs one piece's output, not its size.
 */
export function inflateEntry(archive: Uint8Array, entry: ZipEntry, cap: number): Uint8Array {
  const pieces: Uint8Array[] = [];
  const total = inflateEntryChunks(archive, entry, cap, (data) => pieces.push(data));
  return concat(pieces, total);
}

/**
 * Inflates the entry piece by piece, handing each piece to `onChunk` as it comes out (a reader can
 * parse a part without ever holding it whole) and returning the bytes inflated. The cap is checked
 * before each piece is handed on, so `onChunk` never sees a byte past it. An error thrown by
 * `onChunk` stops the inflation and is rethrown as it is.
 */
export function inflateEntryChunks(archive: Uint8Array, entry: ZipEntry, cap: number, onChunk: (data: Uint8Array) => void): number {
  const raw = archive.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  const tooLarge = () => new ZipError('too-large', `entry "${entry.name}" expands beyond ${cap} bytes`);
  if (entry.method === 0) {
    if (raw.length > cap) throw tooLarge();
    for (let at = 0; at < raw.length; at += INFLATE_PIECE) onChunk(raw.slice(at, Math.min(at + INFLATE_PIECE, raw.length)));
    return raw.length;
  }
  if (entry.method !== 8) throw new ZipError('method', `entry "${entry.name}" uses compression method ${entry.method}`);
  let total = 0;
  // Errors of the consumer must not be mistaken for damaged data: they are carried out as they are.
  let consumerError: { error: unknown } | null = null;
  const inflater = new Inflate((data) => {
    total += data.length;
    if (total > cap) throw tooLarge();
    try {
      onChunk(data);
    } catch (error) {
      consumerError = { error };
      throw error;
    }
  });
  try {
    let at = 0;
    do {
      const next = Math.min(at + INFLATE_PIECE, raw.length);
      inflater.push(raw.subarray(at, next), next === raw.length);
      at = next;
    } while (at < raw.length);
  } catch (cause) {
    if (consumerError) throw (consumerError as { error: unknown }).error;
    if (cause instanceof ZipError) throw cause;
    throw new ZipError('damaged', `entry "${entry.name}" cannot be inflated`, { cause });
  }
  return total;
}

/** An entry of the archive to write: its new content, or (no content) the entry as it is. */
export interface OutEntry {
  entry: ZipEntry;
  content?: Uint8Array;
}

/**
 * Writes the entries, in their order, into a new archive taken from `archive`'s entries; each keeps
 * its name, time and attributes. A deflated entry without new content keeps its compressed bytes
 * and CRC; new content is deflated by fflate. fflate follows every entry with a data descriptor
 * (it streams), which streaming readers (Java's ZipInputStream, commons-compress under Apache POI)
 * refuse on a stored entry: stored entries (the folders of most packages) are deflated too, with
 * the same bytes inside. No ZIP64, hence the 4 GB cap.
 */
export function writeZip(archive: Uint8Array, out: readonly OutEntry[]): Uint8Array {
  let estimate = EOCD_SIZE;
  for (const o of out) {
    const name = new TextEncoder().encode(o.entry.name).length;
    estimate += LOCAL_HEADER_SIZE + DATA_DESCRIPTOR_SIZE + CENTRAL_HEADER_SIZE + 2 * name + (o.content?.length ?? o.entry.compressedSize);
  }
  const tooLarge = () => new ZipError('too-large', 'the archive would exceed 4 GB or 65535 entries');
  if (estimate > MAX32 || out.length > MAX16 || out.some((o) => o.entry.size > MAX32)) throw tooLarge();

  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure ??= error;
    else chunks.push(data);
  });
  for (const { entry, content } of out) {
    const attributes = { mtime: entryTime(entry), os: entry.versionMadeBy >> 8, attrs: entry.externalAttrs };
    // fflate's handler type asks for an ArrayBuffer-backed array; a view of any buffer is read alike.
    const stored = archive.subarray(entry.dataStart, entry.dataStart + entry.compressedSize) as Uint8Array<ArrayBuffer>;
    if (content || entry.method === 0) {
      const file = Object.assign(new ZipDeflate(entry.name, { level: 6 }), attributes);
      zip.add(file);
      file.push(content ?? stored, true);
    } else {
      const flag = entry.method === 8 ? (entry.flags >> 1) & 3 : 0;
      const file: ZipInputFile = { filename: entry.name, size: entry.size, crc: entry.crc, compression: entry.method, flag, ...attributes };
      zip.add(file);
      file.ondata!(null, stored, true);
    }
  }
  zip.end();
  if (failure) throw new ZipError('damaged', 'the archive could not be written', { cause: failure });
  const total = chunks.reduce((n, c) => n + c.length, 0);
  if (total > MAX32) throw tooLarge();
  return concat(chunks, total);
}

/** The entry's MS-DOS time as a Date that fflate writes back to the same bits; 1980-01-01 when none does. */
function entryTime(e: ZipEntry): Date {
  const d = new Date(1980 + (e.date >> 9), ((e.date >> 5) & 15) - 1, e.date & 31, e.time >> 11, (e.time >> 5) & 63, (e.time & 31) * 2);
  const year = d.getFullYear() - 1980;
  const same =
    year >= 0 &&
    year <= 119 &&
    ((year << 9) | ((d.getMonth() + 1) << 5) | d.getDate()) === e.date &&
    ((d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1)) === e.time;
  return same ? d : new Date(1980, 0, 1);
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
