import type { Rule } from '../types';
import { IDENTITY_MESSAGES, equality } from '../lib/identity';

export const gk04Balance: Rule = {
  meta: {
    id: 'GK04.balance',
    title: '财政拨款收入支出决算总表：收支平衡',
    severity: 'error',
    identity: '收入总计 = 支出总计（小计）',
    tables: ['GK04'],
    source: 'A11',
    level: 'mandatory',
    scope: 'table',
    messages: IDENTITY_MESSAGES,
  },
  check(ctx) {
    return ctx.tablesOf('GK04').flatMap((t) =>
      equality(ctx, this.meta, { table: t, ref: t.at('收入.总计.决算数'), label: '收入总计' }, { table: t, ref: t.at('支出.总计.小计'), label: '支出总计' }, '财政拨款收支总计不平衡'),
    );
  },
};
