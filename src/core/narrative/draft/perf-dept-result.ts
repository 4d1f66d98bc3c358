/**
 * 部门整体 自评结果 drafts from a PERF_DEPT table (docs/domain.md §4.1 "Other 000 parts", §4.3 item 12), and
 * the 绩效 reading helpers the other 绩效 drafters share (perf-project-result, hunan-report).
 *
 * 湖北 (line 预算执行): "(一)部门整体绩效自评得分:{S}分。", the 执行率 paragraph
 *   "{年}年{部门}财政预算数总额{Y}万元,其中:基本支出总额{slot}万元,项目支出总额{slot}万元。部门整体绩效考评财政预算数{Y}万元,
 *   执行数{G}万元,执行率{G/Y}%。" (the 年初 基本/项目 split is not in the table), and per 一级 the indicator counts
 *   "{年}年产出指标{N}个,完成的绩效目标产出指标{slot}个。其中:{年度目标名}产出指标{n}个,…;数量指标有{n}个,…。"
 * 湖南 (line 年度资金总额): "根据《部门整体支出绩效自评表》,{年}年度部门整体绩效自评综合评分为{S}分,评价等级为"{slot}"。",
 *   the 执行率 sentence (年初预算数, 全年预算数, 全年执行数, 执行率, 得分) and the same counts.
 *
 * Every number is a `number` run with the cells it comes from; what the table does not hold is a slot.
 */
import type { CellRef } from '../../grid/address';
import { Decimal, ZERO } from '../../money/decimal';
import type { CellPointer } from '../../findings';
import type { WorkbookReader } from '../../reading';
import { formatScore } from '../../money/format';
import { moneyBlock, type MoneyBlock } from '../../reading/perf';
import { distinctCells, isNotApplicable, level1Groups } from '../../tables/perf-structure';
import type { Line, SemanticTable } from '../../tables/types';
import type { Block, Run } from '../blocks';
import { fmt, heading, num, para, pct, slot, text, type Piece } from './common';
import type { DraftInputs } from './inputs';
import { toWan } from '../../money/units';


// ---------------------------------------------------------------------------------------------
// Shared reading helpers

/** A value read from a table with the cells it comes from. */
export interface Valued {
  value: Decimal;
  cells: CellPointer[];
}

/** An amount cell in 万元 (a table in 元 is converted); undefined when empty or unreadable. */
export function amountAt(ctx: WorkbookReader, table: SemanticTable, ref: CellRef | undefined): Valued | undefined {
  const r = ctx.read(table, ref);
  if (r.kind !== 'amount' || !ref) return undefined;
  return { value: toWan(r.value, table.unit), cells: [ctx.pointer(table, ref)] };
}

/** An amount cell where an empty cell counts as 0 (a 三公 item left blank); undefined when unreadable. */
export function amountOrZero(ctx: WorkbookReader, table: SemanticTable, ref: CellRef | undefined): Valued | undefined {
  if (!ref) return undefined;
  const r = ctx.read(table, ref);
  if (r.kind === 'unknown') return undefined;
  const v = r.kind === 'amount' ? r.value : ZERO;
  return { value: toWan(v, table.unit), cells: [ctx.pointer(table, ref)] };
}

/** A score cell ("7.95", "20分"); undefined when empty or unreadable. */
export function scoreAt(ctx: WorkbookReader, table: SemanticTable, ref: CellRef | undefined): Valued | undefined {
  const r = ctx.readScore(table, ref);
  if (r.kind !== 'amount' || !ref) return undefined;
  return { value: r.value, cells: [ctx.pointer(table, ref)] };
}

/** The amount as printed in the reports (2 decimals, whole plain), as a number run. */
export function amountRunOf(v: Valued | undefined, key: string, inputs: DraftInputs, label: string): Run {
  return v ? num(fmt(v.value, inputs), key, v.cells) : slot('input', `${label}（表中未找到）`);
}

export function scoreRunOf(v: Valued | undefined, key: string, label: string): Run {
  return v ? num(formatScore(v.value), key, v.cells) : slot('input', `${label}（表中未找到）`);
}

/** "{B/A}%" as a number run (computed from the two cells, plus the stated rate cell), or a slot when A is 0 or missing. */
export function rateRun(ctx: WorkbookReader, table: SemanticTable, part: Valued | undefined, whole: Valued | undefined, rateRef: CellRef | undefined, key: string, inputs: DraftInputs, label: string): Run {
  const r = part && whole ? pct(part.value, whole.value) : undefined;
  if (r === undefined) return slot('input', `${label}（%）`);
  const cells = [...part!.cells, ...whole!.cells, ...(rateRef ? [ctx.pointer(table, rateRef)] : [])];
  return num(`${fmt(r, inputs)}%`, key, cells);
}

/** The draft's year: inputs, then the table's. */
export function perfYear(table: SemanticTable, inputs: DraftInputs): Run {
  const y = inputs.year ?? table.year ?? undefined;
  return y !== undefined && y !== null ? text(String(y)) : slot('input', '年度');
}

/** The 单位 / 部门 of a 绩效 table: inputs, then the 单位名称 (整体) or 主管部门 (项目) line. */
export function perfDepartment(table: SemanticTable, inputs: DraftInputs): Run {
  if (inputs.department) return text(inputs.department);
  const t = String(table.line('单位名称')?.meta?.text ?? table.line('主管部门')?.meta?.text ?? '').trim();
  return t ? text(t) : slot('input', '部门名称');
}

/** Whether an indicator row counts as an indicator (not a blank 二级 placeholder, not 不适用). */
export function counted(l: Line): boolean {
  return l.meta?.empty !== true && !isNotApplicable(l);
}

/** The cell that stands for an indicator row in a count (its 三级 name, else its label). */
export function indicatorCell(ctx: WorkbookReader, table: SemanticTable, l: Line): CellPointer[] {
  const ref = l.cells['三级指标'] ?? l.labelCell ?? l.cells['二级指标'];
  return ref ? [ctx.pointer(table, ref)] : [];
}

/** A count of indicator rows as a number run (its cells: the rows' 三级 names). */
export function countRun(ctx: WorkbookReader, table: SemanticTable, lines: readonly Line[], key: string): Run {
  return num(String(lines.length), key, lines.flatMap((l) => indicatorCell(ctx, table, l)));
}

const norm = (s: string | number | boolean | null | undefined): string =>
  String(s ?? '')
    .normalize('NFKC')
    .replace(/\s+/g, '');

/** The 一级 label of a row without its weight ("产出指标（40分）" → "产出指标"). */
export function level1Of(l: Line): string {
  return norm(l.meta?.level1).replace(/[(（][^)）]*[)）]$/, '') || '其他指标';
}

export function level2Of(l: Line): string {
  return norm(l.meta?.level2).replace(/[(（][^)）]*[)）]$/, '') || level1Of(l);
}

/** Distinct values in first-appearance order. */
export function ordered<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

/** The score of each 一级 (in table order), merged score cells counted once; 预算执行 not included. */
export interface Level1Score {
  label: string;
  value: Decimal;
  cells: CellPointer[];
  /** The 一级 weight (the N of "(N分)" or the sum of the 分值 cells), when known. */
  weight: Decimal | undefined;
  /** Whether every score cell is readable (empty counts as 0). */
  readable: boolean;
  lines: Line[];
}

export function level1Scores(ctx: WorkbookReader, table: SemanticTable): Level1Score[] {
  const out: Level1Score[] = [];
  const seen = new Set<string>();
  const groups = level1Groups(table);
  for (const label of ordered(groups.map((g) => level1Of(g.lines[0])))) {
    const lines = groups.filter((g) => level1Of(g.lines[0]) === label).flatMap((g) => g.lines);
    let value = ZERO;
    let readable = true;
    const cells: CellPointer[] = [];
    for (const d of distinctCells(lines, '得分')) {
      const k = `${d.ref.row}:${d.ref.col}`;
      if (seen.has(k)) continue;
      seen.add(k);
      const r = ctx.readScore(table, d.ref);
      if (r.kind === 'unknown') readable = false;
      if (r.kind === 'amount') value = value.plus(r.value);
      cells.push(ctx.pointer(table, d.ref));
    }
    const w1 = lines.find((l) => typeof l.meta?.weight1 === 'number')?.meta?.weight1;
    let weight: Decimal | undefined = typeof w1 === 'number' ? new Decimal(w1) : undefined;
    if (weight === undefined) {
      const ws = distinctCells(lines, '分值').map((d) => ctx.readScore(table, d.ref));
      if (ws.length && ws.every((w) => w.kind === 'amount')) weight = ws.reduce((s, w) => s.plus(w.kind === 'amount' ? w.value : ZERO), ZERO);
    }
    out.push({ label, value, cells, weight, readable, lines });
  }
  return out;
}

/** The 总分 cell, or the sum of 预算执行 and all indicator scores when it is blank. */
export function totalScore(ctx: WorkbookReader, table: SemanticTable, money: MoneyBlock | null, groups: readonly Level1Score[]): Valued | undefined {
  const stated = scoreAt(ctx, table, table.line('总分')?.cells['得分']);
  if (stated) return stated;
  if (groups.some((g) => !g.readable)) return undefined;
  const exec = money ? scoreAt(ctx, table, money.score) : undefined;
  if (money && !exec) return undefined;
  let value = exec?.value ?? ZERO;
  const cells = [...(exec?.cells ?? [])];
  for (const g of groups) {
    value = value.plus(g.value);
    cells.push(...g.cells);
  }
  return cells.length ? { value, cells } : undefined;
}

/** "数量指标有2个,质量指标有1个" — counts by 二级 of some rows (counted rows only). */
export function level2Counts(ctx: WorkbookReader, table: SemanticTable, lines: readonly Line[], keyPrefix: string): (string | Run)[] {
  const rows = lines.filter(counted);
  const out: (string | Run)[] = [];
  ordered(rows.map(level2Of)).forEach((l2, i) => {
    const of = rows.filter((l) => level2Of(l) === l2);
    out.push(i ? '，' : '', `${l2}有`, countRun(ctx, table, of, `${keyPrefix}.${l2}.个数`), '个');
  });
  return out;
}

/**
 * "（三）存在的问题和原因" and "（四）下一步拟改进措施": slots, pre-filled (as suggestions) with the table's
 * 偏差大或目标未完成原因分析 / 改进措施及结果应用方案 text when it is filled in.
 */
export function problemBlocks(table: SemanticTable, numbers: readonly [string, string] = ['三', '四']): Block[] {
  const textOf = (key: string): string => String(table.line(key)?.meta?.text ?? '').trim();
  return [
    heading(3, `（${numbers[0]}）存在的问题和原因`),
    para(slot('reason', '存在的问题和原因', textOf('偏差原因分析'), true)),
    heading(3, `（${numbers[1]}）下一步拟改进措施`),
    para(slot('input', '下一步拟改进措施', textOf('改进措施'), true)),
  ];
}

// ---------------------------------------------------------------------------------------------
// 部门整体 自评结果

/** The 评价等级 the usual 湖南 bands give (docs/domain.md §2(d) [UNSURE]): ≥90 优, ≥80 良, ≥60 中, else 差. */
export function gradeOf(score: Decimal): string {
  return score.gte(90) ? '优' : score.gte(80) ? '良' : score.gte(60) ? '中' : '差';
}

/**
 * The 自评结果 of a 部门整体 table (PERF_DEPT). 湖北 and 湖南 templates are told apart by their money
 * line (moneyBlock). `ctx` reads and points at the cells; `inputs` gives year, department, printing.
 */
export function draftDeptResult(table: SemanticTable, ctx: WorkbookReader, inputs: DraftInputs = {}): Block[] {
  const money = moneyBlock(ctx, table);
  const groups = level1Scores(ctx, table);
  const total = totalScore(ctx, table, money, groups);
  const year = perfYear(table, inputs);
  const blocks: Block[] = [heading(2, '一、自评结论')];
  const K = '整体自评';

  if (money?.variant === 'hunan') {
    const grade = total ? slot('input', '评价等级', gradeOf(total.value), true) : slot('input', '评价等级');
    blocks.push(para('（一）部门整体绩效自评得分：根据《部门整体支出绩效自评表》，', year, '年度部门整体绩效自评综合评分为', scoreRunOf(total, `${K}.总分`, '总分'), '分，评价等级为“', grade, '”。'));
  } else {
    blocks.push(para('（一）部门整体绩效自评得分：', scoreRunOf(total, `${K}.总分`, '总分'), '分。'));
  }

  blocks.push(heading(3, '（二）部门整体绩效目标完成情况'));
  blocks.push(para('1. 执行率情况。'));
  if (!money) {
    blocks.push(para(slot('input', '预算数、执行数及执行率（表中未找到预算执行行）')));
  } else if (money.variant === 'hubei') {
    const A = amountAt(ctx, table, money.budget.ref);
    const B = amountAt(ctx, table, money.exec.ref);
    blocks.push(
      para(
        year,
        '年',
        perfDepartment(table, inputs),
        '财政预算数总额',
        amountRunOf(A, `${K}.预算数`, inputs, '预算数'),
        '万元，其中：基本支出总额',
        slot('input', '年初预算基本支出总额（万元）'),
        '万元，项目支出总额',
        slot('input', '年初预算项目支出总额（万元）'),
        '万元。部门整体绩效考评财政预算数',
        amountRunOf(A, `${K}.预算数`, inputs, '预算数'),
        '万元，执行数',
        amountRunOf(B, `${K}.执行数`, inputs, '执行数'),
        '万元，执行率',
        rateRun(ctx, table, B, A, money.rate, `${K}.执行率`, inputs, '执行率'),
        '。',
      ),
    );
  } else {
    blocks.push(para(...hunanExecution(ctx, table, money, year, inputs, K)));
  }

  blocks.push(para('2. 绩效目标完成情况分析。'));
  groups.forEach((g, i) => {
    const rows = g.lines.filter(counted);
    if (rows.length === 0) return;
    const key = `${K}.${g.label}`;
    const runs: Piece[] = [`（${i + 1}）${g.label}完成情况分析。`, year, `年${g.label}`, countRun(ctx, table, rows, `${key}.个数`), `个，完成的绩效目标${g.label}`, slot('input', `完成的${g.label}个数`), '个'];
    const goalNames = ordered(rows.map((l) => (typeof l.meta?.goal === 'string' ? String(l.meta.goalName || l.meta.goal) : '')));
    const parts: (string | Run)[] = [];
    if (goalNames.length > 1 && goalNames.every((n) => n)) {
      goalNames.forEach((n, j) => {
        const of = rows.filter((l) => String(l.meta?.goalName || l.meta?.goal) === n);
        parts.push(j ? '，' : '', `${n}${g.label}`, countRun(ctx, table, of, `${key}.${n}.个数`), '个');
      });
    }
    if (ordered(rows.map(level2Of)).length > 1) parts.push(parts.length ? '；' : '', ...level2Counts(ctx, table, rows, key));
    if (parts.length) runs.push('。其中：', ...parts);
    runs.push('。');
    blocks.push(para(...runs));
  });
  blocks.push(...problemBlocks(table));
  return blocks;
}

/**
 * 湖南 "{年}年年初预算数{Y}万元，全年预算数{A}万元，全年执行数{B}万元，执行率{B/A}%，预算执行得分{s}分（分值{w}分）。"
 * (执行率 against 全年预算数, docs/domain.md §2(d)).
 */
export function hunanExecution(ctx: WorkbookReader, table: SemanticTable, money: MoneyBlock, year: Run, inputs: DraftInputs, K: string): (string | Run)[] {
  const s = scoreAt(ctx, table, money.score);
  const w = scoreAt(ctx, table, money.weightRef);
  const out: (string | Run)[] = [
    ...hunanBudgetRuns(ctx, table, money, year, inputs, K),
    '，预算执行得分',
    scoreRunOf(s, `${K}.预算执行得分`, '预算执行得分'),
    '分',
  ];
  if (w) out.push('（分值', scoreRunOf(w, `${K}.预算执行分值`, '分值'), '分）');
  out.push('。');
  return out;
}

/** "{年}年年初预算数Y万元，全年预算数A万元，全年执行数E万元，执行率r" — shared by the 自评结果 and the 自评报告. */
export function hunanBudgetRuns(ctx: WorkbookReader, table: SemanticTable, money: MoneyBlock, year: Run, inputs: DraftInputs, K: string): (string | Run)[] {
  const Y = amountAt(ctx, table, money.line.cells['年初预算数']);
  const A = amountAt(ctx, table, money.budget.ref);
  const E = amountAt(ctx, table, money.exec.ref);
  return [
    year,
    '年年初预算数',
    amountRunOf(Y, `${K}.年初预算数`, inputs, '年初预算数'),
    '万元，全年预算数',
    amountRunOf(A, `${K}.全年预算数`, inputs, '全年预算数'),
    '万元，全年执行数',
    amountRunOf(E, `${K}.全年执行数`, inputs, '全年执行数'),
    '万元，执行率',
    rateRun(ctx, table, E, A, money.rate, `${K}.执行率`, inputs, '执行率'),
  ];
}
