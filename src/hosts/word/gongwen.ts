/**
 * The 公文 conventions shared by the .docx export (docx-export.ts) and the Word host (word-host.ts,
 * word-ooxml.ts): the typesetting (fonts, sizes, indent, line spacing, margins: see the notes in
 * docx-export.ts) and the provenance of numbers. No docx import: the Word host loads none of it.
 */
import type { CellPointer } from '../../core/findings';
import { factLabel } from '../../core/narrative/fact-label';
import type { NarrativeDraft } from '../../core/narrative/blocks';

/** The typesetting of a narrative in the 公文 style (docx-export.ts explains each choice). */
export interface DocxStyle {
  /** Title and level-1 headings: 黑体 (the title would be 方正小标宋简体 if installed). */
  headingFont: string;
  /** Level-2 headings: 楷体 (楷体_GB2312 on older machines). */
  heading2Font: string;
  /** Body text and level-3 headings: 仿宋 (仿宋_GB2312 on older machines). */
  bodyFont: string;
  /** Title size in pt: 二号 = 22. */
  titleSizePt: number;
  /** Heading size in pt: 三号 = 16. */
  headingSizePt: number;
  /** Body size in pt: 三号 = 16 per GB/T 9704 (四号 = 14 is the smaller alternative). */
  bodySizePt: number;
  /** First-line indent of body paragraphs and headings, in characters of the body size. */
  firstLineIndentChars: number;
  /** Exact line spacing in pt (固定值 28 磅). */
  lineSpacingPt: number;
  /** Page margins in cm (GB/T 9704: 3.7 / 3.5 / 2.8 / 2.6). */
  pageMarginsCm: { top: number; bottom: number; left: number; right: number };
}

/** Overrides of {@link DEFAULT_DOCX_STYLE}: any field, and any of the four margins. */
export type DocxStyleOverrides = Partial<Omit<DocxStyle, 'pageMarginsCm'>> & { pageMarginsCm?: Partial<DocxStyle['pageMarginsCm']> };

export const DEFAULT_DOCX_STYLE: DocxStyle = Object.freeze({
  headingFont: '黑体',
  heading2Font: '楷体',
  bodyFont: '仿宋',
  titleSizePt: 22,
  headingSizePt: 16,
  bodySizePt: 16,
  firstLineIndentChars: 2,
  lineSpacingPt: 28,
  pageMarginsCm: Object.freeze({ top: 3.7, bottom: 3.5, left: 2.8, right: 2.6 }),
});

/** The title of the provenance appendix. */
export const PROVENANCE_TITLE = '附：数字来源';
/** The appendix is a reference list: 小四 (12 pt) on exact 20 pt lines. */
export const APPENDIX_SIZE_PT = 12;
export const APPENDIX_LINE_PT = 20;

/**
 * `Sheet!A1`, quoting the sheet name as Excel does when it has spaces or punctuation; a cell of
 * another file as Excel writes an external reference: `[绩效.xlsx]Sheet!A1`.
 */
export function cellRef(cell: CellPointer): string {
  if (cell.book) return `'[${cell.book.replace(/'/g, "''")}]${cell.sheet.replace(/'/g, "''")}'!${cell.address}`;
  const sheet = /^[\p{L}\p{N}_]+$/u.test(cell.sheet) ? cell.sheet : `'${cell.sheet.replace(/'/g, "''")}'`;
  return `${sheet}!${cell.address}`;
}

export interface ProvenanceEntry {
  text: string;
  factKey: string;
  cells: CellPointer[];
}

/** Every distinct (number text, fact key, cells) of the draft, in order of first appearance. */
export function provenanceOf(draft: NarrativeDraft): ProvenanceEntry[] {
  const seen = new Set<string>();
  const out: ProvenanceEntry[] = [];
  for (const block of draft.blocks) {
    if (block.type !== 'paragraph') continue;
    for (const run of block.runs) {
      if (run.type !== 'number') continue;
      const key = JSON.stringify([run.text, run.factKey, run.cells.map(cellRef)]);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ text: run.text, factKey: run.factKey, cells: run.cells });
    }
  }
  return out;
}

/**
 * One provenance line, in words: `22899.22 收、支总计：收入支出决算总表!B7、收入支出决算总表!B8`; cells of
 * another file grouped under its name once: `21311.62 项目自评 执行数合计：jiangan-2024-jixiao.xlsx 物业管理!D8、老旧小区改造!D8`.
 */
export function provenanceLine(entry: ProvenanceEntry): string {
  if (!entry.cells.length) return `${entry.text} ${factLabel(entry.factKey)}：（无单元格）`;
  const byBook = new Map<string, string[]>();
  for (const c of entry.cells) {
    const book = c.book ?? '';
    const list = byBook.get(book) ?? [];
    list.push(cellRef({ sheet: c.sheet, address: c.address }));
    byBook.set(book, list);
  }
  const groups = [...byBook].map(([book, refs]) => (book ? `${book} ${refs.join('、')}` : refs.join('、')));
  return `${entry.text} ${factLabel(entry.factKey)}：${groups.join('；')}`;
}

/** The style with `style`'s fields over the defaults. */
export function mergeStyle(style: DocxStyleOverrides | undefined): DocxStyle {
  // Fields given as `undefined` keep their defaults.
  const defined = <T extends object>(o: T | undefined): Partial<T> =>
    Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
  const { pageMarginsCm, ...rest } = style ?? {};
  return {
    ...DEFAULT_DOCX_STYLE,
    ...defined(rest),
    pageMarginsCm: { ...DEFAULT_DOCX_STYLE.pageMarginsCm, ...defined(pageMarginsCm) },
  };
}
