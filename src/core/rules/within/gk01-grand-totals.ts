import type { Rule } from '../types';
import { IDENTITY_MESSAGES, sumIdentity } from '../lib/identity';

export const gk01GrandTotals: Rule = {
  meta: {
    id: 'GK01.grand-totals',
    title: '收入支出决算总表：收入总计与支出总计',
    severity: 'error',
    identity: '收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余；支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余',
    tables: ['GK01'],
    source: 'A02, A04',
    level: 'mandatory',
    scope: 'table',
    messages: IDENTITY_MESSAGES,
  },
  check(ctx) {
    return ctx.tablesOf('GK01').flatMap((t) => {
      const term = (key: string, label: string) => ({ table: t, ref: t.at(`${key}.决算数`), label });
      return [
        ...sumIdentity(ctx, this.meta, term('收入.总计', '收入总计'), [
          term('收入.本年收入合计', '本年收入合计'),
          term('收入.使用非财政拨款结余', '使用非财政拨款结余'),
          term('收入.年初结转和结余', '年初结转和结余'),
        ], '收入总计'),
        ...sumIdentity(ctx, this.meta, term('支出.总计', '支出总计'), [
          term('支出.本年支出合计', '本年支出合计'),
          term('支出.结余分配', '结余分配'),
          term('支出.年末结转和结余', '年末结转和结余'),
        ], '支出总计'),
      ];
    });
  },
};
