/**
 * The identities of the 绩效 rules over values already read (scores with "分", embedded amounts)
 * and their stated rates, with their messages. Shared by the rules of this folder (a sub-folder, so
 * that every .ts file directly in rules/perf/ stays one rule).
 */
import type { CellRef } from '../../../grid/address';
import { createFinding, type Finding, type Severity } from '../../../findings';
import { Decimal, ZERO } from '../../../money/decimal';
import { formatAmount, formatPercent } from '../../../money/format';
import { classifyDifference, ratioConsistent, ratioInterval } from '../../../money/tolerance';
import { valueOf, type Reading } from '../../../reading';
import { zeroOverZero, zeroOverZeroText } from '../../../reading/perf';
import { perfTableName } from '../../../tables/perf-structure';
import type { SemanticTable } from '../../../tables/types';
import type { RuleContext } from '../../context';
import type { RuleMeta } from '../../types';

/** One operand of a score or amount sum, already read. */
export interface Operand {
  ref: CellRef | undefined;
  label: string;
  reading: Reading;
}

export const SUM_CHECK_MESSAGES = {
  sumBroken: '{{table}} {{subject}}：{{total}}，应等于 {{parts}} = {{expected}} {{unit}}，相差 {{difference}} {{unit}}。',
  sumRounding: '{{table}} {{subject}}：{{total}}，应等于 {{parts}} = {{expected}} {{unit}}，相差 {{difference}} {{unit}}，在四舍五入的尾差范围内（尾差）。',
} as const;

export const RATE_CHECK_MESSAGES = {
  rateBlankZero: '{{table}} {{subject}}：{{rate}}未填写；{{inputs}} 为 0/0，{{convention}}，应填 {{expected}}。',
  rateZeroOverZero: '{{table}} {{subject}}：{{rate}} {{actual}}，但 {{inputs}} 为 0/0，{{convention}}，应为 {{expected}}。',
  rateBlank: '{{table}} {{subject}}：{{rate}}未填写，按 {{inputs}} 计算应为 {{expected}}。',
  rateWrong: '{{table}} {{subject}}：表中{{rate}} {{actual}}，按 {{inputs}} 计算应为 {{expected}}{{range}}，相差 {{points}} 个百分点。',
} as const;

/**
 * total = Σ parts over values already read, with the same semantics as the sum identity: an
 * unknown operand skips the identity, all-empty is fine, empty counts as 0, a difference within
 * 0.005·(n+1) is a 尾差 warning.
 */
export function sumCheck(
  ctx: RuleContext,
  meta: RuleMeta,
  table: SemanticTable,
  total: Operand,
  parts: Operand[],
  opts: { subject: string; unit: string; fmt?: (d: Decimal) => string; partsText?: string },
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
  // only printed values were rounded: empty parts add no rounding error
  const verdict = classifyDifference(diff, Math.max(1, filled.length), ctx.settings.tolerance);
  ctx.tally(table, verdict === 'error');
  if (verdict === 'equal') return [];
  const partText = opts.partsText ?? (filled.length ? filled.map((p) => `${p.label} ${fmt(valueOf(p.reading))}`).join(' + ') : '各组成项均为空');
  const totalText = total.reading.kind === 'empty' ? `${total.label}为空` : `${total.label} ${fmt(actual)} ${opts.unit}`;
  const rounding = verdict === 'rounding';
  return [
    createFinding(
      meta,
      rounding ? 'sumRounding' : 'sumBroken',
      { table: perfTableName(table), subject: opts.subject, total: totalText, parts: partText, expected: fmt(expected), unit: opts.unit, difference: fmt(diff.abs()) },
      {
        severity: rounding ? 'warning' : meta.severity,
        cells: [ctx.pointer(table, total.ref), ...filled.map((p) => ctx.pointer(table, p.ref!))],
        expected: fmt(expected),
        actual: total.reading.kind === 'empty' ? null : fmt(actual),
        difference: fmt(diff),
        rounding,
      },
    ),
  ];
}

/**
 * Tells the mutation-test listener which cells an identity uses. Only cells whose one-cent change
 * the identity can show are registered: the terms of exact sums and the stated rates and scores,
 * not the inputs of a ratio (±0.01 on 1800 万元 does not move 100%).
 */
export function operands(ctx: RuleContext, table: SemanticTable, list: readonly { ref: CellRef | undefined; label?: string }[]): void {
  for (const o of list) if (o.ref) ctx.operand({ table, ref: o.ref });
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
  const stated = ctx.readPercent(table, rate.ref);
  if (stated.kind === 'unknown') return [];
  const cells = [rate.ref, n.ref, d.ref].filter((r): r is CellRef => !!r).map((r) => ctx.pointer(table, r));
  const nv = n.reading.value;
  const dv = d.reading.value;
  const base = { table: perfTableName(table), subject: o.subject, rate: rate.label, inputs: `${n.label} ${fmtIn(nv, o.unit)} ÷ ${d.label} ${fmtIn(dv, o.unit)}` };
  const dp = stated.kind === 'amount' ? Math.min(Math.max(2, stated.decimals), 4) : 2;

  if (dv.isZero()) {
    if (!nv.isZero()) return [];
    const conv = zeroOverZero(ctx.settings);
    if (conv === null) return [];
    operands(ctx, table, [rate]);
    const convention = zeroOverZeroText(ctx.settings);
    if (stated.kind === 'empty') {
      return [createFinding(meta, 'rateBlankZero', { ...base, convention, expected: formatPercent(conv, 0) }, { severity: o.blankSeverity, cells, expected: formatPercent(conv, 0), actual: null })];
    }
    if (stated.value.equals(conv)) return [];
    return [
      createFinding(
        meta,
        'rateZeroOverZero',
        { ...base, convention, actual: formatPercent(stated.value, dp), expected: formatPercent(conv, 0) },
        { cells, expected: formatPercent(conv, 0), actual: formatPercent(stated.value, dp), difference: formatPercent(stated.value.minus(conv), dp) },
      ),
    ];
  }

  const exact = nv.div(dv);
  operands(ctx, table, [rate]);
  if (stated.kind === 'empty') {
    return [createFinding(meta, 'rateBlank', { ...base, expected: formatPercent(exact, 2) }, { severity: o.blankSeverity, cells, expected: formatPercent(exact, 2), actual: null })];
  }
  if (ratioConsistent(stated.value, nv, dv, stated.decimals, o.halfUlp)) return [];
  const iv = ratioInterval(nv, dv, o.halfUlp);
  const range =
    iv && !new Decimal(o.halfUlp).isZero() ? `（各数按显示精度 ±${o.halfUlp} 计，比率在 ${formatPercent(iv.lo, dp)}～${formatPercent(iv.hi, dp)} 之间）` : '';
  const diff = stated.value.minus(exact);
  return [
    createFinding(
      meta,
      'rateWrong',
      { ...base, actual: formatPercent(stated.value, dp), expected: formatPercent(exact, dp), range, points: diff.abs().times(100).toFixed(dp, Decimal.ROUND_HALF_UP) },
      { cells, expected: formatPercent(exact, dp), actual: formatPercent(stated.value, dp), difference: formatPercent(diff, dp) },
    ),
  ];
}

function fmtIn(v: Decimal, unit: string): string {
  return `${unit === '人' ? v.toString() : formatAmount(v)}${unit ? ` ${unit}` : ''}`;
}
