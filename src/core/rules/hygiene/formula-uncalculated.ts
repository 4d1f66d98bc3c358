import { createFinding, type Finding } from '../../findings';
import type { Rule } from '../types';
import { describe, forEachRoleCell, rawCell } from './support/cells';

/**
 * A role cell holding a formula whose result was never calculated and saved (files written by a
 * program, not by Excel): its value is unknown, never 0, and every identity over it is skipped.
 * One warning per such cell, in every recognized table.
 */
export const hygieneFormulaUncalculated: Rule = {
  meta: {
    id: 'HYGIENE.formula-uncalculated',
    title: '公式没有计算结果',
    severity: 'warning',
    identity: '公式单元格应保存有计算结果，否则其值未知，相关核对无法进行',
    tables: [],
    source: 'hygiene',
    level: 'advisory',
    scope: 'table',
    messages: {
      uncalculated: '{{table}} {{cell}}：单元格是公式{{formula}}，但文件中没有保存计算结果，其值未知，涉及它的核对均已跳过。请在 Excel 中打开、重新计算并保存后再检查。',
    },
  },
  check(ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      forEachRoleCell(table, (line, key, ref) => {
        const cell = rawCell(ctx, table, ref);
        if (!cell?.noCachedResult) return;
        findings.push(createFinding(this.meta, 'uncalculated', { table: ctx.tableName(table), cell: describe(table, line, key), formula: cell.formula ? `（=${cell.formula}）` : '' }, { severity: 'warning', cells: [ctx.pointer(table, ref)], expected: null, actual: null }));
      });
    }
    return findings;
  },
};
