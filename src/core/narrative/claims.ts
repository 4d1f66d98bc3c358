import { Decimal } from '../money/decimal';
import { cleanSentence, foldWidth, lineAt, lineInfos, sentenceAt, type LineInfo, type Span } from './text-layout';
import type { Claim, Measure } from './types';

/**
 * Number claims of a narrative text (the 情况说明 of a 部门决算公开, a 绩效自评报告 …).
 *
 * Only numbers followed by a unit are claims: 万元 / 元 / % (amounts, shares, changes, growth,
 * completion and other rates), 分 (scores) and 个 / 辆 / 台 / 人 / 人次 (counts). Years
 * ("2024年度"), dates ("12 月 31 日"), list ordinals ("1.", "(二)", "图 1") and 科目编码 carry no
 * such unit and are never claims.
 *
 * PDF quirks are read through: spaces inside numbers ("22899. 22 万元", "1, 212. 84万元",
 * "0. 002 %") and full-width forms ("２２８５４．２７", "％", "（二）", "："). `quote` is always the
 * exact substring of the original text, from the first digit (or an attached minus sign) to the end
 * of the unit.
 */
export function extractClaims(text: string): Claim[] {
  const norm = foldWidth(text);
  const lines = lineInfos(norm);
  const raws = scanNumbers(norm, lines);
  const claims: Claim[] = [];
  const meta: Meta[] = [];
  for (const raw of raws) {
    const line = lineAt(lines, raw.start);
    const sentence = sentenceAt(norm, raw.start, line);
    const built = describe(norm, raw, sentence, line, claims, meta);
    const claim: Claim = {
      quote: text.slice(raw.start, raw.end),
      start: raw.start,
      value: raw.value,
      decimals: raw.decimals,
      unit: raw.unit,
      kind: built.kind,
      subject: built.subject,
      section: line.section,
      sentence: cleanSentence(text.slice(sentence.start, sentence.end)),
      sentenceStart: sentence.start,
    };
    if (built.direction !== undefined) claim.direction = built.direction;
    if (built.of !== undefined) claim.of = built.of;
    if (line.subsection !== undefined) claim.subsection = line.subsection;
    const residue = norm.slice(built.clauseStart, raw.start);
    const year = CLAUSE_YEAR.exec(residue);
    if (year) claim.year = Number(year[1]);
    if (built.kind === 'amount' && COMPARED_WITH.test(residue)) claim.comparison = true;
    const prevIndex = claims.length - 1;
    const prev = prevIndex >= 0 && meta[prevIndex].lineStart === line.start ? claims[prevIndex] : undefined;
    const prevInSentence = prev !== undefined && meta[prevIndex].sentenceStart === sentence.start;
    assignTopic(claim, prev, prevInSentence, () => previousClauseSubject(norm, built.clauseStart, sentence.start));
    claims.push(claim);
    meta.push({ end: raw.end, sentenceStart: sentence.start, lineStart: line.start });
  }
  markUnchanged(norm, claims, meta);
  markLists(norm, claims, meta);
  return claims;
}

/** "与上年决算数 3.04 万元相比", "比上年 18.10 万元": the amount a change is measured from. */
const COMPARED_WITH = /^[\s\-•*·]*(?:与|同|和|比|较)\s*(?:上年|去年|上一年|年初|预算|全年预算|\d{4}\s*年)/;

/** A year at the start of a clause ("2023年度收入合计", "1. 2024年支出决算数"), not a date ("2024 年 12 月 31 日"). */
const CLAUSE_YEAR = /^[\s\-•*·]*(?:\d{1,2}\s*[.、]\s*)?(?:截至|截止到?)?\s*((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)/;

// ---------------------------------------------------------------------------------------------
// Numbers and units.

type Unit = Claim['unit'];
type UnitClass = 'money' | 'percent' | 'score' | 'count';

interface RawNumber {
  start: number;
  end: number;
  /** End of the digits (before the unit). */
  numberEnd: number;
  value: Decimal;
  decimals: number;
  unit: Unit;
  unitClass: UnitClass;
  unitText: string;
}

// Digits with optional thousands commas ("1, 212") and an optional fraction ("22899. 22"). Spaces
// may sit around the separators (PDF extraction), never a line break.
const NUMBER = /\d{1,3}(?:[ \t]*,[ \t]*\d{3}(?!\d))+(?:[ \t]*\.[ \t]*\d+)?|\d+(?:[ \t]*\.[ \t]*\d+)?/g;
const UNIT = /^[ \t]*(万[ \t]*元|元|%|分|人次|人|个|辆|台)/;
/** 分 that starts a word, not a score: 分别, 分之, 分钟, 分批 … */
const NOT_SCORE_AFTER = new Set([...'别之钟期批类析配布档解摊散局管级项']);

function scanNumbers(norm: string, lines: LineInfo[]): RawNumber[] {
  const out: RawNumber[] = [];
  NUMBER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER.exec(norm)) !== null) {
    let start = m.index;
    let body = m[0];
    const before = start > 0 ? norm[start - 1] : '';
    if (/[A-Za-z_]/.test(before)) continue; // codes such as "T01", "A1"
    // A list ordinal at the start of a line: "1. 2024年度…", "6. 24小时…".
    const line = lineAt(lines, start);
    const dot = /^(\d{1,2})[ \t]*\.[ \t]+\d/.exec(body);
    if (dot && /^[\s\-•*·]*$/.test(norm.slice(line.start, start))) {
      NUMBER.lastIndex = start + body.indexOf('.') + 1;
      continue;
    }
    const numberEnd = start + body.length;
    const u = UNIT.exec(norm.slice(numberEnd, numberEnd + 8));
    if (!u) continue;
    const unitText = u[1].replace(/[ \t]/g, '');
    const afterUnit = norm[numberEnd + u[0].length] ?? '';
    if (unitText === '分' && NOT_SCORE_AFTER.has(afterUnit)) continue;
    // "第 3 个" is an ordinal.
    if (/第[ \t]*$/.test(norm.slice(Math.max(0, start - 3), start))) continue;
    // A minus sign written against the digits: "-5.01万元" (not a range "1-12", not a bullet "- 1").
    if (before === '-' && !/[\dA-Za-z]/.test(norm[start - 2] ?? '')) {
      start -= 1;
      body = `-${body}`;
    }
    const compact = body.replace(/[ \t,]/g, '');
    const frac = compact.split('.')[1];
    const unitClass: UnitClass =
      unitText === '万元' || unitText === '元' ? 'money' : unitText === '%' ? 'percent' : unitText === '分' ? 'score' : 'count';
    out.push({
      start,
      end: numberEnd + u[0].length,
      numberEnd,
      value: new Decimal(compact),
      decimals: frac ? frac.length : 0,
      unit: unitText === '万元' || unitText === '元' || unitText === '%' ? unitText : null,
      unitClass,
      unitText,
    });
    NUMBER.lastIndex = numberEnd + u[0].length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Clauses and subjects.

/** Where a clause ends; "、" is not one ("收、支总计"), except right after a claim. */
const CLAUSE_END = new Set([',', ';', ':', '!', '?', '。', '\n']);

/** Start of the clause that ends at `pos`: after the last clause mark outside parentheses, not before `floor`. */
function clauseStartOf(norm: string, pos: number, floor: number): number {
  let depth = 0;
  for (let i = pos - 1; i >= floor; i--) {
    const c = norm[i];
    if (c === ')') depth++;
    else if (c === '(') {
      if (depth > 0) depth--;
      else return i + 1;
    } else if (depth === 0 && CLAUSE_END.has(c)) return i + 1;
  }
  return floor;
}

const CJK = '\\u3400-\\u9fff';
const LEADING: RegExp[] = [
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
const TRAILING = /(?:\s|为|是|达到|达|约|了|各|分别为|分别|均为|均达|均|共计|(?<![总合共统会设估])计|:)+$/;
/** Words that only connect: a residue made of them alone names nothing. */
const EMPTY_SUBJECTS = new Set(['合计', '共计', '总计', '共', '合计为', '其中', '另', '分别', '新增']);
/** The words before them introduce what follows ("项目支出主要用于X 51.68万元"). */
const INTRODUCERS = /(?:主要用于|用于|(?<!公)共有|共涉及|其中)/g;

function cleanSubject(raw: string): string {
  let s = raw.replace(/\s+/g, ' ');
  for (let guard = 0; guard < 20; guard++) {
    const before = s;
    s = s.trim();
    for (const re of LEADING) s = s.replace(re, '').trim();
    s = s.replace(TRAILING, '');
    if (s === before) break;
  }
  s = s.replace(new RegExp(`(?<=[${CJK}])\\s+|\\s+(?=[${CJK}])`, 'g'), '');
  if (EMPTY_SUBJECTS.has(s)) return '';
  return s;
}

/** Text after the last introducer word ("…主要用于X" → "X"), when something follows it. */
function afterIntroducer(s: string): string {
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

/** Text after the last "N处、" of a list of counted items ("新增停车棚 366 处、端口" → "端口"). */
function afterCountedItem(s: string): string {
  const re = new RegExp(`\\d[ \\t]*[${CJK}]{1,2}[ \\t]*、`, 'g');
  let end = -1;
  for (const m of s.matchAll(re)) end = (m.index ?? 0) + m[0].length;
  return end >= 0 && s.slice(end).trim() ? s.slice(end) : s;
}

/** Cut a comparison base off a change's words: "收入比上年" → "收入", "比2023年度决算数" → "". */
const COMPARISON = /(?:比|较)(?=上年|去年|年初|上一年|同期|\s*\d{4}|全年|年度|预算|上期)|同比|环比/;

function beforeComparison(s: string): { rest: string; compared: boolean } {
  const m = COMPARISON.exec(s);
  if (!m) return { rest: s, compared: false };
  return { rest: s.slice(0, m.index), compared: true };
}

const DIRECTION_AT_END = /(增加|减少|增长|下降|增幅|降幅|上升|提高|降低|增长率|下降率)$/;

function moneyDirection(word: string): Claim['direction'] {
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

function percentDirection(word: string): Claim['direction'] {
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

function followingNoun(norm: string, pos: number): string {
  const m = new RegExp(`^[${CJK}A-Za-z]{1,16}`).exec(norm.slice(pos, pos + 16));
  if (!m) return '';
  let noun = m[0];
  const stop = NOUN_STOP.exec(noun.slice(1));
  if (stop) noun = noun.slice(0, stop.index + 1);
  return noun;
}

interface Meta {
  end: number;
  sentenceStart: number;
  lineStart: number;
}

interface Described {
  clauseStart: number;
  kind: Claim['kind'];
  subject: string;
  direction?: Claim['direction'];
  of?: string;
}

function describe(norm: string, raw: RawNumber, sentence: Span, line: LineInfo, claims: Claim[], meta: Meta[]): Described {
  const clauseStart = clauseStartOf(norm, raw.start, floorOf(sentence, line, claims, meta));
  return { ...describeAt(norm, raw, sentence, line, claims, meta), clauseStart };
}

/** Where the clause of a number may start: after the previous claim of its sentence, else at the sentence start. */
function floorOf(sentence: Span, line: LineInfo, claims: Claim[], meta: Meta[]): number {
  const i = claims.length - 1;
  const prevInSentence = i >= 0 && meta[i].lineStart === line.start && meta[i].sentenceStart === sentence.start;
  return prevInSentence ? meta[i].end : sentence.start;
}

function describeAt(norm: string, raw: RawNumber, sentence: Span, line: LineInfo, claims: Claim[], meta: Meta[]): Omit<Described, 'clauseStart'> {
  const prevIndex = claims.length - 1;
  const prev = prevIndex >= 0 && meta[prevIndex].lineStart === line.start ? claims[prevIndex] : undefined;
  const prevMeta = prev ? meta[prevIndex] : undefined;
  const prevInSentence = prev !== undefined && prevMeta !== undefined && prevMeta.sentenceStart === sentence.start;
  const floor = prevInSentence && prevMeta ? prevMeta.end : sentence.start;
  const clauseStart = clauseStartOf(norm, raw.start, floor);
  const residue = norm.slice(clauseStart, raw.start);
  const continued = prevInSentence && prevMeta !== undefined && clauseStart === prevMeta.end && /^\s*、/.test(residue);
  const bare = residue.replace(TRAILING, '').trim();

  // The subject of an adjacent earlier claim ("X 1494.57 万元, 占本年支出 6.53%"); across a sentence
  // end only for a comparison ("…0.18万元。较上年减少 19.32 万元").
  const inherit = (compared: boolean): string | undefined => {
    if (!prev || !prevMeta) return undefined;
    if (!prevInSentence && !compared) return undefined;
    if (!/^[\s,;:!?。、]*$/.test(norm.slice(prevMeta.end, clauseStart))) return undefined;
    return prev.subject || undefined;
  };
  const fallback = (): string => previousClauseSubject(norm, clauseStart, sentence.start);
  const subjectOr = (own: string, compared = false): string => {
    const s = cleanSubject(afterIntroducer(afterCountedItem(own)));
    if (s) return s;
    return inherit(compared) ?? fallback();
  };

  if (raw.unitClass === 'score') return { kind: 'score', subject: subjectOr(residue) };


  if (raw.unitClass === 'count') {
    const after = ['个', '辆', '台'].includes(raw.unitText) ? followingNoun(norm, raw.end) : '';
    return { kind: 'count', subject: after || subjectOr(residue) };
  }

  if (raw.unitClass === 'money') {
    const dir = DIRECTION_AT_END.exec(bare) ?? (/[比较]/.test(bare) ? /(多|少)$/.exec(bare) : null);
    if (dir && moneyDirection(dir[1]) !== null) {
      const { rest, compared } = beforeComparison(bare.slice(0, dir.index));
      return { kind: 'change', direction: moneyDirection(dir[1]), subject: subjectOr(rest, compared || rest.trim() === '') };
    }
    return { kind: 'amount', subject: subjectOr(residue) };
  }

  // Percentages.
  const share = bare.lastIndexOf('占');
  if (share >= 0) {
    let of = bare.slice(share + 1).trim();
    of = of.replace(/(?:的)?(?:比重|比例)?(?:为|是|达到|达)?$/, '').replace(/的$/, '').trim();
    if (of.startsWith('比')) of = '';
    of = cleanSubject(of);
    const d: Omit<Described, 'clauseStart'> = { kind: 'share', subject: subjectOr(bare.slice(0, share)) };
    if (of) d.of = of;
    return d;
  }
  const dir = DIRECTION_AT_END.exec(bare);
  if (dir) {
    const { rest, compared } = beforeComparison(bare.slice(0, dir.index));
    return { kind: 'growth', direction: percentDirection(dir[1]), subject: subjectOr(rest, compared || rest.trim() === '') };
  }
  if (/率$/.test(bare)) return { kind: 'rate', subject: subjectOr(bare) };
  const done = bare.lastIndexOf('完成');
  if (done >= 0) {
    const d: Omit<Described, 'clauseStart'> = { kind: 'completion', subject: subjectOr(bare.slice(0, done).replace(/(?:已经|已|均|累计)$/, '')) };
    const of = cleanSubject(bare.slice(done + 2).replace(/的$/, ''));
    if (of) d.of = of;
    return d;
  }
  if (continued && prev && (prev.kind === 'share' || prev.kind === 'completion' || prev.kind === 'rate')) {
    const d: Omit<Described, 'clauseStart'> = { kind: prev.kind, subject: prev.subject };
    const of = cleanSubject(bare.replace(/^\s*、/, '').replace(/的$/, ''));
    if (prev.kind !== 'rate' && of) d.of = of;
    return d;
  }
  // "减少 19. 32 万元,下 99. 08%": a percentage right after a change is its growth rate, even
  // when its direction word is missing or garbled.
  if (prevInSentence && prev && prev.kind === 'change' && cleanSubject(bare).length <= 2 && inherit(false) !== undefined) {
    return { kind: 'growth', direction: null, subject: prev.subject };
  }
  return { kind: 'other', subject: subjectOr(bare) };
}

/**
 * When a clause names nothing ("发放租赁补贴 1509户,720万元"), the words of an earlier clause of
 * the sentence, up to its first digit; "其中…" clauses are skipped.
 */
function previousClauseSubject(norm: string, clauseStart: number, sentenceStart: number): string {
  let end = clauseStart - 1;
  while (end > sentenceStart) {
    const start = clauseStartOf(norm, end, sentenceStart);
    const seg = norm.slice(start, end);
    if (!/^\s*其中/.test(seg)) {
      let s = seg;
      for (const re of LEADING) s = s.replace(re, '').trim();
      const digit = s.search(/\d/);
      const c = cleanSubject(digit >= 0 ? s.slice(0, digit) : s);
      if (c) return c;
    }
    end = start - 1;
  }
  return '';
}

// ---------------------------------------------------------------------------------------------
// "收入 0万元,与2023年度决算数相同。": the claim before 相同/持平 is unchanged.

function markUnchanged(norm: string, claims: Claim[], meta: Meta[]): void {
  const re = /相同|持平/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(norm)) !== null) {
    const at = m.index;
    let k = -1;
    for (let i = 0; i < claims.length && meta[i].end <= at; i++) k = i;
    if (k < 0) continue;
    const sentenceEnd = norm.slice(meta[k].end, at);
    if (/[。!?\n]/.test(sentenceEnd)) continue;
    if (claims[k].direction === undefined) claims[k].direction = '持平';
  }
}

// ---------------------------------------------------------------------------------------------
// Measures and topics: "一般公共预算财政拨款支出年初预算为1405.65万元，支出决算为22854.27万元，完成
// 年初预算的1625.89%" states three figures of one topic.

// A bare 预算 is a measure only alone or after 费/支出/资金 words ("三公经费预算"), not at the end of a
// project's name ("…第二批中央基建投资预算").
const MEASURE_SUFFIX = /(年初预算数?|全年预算数?|年度预算数?|预算总额|(?:^|(?<=[费出金]))预算数?|支出决算数?|决算数?|全年执行数?|本年执行数?|执行数?|实际支出数?)$/;

function measureOf(word: string): Measure | undefined {
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

/**
 * Sets `measure` and `topic`. A claim whose words are only a measure ("支出决算为 0.18 万元"), or that
 * inherited its subject, takes the topic of the previous claim of its sentence, else the words of an
 * earlier clause ("3. 社会保障和就业支出：年初预算为…").
 */
function assignTopic(claim: Claim, prev: Claim | undefined, prevInSentence: boolean, earlierClause: () => string): void {
  if (claim.kind === 'amount' || claim.kind === 'change') {
    const { topic, measure } = splitMeasure(claim.subject);
    if (measure) claim.measure = measure;
    if (measure && topic) {
      claim.topic = topic;
      return;
    }
    if (!measure && claim.kind === 'amount') return;
  } else if (claim.kind === 'completion') {
    const measure = claim.of ? measureOf(claim.of) : undefined;
    if (measure) claim.measure = measure;
  } else if (claim.kind !== 'rate' && claim.kind !== 'growth') {
    return;
  }
  const inherited = prev !== undefined && (prevInSentence || claim.subject === prev.subject);
  if (inherited && prev.topic) {
    claim.topic = prev.topic;
    return;
  }
  // an earlier clause of the sentence names the topic only when no claim stands in it ("3. 社会保障和就业
  // 支出：年初预算为…"); "财政预算数 1405.65万元，执行数 …" has its own subject there
  if (claim.kind === 'change' || claim.kind === 'growth' || prevInSentence) return;
  const t = splitMeasure(earlierClause()).topic;
  if (t && !MEASURE_SUFFIX.test(t)) claim.topic = t;
}

// ---------------------------------------------------------------------------------------------
// Lists: "支出决算数1403.23万元，其中：基本支出859.70万元、项目支出543.53万元。"

const LIST_INTRODUCER = /(其中|主要用于|分别为|分别是|包括)/g;

/**
 * Marks the amounts listed after 其中 / 主要用于 / 分别为 / 包括 with the amount they break down:
 * after 其中, the last amount before it in the sentence (or, when the sentence starts with 其中, in
 * the sentence before); after the other words, the amount whose subject or topic the words before
 * them name ("项目支出主要用于…"), else the last amount before them in the sentence. Later amounts of
 * the sentence belong to the same list until another introducer.
 */
function markLists(norm: string, claims: Claim[], meta: Meta[]): void {
  let current: { index: number; via: string; sentenceStart: number; inParens: boolean; at: number } | undefined;
  // more ")" than "(" since the introducer: the parenthesis it stood in is closed
  const closes = (s: string) => s.split(')').length > s.split('(').length;
  for (let i = 0; i < claims.length; i++) {
    const c = claims[i];
    // amounts, and counts ("共有车辆 4 辆，其中：二级单位车辆 3 辆；抢险排危专用车辆 1 辆")
    if (c.kind !== 'amount' && c.kind !== 'count') continue;
    const from = i > 0 && meta[i - 1].sentenceStart === meta[i].sentenceStart ? meta[i - 1].end : meta[i].sentenceStart;
    const gap = norm.slice(from, c.start);
    // the introducer must lead into this item: nothing but its own words between them ("其中：基本支出"),
    // not "…，主要用于X；Y 8.1万元" where it ended with its clause
    let intro: RegExpExecArray | undefined;
    for (const m of gap.matchAll(LIST_INTRODUCER)) {
      const after = gap.slice((m.index ?? 0) + m[0].length).replace(/^[\s:,]+/, '');
      if (![...after].some((ch) => CLAUSE_END.has(ch))) intro = m;
    }
    if (intro) {
      const at = from + (intro.index ?? 0);
      const total = listTotal(norm, claims, meta, i, at, intro[1]);
      // "（其中：公务用车购置0万元，公务用车运行维护0.45万元），公务接待费…": the list ends with its parenthesis
      const open = norm.slice(meta[i].sentenceStart, at).split('(').length - norm.slice(meta[i].sentenceStart, at).split(')').length > 0;
      current = total === undefined ? undefined : { index: total, via: intro[1], sentenceStart: meta[i].sentenceStart, inParens: open, at };
    } else if (current && (current.sentenceStart !== meta[i].sentenceStart || (current.inParens && closes(norm.slice(current.at, c.start))))) {
      current = undefined;
    }
    if (current) c.partOf = { index: current.index, via: current.via };
  }
}

/** The unit as written at the end of the quote ("4 辆" → 辆, "22899. 22 万元" → 万元). */
export function unitText(c: Claim): string {
  return c.unit ?? c.quote.replace(/^[-\d.,\s]+/, '');
}

function listTotal(norm: string, claims: Claim[], meta: Meta[], i: number, at: number, via: string): number | undefined {
  const sentenceStart = meta[i].sentenceStart;
  const lastAmountBefore = (pos: number, floor: number): number | undefined => {
    for (let k = i - 1; k >= 0 && meta[k].end <= pos; k--) {
      if (meta[k].sentenceStart < floor) return undefined;
      if (claims[k].kind === claims[i].kind && unitText(claims[k]) === unitText(claims[i])) return k;
    }
    return undefined;
  };
  if (via === '其中') {
    const inSentence = lastAmountBefore(at, sentenceStart);
    if (inSentence !== undefined) return inSentence;
    // "…22854.27 万元，完成年初预算的 1625.89%。其中：…": the sentence before, on the same line
    if (!/^[\s\-•*·]*$/.test(norm.slice(sentenceStart, at))) return undefined;
    const prev = i - 1;
    if (prev < 0 || meta[prev].lineStart !== meta[i].lineStart) return undefined;
    return lastAmountBefore(at, meta[prev].sentenceStart);
  }
  const words = cleanSubject(norm.slice(clauseStartOf(norm, at, sentenceStart), at)).replace(/^(?:增加|减少)/, '');
  if (words) {
    for (let k = i - 1; k >= 0; k--) {
      if (claims[k].section !== claims[i].section) break;
      const c = claims[k];
      if (c.kind === claims[i].kind && unitText(c) === unitText(claims[i]) && (c.subject === words || (c.topic === words && c.measure === '决算'))) return k;
    }
    return undefined;
  }
  return lastAmountBefore(at, sentenceStart);
}
