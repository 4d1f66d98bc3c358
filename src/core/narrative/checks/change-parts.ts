import { Decimal } from '../../money/decimal';
import { agree, listOf, show, statedWan, sumOf, type Approx } from '../relations';
import { normName } from '../resolve';
import type { Claim } from '../types';
import { changeSource } from './change';
import type { NarrativeContext, NarrativeRule } from './context';

/** What a change is measured from, by the words of its sentence: last year, or the budget. */
function baseClass(c: Claim): 'prior' | 'budget' | undefined {
  if (/年初预算|预算数/.test(c.sentence)) return 'budget';
  if (/去年|上年|上一年|同比|\d{4}\s*年度?(?:决算)?(?:数)?相比/.test(c.sentence)) return 'prior';
  return undefined;
}

const signed = (c: Claim): Approx => {
  const a = statedWan(c);
  return c.direction === '减少' || c.direction === '下降' ? { value: a.value.negated(), half: a.half } : a;
};

/** Does a change's subject name a list item ("项目" names "项目支出")? */
function namesItem(change: Claim, item: Claim): boolean {
  const a = normName(change.subject);
  const b = normName(item.subject);
  return a.length >= 2 && b.startsWith(a);
}

/**
 * NARRATIVE.change (parts): the change of a total equals the sum of its parts' changes. "2023年年初预算
 * 数1135.38万元 … 收入较去年减少12.09万元" and "年初预算数1135.38万元，其中，基本支出933.38万元、项目支出
 * 202万元。基本支出较去年增加209.59万元，项目较去年减少197.5万元": the parts' changes add to +12.09,
 * so the total cannot have decreased. The total's change is the change said of the list's total (or of
 * the same figure stated elsewhere in its section); every part must have its change, measured from the
 * same base (last year, or the budget).
 */
export const changeParts: NarrativeRule = {
  sources: [],
  run(ctx: NarrativeContext) {
    for (const [index, all] of ctx.lists()) {
      const items = all.filter((c) => c.kind === 'amount');
      const total = ctx.claims[index];
      if (total.kind !== 'amount' || items.length < 2) continue;
      const window = ctx.claims.slice(index + 1, index + 1 + 40).filter((c) => c.section === total.section && c.subsection === total.subsection);
      const changes = window.filter((c) => c.kind === 'change' && !items.includes(c));
      const partChanges = items.map((it) => changes.filter((c) => namesItem(c, it)));
      if (partChanges.some((p) => p.length !== 1)) continue;
      const parts = partChanges.map((p) => p[0]);
      const cls = baseClass(parts[0]);
      if (!cls || parts.some((p) => baseClass(p) !== cls)) continue;
      const totalChange = findTotalChange(ctx, total, parts, cls);
      if (!totalChange) continue;
      const sum = sumOf(parts.map(signed));
      const t = signed(totalChange);
      ctx.markTogether(parts, totalChange);
      if (agree(sum, t)) continue;
      const word = (v: Decimal) => (v.isNegative() ? '减少' : '增加');
      ctx.report(
        changeSource,
        'parts',
        {
          subject: totalChange.subject || total.subject,
          direction: totalChange.direction ?? '',
          quote: totalChange.quote,
          parts: listOf(parts.map((p) => `${p.subject}${p.direction ?? ''} ${p.quote.trim()}`)),
          partsDirection: word(sum.value),
          partsSum: show(sum.value.abs(), 2),
        },
        totalChange,
        { expected: `${word(sum.value)}${show(sum.value.abs(), 2)}`, actual: `${totalChange.direction ?? ''}${show(statedWan(totalChange).value, 2)}` },
      );
    }
  },
};

/**
 * The change said of a list's total: a change of the same base whose own figure (the last amount
 * before it in its paragraph) is the total, or the same figure with the same words stated elsewhere in
 * the section. It names none of the parts.
 */
function findTotalChange(ctx: NarrativeContext, total: Claim, parts: Claim[], cls: string): Claim | undefined {
  const i = ctx.indexOf(total);
  const near = ctx.claims.slice(Math.max(0, i - 40), i + 40);
  const sameFigure = (a: Claim) => a.kind === 'amount' && a.section === total.section && a.value.equals(total.value) && normName(a.subject) === normName(total.subject);
  const found: Claim[] = [];
  for (let k = 0; k < near.length; k++) {
    const c = near[k];
    if (c.kind !== 'change' || parts.includes(c) || c.reason || baseClass(c) !== cls) continue;
    // its figure: the last amount before it in its paragraph, with no other change between
    let figure: Claim | undefined;
    for (let j = k - 1; j >= 0; j--) {
      const x = near[j];
      if (x.paragraph !== c.paragraph || x.section !== c.section) break;
      if (x.kind === 'change') break;
      if (x.kind === 'amount' && !x.comparison) {
        figure = x;
        break;
      }
    }
    if (figure && (figure === total || sameFigure(figure)) && !figure.partOf) found.push(c);
  }
  return found.length === 1 ? found[0] : undefined;
}
