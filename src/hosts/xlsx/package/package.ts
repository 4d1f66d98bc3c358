import { describeProblem } from '../sniff';
import { packageDamaged, WorkbookWriteError } from './errors';
import { parseRelationships, relsPathOf, removeRelationship } from './relationships';
import { removeElements } from './xml';
import { DEFAULT_ZIP_LIMITS, inflateEntry, listZip, normalizePartName, writeZip, ZipError, type ZipEntry, type ZipLimits } from './zip';

const CONTENT_TYPES = '[Content_Types].xml';

/**
 * An OPC package (the .xlsx zip) opened for patching: parts by name, read as text, replaced or
 * removed, then saved with every other entry copied as it is. Everything inflated counts against
 * one budget, so a package whose directory lies about its sizes is refused before it fills memory.
 */
export class Package {
  private readonly byName = new Map<string, ZipEntry>();
  /** Texts as read, so that a part read twice is inflated (and counted) once. */
  private readonly read = new Map<string, string>();
  private readonly replaced = new Map<string, string>();
  private readonly removed = new Set<string>();
  /** Parts new in this package, in the order added (written after the existing entries). */
  private readonly added = new Map<string, { name: string; text: string }>();
  private inflated = 0;

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly entries: readonly ZipEntry[],
    private readonly budget: number,
  ) {
    for (const e of entries) this.byName.set(normalizePartName(e.name), e);
  }

  static open(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Package {
    const listing = listZip(bytes, limits);
    if (!listing.ok) {
      if (listing.problem === 'zip-bomb') throw new WorkbookWriteError(describeProblem('zip-bomb', ''), 'unreadable');
      throw packageDamaged();
    }
    if (listing.entries.some((e) => e.flags & 0x0001)) {
      throw new WorkbookWriteError(
        '工作簿中含有加密的压缩条目，无法写入。 / The workbook contains encrypted zip entries; cannot write into it.',
        'unsupported',
      );
    }
    return new Package(bytes, listing.entries, limits.maxUncompressedBytes);
  }

  has(part: string): boolean {
    const key = normalizePartName(part);
    return (this.byName.has(key) && !this.removed.has(key)) || this.added.has(key);
  }

  /** Every part name of the package as it stands (removed ones left out, added ones included). */
  partNames(): string[] {
    return [...this.entries.map((e) => e.name).filter((n) => !this.removed.has(normalizePartName(n))), ...[...this.added.values()].map((a) => a.name)];
  }

  /** The main part (xl/workbook.xml unless the package's relationships name another). */
  officeDocumentPath(): string {
    const rels = parseRelationships(this.textOrNull('_rels/.rels'), '');
    const doc = rels.find((r) => r.type.endsWith('/officeDocument') && !r.external && this.has(r.target));
    return doc ? doc.target : 'xl/workbook.xml';
  }

  /** The part's text as it stands (replaced or original); null when the package has no such part. */
  textOrNull(part: string): string | null {
    const key = normalizePartName(part);
    const added = this.added.get(key);
    if (added) return added.text;
    if (this.removed.has(key)) return null;
    const known = this.replaced.get(key) ?? this.read.get(key);
    if (known !== undefined) return known;
    const e = this.byName.get(key);
    if (!e) return null;
    const text = decodeUtf8Part(this.inflate(e), part);
    this.read.set(key, text);
    return text;
  }

  text(part: string): string {
    const t = this.textOrNull(part);
    if (t === null) {
      throw new WorkbookWriteError(`工作簿缺少 ${part} 部件，文件已损坏。 / The workbook has no ${part} part; the file is damaged.`, 'unreadable');
    }
    return t;
  }

  setText(part: string, text: string): void {
    const key = normalizePartName(part);
    const added = this.added.get(key);
    if (added) added.text = text;
    else this.replaced.set(key, text);
  }

  /**
   * The part's bytes as stored (inflated within the package's budget), for parts that may not be
   * UTF-8 text (a custom XML part in UTF-16); null when there is no such part.
   */
  bytesOrNull(part: string): Uint8Array | null {
    const key = normalizePartName(part);
    const added = this.added.get(key);
    if (added) return new TextEncoder().encode(added.text);
    if (this.removed.has(key)) return null;
    const text = this.replaced.get(key);
    if (text !== undefined) return new TextEncoder().encode(text);
    const e = this.byName.get(key);
    return e ? this.inflate(e) : null;
  }

  /** Adds a new part (written after the existing entries, deflated); refuses a name the package has. */
  addPart(part: string, text: string): void {
    const name = part.replace(/\\/g, '/').replace(/^\/+/, '');
    if (this.has(name)) throw new WorkbookWriteError(`工作簿中已有 ${name} 部件。 / The workbook already has a part ${name}.`, 'unsupported');
    this.added.set(normalizePartName(name), { name, text });
  }

  /** Drops `part` with its content-type override and the relationship `relId` of `source` that points at it. */
  removePart(part: string, source: string, relId: string): void {
    const key = normalizePartName(part);
    // an added part just goes; an original one (also one removed and added again) stays left out
    if (!this.added.delete(key)) this.removed.add(key);
    const relsPath = relsPathOf(source);
    this.setText(relsPath, removeRelationship(this.text(relsPath), relId));
    const types = this.text(CONTENT_TYPES);
    this.setText(CONTENT_TYPES, removeElements(types, 'Override', (a) => normalizePartName(a.get('PartName') ?? '') === key));
  }

  /** The package's bytes: entries in their order, replaced parts deflated anew, the others copied as they are. */
  save(): Uint8Array {
    const out = [];
    for (const entry of this.entries) {
      const key = normalizePartName(entry.name);
      if (this.removed.has(key)) continue;
      const text = this.replaced.get(key);
      out.push(text === undefined ? { entry } : { entry, content: new TextEncoder().encode(text) });
    }
    // new parts take the time and system of the main part's entry, so the package reads as one
    const model = this.entries.find((e) => normalizePartName(e.name) === normalizePartName(this.officeDocumentPath())) ?? this.entries[0];
    for (const { name, text } of this.added.values()) {
      const content = new TextEncoder().encode(text);
      const entry: ZipEntry = {
        name,
        flags: 0,
        method: 8,
        time: model?.time ?? 0,
        date: model?.date ?? 0x21,
        crc: 0,
        compressedSize: 0,
        size: content.length,
        versionMadeBy: model?.versionMadeBy ?? 20,
        externalAttrs: 0,
        dataStart: 0,
      };
      out.push({ entry, content });
    }
    try {
      return writeZip(this.bytes, out);
    } catch (cause) {
      if (cause instanceof ZipError && cause.kind === 'too-large') {
        throw new WorkbookWriteError('生成的工作簿超过 4 GB，无法写入。 / The resulting workbook exceeds 4 GB; cannot write it.', 'unsupported', { cause });
      }
      throw packageDamaged({ cause });
    }
  }

  private inflate(e: ZipEntry): Uint8Array {
    // An entry may come out a little over its declared size; far over it, the directory lies.
    const left = this.budget - this.inflated;
    const cap = Math.min(e.size + 1024, left);
    try {
      const bytes = inflateEntry(this.bytes, e, cap);
      this.inflated += bytes.length;
      return bytes;
    } catch (cause) {
      if (!(cause instanceof ZipError)) throw cause;
      if (cause.kind === 'too-large') {
        if (cap === left) throw new WorkbookWriteError(describeProblem('zip-bomb', ''), 'unreadable', { cause });
        throw packageDamaged({ cause });
      }
      if (cause.kind === 'method') {
        throw new WorkbookWriteError(
          `工作簿部件“${e.name}”使用了不支持的压缩方式（${e.method}）。 / The workbook part "${e.name}" uses an unsupported compression method (${e.method}).`,
          'unsupported',
          { cause },
        );
      }
      throw new WorkbookWriteError(
        `工作簿部件“${e.name}”已损坏，无法解压。 / The workbook part "${e.name}" is damaged and cannot be decompressed.`,
        'unreadable',
        { cause },
      );
    }
  }
}

function decodeUtf8Part(bytes: Uint8Array, part: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new WorkbookWriteError(
      `工作簿的 ${part} 部件采用 UTF-16 编码，暂不支持写入；请在 Excel 中另存后再试。 / The workbook's ${part} part is UTF-16 encoded, which is not supported; save the file again in Excel and retry.`,
      'unsupported',
    );
  }
  return new TextDecoder('utf-8').decode(bytes);
}
