/**
 * The two identities most rules are made of — a total equals the sum of its parts, and one value
 * equals another (often in two tables) — checked rounding-aware, with their messages.
 */
import { createFinding, type Finding, type FindingSource } from '../../findings';
import { ZERO, type Decimal } from '../../money/decimal';
import { formatAmount } from '../../money/format';
import { classifyDifference } from '../../money/tolerance';
import type { CellRef } from '../../grid/address';
import type { Reading } from '../../reading';
import type { SemanticTable } from '../../tables/types';
import type { RuleContext, Term } from '../context';

const EMPTY: Reading = { kind: 'empty' };

export const IDENTITY_MESSAGES = {
  sumBroken: '{{table}} {{subject}}：{{total}}，应等于 {{parts}} = {{expected}} {{unit}}，相差 {{difference}} {{unit}}。{{note}}',
  sumRounding: '{{table}} {{subject}}：{{total}}，应等于 {{parts}} = {{expected}} {{unit}}，相差 {{difference}} {{unit}}，在四舍五入的尾差范围内（尾差）。{{note}}',
  equalBroken: '{{subject}}：{{tableA}} {{labelA}} {{valueA}}，{{tableB}} {{labelB}} {{valueB}}，相差 {{difference}} {{unit}}。',
  equalRounding: '{{subject}}：{{tableA}} {{labelA}} {{valueA}}，{{tableB}} {{labelB}} {{valueB}}，相差 {{difference}} {{unit}}（尾差）。',
} as const;

/**
 * total = Σ parts, rounding-aware. Empty cells count as 0; if any operand is unknown (text that is
 * no number, an uncalculated formula) the identity is skipped: the hygiene rules report those.
 */
export function sumIdentity(ctx: RuleContext, meta: FindingSource, total: Term, parts: Term[], subject: string, opts: { noteId?: string } = {}): Finding[] {
  ctx.operand(total);
  parts.forEach((p) => ctx.operand(p));
  const t = ctx.read(total.table, total.ref);
  const ps = parts.map((p) => ({ term: p, reading: ctx.read(p.table, p.ref) }));
  if (t.kind === 'unknown' || ps.some((p) => p.reading.kind === 'unknown') || !total.ref) return [];
  if (t.kind === 'empty' && ps.every((p) => p.reading.kind === 'empty')) return [];
  if (holdsInCents(t, ps.map((p) => ({ reading: p.reading, sign: p.term.sign })))) {
    ctx.tally(total.table, false);
    return [];
  }
  const actual = t.kind === 'amount' ? t.value : ZERO;
  let expected = ZERO;
  for (const p of ps) if (p.reading.kind === 'amount') expected = expected.plus(p.term.sign === -1 ? p.reading.value.negated() : p.reading.value);
  const diff = actual.minus(expected);
  // A printed 0.00 is the same as a blank (tables print zeros either way): it adds no rounding error,
  // and it is neither cited nor listed.
  const filled = ps.filter((p) => p.reading.kind === 'amount' && p.term.ref && !p.reading.value.isZero());
  const zeros = ps.some((p) => p.reading.kind === 'amount' && p.reading.value.isZero());
  const verdict = classifyDifference(diff, Math.max(1, filled.length), ctx.settings.tolerance);
  ctx.tally(total.table, verdict === 'error');
  if (verdict === 'equal') return [];
  const unit = ctx.unitOf(total.table);
  const partText =
    filled.length > 6
      ? `${filled.length} 项之和（${filled.slice(0, 3).map((p) => p.term.label).join('、')} 等）`
      : filled.length
        ? filled
            .map((p, i) => `${i === 0 ? (p.term.sign === -1 ? '−' : '') : p.term.sign === -1 ? ' − ' : ' + '}${p.term.label} ${formatAmount((p.reading as { value: Decimal }).value)}`)
            .join('')
        : zeros
          ? '各组成项均为 0 或空'
          : '各组成项均为空';
  const totalText = t.kind === 'empty' ? `${total.label}为空` : `${total.label} ${formatAmount(actual)} ${unit}`;
  const rounding = verdict === 'rounding';
  return [
    createFinding(
      meta,
      rounding ? 'sumRounding' : 'sumBroken',
      { table: ctx.tableName(total.table), subject, total: totalText, parts: partText, expected: formatAmount(expected), unit, difference: formatAmount(diff.abs()), note: noteOf(meta, opts.noteId) },
      {
        severity: rounding ? 'warning' : meta.severity,
        cells: [ctx.pointer(total.table, total.ref), ...filled.map((p) => ctx.pointer(p.term.table, p.term.ref!))],
        expected: formatAmount(expected),
        actual: t.kind === 'empty' ? null : formatAmount(actual),
        difference: formatAmount(diff),
        rounding,
      },
    ),
  ];
}

/**
 * The common case of `sumIdentity` over cells of one table, decided without building its terms:
 * true when `sumIdentity` would report nothing because the identity holds in integer hundredths
 * (counted as checked), is skipped (an unknown operand, no total cell) or has nothing to check
 * (every operand empty) — its operands are then told as `sumIdentity` tells them. False when only
 * the full check can tell (a difference, or an amount with more than two decimals): the caller then
 * calls `sumIdentity`, which tells the operands itself. A rule over thousands of rows builds labels,
 * subjects and terms only for the identities that need them.
 */
export function sumHoldsInCents(ctx: RuleContext, table: SemanticTable, total: CellRef | undefined, parts: readonly (CellRef | undefined)[]): boolean {
  const t = total ? ctx.read(table, total) : EMPTY;
  let unknown = t.kind === 'unknown';
  let allEmpty = t.kind === 'empty';
  let exact = true;
  let sum = 0;
  for (const ref of parts) {
    if (!ref) continue;
    const r = ctx.read(table, ref);
    if (r.kind === 'empty') continue;
    allEmpty = false;
    if (r.kind === 'unknown') unknown = true;
    else if (r.cents === undefined) exact = false;
    else {
      sum += r.cents;
      if (!Number.isSafeInteger(sum)) exact = false; // beyond exact integers: sumIdentity decides
    }
  }
  let holds = unknown || !total || allEmpty;
  if (!holds && exact && (t.kind === 'empty' ? sum === 0 : t.kind === 'amount' && t.cents === sum)) {
    ctx.tally(table, false);
    holds = true;
  }
  if (holds && ctx.operandListener) {
    ctx.operand({ table, ref: total });
    for (const ref of parts) ctx.operand({ table, ref });
  }
  return holds;
}

/**
 * total = Σ ±parts exactly, decided in integer hundredths when every operand has them (no Decimal is
 * made); false when it does not hold or cannot be decided so — the caller then does the full check.
 */
export function holdsInCents(total: Reading, parts: readonly { reading: Reading; sign?: 1 | -1 }[]): boolean {
  let sum = 0;
  for (const p of parts) {
    if (p.reading.kind === 'empty') continue;
    if (p.reading.kind !== 'amount' || p.reading.cents === undefined) return false;
    sum += p.sign === -1 ? -p.reading.cents : p.reading.cents;
    if (!Number.isSafeInteger(sum)) return false; // beyond exact integers: the full check decides
  }
  if (total.kind === 'empty') return sum === 0;
  return total.kind === 'amount' && total.cents !== undefined && total.cents === sum;
}

/** A message of the rule appended to the identity's own (why it may break, what was substituted). */
export function noteOf(meta: FindingSource, noteId: string | undefined): string {
  if (!noteId) return '';
  const note = meta.messages[noteId];
  if (note === undefined) throw new Error(`${meta.id}: no message "${noteId}"`);
  return note;
}

/** a = b between two cells, often of two tables (two rounded values of one quantity: n = 1). */
export function equality(ctx: RuleContext, meta: FindingSource, a: Term, b: Term, subject: string): Finding[] {
  ctx.operand(a);
  ctx.operand(b);
  const ra = ctx.read(a.table, a.ref);
  const rb = ctx.read(b.table, b.ref);
  if (!a.ref || !b.ref || ra.kind === 'unknown' || rb.kind === 'unknown') return [];
  if (ra.kind === 'empty' && rb.kind === 'empty') return [];
  const va = ra.kind === 'amount' ? ra.value : ZERO;
  const vb = rb.kind === 'amount' ? rb.value : ZERO;
  const diff = va.minus(vb);
  const verdict = classifyDifference(diff, 1, ctx.settings.tolerance);
  if (a.table === b.table) ctx.tally(a.table, verdict === 'error');
  if (verdict === 'equal') return [];
  const unit = ctx.unitOf(a.table);
  const show = (r: Reading, v: Decimal) => (r.kind === 'empty' ? '为空' : `${formatAmount(v)} ${unit}`);
  const rounding = verdict === 'rounding';
  return [
    createFinding(
      meta,
      rounding ? 'equalRounding' : 'equalBroken',
      {
        subject,
        tableA: ctx.tableName(a.table),
        labelA: a.label,
        valueA: show(ra, va),
        tableB: ctx.tableName(b.table),
        labelB: b.label,
        valueB: show(rb, vb),
        difference: formatAmount(diff.abs()),
        unit,
      },
      {
        severity: rounding ? 'warning' : meta.severity,
        cells: [ctx.pointer(a.table, a.ref), ctx.pointer(b.table, b.ref)],
        expected: rb.kind === 'empty' ? null : formatAmount(vb),
        actual: ra.kind === 'empty' ? null : formatAmount(va),
        difference: formatAmount(diff),
        rounding,
      },
    ),
  ];
}
