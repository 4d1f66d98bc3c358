import { inflateEntryChunks, listZip, normalizePartName, ZipError, type ZipEntry } from '../package/zip';
import { Budget, ReadFailure } from './limits';
import { XmlStream, type XmlHandlers } from './xml-stream';

/**
 * The parts of the package as the reader needs them: found by name (case-insensitive, as OPC
 * says), inflated within the budget while they are parsed.
 */
export class Parts {
  private readonly byName = new Map<string, ZipEntry>();

  constructor(
    private readonly bytes: Uint8Array,
    private readonly budget: Budget,
  ) {
    // The sniff has already listed this zip under the same limits; a listing failure here is damage.
    const listing = listZip(bytes, {
      maxUncompressedBytes: budget.limits.maxInflatedBytes,
      maxEntries: 10000,
      maxRatio: 200,
    });
    if (!listing.ok) {
      throw new ReadFailure(listing.problem === 'zip-bomb' ? 'zip-bomb' : 'corrupt', { zh: listing.detail, en: listing.detail });
    }
    for (const e of listing.entries) this.byName.set(normalizePartName(e.name), e);
  }

  has(part: string): boolean {
    return this.byName.has(normalizePartName(part));
  }

  /** Parses the part with `handlers`; false (nothing parsed) when the package has no such part. */
  parse(part: string, handlers: XmlHandlers): boolean {
    const entry = this.byName.get(normalizePartName(part));
    if (!entry) return false;
    if (entry.flags & 0x0001) throw new ReadFailure('corrupt', { zh: `部件 ${part} 已加密`, en: `part ${part} is encrypted` });
    const xml = new XmlStream(part, handlers, this.budget.limits.maxDepth);
    const { cap, byBudget } = this.budget.partCap(entry.size);
    try {
      const n = inflateEntryChunks(this.bytes, entry, cap, (chunk) => xml.bytes(chunk));
      this.budget.inflatedBytes(n);
    } catch (cause) {
      if (!(cause instanceof ZipError)) throw cause;
      if (cause.kind === 'too-large') {
        const what = byBudget
          ? { zh: `解压超过 ${cap} 字节`, en: `inflates beyond ${cap} bytes` }
          : { zh: `部件 ${part} 解压后远大于声明的 ${entry.size} 字节`, en: `part ${part} inflates far beyond its declared ${entry.size} bytes` };
        throw new ReadFailure('zip-bomb', what, { cause });
      }
      const how = cause.kind === 'method' ? `使用了不支持的压缩方式 ${entry.method} (compression method ${entry.method})` : '无法解压 (cannot be inflated)';
      throw new ReadFailure('corrupt', { zh: `部件 ${part} ${how}`, en: `part ${part}: ${how}` }, { cause });
    }
    xml.end();
    return true;
  }
}
