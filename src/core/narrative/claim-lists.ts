import { CLAUSE_END, clauseStartOf, cleanSubject } from './claim-words';
import type { Claim } from './types';

/** What the reader knows of each claim besides the claim itself. */
export interface Meta {
  end: number;
  sentenceStart: number;
  lineStart: number;
}

/** How many claims back a list's total is looked for: bounded work per item. */
const MAX_BACK = 60;

// ---------------------------------------------------------------------------------------------
// "收入 0万元,与2023年度决算数相同。": the claim before 相同/持平 is unchanged.

export function markUnchanged(norm: string, claims: Claim[], meta: Meta[]): void {
  const re = /相同|持平/g;
  let m: RegExpExecArray | null;
  let k = -1;
  while ((m = re.exec(norm)) !== null) {
    const at = m.index;
    while (k + 1 < claims.length && meta[k + 1].end <= at) k++;
    // the claim just before, in the same sentence and near (bounded work per word)
    if (k < 0 || at - meta[k].end > 200) continue;
    if (/[。!?\n]/.test(norm.slice(meta[k].end, at))) continue;
    if (claims[k].direction === undefined) claims[k].direction = '持平';
  }
}

// ---------------------------------------------------------------------------------------------
// Lists: "支出决算数1403.23万元，其中：基本支出859.70万元、项目支出543.53万元。"

const LIST_INTRODUCER = /(其中|主要用于|分别为|分别是|包括)/g;
/** Words of a budget, not of money spent: "区级财政年初预算安排200万元专项资金" is no part of what was paid. */
const BUDGET_WORDS = /(?:年初预算|全年预算|年度预算|预算安排|预算数|计划安排|计划投资)$/;

/** Running count of "(" minus ")" before each position: the parentheses open between two positions in O(1). */
export function parenDepths(norm: string): Int32Array {
  const d = new Int32Array(norm.length + 1);
  let depth = 0;
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41) depth--;
    d[i + 1] = depth;
  }
  return d;
}

/**
 * Marks the amounts and counts listed after 其中 / 主要用于 / 分别为 / 包括 with the figure they break
 * down: after 其中, the last figure of the same unit before it in the sentence (or, when the sentence
 * starts with 其中, in the sentence before); after the other words, the figure whose subject or
 * topic the words before them name ("项目支出主要用于…"), else the last figure before them in the
 * sentence. Later figures of the sentence belong to the same list until another introducer, the end
 * of the parenthesis the introducer stood in, or the end of the sentence. A budget figure ("年初预算
 * 安排200万元") is no item of a list of money spent.
 */
export function markLists(norm: string, claims: Claim[], meta: Meta[]): void {
  let current: { index: number; via: string; sentenceStart: number; inParens: boolean; at: number } | undefined;
  let depths: Int32Array | undefined;
  const depth = (a: number, b: number) => {
    depths ??= parenDepths(norm);
    return depths[b] - depths[a];
  };
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
      const open = depth(meta[i].sentenceStart, at) > 0;
      current = total === undefined ? undefined : { index: total, via: intro[1], sentenceStart: meta[i].sentenceStart, inParens: open, at };
    } else if (current && (current.sentenceStart !== meta[i].sentenceStart || (current.inParens && depth(current.at, c.start) < 0))) {
      current = undefined;
    }
    if (!current) continue;
    const total = claims[current.index];
    if (BUDGET_WORDS.test(c.subject) && !BUDGET_WORDS.test(total.subject)) continue;
    c.partOf = { index: current.index, via: current.via };
  }
}

const unitOf = (c: Claim): string => c.unit ?? c.countUnit ?? '';

function listTotal(norm: string, claims: Claim[], meta: Meta[], i: number, at: number, via: string): number | undefined {
  const sentenceStart = meta[i].sentenceStart;
  const lastAmountBefore = (pos: number, floor: number, accept: (k: number) => boolean = () => true): number | undefined => {
    for (let k = i - 1; k >= 0 && k >= i - MAX_BACK; k--) {
      if (meta[k].end > pos) continue;
      if (meta[k].sentenceStart < floor) return undefined;
      if (claims[k].kind === claims[i].kind && unitOf(claims[k]) === unitOf(claims[i]) && accept(k)) return k;
    }
    return undefined;
  };
  if (via === '其中') {
    // "共74个（房屋工程68个，市政工程6个），其中在建项目44个": a 其中 outside parentheses breaks down a figure outside them
    const outside = (k: number) => claims[k].inParens !== true || claims[i].inParens === true;
    const inSentence = lastAmountBefore(at, sentenceStart, outside);
    if (inSentence !== undefined) return inSentence;
    // "…22854.27 万元，完成年初预算的 1625.89%。其中：…": the sentence before, on the same line
    if (!/^[\s\-•*·]*$/.test(norm.slice(sentenceStart, at))) return undefined;
    const prev = i - 1;
    if (prev < 0 || meta[prev].lineStart !== meta[i].lineStart) return undefined;
    return lastAmountBefore(at, meta[prev].sentenceStart);
  }
  const words = cleanSubject(norm.slice(clauseStartOf(norm, at, sentenceStart), at)).replace(/^(?:增加|减少)/, '');
  if (words) {
    for (let k = i - 1; k >= 0 && k >= i - MAX_BACK; k--) {
      if (claims[k].section !== claims[i].section) break;
      const c = claims[k];
      if (c.kind === claims[i].kind && unitOf(c) === unitOf(claims[i]) && (c.subject === words || (c.topic === words && c.measure === '决算'))) return k;
    }
    return undefined;
  }
  return lastAmountBefore(at, sentenceStart);
}
