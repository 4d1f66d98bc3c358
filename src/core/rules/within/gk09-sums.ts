import type { Rule } from '../types';
import { IDENTITY_MESSAGES, sumIdentity } from '../lib/identity';

export const gk09Sums: Rule = {
  meta: {
    id: 'GK09.sums',
    title: '"三公"经费支出决算表：合计与小计',
    severity: 'error',
    identity: '预算数、决算数各自：合计 = 因公出国（境）费 + 公务用车购置及运行维护费小计 + 公务接待费；小计 = 公务用车购置费 + 公务用车运行维护费',
    tables: ['GK09'],
    source: 'A17',
    level: 'mandatory',
    scope: 'table',
    messages: IDENTITY_MESSAGES,
  },
  check(ctx) {
    return ctx.tablesOf('GK09').flatMap((t) =>
      t.lines.flatMap((l) =>
        (['预算', '决算'] as const).flatMap((side) => {
          const term = (item: string, label: string) => ({ table: t, ref: l.cells[`${side}.${item}`], label });
          return [
            ...sumIdentity(ctx, 
              this.meta,
              term('合计', '合计'),
              [term('因公出国(境)费', '因公出国（境）费'), term('公务用车购置及运行维护费.小计', '公务用车购置及运行维护费'), term('公务接待费', '公务接待费')],
              `${side}数合计`,
            ),
            ...sumIdentity(ctx, 
              this.meta,
              term('公务用车购置及运行维护费.小计', '公务用车购置及运行维护费小计'),
              [term('公务用车购置费', '公务用车购置费'), term('公务用车运行维护费', '公务用车运行维护费')],
              `${side}数公务用车小计`,
            ),
          ];
        }),
      ),
    );
  },
};
