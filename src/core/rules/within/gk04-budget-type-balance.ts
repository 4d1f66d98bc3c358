import type { Rule } from '../types';
import { IDENTITY_MESSAGES, sumIdentity } from '../lib/identity';

const TYPES: [income: string, column: string][] = [
  ['一般公共预算财政拨款', '一般公共预算财政拨款'],
  ['政府性基金预算财政拨款', '政府性基金预算财政拨款'],
  ['国有资本经营预算财政拨款', '国有资本经营预算财政拨款'],
];

export const gk04BudgetTypeBalance: Rule = {
  meta: {
    id: 'GK04.budget-type-balance',
    title: '财政拨款收入支出决算总表：分预算类型收支平衡',
    severity: 'error',
    identity: '每一类财政拨款：本年收入 + 年初结转和结余 = 本年支出 + 年末结转和结余',
    tables: ['GK04'],
    source: 'A12',
    level: 'mandatory',
    scope: 'table',
    messages: IDENTITY_MESSAGES,
  },
  check(ctx) {
    return ctx.tablesOf('GK04').flatMap((t) =>
      TYPES.flatMap(([income, col]) =>
        sumIdentity(ctx, 
          this.meta,
          { table: t, ref: t.at(`收入.${income}.决算数`), label: `${income}收入` },
          [
            { table: t, ref: t.at(`支出.本年支出合计.${col}`), label: '本年支出' },
            { table: t, ref: t.at(`支出.年末.${col}.${col}`), label: '年末结转和结余' },
            { table: t, ref: t.at(`收入.年初.${income}.决算数`), label: '年初结转和结余', sign: -1 },
          ],
          `${income}收支`,
        ),
      ),
    );
  },
};
