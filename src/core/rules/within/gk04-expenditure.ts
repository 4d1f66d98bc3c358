import type { Rule } from '../types';
import { IDENTITY_MESSAGES, sumIdentity } from '../lib/identity';

const TYPES = ['一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'];
const COLUMNS = ['小计', ...TYPES];

export const gk04Expenditure: Rule = {
  meta: {
    id: 'GK04.expenditure',
    title: '财政拨款收入支出决算总表：支出侧合计',
    severity: 'error',
    identity:
      '每行 小计 = 一般公共预算 + 政府性基金 + 国有资本经营；本年支出合计 = 各类级支出之和；年末财政拨款结转和结余 = 其下三类之和；支出总计 = 本年支出合计 + 年末结转和结余（每一栏）',
    tables: ['GK04'],
    source: 'A10',
    level: 'mandatory',
    scope: 'table',
    messages: IDENTITY_MESSAGES,
  },
  check(ctx) {
    return ctx.tablesOf('GK04').flatMap((t) => {
      const exp = t.lines.filter((l) => l.group === '支出');
      const cell = (key: string, col: string) => t.at(`支出.${key}.${col}`);
      const out = exp.flatMap((l) =>
        sumIdentity(ctx, 
          this.meta,
          { table: t, ref: l.cells['小计'], label: '小计' },
          TYPES.map((k) => ({ table: t, ref: l.cells[k], label: k })),
          `支出侧“${l.label || l.key.slice(3)}”行`,
        ),
      );
      for (const col of COLUMNS) {
        out.push(
          ...sumIdentity(ctx, 
            this.meta,
            { table: t, ref: cell('本年支出合计', col), label: '本年支出合计' },
            exp.filter((l) => l.level === '类').map((l) => ({ table: t, ref: l.cells[col], label: `${l.code} ${l.key.slice(3)}` })),
            `本年支出合计（${col}）`,
          ),
          ...sumIdentity(ctx, 
            this.meta,
            { table: t, ref: cell('年末财政拨款结转和结余', col), label: '年末财政拨款结转和结余' },
            TYPES.map((k) => ({ table: t, ref: cell(`年末.${k}`, col), label: `年末${k}` })),
            `年末财政拨款结转和结余（${col}）`,
          ),
          ...sumIdentity(ctx, 
            this.meta,
            { table: t, ref: cell('总计', col), label: '支出总计' },
            [
              { table: t, ref: cell('本年支出合计', col), label: '本年支出合计' },
              { table: t, ref: cell('年末财政拨款结转和结余', col), label: '年末财政拨款结转和结余' },
            ],
            `支出总计（${col}）`,
          ),
        );
      }
      return out;
    });
  },
};
