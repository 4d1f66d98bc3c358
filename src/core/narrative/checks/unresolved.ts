import type { NarrativeContext, NarrativeRule } from './context';

/**
 * NARRATIVE.unresolved: a number tied to nothing — no table fact, no other number of the text — is
 * listed as info, never guessed at.
 */
export const unresolved: NarrativeRule = {
  sources: [
    {
      id: 'NARRATIVE.unresolved',
      title: '未能核对的数字（列出，供人工确认）',
      severity: 'info',
      messages: {
        unresolved: '情况说明中的数字 {{quote}}（{{subject}}）未能与表中数据对应，未核对；请人工确认。',
      },
    },
  ],
  run(ctx: NarrativeContext) {
    const source = this.sources[0];
    for (const c of ctx.claims) {
      if (ctx.resolved.has(c) || ctx.checked.has(c)) continue;
      const f = ctx.report(source, 'unresolved', { quote: c.quote, subject: c.subject || '未能确定所指' }, c, { expected: null, actual: `${c.value.toString()}${c.unit ?? ''}` });
      f.unresolved = true;
    }
  },
};
