import type { Finding } from '../../findings';
import { LEDGER_TYPES, lineLabel, rowSumColumns } from '../../tables/ledger-lines';
import type { Rule } from '../types';
import { IDENTITY_MESSAGES, sumHoldsInCents, sumIdentity } from '../lib/identity';

export const ledgerRowSum: Rule = {
  meta: {
    id: 'LEDGER.row-sum',
    title: '收入/支出决算表各行：合计 = 各栏之和',
    severity: 'error',
    identity:
      '每一行：收入决算表 本年收入合计 = 财政拨款收入 + 上级补助收入 + 事业收入 + 经营收入 + 附属单位上缴收入 + 其他收入；支出决算表 本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出；财政拨款支出决算表 小计 = 基本支出 + 项目支出',
    tables: [],
    source: 'A06, A08, A13, A15, A16',
    level: 'mandatory',
    scope: 'table',
    messages: IDENTITY_MESSAGES,
  },
  check(ctx) {
    const findings: Finding[] = [];
    for (const t of LEDGER_TYPES.flatMap((type) => ctx.tablesOf(type))) {
      const cols = rowSumColumns(t);
      if (!cols || cols.parts.length === 0) continue;
      const totalLabel = t.column(cols.total)!.label.split('/').pop() ?? cols.total;
      const partLabels = cols.parts.map((k) => k.replace('本年支出.', ''));
      for (const l of t.lines) {
        if (sumHoldsInCents(ctx, t, l.cells[cols.total], cols.parts.map((k) => l.cells[k]))) continue;
        findings.push(
          ...sumIdentity(ctx,
            this.meta,
            { table: t, ref: l.cells[cols.total], label: totalLabel },
            cols.parts.map((k, i) => ({ table: t, ref: l.cells[k], label: partLabels[i] })),
            l.key === '合计' ? '合计行' : `科目 ${lineLabel(l)}`,
          ),
        );
      }
    }
    return findings;
  },
};
