/**
 * The layout of a narrative text as the claim reader needs it: full-width forms folded (one UTF-16
 * unit in, one out, so offsets stay offsets of the original), its lines with the 一、/（一）
 * section and the heading they fall under, paragraphs, the report a line belongs to (one
 * 项目支出绩效评价报告 of several in one text), and the sentences. Everything is computed once, in
 * one pass over the text, so that looking up the line or sentence of a position costs a binary
 * search: a check of a long text stays linear.
 */

// ---------------------------------------------------------------------------------------------
// Normalization: one UTF-16 unit in, one out, so offsets in the folded text are offsets in the
// original.

export function foldWidth(text: string): string {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let c: string | undefined;
    if (code < 0x0d || (code > 0x0d && code < 0xa0)) continue;
    if (code >= 0xff01 && code <= 0xff5e) c = String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000 || code === 0x00a0 || code === 0x2009 || code === 0x202f) c = ' ';
    else if (code === 0xfe6a) c = '%';
    else if (code === 0x2212 || code === 0x2013) c = '-';
    else if (code === 0x201c || code === 0x201d) c = '"';
    else if (code === 0x3014 || code === 0x3010) c = '(';
    else if (code === 0x3015 || code === 0x3011) c = ')';
    else if (code === 0x0d) c = '\n';
    if (c === undefined) continue;
    if (i > from) out.push(text.slice(from, i));
    out.push(c);
    from = i + 1;
  }
  if (from < text.length) out.push(text.slice(from));
  return out.join('');
}

// ---------------------------------------------------------------------------------------------
// Lines, headings, paragraphs, reports.

/** The report a line belongs to, when a text holds several (项目支出绩效评价报告, 项目自评结果, 自评综述). */
export interface ReportScope {
  /** The project the report is about ("帮代办工作经费"), or '' for a 部门整体 report. */
  project: string;
  /** Where its title starts. */
  start: number;
  /** 'title': a report of its own (lasts until the next title); 'item': a numbered 综述 item (until the next item or heading). */
  kind: 'title' | 'item';
}

export interface LineInfo {
  start: number;
  end: number;
  /** 0-based line number. */
  index: number;
  /** 1-based paragraph number. */
  paragraph: number;
  section: string;
  subsection?: string;
  /** The text of the section heading (一、…) the line falls under, '' before the first. */
  heading: string;
  scope?: ReportScope;
}

const SECTION_HEADING = /^\s*(?:[-•*·]\s*)?([一二三四五六七八九十]{1,3})\s*、/;
const SUBSECTION_HEADING = /^\s*(?:[-•*·]\s*)?\(\s*([一二三四五六七八九十]{1,3})\s*\)/;
/** A numbered item or heading starts a paragraph of its own: "1.", "(2)", "2、". */
const ITEM_START = /^\s*(?:[-•*·]\s*)?(?:\d{1,2}\s*[.、]|\(\s*\d{1,2}\s*\)|[一二三四五六七八九十]{1,3}\s*、|\(\s*[一二三四五六七八九十]{1,3}\s*\))/;
const PARAGRAPH_END = /[。!?;:]\s*$/;

/** "2023年度帮代办工作经费项目支出绩效评价报告", "2024年度物业管理项目绩效自评结果". */
const REPORT_TITLE = /^\s*(?:[-•*·]\s*)?(?:\d{1,2}\s*[.、]\s*)?(?:附件\s*[\d-]*\s*)?((?:19|20)\d{2}\s*年度?)?\s*(.{2,60}?)\s*(?:项目支出|支出)?\s*(?:绩效(?:评价|自评)报告|(?:项目)?绩效自评结果|项目自评结果)\s*$/;
/** The first half of a title split over two lines: "2023年度帮代办工作经费项目支出" + "绩效评价报告". */
const REPORT_TITLE_HEAD = /^\s*((?:19|20)\d{2})\s*年度?\s*(.{2,60}?)\s*(?:项目支出|支出)\s*$/;
const REPORT_TITLE_TAIL = /^\s*(?:项目支出)?\s*绩效(?:评价|自评)报告\s*$/;
/** "1. 物业管理专项经费项目绩效自评综述:…" (情况说明 十三(三)). */
const REPORT_ITEM = /^\s*(?:[-•*·]\s*)?\d{1,2}\s*[.、]\s*(.{2,40}?)项目绩效自评综述\s*[:：]/;

/** The project a report title names, '' for a 部门整体 report, undefined when the line is no title. */
function titleProject(line: string, next: string | undefined): string | undefined {
  const twoLines = next !== undefined && next.length < 30 && REPORT_TITLE_TAIL.test(next);
  // most lines are no title: a cheap test first
  if (!twoLines && (line.length > 120 || !/(?:报告|结果)\s*$/.test(line))) return undefined;
  let m = REPORT_TITLE.exec(line);
  let name = m?.[2];
  if (!m && twoLines) {
    m = REPORT_TITLE_HEAD.exec(line);
    name = m?.[2];
  }
  if (!m || name === undefined) return undefined;
  const compact = name.replace(/\s+/g, '');
  if (/^(?:项目|项目支出|支出)?$/.test(compact)) return undefined;
  if (/部门整体|整体支出/.test(compact)) return '';
  // a title needs its year or a project word: "自评结果" alone in a sentence is none
  if (!m[1] && !/项目|经费|资金|支出/.test(line)) return undefined;
  return compact.replace(/^(?:\d{4}年度?)/, '').replace(/(?:项目|项目支出|专项)$/, '');
}

export function lineInfos(norm: string): LineInfo[] {
  const out: LineInfo[] = [];
  let section = '';
  let subsection: string | undefined;
  let heading = '';
  let paragraph = 0;
  let previousEnded = true;
  let blank = true;
  let scope: ReportScope | undefined;
  let start = 0;
  let index = 0;
  let nextLine: string | undefined;
  const lineAt = (from: number): [string, number] => {
    let end = norm.indexOf('\n', from);
    if (end < 0) end = norm.length;
    return [norm.slice(from, end), end];
  };
  while (start <= norm.length) {
    const [line, end] = lineAt(start);
    nextLine = end < norm.length ? lineAt(end + 1)[0] : undefined;
    const empty = line.trim() === '';
    const h = SECTION_HEADING.exec(line);
    const sub = h ? null : SUBSECTION_HEADING.exec(line);
    if (h) {
      section = h[1];
      subsection = undefined;
      heading = cleanHeading(line);
      if (scope?.kind === 'item') scope = undefined;
    } else if (sub) {
      subsection = `(${sub[1]})`;
      if (scope?.kind === 'item') scope = undefined;
    }
    const project = empty ? undefined : titleProject(line, nextLine);
    if (project !== undefined) {
      scope = { project, start, kind: 'title' };
      // a new report starts its own sections
      if (!h) {
        section = '';
        subsection = undefined;
        heading = '';
      }
    } else {
      const item = REPORT_ITEM.exec(line);
      if (item) scope = { project: item[1].replace(/\s+/g, ''), start, kind: 'item' };
    }
    if (!empty && (blank || previousEnded || h || sub || ITEM_START.test(line))) paragraph++;
    // a heading is a paragraph of its own, ended or not
    if (!empty) previousEnded = PARAGRAPH_END.test(line) || h !== null || sub !== null || project !== undefined;
    blank = empty;
    const info: LineInfo = { start, end, index, paragraph: Math.max(1, paragraph), section, heading };
    if (subsection !== undefined) info.subsection = subsection;
    if (scope) info.scope = scope;
    out.push(info);
    start = end + 1;
    index++;
  }
  return out;
}

/** A heading line as a finding names it: bullets and spaces dropped, cut at its first sentence end. */
function cleanHeading(line: string): string {
  const s = line.replace(/^[\s\-•*·]+/, '').replace(/\s+/g, '');
  const cut = s.search(/[。:]/);
  const h = cut > 0 ? s.slice(0, cut) : s;
  return h.length > 40 ? h.slice(0, 40) : h;
}

export function lineAt(lines: readonly LineInfo[], pos: number): LineInfo {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lines[lo];
}

export interface Span {
  start: number;
  end: number;
}

const SENTENCE_END = new Set(['。', '!', '?']);

/**
 * Sentence boundaries of the whole text, once: a sentence runs from a line start or the character
 * after 。!? to its own 。 (included) or the line end.
 */
export class Sentences {
  private starts: number[] = [];

  constructor(
    private readonly norm: string,
    private readonly lines: readonly LineInfo[],
  ) {
    for (const l of lines) this.starts.push(l.start);
    const extra: number[] = [];
    for (let i = 0; i < norm.length; i++) if (SENTENCE_END.has(norm[i]) && i + 1 < norm.length && norm[i + 1] !== '\n') extra.push(i + 1);
    // merge the two sorted lists
    const merged: number[] = [];
    let a = 0;
    for (const e of extra) {
      while (a < this.starts.length && this.starts[a] <= e) merged.push(this.starts[a++]);
      if (merged[merged.length - 1] !== e) merged.push(e);
    }
    while (a < this.starts.length) merged.push(this.starts[a++]);
    this.starts = merged;
  }

  /** The sentence around `pos`. */
  at(pos: number): Span {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    const line = lineAt(this.lines, pos);
    const next = lo + 1 < s.length ? s[lo + 1] : this.norm.length;
    return { start: s[lo], end: Math.min(next, line.end) };
  }
}

/** The sentence around `pos` (one lookup; use {@link Sentences} for many). */
export function sentenceAt(norm: string, pos: number, line: LineInfo): Span {
  let start = pos;
  while (start > line.start && !SENTENCE_END.has(norm[start - 1])) start--;
  let end = pos;
  while (end < line.end && !SENTENCE_END.has(norm[end])) end++;
  if (end < line.end) end++;
  return { start, end };
}

export function cleanSentence(s: string): string {
  return s.replace(/^[\s\-•*·]+/, '').trim();
}

/** A text read once: folded, its lines and sentences. */
export interface Layout {
  text: string;
  norm: string;
  lines: LineInfo[];
  sentences: Sentences;
}

export function layoutOf(text: string): Layout {
  const norm = foldWidth(text);
  const lines = lineInfos(norm);
  return { text, norm, lines, sentences: new Sentences(norm, lines) };
}
