/**
 * Classifies a file's bytes before they are handed to exceljs, so that bad input (a CSV, a legacy
 * .xls, an encrypted or cut-short file, a zip bomb) gets a clear one-line message instead of a crash
 * or an out-of-memory. Only headers and directories are read, nothing is decompressed.
 *
 * Plain TypeScript over a Uint8Array (no Buffer, fs or zlib) so the same check runs in the browser.
 * Every multi-byte read goes through the bounds-checked helpers below; arbitrary bytes must never
 * make this throw.
 */

export type InputProblem =
  | 'empty-file' // 0 bytes
  | 'not-zip' // plain text or anything else (generic)
  | 'csv' // printable text with commas/tabs and line breaks
  | 'xls' // OLE2 compound file holding a legacy .xls ("Workbook" / "Book" stream)
  | 'encrypted' // OLE2 compound file holding an encrypted OOXML package
  | 'truncated' // starts like a zip but its central directory is missing or out of bounds
  | 'not-xlsx-zip' // a valid zip without [Content_Types].xml or xl/workbook.xml
  | 'zip-bomb'; // expands beyond the limits in SniffOptions

export interface SniffOptions {
  /** Refuse when the entries' declared uncompressed sizes add up to more than this. Default 200 MiB. */
  maxUncompressedBytes?: number;
  /** Refuse archives declaring more entries than this. Default 10000. */
  maxEntries?: number;
  /** Refuse any entry over 1 MiB whose uncompressed/compressed ratio exceeds this. Default 200. */
  maxRatio?: number;
}

export interface SniffOk {
  ok: true;
  /** Entries in the zip's central directory. */
  entries: number;
  /** Sum of the entries' declared uncompressed sizes. */
  uncompressedBytes: number;
}

export interface SniffFailure {
  ok: false;
  problem: InputProblem;
  /** English, one line, for logs; show users describeProblem() instead. */
  detail: string;
}

export type SniffResult = SniffOk | SniffFailure;

const MiB = 1024 * 1024;
const DEFAULT_MAX_UNCOMPRESSED = 200 * MiB;
const DEFAULT_MAX_ENTRIES = 10000;
const DEFAULT_MAX_RATIO = 200;
/** The ratio rule only applies above this size: tiny, very repetitive XML parts are normal. */
const RATIO_MIN_UNCOMPRESSED = MiB;

/** How much of a non-zip, non-OLE2 file is looked at to decide whether it is text. */
const TEXT_SNIFF_BYTES = 4096;

export function sniffXlsx(bytes: Uint8Array, options: SniffOptions = {}): SniffResult {
  if (bytes.length === 0) return fail('empty-file', 'the file has 0 bytes');
  const limits: Limits = {
    maxUncompressedBytes: numberOr(options.maxUncompressedBytes, DEFAULT_MAX_UNCOMPRESSED),
    maxEntries: numberOr(options.maxEntries, DEFAULT_MAX_ENTRIES),
    maxRatio: numberOr(options.maxRatio, DEFAULT_MAX_RATIO),
  };
  const zipLike = startsWith(bytes, ZIP_LOCAL_MAGIC) || startsWith(bytes, ZIP_EMPTY_MAGIC) || startsWith(bytes, ZIP_SPANNED_MAGIC);
  try {
    if (zipLike) return sniffZip(bytes, limits);
    if (startsWith(bytes, CFB_MAGIC)) return sniffCfb(bytes);
    return sniffOther(bytes);
  } catch (error) {
    // Last guard: reads are bounds-checked, so this is only reached on structures nobody foresaw.
    const detail = `unreadable structure (${error instanceof Error ? error.message : String(error)})`;
    return fail(zipLike ? 'truncated' : 'not-zip', detail);
  }
}

/** One line, Chinese sentence first, then " / ", then the English sentence; names the file and the fix. */
export function describeProblem(problem: InputProblem, fileName: string): string {
  // A file name is user data: keep it from breaking the one-line promise.
  const name = fileName.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  const zh = name ? `无法读取“${name}”` : '无法读取该文件';
  const en = name ? `Cannot read "${name}"` : 'Cannot read the file';
  switch (problem) {
    case 'empty-file':
      return `${zh}：文件是空的（0 字节），请重新导出或重新上传。 / ${en}: the file is empty (0 bytes); export or upload it again.`;
    case 'not-zip':
      return `${zh}：文件不是 .xlsx 工作簿，请在 Excel 中打开并另存为 .xlsx。 / ${en}: the file is not an .xlsx workbook; open it in Excel and save it as .xlsx.`;
    case 'csv':
      return `${zh}：文件不是 .xlsx 工作簿（看起来是 CSV 文本），请在 Excel 中打开并另存为 .xlsx。 / ${en}: the file is not an .xlsx workbook (it looks like CSV text); open it in Excel and save it as .xlsx.`;
    case 'xls':
      return `${zh}：这是旧版 .xls 工作簿，请在 Excel 中另存为 .xlsx 后再试。 / ${en}: it is a legacy .xls workbook; save it as .xlsx in Excel and try again.`;
    case 'encrypted':
      return `${zh}：文件已加密（设有打开密码），请在 Excel 中删除密码并保存后再试。 / ${en}: the file is encrypted (password-protected); remove the password in Excel, save it and try again.`;
    case 'truncated':
      return `${zh}：文件不完整或已损坏，请重新导出或重新下载。 / ${en}: the file is incomplete or damaged; export or download it again.`;
    case 'not-xlsx-zip':
      return `${zh}：这是压缩包，但不是 .xlsx 工作簿（可能是 .docx 或其他 zip 文件），请选择正确的 .xlsx 文件。 / ${en}: it is a zip archive but not an .xlsx workbook (perhaps a .docx or another zip file); choose the right .xlsx file.`;
    case 'zip-bomb':
      return `${zh}：文件解压后超出安全上限，已拒绝打开；如确为正常工作簿，请删除多余内容后另存再试。 / ${en}: the file expands beyond the safe limit and was refused; if it is a genuine workbook, remove unneeded content, save it and try again.`;
    default:
      return assertNever(problem);
  }
}

// ---------------------------------------------------------------------------------------------
// Bounds-checked little-endian reads. They throw OutOfBounds, which the parsers turn into a result.

class OutOfBounds extends Error {}

function u16(b: Uint8Array, o: number): number {
  if (!(o >= 0 && o + 2 <= b.length)) throw new OutOfBounds(`read of 2 bytes at ${o} is outside the file`);
  return b[o]! | (b[o + 1]! << 8);
}

function u32(b: Uint8Array, o: number): number {
  if (!(o >= 0 && o + 4 <= b.length)) throw new OutOfBounds(`read of 4 bytes at ${o} is outside the file`);
  return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
}

/** 64-bit value as a double: exact up to 2^53, and anything bigger is out of bounds or a bomb anyway. */
function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x1_0000_0000;
}

function startsWith(b: Uint8Array, magic: readonly number[]): boolean {
  if (b.length < magic.length) return false;
  return magic.every((v, i) => b[i] === v);
}

function fail(problem: InputProblem, detail: string): SniffFailure {
  // Entry names come from the file itself: a damaged name may hold line breaks or control bytes.
  // eslint-disable-next-line no-control-regex
  return { ok: false, problem, detail: detail.replace(/[\u0000-\u001f\u007f]/g, '?') };
}

function numberOr(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && !Number.isNaN(value) ? value : fallback;
}

function assertNever(value: never): never {
  throw new Error(`unexpected problem ${String(value)}`);
}

// ---------------------------------------------------------------------------------------------
// Zip: End Of Central Directory -> central directory headers. Sizes come from the central
// directory, which is what exceljs (via JSZip) trusts too. A zip that lies about its sizes is only
// caught when it is inflated; this check stops the honest bombs and the malformed files.

interface Limits {
  maxUncompressedBytes: number;
  maxEntries: number;
  maxRatio: number;
}

const ZIP_LOCAL_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const ZIP_SPANNED_MAGIC = [0x50, 0x4b, 0x07, 0x08];

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const EOCD_SIZE = 22;
const CENTRAL_HEADER_SIZE = 46;
const LOCAL_HEADER_SIZE = 30;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;
/** EOCD candidates tried before giving up; bounds the work random "PK\x05\x06" bytes can cause. */
const MAX_EOCD_ATTEMPTS = 16;

interface CentralDirectory {
  entries: number;
  offset: number;
  size: number;
}

function sniffZip(bytes: Uint8Array, limits: Limits): SniffResult {
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
  const names: string[] = [];
  for (let i = 0; i < cd.entries; i++) {
    if (pos + CENTRAL_HEADER_SIZE > end || u32(bytes, pos) !== SIG_CENTRAL) {
      return fail('truncated', `central directory header ${i + 1} of ${cd.entries} is missing or damaged`);
    }
    let compressed = u32(bytes, pos + 20);
    let uncompressed = u32(bytes, pos + 24);
    const nameLength = u16(bytes, pos + 28);
    const extraLength = u16(bytes, pos + 30);
    const commentLength = u16(bytes, pos + 32);
    let localOffset = u32(bytes, pos + 42);
    const nameStart = pos + CENTRAL_HEADER_SIZE;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > end) return fail('truncated', `central directory header ${i + 1} runs past the directory's end`);
    const name = decodeUtf8(bytes, nameStart, extraStart);

    if (compressed === MAX32 || uncompressed === MAX32 || localOffset === MAX32) {
      const z64 = readZip64Extra(bytes, extraStart, extraStart + extraLength, { uncompressed, compressed, localOffset });
      if (typeof z64 === 'string') return fail('truncated', `entry "${name}": ${z64}`);
      ({ uncompressed, compressed, localOffset } = z64);
    }

    // Bomb checks first: refusing is the safe answer even if the rest is also damaged.
    total += uncompressed;
    if (total > limits.maxUncompressedBytes) {
      return fail('zip-bomb', `declared uncompressed size exceeds ${limits.maxUncompressedBytes} bytes (at entry "${name}")`);
    }
    // Written as a product so that a compressed size of 0 counts as an infinite ratio.
    if (uncompressed > RATIO_MIN_UNCOMPRESSED && uncompressed > compressed * limits.maxRatio) {
      return fail('zip-bomb', `entry "${name}" expands ${compressed} -> ${uncompressed} bytes (ratio limit ${limits.maxRatio})`);
    }

    // The entry's data must sit before the central directory, behind a local header.
    if (localOffset + LOCAL_HEADER_SIZE > cd.offset || u32(bytes, localOffset) !== SIG_LOCAL) {
      return fail('truncated', `entry "${name}" points at a missing local header (offset ${localOffset})`);
    }
    const dataEnd = localOffset + LOCAL_HEADER_SIZE + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28) + compressed;
    if (dataEnd > cd.offset) return fail('truncated', `entry "${name}" runs into the central directory`);

    names.push(name);
    pos = next;
  }

  // Part names in a package are case-insensitive; some writers use backslashes.
  const parts = new Set(names.map((n) => n.replace(/\\/g, '/').toLowerCase()));
  const missing = ['[Content_Types].xml', 'xl/workbook.xml'].filter((n) => !parts.has(n.toLowerCase()));
  if (missing.length > 0) {
    return fail('not-xlsx-zip', `a zip without ${missing.join(' and ')}${zipKindHint(parts)}`);
  }
  return { ok: true, entries: cd.entries, uncompressedBytes: total };
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

interface Zip64Eocd {
  disk: number;
  cdDisk: number;
  diskEntries: number;
  entries: number;
  size: number;
  offset: number;
  cdLimit: number;
}

function readZip64Eocd(bytes: Uint8Array, p: number): Zip64Eocd | string | null {
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
  uncompressed: number;
  compressed: number;
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
      for (const key of ['uncompressed', 'compressed', 'localOffset'] as const) {
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

function zipKindHint(parts: Set<string>): string {
  if (parts.has('word/document.xml')) return ' (it looks like a Word .docx)';
  if (parts.has('ppt/presentation.xml')) return ' (it looks like a PowerPoint .pptx)';
  if (parts.has('xl/workbook.bin')) return ' (it looks like a binary .xlsb workbook)';
  if (parts.has('content.xml') && parts.has('mimetype')) return ' (it looks like an OpenDocument file such as .ods)';
  return '';
}

/** Lenient UTF-8 (zip names are UTF-8 or CP437; both are ASCII for the names we look for). */
function decodeUtf8(b: Uint8Array, start: number, end: number): string {
  let out = '';
  let i = start;
  while (i < end) {
    const c = b[i]!;
    let cp = -1;
    let n = 0;
    if (c < 0x80) [cp, n] = [c, 1];
    else if (c >= 0xc2 && c < 0xe0) [cp, n] = [c & 0x1f, 2];
    else if (c >= 0xe0 && c < 0xf0) [cp, n] = [c & 0x0f, 3];
    else if (c >= 0xf0 && c < 0xf5) [cp, n] = [c & 0x07, 4];
    let valid = n > 0 && i + n <= end;
    for (let k = 1; valid && k < n; k++) {
      const cc = b[i + k]!;
      if ((cc & 0xc0) !== 0x80) valid = false;
      else cp = (cp << 6) | (cc & 0x3f);
    }
    if (valid && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
      out += String.fromCodePoint(cp);
      i += n;
    } else {
      out += '\ufffd';
      i += 1;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// OLE2 / Compound File Binary: legacy .xls, and the container Office wraps encrypted .xlsx in.
// Reading the directory's entry names is enough to tell the two apart.

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const MAX_REGULAR_SECTOR = 0xfffffffa;
const DIRECTORY_ENTRY_SIZE = 128;
const HEADER_DIFAT_ENTRIES = 109;

function sniffCfb(bytes: Uint8Array): SniffResult {
  let directory: CfbDirectory | null = null;
  try {
    directory = readCfbDirectory(bytes);
  } catch {
    directory = null; // damaged header or chains: fall back to the byte search below
  }
  const names = directory ? new Set(directory.names.map((n) => n.toLowerCase())) : null;
  const inDirectory = (name: string): boolean => names !== null && names.has(name.toLowerCase());
  // The byte search is only trusted when the directory could not be read in full: a complete
  // directory is authoritative (a .doc may well mention "Workbook" in its text).
  const searchBytes = !directory || !directory.complete;
  const has = (name: string): boolean => inDirectory(name) || (searchBytes && containsUtf16le(bytes, name));
  const how = directory ? (directory.complete ? 'directory' : 'partial directory and byte search') : 'byte search';

  if (has('EncryptionInfo') || has('EncryptedPackage')) {
    return fail('encrypted', `an OLE2 compound file holding an encrypted package (found by ${how})`);
  }
  if (has('Workbook') || has('Book')) return fail('xls', `an OLE2 compound file holding a legacy .xls workbook (found by ${how})`);
  let hint = '';
  if (inDirectory('WordDocument')) hint = ' (it looks like a Word .doc)';
  else if (inDirectory('PowerPoint Document')) hint = ' (it looks like a PowerPoint .ppt)';
  return fail('not-zip', `an OLE2 compound file that is not an Excel workbook${hint}`);
}

interface CfbDirectory {
  names: string[];
  /** False when the directory chain ran off the end of a truncated file. */
  complete: boolean;
}

/** Returns null when the header is not one we understand. */
function readCfbDirectory(bytes: Uint8Array): CfbDirectory | null {
  const major = u16(bytes, 26);
  const shift = u16(bytes, 30);
  if (!((major === 3 && shift === 9) || (major === 4 && shift === 12))) return null;
  const sectorSize = 1 << shift;
  const perSector = sectorSize / 4;
  const sectorOffset = (s: number): number => (s + 1) * sectorSize; // the header occupies "sector -1"
  // No chain can be longer than the file has sectors: the bound that stops loops in damaged files.
  const maxSectors = Math.floor(bytes.length / sectorSize) + 1;

  // FAT sector numbers: 109 in the header, the rest in the DIFAT sector chain.
  const fatCount = Math.min(u32(bytes, 44), maxSectors);
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_ENTRIES && fatSectors.length < fatCount; i++) fatSectors.push(u32(bytes, 76 + 4 * i));
  const seenDifat = new Set<number>();
  for (let d = u32(bytes, 68); d <= MAX_REGULAR_SECTOR && fatSectors.length < fatCount && !seenDifat.has(d); ) {
    seenDifat.add(d);
    const base = sectorOffset(d);
    if (base + sectorSize > bytes.length) break;
    for (let i = 0; i < perSector - 1 && fatSectors.length < fatCount; i++) fatSectors.push(u32(bytes, base + 4 * i));
    d = u32(bytes, base + sectorSize - 4);
  }

  const nextSector = (s: number): number => {
    const fat = fatSectors[Math.floor(s / perSector)];
    if (fat === undefined || fat > MAX_REGULAR_SECTOR) return MAX32;
    const at = sectorOffset(fat) + (s % perSector) * 4;
    return at + 4 <= bytes.length ? u32(bytes, at) : MAX32;
  };

  const names: string[] = [];
  let sawRoot = false;
  let complete = true;
  const visited = new Set<number>();
  let s = u32(bytes, 48);
  while (s <= MAX_REGULAR_SECTOR) {
    if (visited.has(s) || visited.size >= maxSectors) break; // a cycle: the entries are already read
    visited.add(s);
    const base = sectorOffset(s);
    if (base + sectorSize > bytes.length) {
      complete = false;
      break;
    }
    for (let e = base; e < base + sectorSize; e += DIRECTORY_ENTRY_SIZE) {
      const type = bytes[e + 66];
      if (type === 5) sawRoot = true;
      if (type !== 1 && type !== 2) continue; // only storages and streams have names worth reading
      const length = u16(bytes, e + 64); // in bytes, including the terminating NUL
      if (length < 2 || length > 64 || length % 2 !== 0) continue;
      names.push(decodeUtf16le(bytes, e, e + length - 2));
    }
    s = nextSector(s);
  }
  return sawRoot ? { names, complete } : null;
}

function decodeUtf16le(b: Uint8Array, start: number, end: number): string {
  let out = '';
  for (let i = start; i + 1 < end; i += 2) out += String.fromCharCode(b[i]! | (b[i + 1]! << 8));
  return out;
}

function containsUtf16le(b: Uint8Array, text: string): boolean {
  const pattern: number[] = [];
  for (let i = 0; i < text.length; i++) pattern.push(text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8);
  outer: for (let i = 0; i + pattern.length <= b.length; i++) {
    for (let k = 0; k < pattern.length; k++) if (b[i + k] !== pattern[k]) continue outer;
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Anything else: recognisable binaries, text tables (CSV/TSV) and other text.

const KNOWN_BINARIES: ReadonlyArray<readonly [readonly number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF document'],
  [[0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], 'a RAR archive'],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 'a 7-Zip archive'],
  [[0x1f, 0x8b], 'a gzip file'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
];

function sniffOther(bytes: Uint8Array): SniffResult {
  for (const [magic, what] of KNOWN_BINARIES) {
    if (startsWith(bytes, magic)) return fail('not-zip', `it looks like ${what}`);
  }
  const units = textUnits(bytes.subarray(0, TEXT_SNIFF_BYTES));
  let bad = 0;
  let separators = 0;
  let lineBreaks = 0;
  let firstVisible = -1;
  for (const u of units) {
    if (u === 0x00) return fail('not-zip', 'binary data (NUL bytes), neither a zip package nor text');
    if (u === 0x0a || u === 0x0d) lineBreaks++;
    else if (u === 0x2c || u === 0x09) separators++;
    else if ((u < 0x20 && u !== 0x0c) || u === 0x7f) bad++;
    if (firstVisible < 0 && u > 0x20 && u !== 0xfeff) firstVisible = u;
  }
  // "Mostly printable": a stray control character is tolerated, binary data has them everywhere.
  if (units.length === 0 || bad * 50 > units.length) return fail('not-zip', 'binary data, neither a zip package nor text');
  // HTML/XML tables saved with an .xls name are common; they are not CSV even with commas in them.
  if (firstVisible === 0x3c) return fail('not-zip', 'HTML or XML text (e.g. a web page or Excel 2003 XML saved as .xls)');
  if (separators > 0 && lineBreaks > 0) return fail('csv', 'text with commas or tabs and line breaks (CSV/TSV)');
  return fail('not-zip', 'plain text, neither a zip package nor a CSV table');
}

/**
 * The head as 16-bit units for the checks above. UTF-16 (Excel's "Unicode Text" export) is
 * recognised by its BOM; everything else is judged byte by byte, which suits UTF-8 and GBK alike:
 * their multi-byte characters use bytes >= 0x80 only, and so never look like separators or controls.
 */
function textUnits(head: Uint8Array): number[] {
  const units: number[] = [];
  const le = head[0] === 0xff && head[1] === 0xfe;
  const be = head[0] === 0xfe && head[1] === 0xff;
  if (le || be) {
    for (let i = 2; i + 1 < head.length; i += 2) units.push(le ? head[i]! | (head[i + 1]! << 8) : (head[i]! << 8) | head[i + 1]!);
    return units;
  }
  const start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0; // UTF-8 BOM
  for (let i = start; i < head.length; i++) units.push(head[i]!);
  return units;
}
