import type { CellRef } from '../../grid/address';
import { parseAmount } from '../../grid/parse-amount';
import { Decimal } from '../../money/decimal';
import { createFinding, type Finding } from '../../findings';
import type { Line, SemanticTable } from '../../tables/types';
import { formatAmount } from '../../money/format';
import { type RuleContext } from '../context';
import type { Rule } from '../types';
import { moneyLine } from '../../tables/perf-structure';
import { rawCell } from './support/cells';

const ONE = new Decimal(1);

/**
 * 执行率 above 100% in the 绩效 tables (部门整体 and 项目): spending above the budget means the
 * 预算数 is not the adjusted full-year budget (备注1: 预算数为调整后财政资金总额(包括上年结余结转)) or
 * the 执行数 is wrong. A stated rate over 100% is a warning citing the rate and its 预算数/执行数;
 * a blank rate whose 执行数/预算数 exceeds 100% is reported the same way (江岸 2024 部门整体:
 * 22854.27 / 1405.65 = 1625.89%, printed only in the text). 预算数 is 全年预算数 where the table has
 * one (湖南), else 预算数(A).
 */
export const hygieneRateOver100: Rule = {
  meta: {
    id: 'HYGIENE.rate-over-100',
    title: '执行率超过 100%',
    severity: 'warning',
    identity: '预算执行率 = 执行数 / 预算数，通常不超过 100%',
    tables: [],
    source: '§2(d)',
    level: 'advisory',
    scope: 'table',
    messages: {
      over100: '{{subject}}：执行率 {{stated}} 超过 100%{{money}}。执行数一般不超过调整后的全年预算数，请核对预算数是否含年中追加和上年结转，或执行数是否有误。',
      blank: '{{subject}}：执行率未填写，按执行数 ÷ 预算数计算为 {{rate}}，超过 100%（{{money}}）。执行数一般不超过调整后的全年预算数，请核对预算数是否含年中追加和上年结转。',
    },
  },
  check(ctx) {
    const findings: Finding[] = [];
    for (const t of ctx.tables) {
      if (t.type !== 'PERF_DEPT' && t.type !== 'PERF_PROJECT') continue;
      const moneyRow = moneyLine(ctx.grid(t), t)?.line;
      for (const line of [...t.lines].sort((a, b) => a.row - b.row)) {
        const rateRef = line.cells['执行率'];
        if (!rateRef) continue;
        const budgetRef = line.cells['全年预算数'] ?? line.cells['预算数'];
        const execRef = line.cells['全年执行数'] ?? line.cells['执行数'];
        const a = ctx.read(t, budgetRef);
        const b = ctx.read(t, execRef);
        const inputs = a.kind === 'amount' && b.kind === 'amount' ? { a: a.value, b: b.value } : null;
        const unit = ctx.unitOf(t);
        const money = inputs ? `执行数 ${formatAmount(inputs.b)} ${unit}，预算数 ${formatAmount(inputs.a)} ${unit}` : '';
        const cells = [rateRef, budgetRef, execRef].filter((r): r is CellRef => !!r).map((r) => ctx.pointer(t, r));
        const subject = `${ctx.tableName(t)}${projectName(t, line)} ${line.label.replace(/\s+/g, '')}`;
        const stated = readRate(ctx, t, rateRef);
        if (stated && stated.greaterThan(ONE)) {
          findings.push(createFinding(this.meta, 'over100', { subject: subject, stated: pct(stated), money: money ? `（${money}）` : '' }, { severity: 'warning', cells, expected: null, actual: pct(stated) }));
        } else if (!stated && line !== moneyRow && ctx.read(t, rateRef).kind === 'empty' && inputs && inputs.a.greaterThan(0) && inputs.b.greaterThan(inputs.a)) {
          // a blank rate of the 预算执行 line is PERF.execution-rate's finding (with the rate it should show)
          const rate = inputs.b.div(inputs.a);
          findings.push(createFinding(this.meta, 'blank', { subject: subject, rate: pct(rate), money: money }, { severity: 'warning', cells, expected: pct(rate), actual: null }));
        }
      }
    }
    return findings;
  },
};

function projectName(t: SemanticTable, line: Line): string {
  const name = line.meta?.['项目名称'] ?? t.line('项目名称')?.meta?.text;
  return name ? `（${String(name)}）` : '';
}

/** 79.54% as a fraction: a %-formatted number as stored, text with % as written, a bare number > 2 as a percent. */
function readRate(ctx: RuleContext, t: SemanticTable, ref: CellRef): Decimal | null {
  const cell = rawCell(ctx, t, ref);
  if (!cell || cell.noCachedResult || cell.error) return null;
  const p = parseAmount(cell.value);
  if (p.kind !== 'number') return null;
  if (p.percent || (typeof cell.value === 'number' && cell.numFmt?.includes('%'))) return p.value;
  return p.value.greaterThan(2) ? p.value.div(100) : p.value;
}

function pct(fraction: Decimal): string {
  return `${fraction.times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)}%`;
}
