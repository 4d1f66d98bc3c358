import type { Rule } from '../types';
import { IDENTITY_MESSAGES, sumIdentity } from '../lib/identity';

const TYPES = ['一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'];

export const gk04Income: Rule = {
  meta: {
    id: 'GK04.income',
    title: '财政拨款收入支出决算总表：收入侧合计',
    severity: 'error',
    identity: '本年收入合计 = 三类财政拨款之和；年初财政拨款结转和结余 = 其下三类之和；收入总计 = 本年收入合计 + 年初财政拨款结转和结余',
    tables: ['GK04'],
    source: 'A09',
    level: 'mandatory',
    scope: 'table',
    messages: IDENTITY_MESSAGES,
  },
  check(ctx) {
    return ctx.tablesOf('GK04').flatMap((t) => {
      const term = (key: string, label = key) => ({ table: t, ref: t.at(`收入.${key}.决算数`), label });
      return [
        ...sumIdentity(ctx, this.meta, term('本年收入合计'), TYPES.map((k) => term(k)), '收入侧本年收入合计'),
        ...sumIdentity(ctx, this.meta, term('年初财政拨款结转和结余'), TYPES.map((k) => term(`年初.${k}`, `年初${k}`)), '年初财政拨款结转和结余'),
        ...sumIdentity(ctx, this.meta, term('总计', '收入总计'), [term('本年收入合计'), term('年初财政拨款结转和结余')], '收入总计'),
      ];
    });
  },
};
