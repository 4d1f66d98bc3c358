import { SaxesParser } from 'saxes';
import { ReadFailure } from './limits';

/**
 * A part's XML as a stream of events, parsed by saxes while the part is being inflated: a part is
 * never held whole, as bytes or as a string, and its elements never become a tree.
 *
 * Why saxes: a strict, maintained, dependency-light (xmlchars only) streaming parser that runs in
 * the browser and in Node, the one exceljs itself uses, so well-formedness is judged as before. It
 * expands only the five predefined entities and character references: a DOCTYPE's entities would be
 * undefined references, which saxes refuses. A DOCTYPE is refused before that anyway — Excel never
 * writes one, and it is how XXE and billion-laughs files begin.
 */
export interface XmlHandlers {
  /** `name` is the local name (prefix dropped); attribute names keep their prefix. */
  open(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  /** Character data and CDATA, in pieces as they come. */
  text?(text: string): void;
}

export class XmlStream {
  private readonly parser = new SaxesParser({ xmlns: false, position: false });
  // InstanceType: the CLI build has Node's TextDecoder (a value) and no DOM lib to name its type.
  private decoder: InstanceType<typeof TextDecoder> | null = null;
  private depth = 0;

  constructor(
    private readonly part: string,
    handlers: XmlHandlers,
    maxDepth: number,
  ) {
    const damaged = (why: string) => new ReadFailure('corrupt', { zh: `部件 ${part} ${why}`, en: `part ${part}: ${why}` });
    this.parser.on('doctype', () => {
      throw damaged('含有 DOCTYPE 声明 (a DOCTYPE declaration)');
    });
    this.parser.on('opentag', (tag) => {
      if (++this.depth > maxDepth) throw damaged(`嵌套超过 ${maxDepth} 层 (nested deeper than ${maxDepth})`);
      const name = tag.name;
      const colon = name.indexOf(':');
      handlers.open(colon < 0 ? name : name.slice(colon + 1), tag.attributes);
    });
    this.parser.on('closetag', (tag) => {
      this.depth--;
      if (!handlers.close) return;
      const name = tag.name;
      const colon = name.indexOf(':');
      handlers.close(colon < 0 ? name : name.slice(colon + 1));
    });
    const text = handlers.text?.bind(handlers);
    if (text) {
      this.parser.on('text', text);
      this.parser.on('cdata', text);
    }
  }

  /** Inflated bytes of the part, in order. UTF-8 unless the part starts with a UTF-16 byte order mark. */
  bytes(chunk: Uint8Array): void {
    if (!this.decoder) {
      const encoding = chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : chunk[0] === 0xfe && chunk[1] === 0xff ? 'utf-16be' : 'utf-8';
      this.decoder = new TextDecoder(encoding);
    }
    this.write(this.decoder.decode(chunk, { stream: true }));
  }

  end(): void {
    if (this.decoder) this.write(this.decoder.decode());
    this.call(() => this.parser.close());
  }

  private write(text: string): void {
    if (text) this.call(() => this.parser.write(text));
  }

  /** saxes reports malformed XML by throwing a plain Error; it becomes a damaged part. Our own failures pass. */
  private call(f: () => void): void {
    try {
      f();
    } catch (cause) {
      if (cause instanceof ReadFailure) throw cause;
      const why = cause instanceof Error ? cause.message.split('\n')[0].slice(0, 200) : String(cause);
      throw new ReadFailure('corrupt', { zh: `部件 ${this.part} 不是有效的 XML (${why})`, en: `part ${this.part} is not well-formed XML (${why})` }, { cause });
    }
  }
}
