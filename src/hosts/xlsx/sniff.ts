/**
 * Classifies a file's bytes before they are handed to a reader, so that bad input (a CSV, an
 * encrypted or cut-short file, a zip bomb) gets a clear one-line message instead of a crash or an
 * out-of-memory, and a legacy .xls goes to the BIFF reader. Only headers and directories are read, nothing is decompressed.
 *
 * Plain TypeScript over a Uint8Array (no Buffer, fs or zlib) so the same check runs in the browser.
 * Every multi-byte read goes through the bounds-checked helpers of package/bytes; arbitrary bytes
 * must never make this throw.
 */

import { u16, u32 } from './package/bytes';
import { DEFAULT_ZIP_LIMITS, listZip, type ZipLimits } from './package/zip';

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

/** How much of a non-zip, non-OLE2 file is looked at to decide whether it is text. */
const TEXT_SNIFF_BYTES = 4096;

export function sniffXlsx(bytes: Uint8Array, options: SniffOptions = {}): SniffResult {
  if (bytes.length === 0) return fail('empty-file', 'the file has 0 bytes');
  const limits: ZipLimits = {
    maxUncompressedBytes: numberOr(options.maxUncompressedBytes, DEFAULT_ZIP_LIMITS.maxUncompressedBytes),
    maxEntries: numberOr(options.maxEntries, DEFAULT_ZIP_LIMITS.maxEntries),
    maxRatio: numberOr(options.maxRatio, DEFAULT_ZIP_LIMITS.maxRatio),
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
  // eslint-disable-next-line no-control-regex
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
// Zip: the central directory as listZip reads it (offsets, sizes and names checked; the declared
// sizes against the limits). A zip that lies about its sizes is only caught when it is inflated.

const ZIP_LOCAL_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const ZIP_SPANNED_MAGIC = [0x50, 0x4b, 0x07, 0x08];

function sniffZip(bytes: Uint8Array, limits: ZipLimits): SniffResult {
  const listing = listZip(bytes, limits);
  if (!listing.ok) {
    if (listing.problem === 'zip-bomb') return fail('zip-bomb', listing.detail);
    return fail('truncated', listing.problem === 'ambiguous' ? `an ambiguous, damaged package: ${listing.detail}` : listing.detail);
  }
  // Part names in a package are case-insensitive; some writers use backslashes.
  const parts = new Set(listing.entries.map((e) => e.name.replace(/\\/g, '/').toLowerCase()));
  const missing = ['[Content_Types].xml', 'xl/workbook.xml'].filter((n) => !parts.has(n.toLowerCase()));
  if (missing.length > 0) {
    return fail('not-xlsx-zip', `a zip without ${missing.join(' and ')}${zipKindHint(parts)}`);
  }
  return { ok: true, entries: listing.entries.length, uncompressedBytes: listing.declaredBytes };
}

function zipKindHint(parts: Set<string>): string {
  if (parts.has('word/document.xml')) return ' (it looks like a Word .docx)';
  if (parts.has('ppt/presentation.xml')) return ' (it looks like a PowerPoint .pptx)';
  if (parts.has('xl/workbook.bin')) return ' (it looks like a binary .xlsb workbook)';
  if (parts.has('content.xml') && parts.has('mimetype')) return ' (it looks like an OpenDocument file such as .ods)';
  return '';
}

// ---------------------------------------------------------------------------------------------
// OLE2 / Compound File Binary: legacy .xls, and the container Office wraps encrypted .xlsx in.
// Reading the directory's entry names is enough to tell the two apart.

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const MAX_REGULAR_SECTOR = 0xfffffffa;
/** FREESECT: ends a chain walk (any value above MAX_REGULAR_SECTOR does). */
const NO_SECTOR = 0xffffffff;
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
  // A directory that could not be read whole, naming nothing we know: a cut-short or damaged file
  // (an .xls cut before its directory), not a document of another kind.
  if (!directory || !directory.complete) return fail('truncated', `an OLE2 compound file whose directory is cut short or damaged (${how})`);
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
    if (fat === undefined || fat > MAX_REGULAR_SECTOR) return NO_SECTOR;
    const at = sectorOffset(fat) + (s % perSector) * 4;
    return at + 4 <= bytes.length ? u32(bytes, at) : NO_SECTOR;
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
  for (let i = start; i + 1 < end; i += 2) out += String.fromCharCode(b[i] | (b[i + 1] << 8));
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
    for (let i = 2; i + 1 < head.length; i += 2) units.push(le ? head[i] | (head[i + 1] << 8) : (head[i] << 8) | head[i + 1]);
    return units;
  }
  const start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0; // UTF-8 BOM
  for (let i = start; i < head.length; i++) units.push(head[i]);
  return units;
}
