import type { Finding } from '../../findings';
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
    const findings: Finding[] = [];
    for (const t of LEDGER_TYPES.flatMap((type) => ctx.tablesOf(type))) {
      const columns = amountColumns(t);
      for (const parent of t.lines) {
        if (parent.kind !== 'subtotal' || !parent.code) continue;
        const kids = childrenOf(t, parent);
        if (kids.length === 0) continue;
        for (const k of columns) {
          if (sumHoldsInCents(ctx, t, parent.cells[k], kids.map((c) => c.cells[k]))) continue;
          findings.push(
            ...sumIdentity(ctx,
              this.meta,
              { table: t, ref: parent.cells[k], label: lineLabel(parent) },
              kids.map((c) => ({ table: t, ref: c.cells[k], label: lineLabel(c) })),
              `${parent.level}级科目 ${lineLabel(parent)}“${k}”栏`,
            ),
          );
        }
      }
    }
    return findings;
  },
};
