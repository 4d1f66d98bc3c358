import type { CellRef } from '../grid/address';
import type { Cell } from '../grid/grid';
import type { Decimal } from '../money/decimal';
import type { WorkbookReader } from '../reading';
import { indicatorTarget } from '../tables/perf-common';
import type { Line, SemanticTable } from '../tables/types';
import { amount } from './read';

/** An indicator row that can be scored on its own: it has its own 分值 (湖南 templates) and 得分. */
export interface ScorableIndicator {
  table: SemanticTable;
  line: Line;
  weightRef: CellRef;
  scoreRef: CellRef;
  targetRef: CellRef;
  actualRef: CellRef;
  weight: Decimal;
  target: Cell | undefined;
  actual: Cell | undefined;
}

/** The scorable indicator rows of the 绩效 tables (无/不适用 rows and merged shared scores left out). */
export function scorableIndicators(tables: readonly SemanticTable[], ctx: WorkbookReader): ScorableIndicator[] {
  const out: ScorableIndicator[] = [];
  for (const table of tables) {
    if (table.type !== 'PERF_DEPT' && table.type !== 'PERF_PROJECT') continue;
    const grid = ctx.grid(table);
    for (const line of table.lines) {
      if (!line.key.startsWith('指标.') || line.meta?.notApplicable || line.meta?.scoreShared) continue;
      const { 分值: weightRef, 得分: scoreRef, 目标值: targetRef, 实际值: actualRef } = line.cells as Record<string, CellRef | undefined>;
      if (!weightRef || !scoreRef || !targetRef || !actualRef) continue;
      const weight = amount(ctx, table, weightRef);
      if (weight === null || weight.isZero()) continue;
      out.push({
        table, line, weightRef, scoreRef, targetRef, actualRef, weight,
        target: indicatorTarget(grid, line) ?? undefined,
        actual: grid.cell(actualRef.row, actualRef.col),
      });
    }
  }
  return out;
}
