import type { CellRef } from '../../../grid/address';
import { Decimal, ZERO } from '../../../money/decimal';
import { classifyDifference } from '../../../money/tolerance';
import { createFinding, type CellPointer, type Finding, type Severity } from '../../../findings';
import { formatAmount } from '../../../money/format';
import { toWan } from '../../../money/units';
import type { Reading } from '../../../reading';
import { TABLE_TYPE_NAMES } from '../../../tables/type-names';
import type { Line, SemanticTable } from '../../../tables/types';
import type { RuleContext } from '../../context';
import type { RuleMeta } from '../../types';

/**
 * Helpers of the between-table rules (B01–B14). This folder is not a rule file (registry.test.ts
 * reads only the .ts files directly in src/core/rules/cross/).
 *
 * Units: when the operands of one identity come from tables of different units (元 and 万元), every
 * amount is converted to 万元 (元 ÷ 10000) before comparing, and the message says so. When all
 * operands share a unit, amounts are compared as printed in that unit.
 */

/** One operand: a table cell and how to name it (without the table's name). */
export interface Operand {
  table: SemanticTable;
  ref: CellRef | undefined;
  label: string;
}

/** One side of an identity: the sum of its operands. */
export interface Side {
  operands: Operand[];
  /** Said instead of the values when the side has no operand (e.g. a 科目 row missing from a table). */
  absent?: string;
  /** Name of the side as a whole when it sums several operands (e.g. "各项合计"). */
  name?: string;
}

export interface CompareOptions {
  /** What is compared, first in the message: "科目 2210201 住房公积金", "本年收入合计". */
  subject: string;
  /** 'eq': left = right. 'le': left ≤ right (only an excess is reported). */
  mode?: 'eq' | 'le';
  /** Severity of a break beyond rounding; defaults to meta.severity. */
  severity?: Severity;
  /** A message of the rule appended to a break (why the identity may legitimately break, what to check). */
  noteId?: string;
}

/** The messages compare() reports with; a rule that uses it spreads them into its own catalog. */
export const COMPARE_MESSAGES = {
  compareBroken: '{{subject}}：{{left}}，{{right}}，相差 {{difference}} {{unit}}。{{unitNote}}{{note}}',
  compareRounding: '{{subject}}：{{left}}，{{right}}，相差 {{difference}} {{unit}}，在四舍五入的尾差范围内（尾差）。{{unitNote}}',
  compareExceeds: '{{subject}}：{{left}}，{{right}}，前者超出后者 {{difference}} {{unit}}。{{unitNote}}{{note}}',
  compareExceedsRounding: '{{subject}}：{{left}}，{{right}}，前者超出后者 {{difference}} {{unit}}，在四舍五入的尾差范围内（尾差）。{{unitNote}}',
} as const;

/** "收入决算表（公开02表）", or the type name alone when the table carries no 公开0N表 label. */
export function tableDisplayName(ctx: RuleContext, t: SemanticTable): string {
  const name = TABLE_TYPE_NAMES[t.type];
  if (!name) return ctx.tableName(t);
  return t.label ? `${name}（${t.label}）` : name;
}

interface Read {
  operand: Operand;
  reading: Reading;
}

function unitOf(ctx: RuleContext, t: SemanticTable): string {
  return ctx.unitOf(t);
}

/** Value of a reading in the target unit. */
function valueIn(r: Read, convert: boolean): Decimal {
  if (r.reading.kind !== 'amount') return ZERO;
  const v = r.reading.value;
  return convert ? toWan(v, r.operand.table.unit) : v;
}

/** Σ left − Σ right in integer hundredths, undefined when an amount has more than two decimals. */
function centsDifference(left: readonly Read[], right: readonly Read[]): number | undefined {
  let diff = 0;
  for (const [xs, sign] of [[left, 1], [right, -1]] as const) {
    for (const x of xs) {
      if (x.reading.kind !== 'amount') continue;
      if (x.reading.cents === undefined) return undefined;
      diff += sign * x.reading.cents;
      if (!Number.isSafeInteger(diff)) return undefined; // beyond exact integers: the Decimal path decides
    }
  }
  return diff;
}

/** Is a cell empty or zero (no amount)? undefined when it cannot be read (text, no cached result). */
export function isBlankOrZero(ctx: RuleContext, t: SemanticTable, ref: CellRef | undefined): boolean | undefined {
  const r = ctx.read(t, ref);
  if (r.kind === 'unknown') return undefined;
  return r.kind === 'empty' || r.value.isZero();
}

/**
 * Σ left = Σ right (or Σ left ≤ Σ right), rounding-aware: a difference within 0.005·(number of
 * rounded operands) is a 尾差 warning. Skipped when an operand cannot be read (the hygiene rules
 * report those) or when every operand is empty.
 */
export function compare(ctx: RuleContext, meta: RuleMeta, left: Side, right: Side, opts: CompareOptions): Finding[] {
  const reads = (s: Side): Read[] => s.operands.map((operand) => ({ operand, reading: ctx.read(operand.table, operand.ref) }));
  const l = reads(left);
  const r = reads(right);
  const all = [...l, ...r];
  if (all.some((x) => x.reading.kind === 'unknown')) return [];
  if (all.every((x) => x.reading.kind === 'empty')) return [];
  const units = new Set(all.map((x) => unitOf(ctx, x.operand.table)));
  const convert = units.size > 1;
  const unit = convert ? '万元' : [...units][0] ?? '万元';
  // in one unit, amounts of at most two decimals are compared in integer hundredths first: an
  // identity that holds (or an 'le' that is not exceeded) makes no Decimal
  if (!convert) {
    const diffCents = centsDifference(l, r);
    if (diffCents === 0 || (diffCents !== undefined && diffCents < 0 && opts.mode === 'le')) return [];
  }
  const total = (xs: Read[]) => xs.reduce((acc, x) => acc.plus(valueIn(x, convert)), ZERO);
  const lv = total(l);
  const rv = total(r);
  const diff = lv.minus(rv);
  if ((opts.mode ?? 'eq') === 'le' && diff.lessThanOrEqualTo(0)) return [];
  const present = all.filter((x) => x.operand.ref).length;
  const verdict = classifyDifference(diff, Math.max(1, present - 1), ctx.settings.tolerance);
  if (verdict === 'equal') return [];

  const side = (s: Side, xs: Read[], sum: Decimal): string => {
    if (xs.length === 0) return s.absent ?? '没有对应的数';
    const tables = new Set(xs.map((x) => x.operand.table));
    const one = tables.size === 1 ? xs[0].operand.table : null;
    const show = (x: Read) => (x.reading.kind === 'empty' ? '为空' : formatAmount(valueIn(x, convert)));
    if (xs.length === 1) {
      const x = xs[0];
      const v = x.reading.kind === 'empty' ? '为空' : `${show(x)} ${unit}`;
      return `${tableDisplayName(ctx, x.operand.table)} ${x.operand.label} ${v}`;
    }
    const filled = xs.filter((x) => x.reading.kind === 'amount');
    const head = one ? `${tableDisplayName(ctx, one)} ` : '';
    if (filled.length === 0) return `${head}${s.name ? `${s.name}` : ''}各项均为空`;
    const parts = filled.map((x) => (one ? `${x.operand.label} ${show(x)}` : `${tableDisplayName(ctx, x.operand.table)} ${x.operand.label} ${show(x)}`));
    // "支出决算表 类 208 各项本年支出合计 138.34 万元（2080505 … 95.99 + … 0.62）" or "a + b = sum 万元"
    if (s.name) return `${head}${s.name} ${formatAmount(sum)} ${unit}（${parts.join(' + ')}）`;
    if (filled.length === 1) return `${head}${parts[0]} ${unit}`;
    return `${head}${parts.join(' + ')} = ${formatAmount(sum)} ${unit}`;
  };
  const le = opts.mode === 'le';
  const rounding = verdict === 'rounding';
  const messageId = le ? (rounding ? 'compareExceedsRounding' : 'compareExceeds') : rounding ? 'compareRounding' : 'compareBroken';
  const data = {
    subject: opts.subject,
    left: side(left, l, lv),
    right: side(right, r, rv),
    difference: formatAmount(diff.abs()),
    unit,
    unitNote: convert ? '（各表金额单位不同，已统一换算为万元比较。）' : '',
    note: opts.noteId && !rounding ? meta.messages[opts.noteId] : '',
  };
  if (opts.noteId && meta.messages[opts.noteId] === undefined) throw new Error(`${meta.id}: no message "${opts.noteId}"`);

  // Cite every cell taking part: filled cells, and the cell of a one-operand side even when empty.
  const cells: CellPointer[] = [];
  const seen = new Set<string>();
  const cite = (xs: Read[]) => {
    for (const x of xs) {
      if (!x.operand.ref) continue;
      if (x.reading.kind === 'empty' && xs.length > 1) continue;
      const p = ctx.pointer(x.operand.table, x.operand.ref);
      const k = `${p.sheet}!${p.address}`;
      if (!seen.has(k)) {
        seen.add(k);
        cells.push(p);
      }
    }
  };
  cite(l);
  cite(r);
  const emptySide = (xs: Read[]) => xs.length === 0 || xs.every((x) => x.reading.kind === 'empty');
  return [
    createFinding(meta, messageId, data, {
      severity: rounding ? 'warning' : opts.severity ?? meta.severity,
      cells,
      expected: emptySide(r) ? null : formatAmount(rv),
      actual: emptySide(l) ? null : formatAmount(lv),
      difference: formatAmount(diff),
      rounding,
    }),
  ];
}

/** A one-cell side. */
export function cell(table: SemanticTable, ref: CellRef | undefined, label: string): Side {
  return { operands: ref ? [{ table, ref, label }] : [] };
}

/** 项 lines (7-digit codes) of a 科目 table by code. */
export function itemLines(t: SemanticTable): Map<string, Line> {
  const m = new Map<string, Line>();
  for (const l of t.lines) if (l.code && l.level === '项' && !m.has(l.code)) m.set(l.code, l);
  return m;
}

/** "科目 2210201 住房公积金". */
export function subjectOf(code: string, ...lines: (Line | undefined)[]): string {
  const name = lines.find((l) => l?.label)?.label ?? '';
  return `科目 ${code}${name ? ` ${name}` : ''}`;
}

/**
 * The rows of a 科目 table that make up one 类 (3-digit code) in a column: its 类 subtotal row when
 * the table prints one, else all its 项 rows — never both.
 */
export function classOperands(t: SemanticTable, classCode: string, column: string, columnLabel: string): Operand[] {
  const sub = t.lines.find((l) => l.code === classCode && l.level === '类');
  if (sub) return sub.cells[column] ? [{ table: t, ref: sub.cells[column], label: `类 ${classCode} ${sub.label} ${columnLabel}` }] : [];
  return t.lines
    .filter((l) => l.code && l.level === '项' && l.code.startsWith(classCode) && l.cells[column])
    .map((l) => ({ table: t, ref: l.cells[column], label: `${l.code} ${l.label}` }));
}

/** The 3-digit 类 codes occurring in a 科目 table (from its 类 rows and its 项 rows). */
export function classCodesOf(t: SemanticTable): Set<string> {
  const s = new Set<string>();
  for (const l of t.lines) if (l.code && (l.level === '类' || l.level === '项')) s.add(l.code.slice(0, 3));
  return s;
}

/** Both tables name a year and the years differ: they are not one year's pair. */
export function differentYears(a: SemanticTable, b: SemanticTable): boolean {
  return a.year !== null && b.year !== null && a.year !== b.year;
}
