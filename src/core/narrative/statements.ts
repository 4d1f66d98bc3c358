import { claimsOf } from './claims';
import { cleanSentence, layoutOf, lineAt, type Layout } from './text-layout';
import type { Claim } from './types';

/**
 * What a narrative says besides its numbers, where a check needs it: comparison words between two
 * figures ("决算数小于全年预算数的主要原因…"), and enumerations of names ("用于A、B、C等费用"), read
 * from the same layout as the claims.
 */

/** Where a statement is. */
export interface Place {
  /** Exact substring of the text. */
  quote: string;
  start: number;
  line: number;
  paragraph: number;
  heading: string;
  section: string;
  subsection?: string;
  project?: string;
  /** Offset of its sentence (claims of that sentence share it). */
  sentenceStart: number;
  sentence: string;
}

/** "决算数大于预算数": how the first figure is said to stand to the second. */
export interface Comparison extends Place {
  relation: '>' | '<' | '=' | '≤';
  /** The words as written: 大于, 小于, 持平 … */
  word: string;
  /** Which figure comes first in the words. */
  first: '决算' | '预算';
}

/** "A、B、C等": the names of one enumeration, each with its place. */
export interface Enumeration {
  items: Place[];
}

export interface NarrativeReading {
  claims: Claim[];
  comparisons: Comparison[];
  enumerations: Enumeration[];
}

/** The claims and statements of a narrative text. */
export function readNarrative(text: string): NarrativeReading {
  const layout = layoutOf(text);
  return { claims: claimsOf(layout), comparisons: comparisonsOf(layout), enumerations: enumerationsOf(layout) };
}

function placeOf(layout: Layout, start: number, end: number): Place {
  const line = lineAt(layout.lines, start);
  const s = layout.sentences.at(start);
  const p: Place = {
    quote: layout.text.slice(start, end),
    start,
    line: line.index,
    paragraph: line.paragraph,
    heading: line.heading,
    section: line.section,
    sentenceStart: s.start,
    sentence: cleanSentence(layout.text.slice(s.start, s.end)),
  };
  if (line.subsection !== undefined) p.subsection = line.subsection;
  if (line.scope) p.project = line.scope.project;
  return p;
}

const WORDS: Record<string, Comparison['relation']> = {
  大于: '>',
  高于: '>',
  超过: '>',
  超出: '>',
  多于: '>',
  小于: '<',
  低于: '<',
  少于: '<',
  未达到: '<',
  未超过: '≤',
  不超过: '≤',
  等于: '=',
  持平: '=',
};
const ACTUAL = '(?:支出)?决算数?|实际支出数?|执行数';
const BUDGET = '(?:全年|年初|年度)?预算数?';
const VERB = Object.keys(WORDS).join('|');
const DIRECT = new RegExp(`(${ACTUAL}|${BUDGET})\\s*(${VERB})\\s*(${ACTUAL}|${BUDGET})`, 'g');
const WITH = new RegExp(`(${ACTUAL}|${BUDGET})\\s*(?:与|和)\\s*(${ACTUAL}|${BUDGET})\\s*(持平|相等|一致)`, 'g');

const kindOf = (w: string): '决算' | '预算' => (/预算/.test(w) ? '预算' : '决算');

function comparisonsOf(layout: Layout): Comparison[] {
  const out: Comparison[] = [];
  for (const re of [DIRECT, WITH]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(layout.norm)) !== null) {
      const a = kindOf(m[1]);
      const b = kindOf(re === DIRECT ? m[3] : m[2]);
      if (a === b) continue;
      const word = re === DIRECT ? m[2] : m[3];
      const relation = WORDS[word] ?? '=';
      out.push({ ...placeOf(layout, m.index, m.index + m[0].length), relation, word, first: a });
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

/** An enumeration's items: 2 to 30 characters each, separated by 、, after the words that introduce it. */
const ENUMERATION = /(?:用于|包括|主要包括|主要是|涉及|分别为|:|：)([^,;:。!?\n()（）、]{2,30}(?:、[^,;:。!?\n()（）、]{2,30}){2,})/g;

function enumerationsOf(layout: Layout): Enumeration[] {
  const out: Enumeration[] = [];
  ENUMERATION.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ENUMERATION.exec(layout.norm)) !== null) {
    let at = m.index + m[0].length - m[1].length;
    const items: Place[] = [];
    for (const raw of m[1].split('、')) {
      const intro = /^\s*(?:用于|包括|主要包括|主要是|涉及|分别为)?\s*/.exec(raw)![0].length;
      const lead = intro;
      const text = raw.slice(intro).trim().replace(/(?:等(?:费用|方面|支出|工作)?)$/, '');
      if (text) items.push(placeOf(layout, at + lead, at + lead + text.length));
      at += raw.length + 1;
    }
    if (items.length >= 3) out.push({ items });
  }
  return out;
}
