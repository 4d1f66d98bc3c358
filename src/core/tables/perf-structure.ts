/**
 * The structure of the 绩效 self-evaluation tables (PERF_DEPT, PERF_PROJECT) as rules, fills and
 * drafts need it: the 预算执行 money line whichever template, the indicator lines, their 一级 groups
 * and the 湖北 整体 goals. Only positions and texts here; amounts are read in reading/perf.ts.
 */
import type { CellRef } from '../grid/address';
import type { Grid } from '../grid/grid';
import { tableName, type Line, type SemanticTable } from './types';

/** The 预算执行 line of a self-evaluation table, whichever template. */
export interface MoneyLine {
  variant: 'hubei' | 'hunan';
  line: Line;
  budget: { ref: CellRef | undefined; label: string };
  exec: { ref: CellRef | undefined; label: string };
  rate: CellRef | undefined;
  score: CellRef | undefined;
  /** Where the weight of 预算执行 is written (湖南 分值 cell; 湖北 the header cell holding "(20分)"). */
  weightRef: CellRef | undefined;
  /** 湖北: the weight printed in the header ("(20分)"); 湖南 reads it from the 分值 cell. */
  headerWeight: number | null;
}

/**
 * 湖北: line 预算执行, 预算数（A）/ 执行数（B）/ 执行率 / 得分, weight in meta.weight.
 * 湖南: line 年度资金总额, 全年预算数 / 全年执行数 / 执行率 / 得分 and 分值 (年初预算数 is not the base).
 */
export function moneyLine(grid: Grid, table: SemanticTable): MoneyLine | null {
  const hubei = table.line('预算执行');
  if (hubei) {
    const w = hubei.meta?.weight;
    return {
      variant: 'hubei',
      line: hubei,
      budget: { ref: hubei.cells['预算数'], label: '预算数（A）' },
      exec: { ref: hubei.cells['执行数'], label: '执行数（B）' },
      rate: hubei.cells['执行率'],
      score: hubei.cells['得分'],
      weightRef: typeof w === 'number' ? headerWeightCell(grid, table, hubei, w) : undefined,
      headerWeight: typeof w === 'number' ? w : null,
    };
  }
  const hunan = table.line('年度资金总额');
  if (hunan && (hunan.cells['全年预算数'] || hunan.cells['执行率'])) {
    return {
      variant: 'hunan',
      line: hunan,
      // the form's own words (四川: 调整后预算数 / 预算执行数)
      budget: { ref: hunan.cells['全年预算数'], label: table.column('全年预算数')?.label || '全年预算数' },
      exec: { ref: hunan.cells['全年执行数'], label: table.column('全年执行数')?.label || '全年执行数' },
      rate: hunan.cells['执行率'],
      score: hunan.cells['得分'],
      weightRef: hunan.cells['分值'],
      headerWeight: null,
    };
  }
  return null;
}

const WEIGHT_IN_TEXT = /[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]|(\d+(?:\.\d+)?)\s*分\s*\*/;

function weightInText(text: string): number | null {
  const m = WEIGHT_IN_TEXT.exec(text.normalize('NFKC').replace(/\s+/g, ''));
  return m ? Number(m[1] ?? m[2]) : null;
}

/** The cell of the 湖北 header that carries "(20分)" / "得分（20分*执行率）", searched on the header row. */
function headerWeightCell(grid: Grid, table: SemanticTable, line: Line, weight: number): CellRef | undefined {
  for (const row of [line.row - 1, line.row]) {
    for (let c = table.range.left; c <= table.range.right; c++) {
      if (!grid.isMasterOrSingle(row, c)) continue;
      const v = grid.value(row, c);
      if (typeof v === 'string' && weightInText(v) === weight) return { row, col: c };
    }
  }
  return undefined;
}

/** PERF_DEPT and PERF_PROJECT tables, in workbook order. */
export function selfEvalTables(tables: readonly SemanticTable[]): SemanticTable[] {
  return tables.filter((t) => t.type === 'PERF_DEPT' || t.type === 'PERF_PROJECT');
}

/** Name of a 绩效 table for messages: its sheet (or label), and the project name when there is one. */
export function perfTableName(table: SemanticTable): string {
  const base = tableName(table);
  const project = String(table.line('项目名称')?.meta?.text ?? '').replace(/\s+/g, '');
  if (table.type === 'PERF_PROJECT' && project && !base.includes(project)) return `${base}（项目：${project}）`;
  if (table.type === 'PERF_DEPT') return base.includes('部门整体') ? base : `${base}（部门整体自评表）`;
  return base;
}

/** The indicator lines (指标.n) of a table. */
export function indicatorLines(table: SemanticTable): Line[] {
  return table.lines.filter((l) => l.key.startsWith('指标.'));
}

export const isNotApplicable = (l: Line): boolean => l.meta?.notApplicable === true;

const refKey = (r: CellRef) => `${r.row}:${r.col}`;

/** The distinct cells of a column over some lines (a merged score shared by rows counts once). */
export function distinctCells(lines: readonly Line[], column: string): { ref: CellRef; lines: Line[] }[] {
  const out = new Map<string, { ref: CellRef; lines: Line[] }>();
  for (const l of lines) {
    const ref = l.cells[column];
    if (!ref) continue;
    const k = refKey(ref);
    const e = out.get(k);
    if (e) e.lines.push(l);
    else out.set(k, { ref, lines: [l] });
  }
  return [...out.values()];
}

/** Indicator rows under one 一级 label (grouped by the label's merged cell). */
export interface Level1Group {
  label: string;
  /** The N of "(N分)" in the 一级 label. */
  weight: number | null;
  /** The 一级 label cell. */
  ref: CellRef | undefined;
  /** 湖北 整体: the 年度目标 the group belongs to. */
  goal: string | null;
  goalWeight: number | null;
  lines: Line[];
}

export function level1Groups(table: SemanticTable): Level1Group[] {
  const groups: Level1Group[] = [];
  const byKey = new Map<string, Level1Group>();
  for (const l of indicatorLines(table)) {
    const ref = l.cells['一级指标'];
    const label = String(l.meta?.level1 ?? '');
    const goal = typeof l.meta?.goal === 'string' ? l.meta.goal : null;
    const k = ref ? `${goal ?? ''}|${refKey(ref)}` : `${goal ?? ''}|${label}|${l.meta?.weight1 ?? ''}`;
    let g = byKey.get(k);
    if (!g) {
      g = {
        label,
        weight: typeof l.meta?.weight1 === 'number' ? l.meta.weight1 : null,
        ref,
        goal,
        goalWeight: typeof l.meta?.goalWeight === 'number' ? l.meta.goalWeight : null,
        lines: [],
      };
      byKey.set(k, g);
      groups.push(g);
    }
    g.lines.push(l);
  }
  return groups;
}

/** The 湖北 整体 goals ("年度目标1（20分）"): their rows, weight, and the label cell. */
export interface Goal {
  goal: string;
  weight: number | null;
  name: string;
  ref: CellRef | undefined;
  lines: Line[];
}

export function goals(grid: Grid, table: SemanticTable): Goal[] {
  const out: Goal[] = [];
  for (const l of indicatorLines(table)) {
    const goal = l.meta?.goal;
    if (typeof goal !== 'string') continue;
    let g = out.find((x) => x.goal === goal);
    if (!g) {
      g = {
        goal,
        weight: typeof l.meta?.goalWeight === 'number' ? l.meta.goalWeight : null,
        name: String(l.meta?.goalName ?? ''),
        ref: goalCell(grid, table, goal, l.row),
        lines: [],
      };
      out.push(g);
    }
    g.lines.push(l);
  }
  return out;
}

/** The "年度目标N（…分）" cell above the first row of the goal. */
function goalCell(grid: Grid, table: SemanticTable, goal: string, firstRow: number): CellRef | undefined {
  for (let r = firstRow; r >= table.range.top; r--) {
    for (let c = table.range.left; c <= table.range.right; c++) {
      if (!grid.isMasterOrSingle(r, c)) continue;
      const v = grid.value(r, c);
      if (typeof v === 'string' && v.normalize('NFKC').replace(/\s+/g, '').startsWith(goal)) return { row: r, col: c };
    }
  }
  return undefined;
}
