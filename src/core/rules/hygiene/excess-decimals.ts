import { parseAmount } from '../../grid/parse-amount';
import { formatFixed } from '../../money/decimal';
import { createFinding, type Finding } from '../../findings';
import type { Rule } from '../types';
import { amountDecimals, describe, forEachRoleCell, rawCell, storedDecimals, storedWithin } from './support/cells';

/**
 * An amount with more decimals than the tables publish (2 for 万元 and 元, from the tolerance
 * setting): 公开09表 决算.合计 0.182 in 江岸 2024. Numbers count the decimals of the stored value
 * (to Excel's 15 significant digits, so binary noise is not a finding); text counts its digits.
 * Only money cells: rates and scores have their own precision.
 */
export const hygieneExcessDecimals: Rule = {
  meta: {
    id: 'HYGIENE.excess-decimals',
    title: '金额小数位数超过报表精度',
    severity: 'warning',
    identity: '金额保留两位小数（万元、元表均为 0.01）；更多的小数位使显示值与存放值不一致，核对出现尾差',
    tables: [],
    source: '§0.2',
    level: 'advisory',
    scope: 'table',
    messages: {
      excess: '{{table}} {{cell}}：金额 {{stored}} {{unit}} 有 {{decimals}} 位小数{{hidden}}，超过报表 {{dp}} 位小数的精度；按 {{dp}} 位应为 {{rounded}} {{unit}}，与其他数据核对时会产生差异。',
    },
  },
  check(ctx) {
    const dp = amountDecimals(ctx);
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      forEachRoleCell(table, (line, key, ref, role) => {
        if (role !== 'money') return;
        const cell = rawCell(ctx, table, ref);
        if (!cell || cell.noCachedResult || cell.error) return;
        // most cells are plain numbers with 2 decimals: decide before parsing into a Decimal
        if (typeof cell.value === 'number' && storedWithin(cell.value, dp)) return;
        if (cell.value === null || typeof cell.value === 'boolean') return;
        const p = parseAmount(cell.value);
        if (p.kind !== 'number' || p.percent) return;
        const decimals = typeof cell.value === 'number' ? storedDecimals(cell.value) : p.value.decimalPlaces();
        if (decimals <= dp) return;
        const value = p.value.toSignificantDigits(15);
        const rounded = formatFixed(value, dp);
        const fmt = cell.numFmt && /0\.(0+)/.exec(cell.numFmt);
        const hidden = typeof cell.value === 'number' && fmt && fmt[1].length < decimals ? `（单元格格式只显示 ${fmt[1].length} 位，显示值与存放值不一致）` : '';
        const unit = ctx.unitOf(table);
        findings.push(createFinding(this.meta, 'excess', { table: ctx.tableName(table), cell: describe(table, line, key), stored: value.toString(), unit: unit, decimals: decimals, hidden: hidden, dp: dp, rounded: rounded }, { severity: 'warning', cells: [ctx.pointer(table, ref)], expected: rounded, actual: value.toString() }));
      });
    }
    return findings;
  },
};
