import { parseAmount } from '../../grid/parse-amount';
import { createFinding, type Finding } from '../../findings';
import { formatAmount } from '../../money/format';
import type { Rule } from '../types';
import { describe, forEachRoleCell, rawCell } from './support/cells';

/**
 * A number stored as text in an amount cell: any line × column cell of a recognized table whose
 * role is a number (money, rate, score, count; not the free-text indicator columns). The checker
 * reads it, but Excel's SUM skips text, so the workbook's own formulas may be wrong. Info.
 */
export const hygieneTextNumber: Rule = {
  meta: {
    id: 'HYGIENE.text-number',
    title: '以文本存放的数字',
    severity: 'info',
    identity: '金额、比率、分值单元格应为数值，而不是看起来像数字的文本',
    tables: [],
    source: 'hygiene',
    level: 'advisory',
    scope: 'table',
    messages: {
      textNumber: '{{table}} {{cell}}：数字以文本形式存放（“{{text}}”），按 {{shown}} 读取。建议改为数值单元格，否则 Excel 的求和公式会漏算它。',
    },
  },
  check(ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      forEachRoleCell(table, (line, key, ref, role) => {
        if (!role) return;
        const cell = rawCell(ctx, table, ref);
        if (!cell || typeof cell.value !== 'string' || cell.noCachedResult || cell.error) return;
        const p = parseAmount(cell.value);
        if (p.kind !== 'number' || !p.fromText) return;
        const shown = p.percent ? `${formatAmount(p.value.times(100))}%` : formatAmount(p.value);
        findings.push(createFinding(this.meta, 'textNumber', { table: ctx.tableName(table), cell: describe(table, line, key), text: cell.value, shown: shown }, { severity: 'info', cells: [ctx.pointer(table, ref)], expected: null, actual: p.percent ? shown : formatAmount(p.value) }));
      });
    }
    return findings;
  },
};
