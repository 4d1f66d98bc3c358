import { Decimal } from '../money/decimal';
import {
  afterCountedItem,
  afterIntroducer,
  beforeComparison,
  clauseStartOf,
  cleanSubject,
  DIRECTION_AT_END,
  followingNoun,
  LEADING,
  MEASURE_SUFFIX,
  measureOf,
  moneyDirection,
  percentDirection,
  REASON,
  splitMeasure,
  TRAILING,
} from './claim-words';
import { markLists, markUnchanged, parenDepths, type Meta } from './claim-lists';
import { cleanSentence, layoutOf, lineAt, type Layout, type LineInfo, type Span } from './text-layout';
import type { Claim } from './types';

/**
 * Number claims of a narrative text (the 情况说明 of a 部门决算公开, a 绩效自评报告 …).
 *
 * Only numbers followed by a unit are claims: 万元 / 元 / % (amounts, shares, changes, growth,
 * completion and other rates), 分 (scores) and counting words (个 / 辆 / 台 / 人 / 人次 / 户 / 栋 /
 * 处 / 套 / 件 …) and areas (万平方米, ㎡) for counts. Years ("2024年度"), dates ("12 月 31 日"), list
 * ordinals ("1.", "(二)", "图 1") and 科目编码 carry no such unit and are never claims; nor is an
 * approximate figure ("1000余件").
 *
 * PDF quirks are read through: spaces inside numbers ("22899. 22 万元", "1, 212. 84万元",
 * "0. 002 %") and full-width forms ("２２８５４．２７", "％", "（二）", "："). `quote` is always the
 * exact substring of the original text, from the first digit (or an attached minus sign) to the end
 * of the unit.
 *
 * The work per number is bounded (its clause, a few clauses before it), so a text of any length is
 * read in linear time.
 */
export function extractClaims(text: string): Claim[] {
  return claimsOf(layoutOf(text));
}

/** The claims of a text already laid out. */
export function claimsOf(layout: Layout): Claim[] {
  const { text, norm, lines, sentences } = layout;
  const raws = scanNumbers(norm, lines);
  const claims: Claim[] = [];
  const meta: Meta[] = [];
  const depths = raws.length ? parenDepths(norm) : undefined;
  for (const raw of raws) {
    const line = lineAt(lines, raw.start);
    const sentence = sentences.at(raw.start);
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
      sentence: cleanSentence(sentenceText(text, sentence, raw.start, raw.end)),
      sentenceStart: sentence.start,
      line: line.index,
      paragraph: line.paragraph,
      heading: line.heading,
    };
    if (raw.unitClass === 'count') claim.countUnit = raw.unitText;
    if (built.direction !== undefined) claim.direction = built.direction;
    if (built.of !== undefined) claim.of = built.of;
    if (line.subsection !== undefined) claim.subsection = line.subsection;
    if (line.scope) claim.project = line.scope.project;
    if (depths && depths[raw.start] - depths[sentence.start] > 0) claim.inParens = true;
    const residue = norm.slice(built.clauseStart, raw.start);
    const year = CLAUSE_YEAR.exec(residue);
    if (year) claim.year = Number(year[1]);
    if (built.kind === 'amount' && COMPARED_WITH.test(residue)) claim.comparison = true;
    if (REASON.test(norm.slice(Math.max(sentence.start, raw.start - 200), raw.start))) claim.reason = true;
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

/** A sentence longer than this is kept, on each of its claims, as the part around the claim only. */
const MAX_SENTENCE = 600;

/** The sentence of a claim as the claim keeps it: whole, or the part around the claim when very long. */
function sentenceText(text: string, sentence: Span, start: number, end: number): string {
  if (sentence.end - sentence.start <= MAX_SENTENCE) return text.slice(sentence.start, sentence.end);
  return text.slice(Math.max(sentence.start, start - MAX_SENTENCE / 2), Math.min(sentence.end, end + MAX_SENTENCE / 2));
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
const UNIT = /^[ \t]*(万[ \t]*元|元|%|分|人次|人|个|辆|台|户|栋|幢|处|套|件|项|名|家|份|批次|次|宗|条|万[ \t]*平方米|平方米|万[ \t]*㎡|㎡)/;
/** 分 that starts a word, not a score: 分别, 分之, 分钟, 分批 … */
const NOT_SCORE_AFTER = new Set([...'别之钟期批类析配布档解摊散局管级项']);
/** A counting word that starts a word instead: 项目, 次数, 件数 (the number counts something else). */
const NOT_COUNT_AFTER: Record<string, RegExp> = { 项: /^目/, 次: /^[数年日]/, 名: /^[单称义]/, 处: /^[理置罚]/, 家: /^[庭属]/, 条: /^[件例款]/, 件: /^[数]/ };

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
    const dot = /^(\d{1,2})[ \t]*\.[ \t]+\d/.exec(body);
    if (dot && /^[\s\-•*·]*$/.test(norm.slice(lineAt(lines, start).start, start))) {
      NUMBER.lastIndex = start + body.indexOf('.') + 1;
      continue;
    }
    const numberEnd = start + body.length;
    const u = UNIT.exec(norm.slice(numberEnd, numberEnd + 8));
    if (!u) continue;
    const unitText = u[1].replace(/[ \t]/g, '');
    const after = norm.slice(numberEnd + u[0].length, numberEnd + u[0].length + 2);
    if (unitText === '分' && NOT_SCORE_AFTER.has(after[0] ?? '')) continue;
    if (NOT_COUNT_AFTER[unitText]?.test(after)) continue;
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

interface Described {
  clauseStart: number;
  kind: Claim['kind'];
  subject: string;
  direction?: Claim['direction'];
  of?: string;
}

/** Counting words after which the noun that follows is what is counted ("7 个一级项目", "6家物业服务企业"). */
const NOUN_AFTER = new Set(['个', '辆', '台', '项', '家', '名', '条']);

function describe(norm: string, raw: RawNumber, sentence: Span, line: LineInfo, claims: Claim[], meta: Meta[]): Described {
  const prevIndex = claims.length - 1;
  const prev = prevIndex >= 0 && meta[prevIndex].lineStart === line.start ? claims[prevIndex] : undefined;
  const prevMeta = prev ? meta[prevIndex] : undefined;
  const prevInSentence = prev !== undefined && prevMeta !== undefined && prevMeta.sentenceStart === sentence.start;
  const floor = prevInSentence && prevMeta ? prevMeta.end : sentence.start;
  let clauseStart = clauseStartOf(norm, raw.start, floor);
  // the claim before stood in a parenthesis of this clause: "完成全年目标(4000套)的 100.45%"
  if (clauseStart === floor && /^\s*\)/.test(norm.slice(floor, raw.start))) clauseStart = clauseStartOf(norm, raw.start, sentence.start);
  const residue = norm.slice(clauseStart, raw.start);
  const continued = prevInSentence && prevMeta !== undefined && clauseStart === prevMeta.end && /^\s*、/.test(residue);
  const bare = residue.replace(TRAILING, '').trim();
  const at = (d: Omit<Described, 'clauseStart'>): Described => ({ ...d, clauseStart });

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

  if (raw.unitClass === 'score') return at({ kind: 'score', subject: subjectOr(residue) });

  if (raw.unitClass === 'count') {
    const after = NOUN_AFTER.has(raw.unitText) ? followingNoun(norm, raw.end) : '';
    return at({ kind: 'count', subject: after || subjectOr(residue) });
  }

  if (raw.unitClass === 'money') {
    const dir = DIRECTION_AT_END.exec(bare) ?? (/[比较]/.test(bare) ? /(多|少)$/.exec(bare) : null);
    if (dir && moneyDirection(dir[1]) !== null) {
      const { rest, compared } = beforeComparison(bare.slice(0, dir.index));
      return at({ kind: 'change', direction: moneyDirection(dir[1]), subject: subjectOr(rest, compared || rest.trim() === '') });
    }
    return at({ kind: 'amount', subject: subjectOr(residue) });
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
    return at(d);
  }
  const dir = DIRECTION_AT_END.exec(bare);
  if (dir) {
    const { rest, compared } = beforeComparison(bare.slice(0, dir.index));
    return at({ kind: 'growth', direction: percentDirection(dir[1]), subject: subjectOr(rest, compared || rest.trim() === '') });
  }
  // "执行率 94.94%", and "执行 200%" (the rate with its 率 left out)
  if (/率$/.test(bare) || /(?:^|[,;])\s*执行$/.test(bare) || bare === '执行') return at({ kind: 'rate', subject: subjectOr(bare) });
  const done = bare.lastIndexOf('完成');
  if (done >= 0) {
    const d: Omit<Described, 'clauseStart'> = { kind: 'completion', subject: subjectOr(bare.slice(0, done).replace(/(?:已经|已|均|累计)$/, '')) };
    const of = cleanSubject(bare.slice(done + 2).replace(/的$/, ''));
    if (of) d.of = of;
    return at(d);
  }
  if (continued && prev && (prev.kind === 'share' || prev.kind === 'completion' || prev.kind === 'rate')) {
    const d: Omit<Described, 'clauseStart'> = { kind: prev.kind, subject: prev.subject };
    const of = cleanSubject(bare.replace(/^\s*、/, '').replace(/的$/, ''));
    if (prev.kind !== 'rate' && of) d.of = of;
    return at(d);
  }
  // "减少 19. 32 万元,下 99. 08%": a percentage right after a change is its growth rate, even
  // when its direction word is missing or garbled.
  if (prevInSentence && prev && prev.kind === 'change' && cleanSubject(bare).length <= 2 && inherit(false) !== undefined) {
    return at({ kind: 'growth', direction: null, subject: prev.subject });
  }
  return at({ kind: 'other', subject: subjectOr(bare) });
}

/** At most this many clauses back are searched for a subject: bounded work per number. */
const MAX_CLAUSES_BACK = 4;

/**
 * When a clause names nothing ("发放租赁补贴 1509户,720万元"), the words of an earlier clause of
 * the sentence, up to its first digit; "其中…" clauses are skipped.
 */
export function previousClauseSubject(norm: string, clauseStart: number, sentenceStart: number): string {
  let end = clauseStart - 1;
  for (let n = 0; n < MAX_CLAUSES_BACK && end > sentenceStart; n++) {
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

/** The unit as written: 万元 / 元 / % or the counting word ("4 辆" → 辆, "22899. 22 万元" → 万元). */
export function unitText(c: Claim): string {
  return c.unit ?? c.countUnit ?? c.quote.replace(/^[-\d.,\s]+/, '');
}
