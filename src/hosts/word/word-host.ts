/// <reference types="office-js" />
/**
 * The document open in Word as the target of a narrative draft: the only code that calls `Word.run`
 * (the layer rule enforces it). It inserts the draft at the cursor or in place of one section of the
 * document, in the 公文 layout (word-ooxml.ts: 黑体/楷体 headings, 仿宋 三号 body, a two-character
 * indent, lines exactly 28 pt), the slots highlighted, every number in a content control that carries
 * its fact key and cells; "刷新数字" puts the numbers of a fresh draft into those content controls and
 * lists what changed (old → new). The sources appendix (附：数字来源) is left out unless asked for:
 * in Word each number keeps its source in its content control.
 *
 * Requirement set: WordApi 1.3 (ParagraphCollection.getFirst, Paragraph.styleBuiltIn); everything else
 * used is WordApi 1.1 (getSelection, paragraphs, insertParagraph, insertOoxml, delete,
 * body.contentControls, ContentControl.tag/title/text/insertText). Requests: insertion 2, replacing a
 * section 2, listing sections 1, refreshing 2 (1 when nothing changed).
 */
import type { NarrativeDraft } from '../../core/narrative/blocks';
import type { NarrativeTarget } from '../host';
import type { DocxStyleOverrides } from './gongwen';
import { draftParagraphs, NUMBER_TAG_PREFIX, ooxmlPackage, parseNumberTag, type OoxmlOptions } from './word-ooxml';

/** The part of the `Word` global the host uses (the real one, or the test double's). */
export interface WordRuntime {
  run<T>(batch: (context: Word.RequestContext) => Promise<T>): Promise<T>;
}

export interface Requirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** The set the manifest should declare for the Word host. */
export const MINIMUM_WORD_API = '1.3';

export interface WordHostOptions {
  /** Default: the `Word` global. */
  word?: WordRuntime;
  /** Default: `Office.context.requirements`. */
  requirements?: Requirements;
  /** Fonts and sizes other than the 公文 defaults (仿宋_GB2312 on older machines …). */
  style?: DocxStyleOverrides;
}

/** A heading of the document: a section a draft may replace. */
export interface DocumentSection {
  /** The heading paragraph's index among the body's paragraphs when listed. */
  index: number;
  text: string;
  level: 1 | 2 | 3;
}

export interface InsertResult {
  /** Paragraphs inserted, numbers (content controls) among them, slots highlighted. */
  paragraphs: number;
  numbers: number;
  slots: number;
  /** Paragraphs of the document removed (the section replaced). */
  removed: number;
}

/** A number that 刷新数字 changed, or could not refresh. */
export interface NumberChange {
  factKey: string;
  /** The cells named in its content control ("公开01表!B7"). */
  cells: string[];
  before: string;
  /** The fresh draft's text; null when the fresh draft has no such fact (the number is left as it is). */
  after: string | null;
}

export class WordHostError extends Error {
  constructor(
    message: string,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'WordHostError';
  }
}

const ORDINAL_1 = /^[一二三四五六七八九十]+、/;
const ORDINAL_2 = /^[（(][一二三四五六七八九十]+[）)]/;
const ORDINAL_3 = /^\d+[.．、]/;

/** The level of a heading paragraph (by its built-in style, else by its 公文 numbering), or null for body text. */
export function headingLevel(text: string, styleBuiltIn?: string): 1 | 2 | 3 | null {
  const style = /^Heading([123])$/i.exec(styleBuiltIn ?? '');
  if (style) return Number(style[1]) as 1 | 2 | 3;
  const t = text.trim();
  if (!t || t.length > 60) return null;
  if (ORDINAL_1.test(t)) return 1;
  if (ORDINAL_2.test(t)) return 2;
  return null;
}

/** The ordinal a heading starts with ("五、", "（二）"), or the whole text without spaces. */
function headingKey(text: string): string {
  const t = text.replace(/\s+/g, '');
  const m = ORDINAL_1.exec(t) ?? ORDINAL_2.exec(t) ?? ORDINAL_3.exec(t);
  return m ? m[0].replace(/[(]/g, '（').replace(/[)]/g, '）') : t;
}

export class WordHost implements NarrativeTarget {
  readonly kind = 'word' as const;

  private constructor(
    private readonly word: WordRuntime,
    private readonly style: DocxStyleOverrides | undefined,
  ) {}

  /** Checks WordApi 1.3; no request is made. */
  static connect(options: WordHostOptions = {}): WordHost {
    const globals = globalThis as unknown as { Word?: WordRuntime; Office?: { context?: { requirements?: Requirements } } };
    const word = options.word ?? globals.Word;
    const requirements = options.requirements ?? globals.Office?.context?.requirements;
    if (!word || !requirements) throw new WordHostError('未在 Word 中运行（找不到 Office.js）。 / Not running inside Word (Office.js is not loaded).', 'NoWord');
    if (!requirements.isSetSupported('WordApi', MINIMUM_WORD_API)) {
      throw new WordHostError(`此版本 Word 过旧（需要 WordApi ${MINIMUM_WORD_API}），请更新 Word 或改用网页版。 / This Word is too old (WordApi ${MINIMUM_WORD_API} is needed).`, 'ApiNotFound');
    }
    return new WordHost(word, options.style);
  }

  /** NarrativeTarget: the draft at the cursor. */
  async exportNarrative(draft: NarrativeDraft): Promise<{ bytes?: Uint8Array }> {
    await this.insertDraft(draft);
    return {};
  }

  /**
   * The draft after the paragraph holding the cursor (into that paragraph when it is empty). Two
   * requests: the cursor's paragraph, then the insertion.
   */
  insertDraft(draft: NarrativeDraft, options: Pick<OoxmlOptions, 'provenance'> = {}): Promise<InsertResult> {
    const paragraphs = draftParagraphs(draft, this.style, { provenance: options.provenance ?? false });
    return this.run(async (context) => {
      const at = context.document.getSelection().paragraphs.getFirst();
      at.load('text');
      await context.sync();
      const target = at.text.trim() === '' ? at : at.insertParagraph('', 'After');
      target.insertOoxml(ooxmlPackage(paragraphs), 'Replace');
      await context.sync();
      return { ...counts(draft, paragraphs.length), removed: 0 };
    });
  }

  /** The headings of the document (built-in heading styles, or 一、/（一） numbering): one request. */
  listSections(): Promise<DocumentSection[]> {
    return this.run(async (context) => {
      const paragraphs = context.document.body.paragraphs;
      paragraphs.load('items/text,items/styleBuiltIn');
      await context.sync();
      const out: DocumentSection[] = [];
      paragraphs.items.forEach((p, index) => {
        const level = headingLevel(p.text, p.styleBuiltIn);
        if (level) out.push({ index, text: p.text.trim(), level });
      });
      return out;
    });
  }

  /**
   * The document's section under `heading` (its heading paragraph through the paragraph before the
   * next heading of the same or a higher level) replaced by the draft's section of the same heading
   * (the same ordinal, 五、 or （二）, or the same words). Two requests.
   */
  async replaceSection(heading: string, draft: NarrativeDraft): Promise<InsertResult> {
    const part = draftSection(draft, heading);
    if (!part) throw new WordHostError(`草稿中没有“${heading}”这一节。 / The draft has no section "${heading}".`, 'NoSuchSection');
    const paragraphs = draftParagraphs(part, this.style, { title: false });
    return await this.run(async (context) => {
      const items = context.document.body.paragraphs;
      items.load('items/text,items/styleBuiltIn');
      await context.sync();
      const list = items.items;
      const levels = list.map((p) => headingLevel(p.text, p.styleBuiltIn));
      const start = list.findIndex((p, i) => levels[i] !== null && headingKey(p.text) === headingKey(heading));
      if (start < 0) throw new WordHostError(`文档中找不到标题“${heading}”。 / The document has no heading "${heading}".`, 'NoSuchSection');
      const level = levels[start]!;
      let end = list.length;
      for (let i = start + 1; i < list.length; i++) {
        const l = levels[i];
        if (l !== null && l <= level) {
          end = i;
          break;
        }
      }
      list[start].insertParagraph('', 'Before').insertOoxml(ooxmlPackage(paragraphs), 'Replace');
      for (let i = start; i < end; i++) list[i].delete();
      await context.sync();
      return { ...counts(part, paragraphs.length), removed: end - start };
    });
  }

  /**
   * 刷新数字: every number content control of the document gets the text its fact has in `draft` (a
   * draft of the tables as they are now); returns what changed, old → new, and the numbers whose
   * fact the draft no longer has (left as they are). Two requests, one when nothing changed.
   */
  refreshNumbers(draft: NarrativeDraft): Promise<NumberChange[]> {
    const fresh = new Map<string, string[]>();
    for (const block of draft.blocks) {
      if (block.type !== 'paragraph') continue;
      for (const r of block.runs) {
        if (r.type !== 'number') continue;
        const texts = fresh.get(r.factKey) ?? [];
        if (!texts.includes(r.text)) texts.push(r.text);
        fresh.set(r.factKey, texts);
      }
    }
    return this.run(async (context) => {
      const controls = context.document.body.contentControls;
      controls.load('items/tag,items/text');
      await context.sync();
      const changes: NumberChange[] = [];
      for (const cc of controls.items) {
        if (!cc.tag.startsWith(NUMBER_TAG_PREFIX)) continue;
        const source = parseNumberTag(cc.tag);
        if (!source) continue;
        const after = pick(fresh.get(source.factKey), cc.text);
        if (after === cc.text) continue;
        changes.push({ factKey: source.factKey, cells: source.cells, before: cc.text, after });
        if (after !== null) cc.insertText(after, 'Replace');
      }
      if (changes.some((c) => c.after !== null)) await context.sync();
      return changes;
    });
  }

  private async run<T>(batch: (context: Word.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.word.run(batch);
    } catch (e) {
      if (e instanceof WordHostError) throw e;
      const code = (e as { code?: string }).code ?? 'GeneralException';
      const detail = e instanceof Error ? e.message : String(e);
      throw new WordHostError(`Word 操作失败（${code}）：${detail} / Word could not do it (${code}): ${detail}`, code, { cause: e });
    }
  }
}

/** The text a number's fact has in a fresh draft: the one printed like `before` (percent, decimals) when it has several. */
function pick(texts: readonly string[] | undefined, before: string): string | null {
  if (!texts?.length) return null;
  if (texts.length === 1 || texts.includes(before)) return texts.includes(before) ? before : texts[0];
  const shape = (t: string) => `${t.includes('%')}|${(/\.(\d+)/.exec(t)?.[1].length ?? 0)}`;
  return texts.find((t) => shape(t) === shape(before)) ?? texts[0];
}

/** The draft's section under `heading`: that heading and its blocks up to the next heading of its level or higher. */
export function draftSection(draft: NarrativeDraft, heading: string): NarrativeDraft | null {
  const key = headingKey(heading);
  const start = draft.blocks.findIndex((b) => b.type === 'heading' && headingKey(b.text) === key);
  if (start < 0) return null;
  const first = draft.blocks[start];
  const level = first.type === 'heading' ? first.level : 1;
  let end = draft.blocks.length;
  for (let i = start + 1; i < draft.blocks.length; i++) {
    const b = draft.blocks[i];
    if (b.type === 'heading' && b.level <= level) {
      end = i;
      break;
    }
  }
  return { title: '', blocks: draft.blocks.slice(start, end) };
}

function counts(draft: NarrativeDraft, paragraphs: number): Omit<InsertResult, 'removed'> {
  const runs = draft.blocks.flatMap((b) => (b.type === 'paragraph' ? b.runs : []));
  return { paragraphs, numbers: runs.filter((r) => r.type === 'number').length, slots: runs.filter((r) => r.type === 'slot').length };
}
