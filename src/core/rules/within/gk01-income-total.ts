import type { Rule } from '../types';
import { IDENTITY_MESSAGES, sumIdentity } from '../lib/identity';

const INCOME_ITEMS = [
  '一般公共预算财政拨款收入', '政府性基金预算财政拨款收入', '国有资本经营预算财政拨款收入', '上级补助收入',
  '事业收入', '经营收入', '附属单位上缴收入', '其他收入',
];

export const gk01IncomeTotal: Rule = {
  meta: {
    id: 'GK01.income-total',
    title: '收入支出决算总表：本年收入合计',
    severity: 'error',
    identity: '本年收入合计 = 一般公共预算财政拨款收入 + 政府性基金 + 国有资本经营 + 上级补助收入 + 事业收入 + 经营收入 + 附属单位上缴收入 + 其他收入',
    tables: ['GK01'],
    source: 'A01',
    level: 'mandatory',
    scope: 'table',
    messages: IDENTITY_MESSAGES,
  },
  check(ctx) {
    return ctx.tablesOf('GK01').flatMap((t) =>
      sumIdentity(ctx, 
        this.meta,
        { table: t, ref: t.at('收入.本年收入合计.决算数'), label: '本年收入合计' },
        INCOME_ITEMS.filter((k) => t.line(`收入.${k}`)).map((k) => ({ table: t, ref: t.at(`收入.${k}.决算数`), label: k })),
        '本年收入合计',
      ),
    );
  },
};
