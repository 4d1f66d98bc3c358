import { amountColumns, LEDGER_TYPES, lineLabel, topLevelLines } from '../../tables/ledger-lines';
import type { Rule } from '../types';
import { IDENTITY_MESSAGES, sumIdentity } from '../lib/identity';

export const ledgerColumnTotal: Rule = {
  meta: {
    id: 'LEDGER.column-total',
    title: '收入/支出决算表各栏：合计行 = 各科目之和',
    severity: 'error',
    identity: '合计行每一栏 = 最高一级科目行（有类级小计行时为各类，否则为各项）该栏之和',
    tables: [],
    source: 'A07, A08, A13, A15, A16',
    level: 'mandatory',
    scope: 'table',
    messages: IDENTITY_MESSAGES,
  },
  check(ctx) {
    return LEDGER_TYPES.flatMap((type) => ctx.tablesOf(type)).flatMap((t) => {
      const total = t.line('合计');
      if (!total) return [];
      // A row with amounts whose 科目编码 could not be read has no place in the 科目 tree: the sum
      // of the rest would be a false difference. SUBJECT.code-format reports that row instead.
      if (t.lines.some((l) => l.meta?.unreadableCode)) return [];
      const top = topLevelLines(t);
      return amountColumns(t).flatMap((k) =>
        sumIdentity(ctx, 
          this.meta,
          { table: t, ref: total.cells[k], label: `合计` },
          top.map((l) => ({ table: t, ref: l.cells[k], label: lineLabel(l) })),
          `“${k.replace('本年支出.', '本年支出')}”栏合计`,
        ),
      );
    });
  },
};
