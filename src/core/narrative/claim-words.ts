import type { Claim, Measure } from './types';

/**
 * The words around a number: what a clause names (its subject), the measure it states (年初预算,
 * 全年预算, 决算), and the direction words of changes. Used by the claim reader (claims.ts).
 */

/** Where a clause ends; "、" is not one ("收、支总计"), except right after a claim. */
export const CLAUSE_END = new Set([',', ';', ':', '!', '?', '。', '\n', '，', '；', '：']);

/** How far back a clause or an earlier clause's words are looked for: bounded work per number. */
const MAX_CLAUSE = 400;

/** Start of the clause that ends at `pos`: after the last clause mark outside parentheses, not before `floor`. */
export function clauseStartOf(norm: string, pos: number, floor: number): number {
  let depth = 0;
  const stop = Math.max(floor, pos - MAX_CLAUSE);
  for (let i = pos - 1; i >= stop; i--) {
    const c = norm[i];
    if (c === ')') depth++;
    else if (c === '(') {
      if (depth > 0) depth--;
      else return i + 1;
    } else if (depth === 0 && CLAUSE_END.has(c)) return i + 1;
  }
  return stop;
}

export const CJK = '\\u3400-\\u9fff';
export const LEADING: RegExp[] = [
  /^[\s\-•*·]+/,
  /^\d{1,2}\s*[.、]\s*(?!\d)/,
  /^\d{1,2}\s*(?:[-~至]\s*\d{1,2}\s*)?月份?/,
  /^\(\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*\)/,
  /^[一二三四五六七八九十]{1,3}\s*、/,
  /^(?:截至|截止到?)\s*(?:\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?(?:底|末)?)?/,
  /^\d{4}\s*年度/,
  /^\d{4}\s*年(?=[年本全支收预决])/,
  // A 科目编码 before its name: "2210399 其他住房保障支出".
  /^(?:\d{3}|\d{5}|\d{7})\s+(?=[\u3400-\u9fff])(?![个辆台人户套栋项件名处年月日])/,
  /^本年度/,
  /^(?:与|同|和|较)[^,;:]{0,20}?相比/,
  /^(?:其中|主要原因(?:是|为)?|原因(?:是|为)|主要是|主要包括|包括|分别为|分别是|另外|此外|同时|以及|共计|合计为|共有|共涉及|涉及|、|为|是)/,
];
export const TRAILING = /(?:\s|为|是|达到|达|约|了|各|分别为|分别|均为|均达|均|共计|(?<![总合共统会设估])计|:)+$/;
/** Words that only connect: a residue made of them alone names nothing. */
const EMPTY_SUBJECTS = new Set(['合计', '共计', '总计', '共', '合计为', '其中', '另', '分别', '新增']);
/** The words before them introduce what follows ("项目支出主要用于X 51.68万元"). */
const INTRODUCERS = /(?:主要用于|用于|(?<!公)共有|共涉及|其中)/g;
const SPACE_BY_CJK = new RegExp(`(?<=[${CJK}])\\s+|\\s+(?=[${CJK}])`, 'g');

const CLEANED = new Map<string, string>();

/** The words of a clause as a subject: ordinals, dates, connectives and trailing verbs cut (memoized: texts repeat). */
export function cleanSubject(raw: string): string {
  let c = CLEANED.get(raw);
  if (c === undefined) {
    c = clean(raw);
    if (CLEANED.size > 20000) CLEANED.clear();
    CLEANED.set(raw, c);
  }
  return c;
}

function clean(raw: string): string {
  let s = raw.replace(/\s+/g, ' ');
  for (let guard = 0; guard < 20; guard++) {
    const before = s;
    s = s.trim();
    for (const re of LEADING) s = s.replace(re, '').trim();
    s = s.replace(TRAILING, '');
    if (s === before) break;
  }
  s = s.replace(SPACE_BY_CJK, '');
  if (EMPTY_SUBJECTS.has(s)) return '';
  return s;
}

/** Text after the last introducer word ("…主要用于X" → "X"), when something follows it. */
export function afterIntroducer(s: string): string {
  let last = -1;
  let len = 0;
  for (const m of s.matchAll(INTRODUCERS)) {
    last = m.index ?? -1;
    len = m[0].length;
  }
  if (last < 0) return s;
  const rest = s.slice(last + len);
  return rest.trim() ? rest : s;
}

const COUNTED_ITEM = new RegExp(`\\d[ \\t]*[${CJK}]{1,2}[ \\t]*、`, 'g');

/** Text after the last "N处、" of a list of counted items ("新增停车棚 366 处、端口" → "端口"). */
export function afterCountedItem(s: string): string {
  let end = -1;
  for (const m of s.matchAll(COUNTED_ITEM)) end = (m.index ?? 0) + m[0].length;
  return end >= 0 && s.slice(end).trim() ? s.slice(end) : s;
}

/** Cut a comparison base off a change's words: "收入比上年" → "收入", "比2023年度决算数" → "". */
const COMPARISON = /(?:比|较)(?=上年|去年|年初|上一年|同期|\s*\d{4}|全年|年度|预算|上期)|同比|环比/;

export function beforeComparison(s: string): { rest: string; compared: boolean } {
  const m = COMPARISON.exec(s);
  if (!m) return { rest: s, compared: false };
  return { rest: s.slice(0, m.index), compared: true };
}

export const DIRECTION_AT_END = /(增加|减少|增长|下降|增幅|降幅|上升|提高|降低|增长率|下降率)$/;

export function moneyDirection(word: string): Claim['direction'] {
  switch (word) {
    case '增加':
    case '减少':
    case '增长':
    case '下降':
      return word;
    case '上升':
    case '提高':
    case '多':
      return '增加';
    case '降低':
    case '少':
      return '减少';
    default:
      return null;
  }
}

export function percentDirection(word: string): Claim['direction'] {
  switch (word) {
    case '增加':
    case '减少':
    case '增长':
    case '下降':
      return word;
    case '增幅':
    case '上升':
    case '提高':
    case '增长率':
    case '多':
      return '增长';
    case '降幅':
    case '降低':
    case '下降率':
    case '少':
      return '下降';
    default:
      return null;
  }
}

/** Counted nouns written after the measure word: "7 个一级项目", "454 个小区将…". */
const NOUN_STOP = /将|与|开展|涉及|提供|进行|参与|完成|获得|纳入|实现|通过|达到|共|均|已|的/;
const NOUN = new RegExp(`^[${CJK}A-Za-z]{1,16}`);

export function followingNoun(norm: string, pos: number): string {
  const m = NOUN.exec(norm.slice(pos, pos + 16));
  if (!m) return '';
  let noun = m[0];
  const stop = NOUN_STOP.exec(noun.slice(1));
  if (stop) noun = noun.slice(0, stop.index + 1);
  return noun;
}

// ---------------------------------------------------------------------------------------------
// Measures: "一般公共预算财政拨款支出年初预算为1405.65万元，支出决算为22854.27万元" states two figures of
// one topic.

// A bare 预算 is a measure only alone or after 费/支出/资金/项目 words ("三公经费预算", "物业管理项目预算"),
// not at the end of a project's name ("…第二批中央基建投资预算").
export const MEASURE_SUFFIX = /(年初预算数?|全年预算数?|年度预算数?|预算总额|(?:^|(?<=[费出金目]))预算数?|支出决算数?|决算数?|全年执行数?|本年执行数?|执行数?|实际支出数?)$/;

export function measureOf(word: string): Measure | undefined {
  if (/^年初预算/.test(word)) return '年初预算';
  if (/预算/.test(word)) return '全年预算';
  if (/决算|执行|实际支出/.test(word)) return '决算';
  return undefined;
}

/** "因公出国(境)费全年预算" → topic 因公出国(境)费, measure 全年预算; "支出决算" → measure only. */
export function splitMeasure(subject: string): { topic: string; measure?: Measure } {
  const m = MEASURE_SUFFIX.exec(subject);
  if (!m) return { topic: subject };
  const measure = measureOf(m[1]);
  const topic = cleanSubject(subject.slice(0, m.index).replace(/的$/, ''));
  return measure ? { topic, measure } : { topic: subject };
}

/** A reason clause: "主要原因是…", "原因：…". */
export const REASON = /主要原因|原因(?:是|为|:|：)|主要是因为/;
