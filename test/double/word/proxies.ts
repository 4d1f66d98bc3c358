/**
 * The proxy objects of the Word JavaScript API subset the double serves. Loads, property writes and
 * method calls queue actions on their request context; `context.sync()` runs them in order against
 * the document. A property read before it was loaded and synced throws PropertyNotLoaded. Every API
 * carries its WordApi requirement set; a sync that uses a newer one than the double supports fails
 * with ApiNotFound.
 */
import { errors, NotSimulatedError } from './errors';
import { paragraphsOf } from './ooxml';
import { controlText, isControl, paragraphText, type DocumentState, type WControl, type WParagraph } from './state';

export interface WordEngine {
  readonly state: DocumentState;
  process(actions: WordAction[]): Promise<void>;
}

export interface WordAction {
  api: string;
  set: string;
  /** Runs at sync; what it returns runs once every action of the request has succeeded. */
  execute(): (() => void) | void;
}

export class WordRequestContext {
  readonly document: DDocument;
  private queue: WordAction[] = [];
  closed = false;

  constructor(readonly engine: WordEngine) {
    this.document = new DDocument(this);
  }

  enqueue(action: WordAction): void {
    this.queue.push(action);
  }

  async sync(): Promise<void> {
    const actions = this.queue;
    this.queue = [];
    if (actions.length === 0) return;
    if (this.closed) throw errors.invalidArgument('context (its Word.run has finished)');
    await this.engine.process(actions);
  }
}

type Spec = string | string[] | undefined;

function paths(spec: Spec, all: readonly string[]): string[] {
  const list = spec === undefined ? [...all] : (typeof spec === 'string' ? spec.split(',') : spec).map((s) => s.trim()).filter(Boolean);
  return list.map((p) => p.replace(/^items\//, '')).filter((p) => p !== 'items');
}

/** A proxy: its server-side object is found when a request runs. */
abstract class WObject<T> {
  protected readonly loaded = new Map<string, unknown>();
  protected abstract readonly typeName: string;
  /** Loadable scalars: their requirement set and how to read them. */
  protected abstract readonly scalars: Record<string, { set: string; get: (t: T) => unknown }>;

  constructor(
    readonly context: WordRequestContext,
    protected readonly find: () => T,
  ) {}

  /** The server-side object when a request runs (a collection is looked up again each time). */
  protected target(): T {
    return this.find();
  }

  protected value<V>(name: string): V {
    if (!this.loaded.has(name)) throw errors.propertyNotLoaded(name);
    return this.loaded.get(name) as V;
  }

  accept(values: readonly (readonly [string, unknown])[]): void {
    for (const [k, v] of values) this.loaded.set(k, v);
  }

  load(spec?: Spec): this {
    const wanted = paths(spec, Object.keys(this.scalars));
    for (const p of wanted) if (!(p in this.scalars)) throw new NotSimulatedError(`${this.typeName}.load("${p}")`);
    this.context.enqueue({
      api: `${this.typeName}.load(${wanted.join(',')})`,
      set: wanted.map((p) => this.scalars[p].set).sort().pop() ?? '1.1',
      execute: () => {
        const t = this.target();
        const values = wanted.map((p) => [p, this.scalars[p].get(t)] as const);
        return () => this.accept(values);
      },
    });
    return this;
  }

  /** Queues a method or property write that changes the document. */
  protected change(api: string, set: string, run: (t: T) => void): void {
    this.context.enqueue({ api: `${this.typeName}.${api}`, set, execute: () => run(this.target()) });
  }
}

// ---------------------------------------------------------------------------------------------

export class DDocument {
  readonly body: DBody;

  constructor(readonly context: WordRequestContext) {
    this.body = new DBody(context);
  }

  /** Document.getSelection (WordApi 1.1): the range of the cursor. */
  getSelection(): DRange {
    return new DRange(this.context, () => {
      const s = this.context.engine.state;
      const p = s.selection && s.paragraphs.includes(s.selection) ? s.selection : s.paragraphs[0];
      if (!p) throw errors.itemNotFound('selection');
      return [p];
    });
  }
}

export class DBody extends WObject<DocumentState> {
  protected readonly typeName = 'Body';
  protected readonly scalars = { text: { set: '1.1', get: (s: DocumentState) => s.paragraphs.map(paragraphText).join('\r') } };
  readonly paragraphs: DParagraphCollection;
  readonly contentControls: DContentControlCollection;

  constructor(context: WordRequestContext) {
    super(context, () => context.engine.state);
    this.paragraphs = new DParagraphCollection(context, () => context.engine.state.paragraphs);
    this.contentControls = new DContentControlCollection(context, () => context.engine.state.controls().map((c) => c.control));
  }

  get text(): string {
    return this.value('text');
  }
}

/** A range the double knows as the paragraphs it covers (the selection: the cursor's paragraph). */
export class DRange {
  readonly paragraphs: DParagraphCollection;

  constructor(
    readonly context: WordRequestContext,
    find: () => WParagraph[],
  ) {
    this.paragraphs = new DParagraphCollection(context, find);
  }
}

const BUILT_IN = new Set(['Normal', 'Title', 'Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5', 'Heading6', 'Heading7', 'Heading8', 'Heading9']);

const PARAGRAPH_SCALARS = {
  text: { set: '1.1', get: (p: WParagraph) => paragraphText(p) },
  style: { set: '1.1', get: (p: WParagraph) => p.style },
  styleBuiltIn: { set: '1.3', get: (p: WParagraph) => (BUILT_IN.has(p.style) ? p.style : 'Other') },
  alignment: { set: '1.1', get: (p: WParagraph) => p.alignment },
  firstLineIndent: { set: '1.1', get: (p: WParagraph) => p.firstLineIndent },
};

/** A collection proxy: its items found when the load runs, each with the paths loaded. */
abstract class WCollection<T, I extends WObject<T>> extends WObject<T[]> {
  protected readonly scalars = {};
  private loadedItems: I[] | undefined;
  protected abstract readonly defs: Record<string, { set: string; get: (t: T) => unknown }>;
  protected abstract item(t: T): I;

  get items(): I[] {
    if (!this.loadedItems) throw errors.propertyNotLoaded('items');
    return this.loadedItems;
  }

  override load(spec?: Spec): this {
    const defs = this.defs;
    const wanted = paths(spec, Object.keys(defs));
    for (const p of wanted) if (!(p in defs)) throw new NotSimulatedError(`${this.typeName}.load("items/${p}")`);
    this.context.enqueue({
      api: `${this.typeName}.load(${wanted.join(',')})`,
      set: wanted.map((p) => defs[p].set).sort().pop() ?? '1.1',
      execute: () => {
        const found = [...this.find()];
        const items = found.map((t) => this.item(t));
        const values = found.map((t) => wanted.map((k) => [k, defs[k].get(t)] as const));
        return () => {
          this.loadedItems = items;
          items.forEach((item, i) => item.accept(values[i]));
        };
      },
    });
    return this;
  }
}

export class DParagraphCollection extends WCollection<WParagraph, DParagraph> {
  protected readonly typeName = 'ParagraphCollection';
  protected readonly defs = PARAGRAPH_SCALARS;

  protected item(p: WParagraph): DParagraph {
    return new DParagraph(this.context, () => p);
  }

  /** ParagraphCollection.getFirst (WordApi 1.3); ItemNotFound when empty. */
  getFirst(): DParagraph {
    const p = new DParagraph(this.context, () => {
      const first = this.find()[0];
      if (!first) throw errors.itemNotFound('first paragraph');
      return first;
    });
    this.context.enqueue({ api: 'ParagraphCollection.getFirst', set: '1.3', execute: () => undefined });
    return p;
  }
}

export class DParagraph extends WObject<WParagraph> {
  protected readonly typeName = 'Paragraph';
  protected readonly scalars = PARAGRAPH_SCALARS;
  private resolved: WParagraph | undefined;

  /** A paragraph proxy keeps the paragraph it found first; once deleted it is gone (ItemNotFound). */
  protected override target(): WParagraph {
    const p = (this.resolved ??= this.find());
    if (!this.context.engine.state.paragraphs.includes(p)) throw errors.itemNotFound('paragraph (deleted)');
    return p;
  }

  get text(): string {
    return this.value('text');
  }

  get style(): string {
    return this.value('style');
  }

  get styleBuiltIn(): string {
    return this.value('styleBuiltIn');
  }

  get alignment(): string {
    return this.value('alignment');
  }

  get firstLineIndent(): number {
    return this.value('firstLineIndent');
  }

  /** Paragraph.insertParagraph (WordApi 1.1): a new Normal paragraph before or after this one. */
  insertParagraph(text: string, where: 'Before' | 'After'): DParagraph {
    if (where !== 'Before' && where !== 'After') throw errors.invalidArgument('insertLocation');
    let created: WParagraph | undefined;
    this.change('insertParagraph', '1.1', (p) => {
      const state = this.context.engine.state;
      created = state.newParagraph(text);
      state.insert(p, created, where);
    });
    return new DParagraph(this.context, () => {
      if (!created) throw errors.itemNotFound('paragraph not yet inserted');
      return created;
    });
  }

  /** Paragraph.insertOoxml (WordApi 1.1): only 'Replace' is simulated — the paragraph becomes the package's paragraphs. */
  insertOoxml(ooxml: string, where: 'Replace' | 'Start' | 'End'): void {
    if (where !== 'Replace') throw new NotSimulatedError(`Paragraph.insertOoxml(…, '${where}')`);
    this.change('insertOoxml', '1.1', (p) => {
      const state = this.context.engine.state;
      state.replace(p, paragraphsOf(ooxml, state));
    });
  }

  /** Paragraph.delete (WordApi 1.1). */
  delete(): void {
    this.change('delete', '1.1', (p) => this.context.engine.state.delete(p));
  }
}

const CONTROL_SCALARS = {
  id: { set: '1.1', get: (c: WControl) => c.id },
  tag: { set: '1.1', get: (c: WControl) => c.tag },
  title: { set: '1.1', get: (c: WControl) => c.title },
  text: { set: '1.1', get: (c: WControl) => controlText(c) },
  appearance: { set: '1.1', get: (c: WControl) => c.appearance },
};

export class DContentControlCollection extends WCollection<WControl, DContentControl> {
  protected readonly typeName = 'ContentControlCollection';
  protected readonly defs = CONTROL_SCALARS;

  protected item(c: WControl): DContentControl {
    return new DContentControl(this.context, () => c);
  }

  /** ContentControlCollection.getByTag (WordApi 1.1): the content controls with this tag. */
  getByTag(tag: string): DContentControlCollection {
    return new DContentControlCollection(this.context, () => this.find().filter((c) => c.tag === tag));
  }
}

export class DContentControl extends WObject<WControl> {
  protected readonly typeName = 'ContentControl';
  protected readonly scalars = CONTROL_SCALARS;
  private resolved: WControl | undefined;

  protected override target(): WControl {
    const c = (this.resolved ??= this.find());
    if (!this.context.engine.state.controls().some((x) => x.control === c)) throw errors.itemNotFound('content control (deleted)');
    return c;
  }

  get id(): number {
    return this.value('id');
  }

  get tag(): string {
    return this.value('tag');
  }

  get title(): string {
    return this.value('title');
  }

  get text(): string {
    return this.value('text');
  }

  /**
   * ContentControl.insertText (WordApi 1.1): 'Replace' puts the text in place of the control's
   * content (the control, its tag and title stay); the text takes the font of the content's first run.
   */
  insertText(text: string, where: 'Replace' | 'Start' | 'End'): void {
    this.change('insertText', '1.1', (c) => {
      const font = { ...(c.runs[0]?.font ?? {}) };
      if (where === 'Replace') c.runs = [{ text, font }];
      else if (where === 'Start') c.runs.unshift({ text, font });
      else if (where === 'End') c.runs.push({ text, font: { ...(c.runs[c.runs.length - 1]?.font ?? font) } });
      else throw errors.invalidArgument('insertLocation');
    });
  }
}

export { isControl };
