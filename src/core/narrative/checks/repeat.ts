import { commonLength, normName } from '../resolve';
import type { Claim } from '../types';
import type { NarrativeContext, NarrativeRule } from './context';

/** What a count is of, without the verbs around it: "惠及居民" and "居民" name the same thing. */
function core(subject: string): string {
  return normName(subject)
    .replace(/^(?:涉及|惠及|共计|共有|共|累计|全年|完成|改造|新增|其中)+/, '')
    .replace(/(?:共计|合计|约|达)$/, '');
}

const yearOf = (c: Claim) => /((?:19|20)\d{2})\s*年/.exec(c.sentence)?.[1];

/**
 * NARRATIVE.repeat: the same thing stated twice with different numbers. Two sentences that state
 * the same count of the same thing (the anchor: "完成老旧小区改造 39 个" and "完工改造 39 个老旧小区")
 * describe one achievement; a count of the same words and unit that differs between them ("居民
 * 14764 户" against "惠及居民 13822 户") is a contradiction. The statement in the minority is named.
 * Sentences of two different 项目 reports, or of different years, are not compared.
 *
 * NARRATIVE.duplicate: an item named twice in one enumeration ("用于A、B、B等费用"), or a list item
 * with the same words and figure twice.
 */
export const repeat: NarrativeRule = {
  sources: [
    {
      id: 'NARRATIVE.repeat',
      title: '同一事项前后所说的数字一致',
      severity: 'warning',
      messages: {
        differs: '情况说明中{{subject}} {{quote}}，与{{where}}同一事项的“{{other}}”不一致（两处都说{{anchor}}）；请核对哪一个是对的。',
      },
    },
    {
      id: 'NARRATIVE.duplicate',
      title: '同一列举中没有重复的项目',
      severity: 'warning',
      messages: {
        enumeration: '情况说明中“{{item}}”在同一处列举中出现了两次；请删去重复的一项，或改为应列的项目。',
        listItem: '情况说明中{{subject}} {{quote}} 在{{total}}所列各项中出现了两次。',
      },
    },
  ],
  run(ctx: NarrativeContext) {
    differing(ctx, this.sources[0]);
    duplicates(ctx, this.sources[1]);
  },
};

function differing(ctx: NarrativeContext, source: NarrativeRule['sources'][number]): void {
  // the sentences with two or more counts
  const sentences = new Map<number, Claim[]>();
  for (const c of ctx.claims) {
    if (c.kind !== 'count' || !c.countUnit) continue;
    const k = c.sentenceStart ?? c.start;
    const list = sentences.get(k);
    if (list) list.push(c);
    else sentences.set(k, [c]);
  }
  // a sentence of more than a handful of counts is a table in disguise, not a description: left out (bounded work)
  const groups = [...sentences.values()].filter((l) => l.length >= 2 && l.length <= 30);
  // sentences that share a count (unit and value) are the pairs to compare: found through an index
  const byFigure = new Map<string, number[]>();
  groups.forEach((g, i) => {
    for (const c of g) {
      const k = `${c.countUnit}|${c.value.toString()}`;
      const list = byFigure.get(k) ?? [];
      if (list.length < 20 && list[list.length - 1] !== i) list.push(i);
      byFigure.set(k, list);
    }
  });
  const pairs = new Set<string>();
  for (const list of byFigure.values()) for (let x = 0; x < list.length && pairs.size < 5000; x++) for (let y = x + 1; y < list.length; y++) pairs.add(`${list[x]}|${list[y]}`);
  // one attribute, each value with the claims that state it
  const attributes = new Map<string, { anchor: string; values: Map<string, Claim[]> }>();
  for (const pair of pairs) {
    const [i, j] = pair.split('|').map(Number);
    {
      const s1 = groups[i];
      const s2 = groups[j];
      const y1 = yearOf(s1[0]);
      const y2 = yearOf(s2[0]);
      if (y1 && y2 && y1 !== y2) continue;
      // two reports of different projects describe different things; a 部门整体 report sums them up
      const p1 = s1[0].project;
      const p2 = s2[0].project;
      if (p1 && p2 && p1 !== p2) continue;
      // the anchor: the same count of the same thing, large enough to be no coincidence ("39 个老旧小区", not "1个")
      const anchor = s1.find((a) => a.value.greaterThanOrEqualTo(10) && s2.some((b) => b.countUnit === a.countUnit && b.value.equals(a.value) && commonLength(core(a.subject), core(b.subject)) >= 3));
      if (!anchor) continue;
      // a thing counted twice in one sentence ("开工改造 41 个老旧小区、完工改造 39 个老旧小区") is two things
      const once = (list: Claim[], key: string, unit: string | undefined) => list.filter((x) => x.countUnit === unit && core(x.subject) === key).length === 1;
      for (const a of s1) {
        if (a === anchor) continue;
        const key = core(a.subject);
        if (key.length < 2 || !once(s1, key, a.countUnit) || !once(s2, key, a.countUnit)) continue;
        for (const b of s2) {
          if (b.countUnit !== a.countUnit || core(b.subject) !== key || b.value.equals(a.value)) continue;
          const k = `${key}|${a.countUnit}`;
          const attr = attributes.get(k) ?? { anchor: `${anchor.subject} ${anchor.quote.trim()}`, values: new Map<string, Claim[]>() };
          attributes.set(k, attr);
          for (const c of [a, b]) {
            const v = c.value.toString();
            const list = attr.values.get(v) ?? [];
            if (!list.includes(c)) list.push(c);
            attr.values.set(v, list);
          }
        }
      }
    }
  }
  for (const { anchor, values } of attributes.values()) {
    // the statement in the minority; on a tie, a 部门整体 summary rather than a project's own report, else the later
    const summary = (c: Claim) => (c.project ? 1 : 0);
    const byCount = [...values.values()].sort((x, y) => x.length - y.length || summary(x[0]) - summary(y[0]) || y[0].start - x[0].start);
    const odd = byCount[0][0];
    const other = byCount[byCount.length - 1][0];
    const where = other.start > odd.start ? '后文' : '前文';
    ctx.report(source, 'differs', { subject: odd.subject, quote: odd.quote, where, other: `${other.subject} ${other.quote.trim()}`, anchor }, odd, {
      expected: other.quote.trim(),
      actual: odd.quote.trim(),
    });
  }
}

function duplicates(ctx: NarrativeContext, source: NarrativeRule['sources'][number]): void {
  for (const e of ctx.enumerations) {
    const seen = new Set<string>();
    for (const it of e.items) {
      const key = normName(it.quote);
      if (key.length >= 2 && seen.has(key)) {
        const claim = { quote: it.quote, start: it.start } as Claim;
        ctx.report(source, 'enumeration', { item: it.quote }, claim, { quote: it.quote, at: { line: it.line, paragraph: it.paragraph, heading: it.heading }, expected: null, actual: it.quote });
      }
      seen.add(key);
    }
  }
  for (const [index, items] of ctx.lists()) {
    const seen = new Map<string, Claim>();
    for (const it of items) {
      const key = `${normName(it.subject)}|${it.value.toString()}`;
      if (normName(it.subject).length >= 2 && seen.has(key)) {
        ctx.report(source, 'listItem', { subject: it.subject, quote: it.quote, total: ctx.claims[index].subject || '总数' }, it, { expected: null, actual: it.quote });
      }
      seen.set(key, it);
    }
  }
}
