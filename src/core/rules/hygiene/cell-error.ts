import { createFinding, type Finding } from '../../findings';
import type { Rule } from '../types';
import { describe, forEachRoleCell, rawCell } from './support/cells';

/**
 * A role cell holding an Excel error value (#DIV/0!, #REF!, #N/A, #VALUE!, and #NUM! for a stored
 * value that is no finite number): its value is unknown and every identity over it is skipped, so
 * it is said once here rather than silently. One warning per cell, in every recognized table.
 */
export const hygieneCellError: Rule = {
  meta: {
    id: 'HYGIENE.cell-error',
    title: '单元格是错误值',
    severity: 'warning',
    identity: '参与核对的单元格不应是错误值（#DIV/0!、#REF!、#N/A、#VALUE!、#NUM! 等），否则其值未知，相关核对无法进行',
    tables: [],
    source: 'hygiene',
    level: 'advisory',
    scope: 'table',
    messages: {
      error: '{{table}} {{cell}}：单元格是错误值 {{error}}{{formula}}，其值未知，涉及它的核对均已跳过。请修正公式或数值后再检查。',
    },
  },
  check(ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      forEachRoleCell(table, (line, key, ref) => {
        const cell = rawCell(ctx, table, ref);
        if (!cell?.error) return;
        findings.push(
          createFinding(
            this.meta,
            'error',
            { table: ctx.tableName(table), cell: describe(table, line, key), error: cell.error, formula: cell.formula ? `（=${cell.formula}）` : '' },
            { cells: [ctx.pointer(table, ref)], expected: null, actual: cell.error },
          ),
        );
      });
    }
    return findings;
  },
};
