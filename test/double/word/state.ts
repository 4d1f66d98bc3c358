/**
 * The document the Word double holds: paragraphs of runs, some runs inside inline content controls,
 * each paragraph with its style and direct formatting; the selection (a paragraph).
 */

export interface RunFont {
  /** rFonts: the Latin and the East Asian font. */
  ascii?: string;
  eastAsia?: string;
  /** Points. */
  size?: number;
  bold?: boolean;
  italic?: boolean;
  /** "#RRGGBB". */
  color?: string;
  /** A highlight colour name ("yellow"), null when none. */
  highlight?: string | null;
}

export interface WRun {
  text: string;
  font: RunFont;
}

export interface WControl {
  kind: 'control';
  id: number;
  tag: string;
  title: string;
  appearance: 'BoundingBox' | 'Tags' | 'Hidden';
  runs: WRun[];
}

export type Inline = WRun | WControl;

export const isControl = (i: Inline): i is WControl => (i as WControl).kind === 'control';

export interface WParagraph {
  id: number;
  /** The style id ("Normal", "Title", "Heading1" …). */
  style: string;
  alignment: 'Left' | 'Centered' | 'Right' | 'Justified';
  /** First-line indent in points, and in hundredths of a character when the paragraph gives it so. */
  firstLineIndent: number;
  firstLineChars?: number;
  leftIndent: number;
  /** Line spacing: points with its rule ('exact', 'atLeast'), or 240ths of a line ('auto'). */
  lineSpacing: { value: number; rule: 'exact' | 'atLeast' | 'auto' };
  spaceBefore: number;
  spaceAfter: number;
  /** 0-based outline level from the paragraph's properties, when it has one. */
  outlineLevel?: number;
  keepNext: boolean;
  pageBreakBefore: boolean;
  inlines: Inline[];
}

export function paragraphText(p: WParagraph): string {
  return p.inlines.map((i) => (isControl(i) ? i.runs.map((r) => r.text).join('') : i.text)).join('');
}

export function controlText(c: WControl): string {
  return c.runs.map((r) => r.text).join('');
}

export class DocumentState {
  paragraphs: WParagraph[] = [];
  /** The paragraph holding the cursor. */
  selection: WParagraph | undefined;
  private nextId = 1;

  newId(): number {
    return this.nextId++;
  }

  /** A paragraph in the Normal style, with the given text in one run of the document's default font. */
  newParagraph(text = ''): WParagraph {
    return {
      id: this.newId(),
      style: 'Normal',
      alignment: 'Left',
      firstLineIndent: 0,
      leftIndent: 0,
      lineSpacing: { value: 240, rule: 'auto' },
      spaceBefore: 0,
      spaceAfter: 0,
      keepNext: false,
      pageBreakBefore: false,
      inlines: text ? [{ text, font: {} }] : [],
    };
  }

  controls(): { control: WControl; paragraph: WParagraph }[] {
    return this.paragraphs.flatMap((paragraph) => paragraph.inlines.filter(isControl).map((control) => ({ control, paragraph })));
  }

  /** Replaces `target` by `replacement` (one or more paragraphs); the cursor moves to the last of them. */
  replace(target: WParagraph, replacement: WParagraph[]): void {
    const at = this.paragraphs.indexOf(target);
    if (at < 0) throw new Error('Word double: the paragraph is gone');
    this.paragraphs.splice(at, 1, ...replacement);
    if (this.selection === target) this.selection = replacement[replacement.length - 1];
  }

  insert(anchor: WParagraph, p: WParagraph, where: 'Before' | 'After'): void {
    const at = this.paragraphs.indexOf(anchor);
    if (at < 0) throw new Error('Word double: the paragraph is gone');
    this.paragraphs.splice(where === 'Before' ? at : at + 1, 0, p);
  }

  /**
   * Deletes a paragraph. The body always keeps one paragraph (a document ends with a paragraph
   * mark): deleting the only one empties it.
   */
  delete(p: WParagraph): void {
    const at = this.paragraphs.indexOf(p);
    if (at < 0) return;
    if (this.paragraphs.length === 1) {
      p.inlines = [];
      return;
    }
    this.paragraphs.splice(at, 1);
    if (this.selection === p) this.selection = this.paragraphs[Math.min(at, this.paragraphs.length - 1)];
  }
}
