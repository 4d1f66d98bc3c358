import { Decimal } from '../money/decimal';

/**
 * 绩效指标 targets (年度指标值 / 年初目标值 A) and actuals (实际完成值 B): what kind of indicator a cell
 * states, and the score the 000 备注 (docs/domain.md §2(d)) gives it.
 *
 * - 定量 (quantitative): a number with a unit and a direction.
 *   - 正向 'positive': ≥ > 不低于 不少于 不小于 大于(等于) 高于 多于 超过 至少 达到 …以上.
 *   - 反向 'negative': ≤ < ≼ 不超过 不高于 不大于 不多于 小于(等于) 低于 少于 控制在… …以下 …以内 …之内 …内.
 *   - 'exact': no operator ("42栋", 454, 100%, "17477.59万元"). The 备注 defines only ≥X and ≤X, so a
 *     plain count or percent is scored as 正向 by convention (quantitativeScore's `exactAs`). This is
 *     also what the seeds print for a plain 成本 amount: 001 资金成本 623.5 → 18015.27 scores 10/10
 *     (正向 caps at the weight, 反向 would give 0.35). The warning rule PERF.indicator-score scores
 *     such 成本 rows 反向 instead; a caller that wants that passes `exactAs: 'negative'`.
 * - 定性 (qualitative): words (达标, 是, 完成, 效果明显, 有效促进, 满意, 良好, 基本完成, 未完成, 否 …) with a
 *   suggested band (备注3: 达成 / 部分达成 / 未达成).
 * - 'date': time targets (2024年12月之前, 2023.1-12月, 2022-12-31, 2023年, 按时(完成), 及时完成,
 *   按计划(时间)完成) and time limits without a number ("≤规定的时间", "< 规定的时间"): the direction
 *   is kept, but there is no automatic score.
 * - 'unparsed': everything else, with the reason: numbered lists of several indicators in one cell
 *   ("1、≥5000起；2、≥40件"), two numbers ("41 39"), cost limits without a number ("≤预算安排数",
 *   "<预算安排 数", "不超预算", "控制在财政预算内": direction 'negative' kept, no automatic score; the
 *   caller may still ask qualitativeBand for a suggestion), 无/不适用, text with numbers that is neither
 *   a quantity nor recognizable words.
 *
 * Text is normalized with NFKC (１００％ → 100%, （） → ()), ≼ ⩽ ≦ <= =< read as ≤ and ⩾ ≧ ≽ >= => as ≥,
 * and the extraction noise of docs/domain.md §0.1 is repaired: "8 0%" → 80% (a digit group of one digit split
 * off by a space is joined; "41 39" stays two numbers), "22854. 27" → 22854.27, "1, 212. 84" → 1212.84,
 * "≥ 90)%" → ≥90%. ㎡ is kept as a unit (NFKC would make it "m2").
 *
 * Pure and exact: values are Decimal, nothing is rounded.
 */

export type Direction = 'positive' | 'negative' | 'exact';
export type Band = 'achieved' | 'partly' | 'not-achieved';

export interface ParsedQuantity {
  value: Decimal;
  /** '%', '‰', '户', '套', '栋', '万元', '元', '秒', '个', '起', '件', '人', '次', '平方米', '万平方米', '㎡', '天', '小时', … ;
   *  a per-period count reads "次/月" ("每月巡查2次"); null for a bare number. */
  unit: string | null;
  /** 余, 多, 约, 左右: "26450余起". */
  approx?: boolean;
  /**
   * Only on actuals (parseActual): the actual was written with an operator, typically the target
   * copied ("≥1000户" / "≥1000户", "≤8秒"), so `value` is a bound, not a measurement.
   */
  bound?: 'at-least' | 'at-most';
  /** The operator as written (after NFKC), on actuals with a bound. */
  operatorText?: string;
  /** A label written before the number: "满意率≥85%" → "满意率", "群众满意度100%" → "群众满意度". */
  label?: string;
}

export type UnparsedReason =
  /** blank cell */
  | 'empty'
  /** 无, 不适用, /, —— : the indicator is not used */
  | 'not-applicable'
  /** a numbered list of several indicators in one cell */
  | 'list'
  /** two or more numbers side by side ("41 39") */
  | 'several-numbers'
  /** an operator with no number: "≤预算安排数", "不超预算", "控制在财政预算内" */
  | 'limit-without-number'
  /** both directions at once ("≥95%以下") */
  | 'conflicting-operators'
  /** text with numbers that reads as neither a quantity nor known words */
  | 'unrecognized';

export type ParsedIndicator =
  | { kind: 'quantitative'; direction: Direction; target: ParsedQuantity; operatorText: string | null }
  | { kind: 'qualitative'; band: Band | null; text: string }
  | { kind: 'date'; text: string; direction?: Exclude<Direction, 'exact'>; operatorText?: string }
  | { kind: 'unparsed'; text: string; reason: UnparsedReason; direction?: Exclude<Direction, 'exact'>; operatorText?: string };

/** An actual that is not a number: words, a date, a list, … with the band its words suggest. */
export interface QualitativeActual {
  qualitative: string;
  band: Band | null;
  form: 'text' | 'date' | 'limit' | 'list' | 'several-numbers' | 'not-applicable' | 'conflicting-operators' | 'unrecognized';
}

export type ParsedActual = ParsedQuantity | QualitativeActual | null;

// ---------------------------------------------------------------------------------------------
// Normalization

const SQM = '\uE000';
const CJK = '\\u4e00-\\u9fff';

/** NFKC with ㎡ kept, operators folded to ≥ ≤ only where they are OCR variants of one symbol. */
function fold(raw: string): string {
  return raw
    .replace(/㎡|[mM]²/g, SQM)
    .normalize('NFKC')
    .replace(new RegExp(SQM, 'g'), '㎡')
    .replace(/[\u00a0\u2009\u202f\u3000]/g, ' ')
    .trim();
}

/** Repairs numbers broken by extraction: "8 0%", "22854. 27", "1, 212. 84", "≥ 90)%". */
function repairNumbers(s: string): string {
  let out = s;
  let prev = '';
  while (prev !== out) {
    prev = out;
    out = out
      // decimal point with spaces around it (not across lines)
      .replace(/(\d)[ \t]*\.[ \t]*(\d)/g, '$1.$2')
      // thousands separators, possibly followed by a space: exactly three digits after
      .replace(/(\d)[ \t]*,[ \t]*(\d{3})(?!\d)/g, '$1$2')
      // OCR-split digits: join when one side is a single digit ("8 0%", "1 00%"); "41 39" stays
      .replace(/(\d+)[ \t]+(\d+)/g, (m, a: string, b: string) => (a.length === 1 || b.length === 1 ? a + b : m))
      // a stray bracket before the percent sign: "90)%"
      .replace(/(\d)[ \t]*[)\]][ \t]*%/g, '$1%');
  }
  return out;
}

const NOT_APPLICABLE = new Set(['无', '不适用', '无此项', '/', '-', '--', '—', '——', '―', '─', 'N/A', 'n/a', '空']);

/** Two or more list markers ("1、", "2.", "3)") at the start of the text or of a line/clause. */
function isList(s: string): boolean {
  const markers = s.match(/(?:^|[\n;。])[ \t]*\d{1,2}[ \t]*(?:、|\)|\.(?!\d))/g);
  return (markers?.length ?? 0) >= 2;
}

/** The text without whitespace and trailing punctuation, for matching. */
function compact(s: string): string {
  return s.replace(/\s+/g, '').replace(/[;,.。、!！]+$/, '');
}

// ---------------------------------------------------------------------------------------------
// Operators and quantities

interface Op {
  text: string;
  direction: Direction;
}

const ops = (direction: Direction, texts: readonly string[]): Op[] => texts.map((text) => ({ text, direction }));
const longestFirst = (list: Op[]): Op[] => list.sort((a, b) => b.text.length - a.text.length);

const PREFIX_OPS: Op[] = longestFirst([
  ...ops('positive', ['大于等于', '不低于', '不少于', '不小于', '大于', '高于', '多于', '超过', '至少', '达到', '>=', '=>', '≥', '≧', '⩾', '≽', '>']),
  ...ops('negative', ['小于等于', '不超过', '不高于', '不大于', '不多于', '控制在', '小于', '低于', '少于', '<=', '=<', '≤', '≦', '⩽', '≼', '<']),
  ...ops('exact', ['=']),
]);

/** Operators that make a limit even without a number ("≤预算安排数", "不超预算", "控制在财政预算内"). */
const LIMIT_OPS: Op[] = longestFirst([
  ...ops('positive', ['不低于', '不少于', '不小于', '>=', '=>', '≥', '≧', '⩾', '≽', '>']),
  ...ops('negative', ['不超过', '不超出', '不超', '不高于', '不大于', '不多于', '控制在', '<=', '=<', '≤', '≦', '⩽', '≼', '<']),
]);

const SUFFIX_OPS: Record<string, Direction> = {
  及以上: 'positive',
  或以上: 'positive',
  以上: 'positive',
  及以下: 'negative',
  或以下: 'negative',
  以下: 'negative',
  以内: 'negative',
  之内: 'negative',
  内: 'negative',
};

const BASE_UNITS = [
  '平方公里', '平方米', '立方米', '个工作日', '工作日', '公里', '千米', '人次', '户次', '个月', '小时', '分钟',
  '元', '户', '套', '栋', '幢', '个', '起', '件', '人', '名', '位', '次', '天', '日', '秒', '家', '项', '篇', '场', '期', '所', '座',
  '条', '米', '吨', '辆', '台', '批', '份', '处', '间', '宗', '亩', '张', '本', '册', '周', '月', '年', '分', '㎡', 'km', 'kg', 'm',
];
const UNIT = `(?:[万亿千百]?(?:${BASE_UNITS.join('|')})|%|‰)`;
const NUMBER = '(\\d+(?:\\.\\d+)?)';
const SUFFIX = `(${Object.keys(SUFFIX_OPS).join('|')})`;
/** After the label and the prefix operator: [约] N [余|多] [unit] [余|多] [以上…] [左右] [a short noun: "12次检测"]. */
const QUANTITY = new RegExp(`^(约)?${NUMBER}(余|多)?(${UNIT})?(余|多)?${SUFFIX}?(左右)?([${CJK}]{1,4})?$`);
/** A label before the operator or number: "满意率≥85%", "群众满意度100%". */
const LABEL = new RegExp(`^([${CJK}]{1,12}?(?:率|度|数|量))(?=[约≥≤<>=≧≦≼⩽⩾≽\\d]|不[低少小超高大多]|大于|小于|高于|低于|达到|至少|超过|控制在)`);
/** "每月巡查2次", "每月一次以上": a count per period. */
const PER_PERIOD = new RegExp(`^每(季度|半年|月|年|周|天|日|季)([${CJK}]{0,4}?)(\\d+(?:\\.\\d+)?|[一二两三四五六七八九十])(${UNIT})${SUFFIX}?$`);
const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
/** Short nouns after a quantity that carry no meaning of their own; negations never do. */
const NEGATION = /[未不没无否非差漏缺]/;

function startsWithOp(s: string, ops: readonly Op[]): Op | null {
  return ops.find((o) => s.startsWith(o.text)) ?? null;
}

type QuantityResult =
  | { ok: true; q: ParsedQuantity; direction: Direction; operatorText: string | null }
  | { ok: false; conflict?: boolean };

function readQuantity(c: string): QuantityResult {
  const per = PER_PERIOD.exec(c);
  if (per) {
    const [, period, , n, unit, suffix] = per;
    const value = /\d/.test(n) ? new Decimal(n) : new Decimal(CHINESE_DIGITS[n]);
    const direction = suffix ? SUFFIX_OPS[suffix] : 'exact';
    return { ok: true, q: { value, unit: `${unit}/${period}` }, direction, operatorText: suffix ?? null };
  }
  let rest = c;
  let label: string | undefined;
  const lm = LABEL.exec(rest);
  if (lm) {
    label = lm[1];
    rest = rest.slice(label.length).replace(/^[:为]/, '');
  }
  let approx = false;
  if (rest.startsWith('约')) {
    approx = true;
    rest = rest.slice(1);
  }
  const prefix = startsWithOp(rest, PREFIX_OPS);
  if (prefix) rest = rest.slice(prefix.text.length);
  const m = QUANTITY.exec(rest);
  if (!m) return { ok: false };
  const [, about, num, approxBefore, unit, approxAfter, suffix, around, noun] = m;
  if (noun && (!unit || NEGATION.test(noun))) return { ok: false };
  const suffixDir = suffix ? SUFFIX_OPS[suffix] : null;
  // both written: they must agree ("≥95%以上", "控制在5%以内"); "=" takes the suffix's direction
  let direction: Direction = prefix?.direction ?? suffixDir ?? 'exact';
  if (prefix && suffixDir && prefix.direction !== suffixDir) {
    if (prefix.direction === 'exact') direction = suffixDir;
    else return { ok: false, conflict: true };
  }
  const operatorText = prefix && suffix ? `${prefix.text}…${suffix}` : (prefix?.text ?? suffix ?? null);
  const q: ParsedQuantity = { value: new Decimal(num), unit: unit ?? null };
  if (approx || about || approxBefore || approxAfter || around) q.approx = true;
  if (label) q.label = label;
  return { ok: true, q, direction, operatorText };
}

// ---------------------------------------------------------------------------------------------
// Dates and time limits

/** 2024年12月之前, 2023年12前, 2023.1-12月, 2023年1-12月, 2022-12-31, 2023年, 12月底前. */
const DATE = /^(?:(?:19|20)\d{2}(?:年|[.\-/]\d)|\d{1,2}(?:-\d{1,2})?月|年底|年内|年末|当年|本年)/;
/** 按时, 及时完成, 按计划(时间)完成, 已按计划时间完成, 按时间要求完成, 在规定时间内完成. */
const TIME_WORDS = new RegExp(
  '^(?:已)?(?:按时|及时|按期|如期|准时|限时|按计划(?:时间|进度)?|按时间要求|按规定(?:的)?时间|在?规定(?:的)?时(?:间|限)内?)' +
    '(?:完成|办结|拨付|到位|发放|实施|开展|完工|竣工|交付|支付)?$',
);
/** What a time limit without a number reads: "规定的时间", "规定时限". */
const TIME_LIMIT = /^(?:规定|计划|要求|合同)?(?:的)?(?:时间|时限|期限|工期|日期)(?:内|以内|之内)?$/;

// ---------------------------------------------------------------------------------------------
// Qualitative words (备注3)

/** Partly: done, but not fully or late. Checked first ("基本完成" also holds 完成). */
const PARTLY = /基本|部分|大部|一般|有待|尚未全部|未全部|未完全|未能按时|未按时|逾期|延期|滞后|不够/;
/** A bad thing that did not happen: 无负面影响, 不发生较大安全生产事故, 没有出现, 没超预算, 不漏一户. */
const NEGATED_BAD = /(?:无|没有|没|未|不)[^，,;。]*?(?:事故|负面|投诉|污染|不满意|错误|退回|违规|违纪|漏|超预算|超支|问题)|(?:无|没有?|未|不)(?:超|出现|发生)/;
const NOT_ACHIEVED =
  /^否$|^差$|未完成|未达标|未达到|未实现|未达成|未到位|未落实|未开展|未执行|未提升|未提高|未改善|没有完成|没完成|不达标|不合格|不满意|较差|效果差|很差|无效|不到位|未见成效/;
const ACHIEVED =
  /达标|^是$|完成|完工|竣工|建成|办结|落实|实现|达到|达成|明显|显著|有效|满意|良好|优秀|^优$|较好|提升|提高|改善|促进|到位|合格|覆盖|持续|稳定|平稳|稳步|有序|可控|保障|保证|高效|增效|助力|构建|缓解|全部|按时|及时|按期|如期|规范|可靠|增强|加强|完善/;

/** The band the words of a text suggest on their own, or null when they say nothing known. */
function wordsBand(text: string): Band | null {
  const c = compact(text);
  if (!c) return null;
  if (PARTLY.test(c)) return 'partly';
  if (NEGATED_BAD.test(c)) return 'achieved';
  if (NOT_ACHIEVED.test(c)) return 'not-achieved';
  if (ACHIEVED.test(c)) return 'achieved';
  return null;
}

/** Degree words of 效果 and the like: 显著 5, 明显 4, 良好/较好 3, 一般 2, 差 1. */
function degree(text: string): number | null {
  if (/显著|非常明显|十分明显/.test(text)) return 5;
  if (/明显/.test(text)) return 4;
  if (/良好|较好|很好/.test(text)) return 3;
  if (/一般/.test(text)) return 2;
  if (/差/.test(text)) return 1;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Parsing

/** A cell number as an exact Decimal, with Excel's 15 significant digits (0.9500000000000001 → 0.95). */
function decimalOf(n: number): Decimal {
  return new Decimal(Number(n.toPrecision(15)).toString());
}

/** A number format that shows a percentage ("0%", "0.00%"), ignoring quoted text and escaped \%. */
function isPercentFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return numFmt.replace(/"[^"]*"/g, '').replace(/\\./g, '').includes('%');
}

function parseNumber(raw: number, numFmt: string | undefined): ParsedIndicator {
  if (!Number.isFinite(raw)) return { kind: 'unparsed', text: String(raw), reason: 'unrecognized' };
  const percent = isPercentFormat(numFmt);
  const value = percent ? decimalOf(raw).times(100) : decimalOf(raw);
  return { kind: 'quantitative', direction: 'exact', target: { value, unit: percent ? '%' : null }, operatorText: null };
}

/**
 * A 年度指标值 / 年初目标值 cell. Numbers are bare quantities; with a % number format they are
 * percents (1 with "0%" → 100, unit '%'). Text: see the module comment.
 */
export function parseTarget(raw: string | number | null, numFmt?: string): ParsedIndicator {
  if (raw === null || raw === undefined) return { kind: 'unparsed', text: '', reason: 'empty' };
  if (typeof raw === 'number') return parseNumber(raw, numFmt);
  const text = fold(String(raw));
  if (!text) return { kind: 'unparsed', text, reason: 'empty' };
  const repaired = repairNumbers(text);
  const c = compact(repaired);
  if (!c) return { kind: 'unparsed', text, reason: 'empty' };
  if (NOT_APPLICABLE.has(c)) return { kind: 'unparsed', text, reason: 'not-applicable' };
  if (isList(repaired)) return { kind: 'unparsed', text, reason: 'list' };
  if (/\d\s+\d/.test(repaired)) return { kind: 'unparsed', text, reason: 'several-numbers' };
  if (DATE.test(c) || TIME_WORDS.test(c)) return { kind: 'date', text };

  const q = readQuantity(c);
  if (q.ok) return { kind: 'quantitative', direction: q.direction, target: q.q, operatorText: q.operatorText };
  if (q.conflict) return { kind: 'unparsed', text, reason: 'conflicting-operators' };

  const limit = startsWithOp(c, LIMIT_OPS);
  if (limit) {
    const rest = c.slice(limit.text.length);
    if (!/\d/.test(rest) && rest) {
      const direction = limit.direction as Exclude<Direction, 'exact'>;
      if (TIME_LIMIT.test(rest)) return { kind: 'date', text, direction, operatorText: limit.text };
      return { kind: 'unparsed', text, reason: 'limit-without-number', direction, operatorText: limit.text };
    }
  }
  const band = wordsBand(c);
  if (/\d/.test(c) && band === null) return { kind: 'unparsed', text, reason: 'unrecognized' };
  return { kind: 'qualitative', band, text };
}

/**
 * A 实际完成值 cell: a quantity (with `bound` when it carries an operator), or its words with the band
 * they suggest, or null when blank.
 */
export function parseActual(raw: string | number | null, numFmt?: string): ParsedActual {
  const p = parseTarget(raw, numFmt);
  switch (p.kind) {
    case 'quantitative': {
      const q: ParsedQuantity = { ...p.target };
      if (p.direction !== 'exact' && p.operatorText) {
        q.bound = p.direction === 'positive' ? 'at-least' : 'at-most';
        q.operatorText = p.operatorText;
      }
      return q;
    }
    case 'qualitative':
      return { qualitative: p.text, band: p.band, form: 'text' };
    case 'date':
      return { qualitative: p.text, band: wordsBand(p.text), form: 'date' };
    case 'unparsed': {
      if (p.reason === 'empty') return null;
      const form = p.reason === 'limit-without-number' ? 'limit' : p.reason;
      return { qualitative: p.text, band: p.reason === 'limit-without-number' ? wordsBand(p.text) : null, form };
    }
  }
}

export function isQuantity(a: ParsedActual): a is ParsedQuantity {
  return a !== null && 'value' in a;
}

// ---------------------------------------------------------------------------------------------
// Scoring

interface UnitParts {
  base: string;
  factor: Decimal;
}

const MULTIPLIER: Record<string, string> = { 万: '1e4', 亿: '1e8', 千: '1e3', 百: '1e2' };
const ALIASES: Record<string, UnitParts> = {
  '%': { base: '%', factor: new Decimal(1) },
  '‰': { base: '%', factor: new Decimal('0.1') },
  '㎡': { base: '平方米', factor: new Decimal(1) },
  m: { base: '米', factor: new Decimal(1) },
  km: { base: '米', factor: new Decimal(1000) },
  公里: { base: '米', factor: new Decimal(1000) },
  千米: { base: '米', factor: new Decimal(1000) },
};

function unitParts(unit: string): UnitParts {
  const alias = ALIASES[unit];
  if (alias) return alias;
  const first = unit[0];
  if (unit.length > 1 && first in MULTIPLIER) {
    const inner = unitParts(unit.slice(1));
    return { base: inner.base, factor: inner.factor.times(MULTIPLIER[first]) };
  }
  return { base: unit, factor: new Decimal(1) };
}

/**
 * The factor that turns an amount in `from` into `to` (万元 → 元: 10000), or null when they do not
 * agree. A bare number (null) takes the other side's unit, except against a percent: 100 vs 100% is
 * not comparable (the cell may mean 100 cases).
 */
export function unitFactor(from: string | null, to: string | null): Decimal | null {
  if (from === to) return new Decimal(1);
  if (from === null) return to === '%' || to === '‰' ? null : new Decimal(1);
  if (to === null) return from === '%' || from === '‰' ? null : new Decimal(1);
  const a = unitParts(from);
  const b = unitParts(to);
  if (a.base !== b.base) return null;
  return a.factor.div(b.factor);
}

/**
 * 定量指标得分 (000 备注2): 正向 min(w, w·B/A); 反向 min(w, w·A/B). A is the target, B the actual,
 * converted to the target's unit (万元 vs 元; % never against a bare number). null when it cannot be
 * computed: target not quantitative, actual blank or words, units disagree, or the divisor (A for
 * 正向, B for 反向) is zero. An 'exact' target (no operator) is scored 正向 unless `exactAs` says
 * otherwise (see the module comment for 成本). An actual written as a bound ("≥1000户") is used as
 * its value when the bound points the way the indicator is scored (≥ for 正向, ≤ for 反向): the
 * score is then a guaranteed minimum, and exact whenever it reaches the weight; a bound the other
 * way gives null. Exact Decimal arithmetic (one division), no rounding: the caller rounds.
 */
export function quantitativeScore(
  weight: Decimal,
  target: ParsedIndicator,
  actual: ParsedActual,
  opts: { exactAs?: 'positive' | 'negative' } = {},
): Decimal | null {
  if (target.kind !== 'quantitative' || !isQuantity(actual)) return null;
  const factor = unitFactor(actual.unit, target.target.unit);
  if (factor === null) return null;
  const a = target.target.value;
  const b = actual.value.times(factor);
  const direction = target.direction === 'exact' ? (opts.exactAs ?? 'positive') : target.direction;
  if (actual.bound && actual.bound !== (direction === 'positive' ? 'at-least' : 'at-most')) return null;
  if (direction === 'positive') {
    if (a.isZero()) return null;
    return Decimal.min(weight, weight.times(b).div(a));
  }
  if (b.isZero()) return null;
  return Decimal.min(weight, weight.times(a).div(b));
}

export const BAND_RANGES: Readonly<Record<Band, readonly [Decimal, Decimal]>> = {
  achieved: [new Decimal('0.8'), new Decimal(1)],
  partly: [new Decimal('0.5'), new Decimal('0.8')],
  'not-achieved': [new Decimal(0), new Decimal('0.5')],
};

/** Longest common substring of two short texts is at least n characters. */
function shareRun(a: string, b: string, n: number): boolean {
  if (a.length < n || b.length < n) return false;
  for (let i = 0; i + n <= a.length; i++) if (b.includes(a.slice(i, i + n))) return true;
  return false;
}

function comparable(s: string): string {
  return compact(fold(s)).replace(/[,，;；:：、。.!！"“”'‘’()（）\s]/g, '');
}

/**
 * The suggested band of a 定性 indicator (备注3): 达成 [0.8, 1], 部分达成 [0.5, 0.8), 未达成 [0, 0.5)
 * of the weight (`range` is the fraction, or points when `weight` is given; the upper ends of 部分/未
 * are exclusive). From the actual compared with the target:
 * 1. actual blank → null; target 定量 (use quantitativeScore) or 无/不适用 → null;
 * 2. actual the same words as the target → achieved;
 * 3. actual a percent against a text target (老旧小区改造完工 → 97%): ≥80 achieved, ≥50 partly, else not;
 *    any other number against text → null;
 * 4. the actual's words: 基本/部分/未能按时… → partly; 未完成/未达标/否/较差… → not-achieved; a bad thing
 *    that did not happen (无负面影响, 没超预算, 不漏一户) or 达标/是/完成/效果明显/有效/满意/良好/提升… →
 *    achieved, lowered to partly when its degree is below the target's (003: 效果明显 → 效果良好 was
 *    scored 3/5);
 * 5. otherwise an actual that restates the target (contains it, is contained, or shares 4 characters:
 *    "有利于小区平安稳定" → "助力江岸维护小区平安稳定") → achieved; else null (a person decides).
 */
export function qualitativeBand(
  target: string | number | null,
  actual: string | number | null,
  opts: { targetNumFmt?: string; actualNumFmt?: string; weight?: Decimal } = {},
): { band: Band; range: [Decimal, Decimal] } | null {
  const result = (band: Band) => {
    const [lo, hi] = BAND_RANGES[band];
    const w = opts.weight;
    const range: [Decimal, Decimal] = w ? [lo.times(w), hi.times(w)] : [lo, hi];
    return { band, range };
  };
  const a = parseActual(actual, opts.actualNumFmt);
  if (a === null) return null;
  const t = parseTarget(target, opts.targetNumFmt);
  if (t.kind === 'quantitative') return null;
  if (t.kind === 'unparsed' && t.reason === 'not-applicable') return null;
  const tText = t.text;
  if (isQuantity(a)) {
    if (a.unit !== '%' || a.bound) return null;
    return result(a.value.gte(80) ? 'achieved' : a.value.gte(50) ? 'partly' : 'not-achieved');
  }
  const tc = comparable(tText);
  const ac = comparable(a.qualitative);
  if (ac && ac === tc) return result('achieved');
  if (a.form === 'not-applicable') return null;
  const band = a.band;
  if (band === 'achieved') {
    const da = degree(ac);
    const dt = degree(tc);
    return result(da !== null && dt !== null && da < dt ? 'partly' : 'achieved');
  }
  if (band) return result(band);
  if (ac && tc && (tc.includes(ac) || ac.includes(tc) || shareRun(ac, tc, 4))) return result('achieved');
  return null;
}
