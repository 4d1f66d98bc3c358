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

  /**
   * The part's bytes, inflated within the budget and at most `maxBytes` (a part that inflates beyond
   * is refused as too large); null when the package has no such part. For the few parts that are
   * returned whole rather than parsed (a custom XML part).
   */
  partBytes(part: string, maxBytes: number): Uint8Array | null {
    const entry = this.byName.get(normalizePartName(part));
    if (!entry) return null;
    if (entry.flags & 0x0001) throw new ReadFailure('corrupt', { zh: `部件 ${part} 已加密`, en: `part ${part} is encrypted` });
    if (entry.size > maxBytes) throw new ReadFailure('too-large', { zh: `部件 ${part} 超过 ${maxBytes} 字节`, en: `part ${part} is over ${maxBytes} bytes` });
    const chunks: Uint8Array[] = [];
    const limit = this.budget.partCap(entry.size);
    const cap = Math.min(maxBytes, limit.cap);
    this.parseChunks(part, entry, { cap, byBudget: limit.byBudget || cap < limit.cap }, (chunk) => chunks.push(chunk));
    const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let o = 0;
    for (const c of chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }

  /** Parses the part with `handlers`; false (nothing parsed) when the package has no such part. */
  parse(part: string, handlers: XmlHandlers): boolean {
    const entry = this.byName.get(normalizePartName(part));
    if (!entry) return false;
    if (entry.flags & 0x0001) throw new ReadFailure('corrupt', { zh: `部件 ${part} 已加密`, en: `part ${part} is encrypted` });
    const xml = new XmlStream(part, handlers, this.budget.limits.maxDepth);
    this.parseChunks(part, entry, this.budget.partCap(entry.size), (chunk) => xml.bytes(chunk));
    xml.end();
    return true;
  }

  private parseChunks(part: string, entry: ZipEntry, { cap, byBudget }: { cap: number; byBudget: boolean }, onChunk: (chunk: Uint8Array) => void): void {
    try {
      const n = inflateEntryChunks(this.bytes, entry, cap, onChunk);
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
  }
}
