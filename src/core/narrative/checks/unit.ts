import type { Claim } from '../types';
import type { NarrativeCheckSource, NarrativeContext, NarrativeRule } from './context';

export const unitSource: NarrativeCheckSource = {
  id: 'NARRATIVE.unit',
  title: '数字的单位与所说的事项一致',
  severity: 'warning',
  messages: {
    countWord: '情况说明中{{subject}}写作 {{quote}}：{{subject}}应以“{{expectedUnit}}”计，请核对单位或数字。',
    moneyUnit: '情况说明中{{subject}}写作 {{quote}}，而{{total}}及其余各项都以万元计；按 {{asWan}} 万元计，各项合计 {{sum}} 万元正与{{total}}相符，疑漏写“万”字。',
  },
};

/** Count words that name their own unit: 栋数 is counted in 栋, 户数 in 户. */
const COUNT_NOUN = /(栋|幢|户|套|个|辆|台|处|件|项|名|家|人)数$/;
const SAME_UNIT: Record<string, string[]> = { 人: ['人', '人次', '名'], 栋: ['栋', '幢'], 幢: ['栋', '幢'], 个: ['个', '项'], 项: ['个', '项'] };

/**
 * NARRATIVE.unit: a count whose words name another counting word than its own ("改造栋数 325 户");
 * a list item written in 元 among items and a total in 万元 when, read as 万元, the list adds up
 * exactly ("共收房租408.8万元，其中：…朱亭镇房租收入18.6元") — reported by the list check (sum.ts).
 */
export const unit: NarrativeRule = {
  sources: [unitSource],
  run(ctx: NarrativeContext) {
    for (const c of ctx.claims) {
      if (c.kind !== 'count' || !c.countUnit) continue;
      const m = COUNT_NOUN.exec(c.subject);
      if (!m || (SAME_UNIT[m[1]] ?? [m[1]]).includes(c.countUnit)) continue;
      report(ctx, c, m[1]);
    }
  },
};

function report(ctx: NarrativeContext, c: Claim, expectedUnit: string): void {
  ctx.report(unitSource, 'countWord', { subject: c.subject, quote: c.quote, expectedUnit }, c, { expected: `${c.value.toString()}${expectedUnit}`, actual: `${c.value.toString()}${c.countUnit}` });
}
