/**
 * Shared reading helpers of the 绩效 rules (PERF_DEPT, PERF_PROJECT, PERF_BASE). They live in a
 * sub-folder so that every .ts file directly in src/core/rules/perf/ stays one rule (registry test).
 */
import type { CellRef } from '../../../grid/address';
import { parseAmount } from '../../../grid/parse-amount';
import { Decimal, ZERO } from '../../../money/decimal';
import { classifyDifference, ratioConsistent, ratioInterval } from '../../../money/tolerance';
import type { Finding, Severity } from '../../../report';
import type { Line, SemanticTable } from '../../../tables/types';
import { formatAmount, type RuleContext } from '../../context';
import type { RuleMeta } from '../../types';

/** A number read from a cell: a score, an amount, a percentage (as a fraction). */
export type Num =
  | { kind: 'amount'; value: Decimal; decimals: number }
  | { kind: 'empty' }
  | { kind: 'unknown'; why: string };

const SCORE_TEXT = /^([+-]?\d+(?:\.\d+)?)分$/;

/**
 * A score cell. Besides plain numbers, 绩效 tables write scores as text with the unit:
 * "20分", "39 分", "10分" (湖北 merged 一级 scores, 渌口 预算执行 分值). The number is read out of them.
 */
export function readScore(ctx: RuleContext, table: SemanticTable, ref: CellRef | undefined): Num {
  const r = ctx.read(table, ref);
  if (r.kind !== 'unknown') return r.kind === 'amount' ? { kind: 'amount', value: r.value, decimals: r.decimals } : r;
  const cell = ref ? ctx.grid(table).cell(ref.row, ref.col) : undefined;
  if (typeof cell?.value === 'string' && !cell.error && !cell.noCachedResult) {
    const m = SCORE_TEXT.exec(cell.value.normalize('NFKC').replace(/\s+/g, ''));
    if (m) {
      const value = new Decimal(m[1]);
      return { kind: 'amount', value, decimals: Math.max(0, value.decimalPlaces()) };
    }
  }
  return r;
}

/** A plain amount cell (万元, 人, ㎡) as a Num. */
export function readAmount(ctx: RuleContext, table: SemanticTable, ref: CellRef | undefined): Num {
  const r = ctx.read(table, ref);
  return r.kind === 'amount' ? { kind: 'amount', value: r.value, decimals: r.decimals } : r;
}

/**
 * A percentage cell, as a fraction. A number (cell formatted 0% / 0.00%) is the fraction itself
 * (0.7954); text with a % sign ("100%", "79.54％") is divided by 100. `decimals` is the number of
 * decimals of the percent figure (0.7954 → 2, "66.7%" → 1), which is what ratioConsistent wants.
 */
export function readPercent(ctx: RuleContext, table: SemanticTable, ref: CellRef | undefined): Num {
  if (!ref) return { kind: 'empty' };
  const cell = ctx.grid(table).cell(ref.row, ref.col);
  if (!cell) return { kind: 'empty' };
  if (cell.noCachedResult) return { kind: 'unknown', why: '公式没有计算结果' };
  if (cell.error) return { kind: 'unknown', why: `单元格是错误值 ${cell.error}` };
  const p = parseAmount(cell.value);
  if (p.kind === 'empty') return { kind: 'empty' };
  if (p.kind === 'text') return { kind: 'unknown', why: `“${String(p.raw)}”不是数字` };
  const decimals = p.percent ? p.decimals : Math.max(0, p.value.decimalPlaces() - 2);
  return { kind: 'amount', value: p.value, decimals };
}

/** The number inside an embedded text such as "一般公共预算：1364.72" (its amountText "1364.72"). */
export function readEmbedded(amountText: string): Num {
  const t = amountText.normalize('NFKC').trim().replace(/万?元$/, '').trim();
  const p = parseAmount(t);
  if (p.kind === 'empty') return { kind: 'empty' };
  if (p.kind === 'text') return { kind: 'unknown', why: `“${amountText}”不是数字` };
  return { kind: 'amount', value: p.value, decimals: p.decimals };
}

export const valueOf = (n: Num): Decimal => (n.kind === 'amount' ? n.value : ZERO);

/** "7.95", "20", "91.5": a score as a person writes it. */
export function fmtScore(d: Decimal): string {
  return d.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toString();
}

/** A fraction as a percent with `dp` decimals: 0.795428 → "79.54%". */
export function fmtPct(fraction: Decimal, dp = 2): string {
  return `${fraction.times(100).toFixed(dp, Decimal.ROUND_HALF_UP)}%`;
}

export { formatAmount };

/** PERF_DEPT and PERF_PROJECT tables, in workbook order. */
export function selfEvalTables(ctx: RuleContext): SemanticTable[] {
  return ctx.tables.filter((t) => t.type === 'PERF_DEPT' || t.type === 'PERF_PROJECT');
}

/** Name of a 绩效 table for messages: its sheet (or label), and the project name when there is one. */
export function perfName(ctx: RuleContext, table: SemanticTable): string {
  const base = ctx.tableName(table);
  const project = String(table.line('项目名称')?.meta?.text ?? '').replace(/\s+/g, '');
  if (table.type === 'PERF_PROJECT' && project && !base.includes(project)) return `${base}（项目：${project}）`;
  if (table.type === 'PERF_DEPT') return base.includes('部门整体') ? base : `${base}（部门整体自评表）`;
  return base;
}

/** The 预算执行 line of a self-evaluation table, whichever template. */
export interface MoneyBlock {
  variant: 'hubei' | 'hunan';
  line: Line;
  budget: { ref: CellRef | undefined; label: string };
  exec: { ref: CellRef | undefined; label: string };
  rate: CellRef | undefined;
  score: CellRef | undefined;
  /** The weight of 预算执行 (湖北 "(20分)" in the header; 湖南 the 分值 cell). */
  weight: Num;
  /** Where that weight is written (湖南 分值 cell; 湖北 the header cell holding "(20分)"). */
  weightRef: CellRef | undefined;
}

/**
 * 湖北: line 预算执行, 预算数（A）/ 执行数（B）/ 执行率 / 得分, weight in meta.weight.
 * 湖南: line 年度资金总额, 全年预算数 / 全年执行数 / 执行率 / 得分 and 分值 (年初预算数 is not the base).
 */
export function moneyBlock(ctx: RuleContext, table: SemanticTable): MoneyBlock | null {
  const hubei = table.line('预算执行');
  if (hubei) {
    const w = hubei.meta?.weight;
    const weight: Num = typeof w === 'number' ? { kind: 'amount', value: new Decimal(w), decimals: 0 } : { kind: 'empty' };
    return {
      variant: 'hubei',
      line: hubei,
      budget: { ref: hubei.cells['预算数'], label: '预算数（A）' },
      exec: { ref: hubei.cells['执行数'], label: '执行数（B）' },
      rate: hubei.cells['执行率'],
      score: hubei.cells['得分'],
      weight,
      weightRef: typeof w === 'number' ? headerWeightCell(ctx, table, hubei, w) : undefined,
    };
  }
  const hunan = table.line('年度资金总额');
  if (hunan && (hunan.cells['全年预算数'] || hunan.cells['执行率'])) {
    return {
      variant: 'hunan',
      line: hunan,
      budget: { ref: hunan.cells['全年预算数'], label: '全年预算数' },
      exec: { ref: hunan.cells['全年执行数'], label: '全年执行数' },
      rate: hunan.cells['执行率'],
      score: hunan.cells['得分'],
      weight: readScore(ctx, table, hunan.cells['分值']),
      weightRef: hunan.cells['分值'],
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
function headerWeightCell(ctx: RuleContext, table: SemanticTable, line: Line, weight: number): CellRef | undefined {
  const grid = ctx.grid(table);
  for (const row of [line.row - 1, line.row]) {
    for (let c = table.range.left; c <= table.range.right; c++) {
      if (!grid.isMasterOrSingle(row, c)) continue;
      const v = grid.value(row, c);
      if (typeof v === 'string' && weightInText(v) === weight) return { row, col: c };
    }
  }
  return undefined;
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

export function goals(ctx: RuleContext, table: SemanticTable): Goal[] {
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
        ref: goalCell(ctx, table, goal, l.row),
        lines: [],
      };
      out.push(g);
    }
    g.lines.push(l);
  }
  return out;
}

/** The "年度目标N（…分）" cell above the first row of the goal. */
function goalCell(ctx: RuleContext, table: SemanticTable, goal: string, firstRow: number): CellRef | undefined {
  const grid = ctx.grid(table);
  for (let r = firstRow; r >= table.range.top; r--) {
    for (let c = table.range.left; c <= table.range.right; c++) {
      if (!grid.isMasterOrSingle(r, c)) continue;
      const v = grid.value(r, c);
      if (typeof v === 'string' && v.normalize('NFKC').replace(/\s+/g, '').startsWith(goal)) return { row: r, col: c };
    }
  }
  return undefined;
}

/** One operand of a score or amount sum, already read. */
export interface Operand {
  ref: CellRef | undefined;
  label: string;
  reading: Num;
}

/**
 * total = Σ parts over values already read (scores with "分", embedded amounts), with the same
 * semantics as RuleContext.sumIdentity: an unknown operand skips the identity, all-empty is fine,
 * empty counts as 0, a difference within 0.005·(n+1) is a 尾差 warning.
 */
export function sumCheck(
  ctx: RuleContext,
  meta: RuleMeta,
  table: SemanticTable,
  total: Operand,
  parts: Operand[],
  opts: { subject: string; unit: string; fmt?: (d: Decimal) => string; note?: string; partsText?: string },
): Finding[] {
  const fmt = opts.fmt ?? formatAmount;
  if (!total.ref || total.reading.kind === 'unknown' || parts.some((p) => p.reading.kind === 'unknown')) return [];
  if (total.reading.kind === 'empty' && parts.every((p) => p.reading.kind === 'empty')) return [];
  operands(ctx, table, [total, ...parts]);
  const actual = valueOf(total.reading);
  let expected = ZERO;
  for (const p of parts) expected = expected.plus(valueOf(p.reading));
  const diff = actual.minus(expected);
  const filled = parts.filter((p) => p.reading.kind === 'amount' && p.ref);
  // only printed values were rounded: empty parts add no rounding error (as in RuleContext.sumIdentity)
  const verdict = classifyDifference(diff, Math.max(1, filled.length), ctx.settings.tolerance);
  if (verdict === 'equal') return [];
  const partText = opts.partsText ?? (filled.length ? filled.map((p) => `${p.label} ${fmt(valueOf(p.reading))}`).join(' + ') : '各组成项均为空');
  const totalText = total.reading.kind === 'empty' ? `${total.label}为空` : `${total.label} ${fmt(actual)} ${opts.unit}`;
  const message =
    `${perfName(ctx, table)} ${opts.subject}：${totalText}，应等于 ${partText} = ${fmt(expected)} ${opts.unit}，` +
    `相差 ${fmt(diff.abs())} ${opts.unit}` +
    (verdict === 'rounding' ? '，在四舍五入的尾差范围内（尾差）。' : '。') +
    (opts.note ?? '');
  return [
    {
      rule: meta.id,
      severity: verdict === 'rounding' ? 'warning' : meta.severity,
      cells: [ctx.pointer(table, total.ref), ...filled.map((p) => ctx.pointer(table, p.ref!))],
      expected: fmt(expected),
      actual: total.reading.kind === 'empty' ? null : fmt(actual),
      message,
      difference: fmt(diff),
      ...(verdict === 'rounding' ? { rounding: true } : {}),
    },
  ];
}

/**
 * Tells the mutation-test listener which cells an identity uses (RuleContext.operand). Only cells
 * whose one-cent change the identity can show are registered: the terms of exact sums and the
 * stated rates and scores, not the inputs of a ratio (±0.01 on 1800 万元 does not move 100%).
 */
export function operands(ctx: RuleContext, table: SemanticTable, list: readonly { ref: CellRef | undefined; label: string }[]): void {
  for (const o of list) if (o.ref) ctx.operand({ table, ref: o.ref, label: o.label });
}

/** The value a 0/0 rate should show under ctx.settings.zeroOverZeroRate (null: leave it blank). */
export function zeroOverZero(ctx: RuleContext): Decimal | null {
  const s = ctx.settings.zeroOverZeroRate;
  return s === '100%' ? new Decimal(1) : s === '0%' ? ZERO : null;
}

/** The 0/0 convention in words, for messages. */
export function zeroOverZeroText(ctx: RuleContext): string {
  const s = ctx.settings.zeroOverZeroRate;
  return s === 'blank' ? '按设置，0/0 的比率留空' : `按设置，0/0 的比率记为 ${s}（预算与执行均为 0：无可执行、亦无未执行）`;
}

/**
 * A stated ratio against numerator / denominator, with interval arithmetic (ratioConsistent): the
 * inputs are taken as ±halfUlp of their last shown digit (0 for exact counts such as people), and
 * the stated percent is right if it lies in [round(lo), round(hi)] at its own precision. A blank
 * ratio where both inputs are there is reported with `blankSeverity`; 0/0 follows the setting.
 */
export function rateCheck(
  ctx: RuleContext,
  meta: RuleMeta,
  table: SemanticTable,
  o: {
    numerator: Operand;
    denominator: Operand;
    rate: { ref: CellRef | undefined; label: string };
    halfUlp: string;
    subject: string;
    unit: string;
    blankSeverity: Severity;
  },
): Finding[] {
  const { numerator: n, denominator: d, rate } = o;
  if (!rate.ref || n.reading.kind !== 'amount' || d.reading.kind !== 'amount') return [];
  const stated = readPercent(ctx, table, rate.ref);
  if (stated.kind === 'unknown') return [];
  const cells = [rate.ref, n.ref, d.ref].filter((r): r is CellRef => !!r).map((r) => ctx.pointer(table, r));
  const name = perfName(ctx, table);
  const nv = n.reading.value;
  const dv = d.reading.value;
  const inputs = `${n.label} ${fmtIn(nv, o.unit)} ÷ ${d.label} ${fmtIn(dv, o.unit)}`;
  const dp = stated.kind === 'amount' ? Math.min(Math.max(2, stated.decimals), 4) : 2;

  if (dv.isZero()) {
    if (!nv.isZero()) return [];
    const conv = zeroOverZero(ctx);
    if (conv === null) return [];
    operands(ctx, table, [rate]);
    if (stated.kind === 'empty') {
      return [
        {
          rule: meta.id,
          severity: o.blankSeverity,
          cells,
          expected: fmtPct(conv, 0),
          actual: null,
          message: `${name} ${o.subject}：${rate.label}未填写；${inputs} 为 0/0，${zeroOverZeroText(ctx)}，应填 ${fmtPct(conv, 0)}。`,
        },
      ];
    }
    if (stated.value.equals(conv)) return [];
    return [
      {
        rule: meta.id,
        severity: meta.severity,
        cells,
        expected: fmtPct(conv, 0),
        actual: fmtPct(stated.value, dp),
        message: `${name} ${o.subject}：${rate.label} ${fmtPct(stated.value, dp)}，但 ${inputs} 为 0/0，${zeroOverZeroText(ctx)}，应为 ${fmtPct(conv, 0)}。`,
        difference: fmtPct(stated.value.minus(conv), dp),
      },
    ];
  }

  const exact = nv.div(dv);
  operands(ctx, table, [rate]);
  if (stated.kind === 'empty') {
    return [
      {
        rule: meta.id,
        severity: o.blankSeverity,
        cells,
        expected: fmtPct(exact, 2),
        actual: null,
        message: `${name} ${o.subject}：${rate.label}未填写，按 ${inputs} 计算应为 ${fmtPct(exact, 2)}。`,
      },
    ];
  }
  if (ratioConsistent(stated.value, nv, dv, stated.decimals, o.halfUlp)) return [];
  const iv = ratioInterval(nv, dv, o.halfUlp);
  const range =
    iv && !new Decimal(o.halfUlp).isZero()
      ? `（各数按显示精度 ±${o.halfUlp} 计，比率在 ${fmtPct(iv.lo, dp)}～${fmtPct(iv.hi, dp)} 之间）`
      : '';
  const diff = stated.value.minus(exact);
  return [
    {
      rule: meta.id,
      severity: meta.severity,
      cells,
      expected: fmtPct(exact, dp),
      actual: fmtPct(stated.value, dp),
      message:
        `${name} ${o.subject}：表中${rate.label} ${fmtPct(stated.value, dp)}，按 ${inputs} 计算应为 ${fmtPct(exact, dp)}${range}，` +
        `相差 ${diff.abs().times(100).toFixed(dp, Decimal.ROUND_HALF_UP)} 个百分点。`,
      difference: fmtPct(diff, dp),
    },
  ];
}

function fmtIn(v: Decimal, unit: string): string {
  return `${unit === '人' ? v.toString() : formatAmount(v)}${unit ? ` ${unit}` : ''}`;
}
