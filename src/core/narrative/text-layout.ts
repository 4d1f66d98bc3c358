/**
 * The layout of a narrative text as the claim reader needs it: full-width forms folded (one UTF-16
 * unit in, one out, so offsets stay offsets of the original), its lines with the 一、/（一）
 * section they fall under, and the sentence around a position.
 */

// ---------------------------------------------------------------------------------------------
// Normalization: one UTF-16 unit in, one out, so offsets in the folded text are offsets in the
// original.

export function foldWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000 || code === 0x00a0 || code === 0x2009 || code === 0x202f) out += ' ';
    else if (code === 0xfe6a) out += '%';
    else if (code === 0x2212 || code === 0x2013) out += '-';
    else if (code === 0x3001) out += '、';
    else if (code === 0x201c || code === 0x201d) out += '"';
    else if (code === 0x3014 || code === 0x3010) out += '(';
    else if (code === 0x3015 || code === 0x3011) out += ')';
    else if (code === 0x0d) out += '\n';
    else out += text[i];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Lines, headings, sentences.

export interface LineInfo {
  start: number;
  end: number;
  section: string;
  subsection?: string;
}

const SECTION_HEADING = /^\s*(?:[-•*·]\s*)?([一二三四五六七八九十]{1,3})\s*、/;
const SUBSECTION_HEADING = /^\s*(?:[-•*·]\s*)?\(\s*([一二三四五六七八九十]{1,3})\s*\)/;

export function lineInfos(norm: string): LineInfo[] {
  const out: LineInfo[] = [];
  let section = '';
  let subsection: string | undefined;
  let start = 0;
  while (start <= norm.length) {
    let end = norm.indexOf('\n', start);
    if (end < 0) end = norm.length;
    const line = norm.slice(start, end);
    const h = SECTION_HEADING.exec(line);
    if (h) {
      section = h[1];
      subsection = undefined;
    } else {
      const s = SUBSECTION_HEADING.exec(line);
      if (s) subsection = `(${s[1]})`;
    }
    out.push(subsection === undefined ? { start, end, section } : { start, end, section, subsection });
    start = end + 1;
  }
  return out;
}

export function lineAt(lines: LineInfo[], pos: number): LineInfo {
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

/** The sentence around `pos`: from after the previous 。!? (or the line start) to its own 。 (or the line end). */
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
