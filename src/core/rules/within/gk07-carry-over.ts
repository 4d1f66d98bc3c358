import type { Rule } from '../types';
import { IDENTITY_MESSAGES, sumIdentity } from '../lib/identity';

export const gk07CarryOver: Rule = {
  meta: {
    id: 'GK07.carry-over',
    title: '政府性基金预算财政拨款收入支出决算表：年末结转和结余',
    severity: 'error',
    identity: '每一行：年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出',
    tables: ['GK07'],
    source: 'A15',
    level: 'mandatory',
    scope: 'table',
    messages: IDENTITY_MESSAGES,
  },
  check(ctx) {
    return [...ctx.tablesOf('GK07'), ...ctx.tablesOf('GK08').filter((t) => t.column('年末结转和结余'))].flatMap((t) =>
      t.lines.flatMap((l) =>
        sumIdentity(ctx, 
          this.meta,
          { table: t, ref: l.cells['年末结转和结余'], label: '年末结转和结余' },
          [
            { table: t, ref: l.cells['年初结转和结余'], label: '年初结转和结余' },
            { table: t, ref: l.cells['本年收入'], label: '本年收入' },
            { table: t, ref: l.cells['本年支出.小计'], label: '本年支出', sign: -1 },
          ],
          l.key === '合计' ? '合计行' : `科目 ${l.code ?? ''} ${l.label}`,
        ),
      ),
    );
  },
};
