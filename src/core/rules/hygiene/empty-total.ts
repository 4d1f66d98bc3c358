import type { CellRef } from '../../grid/address';
import { refToA1 } from '../../grid/address';
import { Decimal, ZERO } from '../../money/decimal';
import { createFinding, type Finding } from '../../findings';
import type { Line, SemanticTable } from '../../tables/types';
import { formatAmount } from '../../money/format';
import { type RuleContext } from '../context';
import { childrenOf, topLevelLines } from '../../tables/ledger-lines';
import type { Rule, RuleMeta } from '../types';

/**
 * A total left blank while its parts have amounts: the sum rules report it as a difference; this
 * rule names it plainly ("合计为空"). Totals checked:
 * - 公开02/03/05/07/08表: the 合计 row (parts: the top-level 科目 rows), each 类/款 subtotal row
 *   (parts: its direct children), and each row's total column (合计 = the other amount columns;
 *   本年支出.小计 = 基本支出 + 项目支出 in the 基金/国资 tables);
 * - 公开06表: each 3-digit block row (its 5-digit rows), 人员经费合计 / 公用经费合计 (their blocks)
 *   and a plain 合计;
 * - 公开09表: 预算/决算 合计 (因公出国 + 公务用车 小计 + 公务接待) and the 公务用车 小计
 *   (购置费 + 运行维护费).
 * Only a blank (or placeholder such as "—") total counts, not 0; the parts must hold a non-zero
 * amount. A part that is a blank subtotal itself (a blank 类 row over filled 款/项 rows) is replaced
 * by its own filled parts, so the cited cells always add up. Each total cell is reported once.
 */
export const hygieneEmptyTotal: Rule = {
  meta: {
    id: 'HYGIENE.empty-total',
    title: '合计为空而明细有数',
    severity: 'error',
    identity: '合计、小计单元格在其组成项有金额时不应为空',
    tables: [],
    source: 'A07/A08/A13/A14/A15/A16/A17',
    level: 'mandatory',
    scope: 'table',
    messages: {
      blank: '{{table}} {{what}}：合计为空，但其组成项有金额：{{parts}} = {{sum}} {{unit}}。请填写合计数。',
    },
  },
  check(ctx) {
    const out: Finding[] = [];
    for (const t of ctx.tables) {
      const done = new Set<string>();
      const emit = (f: Finding | null, ref: CellRef | undefined) => {
        if (!f || !ref) return;
        const k = refToA1(ref);
        if (done.has(k)) return;
        done.add(k);
        out.push(f);
      };
      if (['GK02', 'GK03', 'GK05', 'GK07', 'GK08'].includes(t.type)) ledger(ctx, t, this.meta, emit);
      else if (t.type === 'GK06') economic(ctx, t, this.meta, emit);
      else if (t.type === 'GK09') threePublic(ctx, t, this.meta, emit);
    }
    return out;
  },
};

interface Part {
  ref: CellRef | undefined;
  label: string;
  /** A part that is itself a subtotal: when it is blank, its own parts stand in for it. */
  sub?: Part[];
}

type Emit = (f: Finding | null, ref: CellRef | undefined) => void;

/** The parts holding a non-zero amount, a blank subtotal part replaced by its filled parts. */
function filledParts(ctx: RuleContext, t: SemanticTable, parts: Part[]): { part: Part; value: Decimal }[] {
  const out: { part: Part; value: Decimal }[] = [];
  for (const p of parts) {
    const r = ctx.read(t, p.ref);
    if (r.kind === 'amount') {
      if (!r.value.isZero() && p.ref) out.push({ part: p, value: r.value });
    } else if (r.kind === 'empty' && p.sub) out.push(...filledParts(ctx, t, p.sub));
  }
  return out;
}

function blankTotal(ctx: RuleContext, t: SemanticTable, rule: RuleMeta, total: CellRef | undefined, what: string, parts: Part[]): Finding | null {
  if (!total || ctx.read(t, total).kind !== 'empty') return null;
  const filled = filledParts(ctx, t, parts);
  if (!filled.length) return null;
  let sum = ZERO;
  for (const x of filled) sum = sum.plus(x.value);
  const unit = ctx.unitOf(t);
  return createFinding(
    rule,
    'blank',
    { table: ctx.tableName(t), what, parts: filled.map((x) => `${x.part.label} ${formatAmount(x.value)}`).join(' + '), sum: formatAmount(sum), unit },
    { cells: [ctx.pointer(t, total), ...filled.map((x) => ctx.pointer(t, x.part.ref!))], expected: formatAmount(sum), actual: null },
  );
}

const subject = (l: Line) => (l.code ? `${l.code} ${l.label}` : l.label);

function ledger(ctx: RuleContext, t: SemanticTable, rule: RuleMeta, emit: Emit): void {
  // Direct children come from the shared linear-time 科目 tree; '' is the 合计 (top level plus
  // rows whose code could not be read).
  const unreadable = t.lines.filter((l) => l.kind !== 'total' && !l.code && l.meta?.unreadableCode);
  const children = (line: Line | null) => (line ? childrenOf(t, line) : [...topLevelLines(t), ...unreadable]);
  const partsOf = (line: Line | null, key: string): Part[] =>
    children(line).map((l) => ({
      ref: l.cells[key],
      label: l.code ?? l.label,
      sub: l.kind === 'subtotal' && l.code ? partsOf(l, key) : undefined,
    }));
  const blank = (ref: CellRef | undefined) => !!ref && ctx.read(t, ref).kind === 'empty';
  const amountKeys = t.columns.map((c) => c.key).filter((k) => k !== '科目编码' && k !== '科目名称');
  const colName = (k: string) => (k === '合计' ? '合计列' : `“${k}”列`);
  const totals = t.lines.filter((l) => l.kind === 'total');
  const subtotals = t.lines.filter((l) => l.kind === 'subtotal' && l.code);
  for (const key of amountKeys) {
    // Whether filledParts(partsOf(line, key)) finds anything, each line decided once: the parts of
    // a blank total are built only when it is reported (a blank column stays linear).
    const known = new Map<Line | null, boolean>();
    const anyFilled = (line: Line | null): boolean => {
      let yes = known.get(line);
      if (yes === undefined) {
        yes = children(line).some((l) => {
          const r = ctx.read(t, l.cells[key]);
          if (r.kind === 'amount') return !r.value.isZero() && !!l.cells[key];
          return r.kind === 'empty' && l.kind === 'subtotal' && !!l.code && anyFilled(l);
        });
        known.set(line, yes);
      }
      return yes;
    };
    for (const total of totals) {
      const ref = total.cells[key];
      if (blank(ref) && anyFilled(null)) emit(blankTotal(ctx, t, rule, ref, `合计行${colName(key)}`, partsOf(null, key)), ref);
    }
    for (const s of subtotals) {
      const ref = s.cells[key];
      if (blank(ref) && anyFilled(s)) emit(blankTotal(ctx, t, rule, ref, `科目 ${subject(s)}（${s.level}）${colName(key)}`, partsOf(s, key)), ref);
    }
  }
  // Row totals: 合计 column = the other amount columns; 本年支出.小计 = 基本支出 + 项目支出.
  const rowTotal = t.column('合计')
    ? { key: '合计', parts: amountKeys.filter((k) => k !== '合计') }
    : t.column('本年支出.小计')
      ? { key: '本年支出.小计', parts: ['本年支出.基本支出', '本年支出.项目支出'].filter((k) => t.column(k)) }
      : null;
  if (!rowTotal) return;
  for (const line of [...t.lines].sort((a, b) => a.row - b.row)) {
    const ref = line.cells[rowTotal.key];
    if (!blank(ref)) continue;
    const what = line.kind === 'total' ? `合计行“${rowTotal.key}”` : `科目 ${subject(line)}“${rowTotal.key}”`;
    emit(blankTotal(ctx, t, rule, ref, what, rowTotal.parts.map((k) => ({ ref: line.cells[k], label: k }))), ref);
  }
}

function economic(ctx: RuleContext, t: SemanticTable, rule: RuleMeta, emit: Emit): void {
  const blocks = t.lines.filter((l) => l.code && l.code.length === 3);
  const items = t.lines.filter((l) => l.code && l.code.length === 5);
  const part = (l: Line): Part => ({ ref: l.cells['决算数'], label: `${l.code} ${l.label}` });
  const itemsOf = (b: Line) => items.filter((l) => l.code!.startsWith(b.code!)).map(part);
  for (const b of blocks) {
    const ref = b.cells['决算数'];
    emit(blankTotal(ctx, t, rule, ref, `${b.code} ${b.label}`, itemsOf(b)), ref);
  }
  for (const total of t.lines.filter((l) => l.kind === 'total')) {
    const group = total.key === '人员经费合计' ? '人员经费' : total.key === '公用经费合计' ? '公用经费' : null;
    const inGroup = (l: Line) => group === null || l.group === group;
    const ref = total.cells['决算数'];
    emit(blankTotal(ctx, t, rule, ref, total.key, blocks.filter(inGroup).map((b) => ({ ...part(b), sub: itemsOf(b) }))), ref);
  }
}

function threePublic(ctx: RuleContext, t: SemanticTable, rule: RuleMeta, emit: Emit): void {
  for (const line of t.lines) {
    for (const side of ['预算', '决算']) {
      const p = (k: string): Part => ({ ref: line.cells[`${side}.${k}`], label: k });
      const sub = line.cells[`${side}.公务用车购置及运行维护费.小计`];
      emit(blankTotal(ctx, t, rule, sub, `${side}数 公务用车购置及运行维护费小计`, [p('公务用车购置费'), p('公务用车运行维护费')]), sub);
      const total = line.cells[`${side}.合计`];
      const car = { ...p('公务用车购置及运行维护费.小计'), sub: [p('公务用车购置费'), p('公务用车运行维护费')] };
      emit(blankTotal(ctx, t, rule, total, `${side}数“三公”经费合计`, [p('因公出国(境)费'), car, p('公务接待费')]), total);
    }
  }
}
