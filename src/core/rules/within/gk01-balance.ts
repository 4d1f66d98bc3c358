import type { Rule } from '../types';
import { IDENTITY_MESSAGES, equality } from '../lib/identity';

export const gk01Balance: Rule = {
  meta: {
    id: 'GK01.balance',
    title: '收入支出决算总表：收支平衡',
    severity: 'error',
    identity: '收入总计 = 支出总计',
    tables: ['GK01'],
    source: 'A05',
    level: 'mandatory',
    scope: 'table',
    messages: IDENTITY_MESSAGES,
  },
  check(ctx) {
    return ctx.tablesOf('GK01').flatMap((t) =>
      equality(ctx, this.meta, { table: t, ref: t.at('收入.总计.决算数'), label: '收入总计' }, { table: t, ref: t.at('支出.总计.决算数'), label: '支出总计' }, '收支总计不平衡'),
    );
  },
};
