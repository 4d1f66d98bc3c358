import type { Rule } from '../types';
import { IDENTITY_MESSAGES, sumIdentity } from '../lib/identity';

export const gk06Blocks: Rule = {
  meta: {
    id: 'GK06.blocks',
    title: '基本支出决算明细表：经济分类类级 = 款级之和',
    severity: 'error',
    identity: '301 工资福利支出 = Σ301xx；302 = Σ302xx；303 = Σ303xx；310 = Σ310xx（及其他 3xx 类）',
    tables: ['GK06'],
    source: 'A14',
    level: 'mandatory',
    scope: 'table',
    messages: IDENTITY_MESSAGES,
  },
  check(ctx) {
    return ctx.tablesOf('GK06').flatMap((t) =>
      t.lines
        .filter((l) => l.kind === 'subtotal' && l.code)
        .flatMap((block) =>
          sumIdentity(ctx, 
            this.meta,
            { table: t, ref: block.cells['决算数'], label: `${block.code} ${block.label}` },
            t.lines.filter((l) => l.level === '款' && l.code!.startsWith(block.code!)).map((l) => ({ table: t, ref: l.cells['决算数'], label: `${l.code} ${l.label}` })),
            `经济分类 ${block.code} ${block.label}`,
          ),
        ),
    );
  },
};
