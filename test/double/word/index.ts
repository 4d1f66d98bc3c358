/**
 * A test double of the subset of the Word JavaScript API (Office.js) that src/hosts/word/word-host.ts
 * uses, with the honesty rules of the Excel double (test/double/excel): only documented behaviour,
 * and a loud NotSimulatedError for anything else. Runs in Node; imports nothing from Office.js.
 *
 * WHAT IT SIMULATES — documented Word behaviour (learn.microsoft.com, the Word JavaScript API
 * reference; the requirement set of each API as the reference gives it):
 *
 * - Proxies and batches: loads, property writes and method calls queue; `context.sync()` runs them in
 *   order. Reading a property that was not loaded and synced throws PropertyNotLoaded. A sync with
 *   nothing queued sends no request. `Word.run(batch)` makes a context, awaits the batch and syncs
 *   what is left; a finished run's context cannot be synced again. A sync counter (`syncCount`).
 * - Requirement sets: `Office.context.requirements.isSetSupported('WordApi', v)` for the configured
 *   `apiVersion`; a sync using an API of a newer set fails with ApiNotFound.
 * - `document.getSelection()` (1.1) and its `paragraphs` (1.1): the paragraph holding the cursor;
 *   `document.body` (1.1): `text`, `paragraphs`, `contentControls`.
 * - `ParagraphCollection`: `items` with `text`, `style`, `styleBuiltIn` (1.3: the built-in style
 *   name, "Other" for a custom style), `alignment`, `firstLineIndent`; `getFirst()` (1.3).
 * - `Paragraph.insertParagraph(text, 'Before' | 'After')` (1.1), `Paragraph.delete()` (1.1; the body
 *   always keeps one paragraph, so deleting the only one empties it), `Paragraph.insertOoxml(ooxml,
 *   'Replace')` (1.1): the paragraph becomes the paragraphs of the flat OOXML package (ECMA-376:
 *   paragraph style, justification, spacing with its line rule, indents in twips and in hundredths of
 *   a character, outline level, keepNext, page break before; runs with rFonts, size, bold, italic,
 *   colour, highlight, text, breaks and tabs; inline content controls `w:sdt` with their tag and
 *   alias, which become ContentControls with `tag` and `title`).
 * - `ContentControlCollection` (1.1): `items` with `id`, `tag`, `title`, `text`, `appearance`;
 *   `getByTag(tag)`. `ContentControl.insertText(text, 'Replace' | 'Start' | 'End')` (1.1): the
 *   control, its tag and title stay.
 * - The user (`user.*`): a document typed paragraph by paragraph (a style per paragraph), the cursor
 *   placed in a paragraph, text typed into a paragraph, a number typed over inside its control.
 *
 * WHAT IT DOES NOT SIMULATE
 * - Any other API (ranges beyond a selection's paragraphs, Range.insertText/insertOoxml, fonts and
 *   paragraph formats as proxies, styles, tables, lists, sections, headers, comments, tracked
 *   changes, search): the objects have no such member. `Paragraph.insertOoxml` with 'Start'/'End',
 *   OOXML other than paragraphs, runs and inline content controls, and properties other than those
 *   above throw NotSimulatedError.
 * - What Word does with the paragraph mark when a multi-paragraph package replaces a paragraph (the
 *   double puts exactly the package's paragraphs in its place), the formatting a new paragraph of
 *   insertParagraph inherits (the double gives it Normal), the font text inserted into a content
 *   control takes (the double: its first run's), how `lineSpacing` reads back for an exact spacing
 *   (the double does not serve lineSpacing): none is documented.
 * - Styles as the document defines them (a paragraph's look is its direct formatting only), layout
 *   and pagination, fonts missing on the machine, co-authoring, undo.
 */
import { errors, RichApiError } from './errors';
import { WordRequestContext, type WordAction, type WordEngine } from './proxies';
import { controlText, DocumentState, isControl, paragraphText, type RunFont, type WParagraph } from './state';

export { RichApiError, NotSimulatedError } from './errors';
export type { WordRequestContext } from './proxies';

export interface WordDoubleOptions {
  /** The highest WordApi set this "Word" supports (default '1.5'). */
  apiVersion?: string;
}

/** A paragraph as the test builds a document: its text and its style. */
export type TypedParagraph = string | { text: string; style?: string };

/** A paragraph as a test inspects it. */
export interface ParagraphView {
  text: string;
  style: string;
  alignment: WParagraph['alignment'];
  firstLineIndent: number;
  firstLineChars?: number;
  lineSpacing: WParagraph['lineSpacing'];
  outlineLevel?: number;
  runs: { text: string; font: RunFont; control?: { tag: string; title: string } }[];
}

const compareSets = (a: string, b: string) => {
  const [a1, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
};

export class WordDouble implements WordEngine {
  readonly state = new DocumentState();
  apiVersion: string;
  syncCount = 0;

  constructor(paragraphs: readonly TypedParagraph[] = [''], options: WordDoubleOptions = {}) {
    this.apiVersion = options.apiVersion ?? '1.5';
    this.user.type(paragraphs);
  }

  readonly Word = {
    run: async <T>(batch: (context: WordRequestContext) => Promise<T>): Promise<T> => {
      const context = new WordRequestContext(this);
      const result: unknown = batch(context);
      if (!(result instanceof Promise)) throw new RichApiError('RunMustReturnPromise', 'The batch function passed to the ".run" method didn\'t return a promise.');
      try {
        const value = (await result) as T;
        await context.sync();
        return value;
      } finally {
        context.closed = true;
      }
    },
  };

  readonly Office = {
    context: { requirements: { isSetSupported: (name: string, version = '1.1') => name.toLowerCase() === 'wordapi' && compareSets(version, this.apiVersion) <= 0 } },
  };

  async process(actions: WordAction[]): Promise<void> {
    const missing = actions.find((a) => compareSets(a.set, this.apiVersion) > 0);
    this.syncCount++;
    if (missing) throw errors.apiNotFound(missing.api, `WordApi ${missing.set}`);
    const commits: (() => void)[] = [];
    for (const a of actions) {
      const commit = a.execute();
      if (commit) commits.push(commit);
    }
    await Promise.resolve();
    for (const c of commits) c();
  }

  // -------------------------------------------------------------------------------------------
  // The user

  readonly user = {
    /** Replaces the document by these paragraphs; the cursor goes into the last. */
    type: (paragraphs: readonly TypedParagraph[]) => {
      this.state.paragraphs = paragraphs.map((p) => {
        const para = this.state.newParagraph(typeof p === 'string' ? p : p.text);
        if (typeof p !== 'string' && p.style) para.style = p.style;
        return para;
      });
      if (!this.state.paragraphs.length) this.state.paragraphs.push(this.state.newParagraph());
      this.state.selection = this.state.paragraphs[this.state.paragraphs.length - 1];
    },
    /** Puts the cursor into the paragraph at `index`. */
    placeCursor: (index: number) => {
      const p = this.state.paragraphs[index];
      if (!p) throw new Error(`Word double: no paragraph ${index}`);
      this.state.selection = p;
    },
    /** Types `text` at the end of the paragraph at `index`. */
    typeAt: (index: number, text: string) => {
      const p = this.state.paragraphs[index];
      if (!p) throw new Error(`Word double: no paragraph ${index}`);
      p.inlines.push({ text, font: {} });
    },
    /** Types over the number in the `n`-th content control (the control stays). */
    typeInControl: (n: number, text: string) => {
      const c = this.state.controls()[n]?.control;
      if (!c) throw new Error(`Word double: no content control ${n}`);
      c.runs = [{ text, font: { ...(c.runs[0]?.font ?? {}) } }];
    },
  };

  // -------------------------------------------------------------------------------------------
  // Inspection for tests

  paragraphs(): ParagraphView[] {
    return this.state.paragraphs.map((p) => ({
      text: paragraphText(p),
      style: p.style,
      alignment: p.alignment,
      firstLineIndent: p.firstLineIndent,
      ...(p.firstLineChars !== undefined ? { firstLineChars: p.firstLineChars } : {}),
      lineSpacing: p.lineSpacing,
      ...(p.outlineLevel !== undefined ? { outlineLevel: p.outlineLevel } : {}),
      runs: p.inlines.flatMap((i) => (isControl(i) ? i.runs.map((r) => ({ text: r.text, font: r.font, control: { tag: i.tag, title: i.title } })) : [{ text: i.text, font: i.font }])),
    }));
  }

  /** Every content control in document order: its tag, title and text. */
  contentControls(): { tag: string; title: string; text: string }[] {
    return this.state.controls().map(({ control }) => ({ tag: control.tag, title: control.title, text: controlText(control) }));
  }

  text(): string {
    return this.state.paragraphs.map(paragraphText).join('\n');
  }
}
