import { amountColumns, childrenOf, LEDGER_TYPES, lineLabel } from '../../tables/ledger-lines';
import type { Rule } from '../types';
import { IDENTITY_MESSAGES, sumHoldsInCents, sumIdentity } from '../lib/identity';

export const ledgerSubtotals: Rule = {
  meta: {
    id: 'LEDGER.subtotals',
    title: '科目小计：类 = Σ款，款 = Σ项',
    severity: 'error',
    identity: '有类级、款级小计行时：类 = 其下各款之和，款 = 其下各项之和（每一栏）',
    tables: [],
    source: 'A07',
    level: 'mandatory',
    scope: 'table',
    messages: IDENTITY_MESSAGES,
  },
  check(ctx) {
    return LEDGER_TYPES.flatMap((type) => ctx.tablesOf(type)).flatMap((t) => {
      const columns = amountColumns(t);
      return t.lines
        .filter((l) => l.kind === 'subtotal' && l.code)
        .flatMap((parent) => {
          const kids = childrenOf(t, parent);
          if (kids.length === 0) return [];
          return columns.flatMap((k) =>
            sumHoldsInCents(ctx, t, parent.cells[k], kids.map((c) => c.cells[k]))
              ? []
              : sumIdentity(ctx,
                  this.meta,
                  { table: t, ref: parent.cells[k], label: lineLabel(parent) },
                  kids.map((c) => ({ table: t, ref: c.cells[k], label: lineLabel(c) })),
                  `${parent.level}级科目 ${lineLabel(parent)}“${k}”栏`,
                ),
          );
        });
    });
  },
};
