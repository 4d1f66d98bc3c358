import type { Rule } from '../types';
import { IDENTITY_MESSAGES, sumIdentity } from '../lib/identity';

export const gk01ExpenditureTotal: Rule = {
  meta: {
    id: 'GK01.expenditure-total',
    title: '收入支出决算总表：本年支出合计',
    severity: 'error',
    identity: '本年支出合计 = 各功能分类类级支出（一般公共服务支出 … ）之和',
    tables: ['GK01'],
    source: 'A03',
    level: 'mandatory',
    scope: 'table',
    messages: IDENTITY_MESSAGES,
  },
  check(ctx) {
    return ctx.tablesOf('GK01').flatMap((t) =>
      sumIdentity(ctx, 
        this.meta,
        { table: t, ref: t.at('支出.本年支出合计.决算数'), label: '本年支出合计' },
        t.lines.filter((l) => l.group === '支出' && l.level === '类').map((l) => ({ table: t, ref: l.cells['决算数'], label: `${l.code} ${l.key.slice(3)}` })),
        '本年支出合计',
      ),
    );
  },
};
