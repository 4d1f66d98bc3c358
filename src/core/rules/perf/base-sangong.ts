import type { Finding } from '../../findings';
import type { SemanticTable } from '../../tables/types';
import type { RuleContext, Term } from '../context';
import type { Rule } from '../types';
import { classifyDifference } from '../../money/tolerance';
import { IDENTITY_MESSAGES, sumIdentity } from '../lib/identity';

const CAR_PARTS = ['公车购置', '公车运行维护'];

/**
 * 基础数据表 三公经费, per column (上年决算数, 预算数, 决算数): 三公经费 = 公务用车购置和维护经费 + 出国经费 +
 * 公务接待; 公务用车购置和维护经费 = 公车购置 + 公车运行维护.
 * When the 公务用车 subtotal is blank or disagrees with its own parts (汨罗 leaves it blank, or 0 beside
 * 公车运行维护 3), that is reported once by the inner identity, and the outer one uses 公车购置 + 公车运行维护
 * in its place, so one wrong cell does not make two errors.
 */
export const baseSangong: Rule = {
  meta: {
    id: 'BASE.sangong',
    title: '基础数据表：三公经费合计',
    severity: 'error',
    identity:
      '各列（上年决算数、预算数、决算数）：三公经费 = 公务用车购置和维护经费 + 出国经费 + 公务接待；公务用车购置和维护经费 = 公车购置 + 公车运行维护',
    tables: ['PERF_BASE'],
    source: 'A23',
    level: 'mandatory',
    scope: 'table',
    messages: { ...IDENTITY_MESSAGES, carFromParts: '（公务用车购置和维护经费一行空缺或与其明细不符，此处以公车购置 + 公车运行维护代替。）' },
  },
  check(ctx) {
    return ctx.tablesOf('PERF_BASE').flatMap((t) => t.columns.filter((c) => c.group === '经费控制情况').flatMap((c) => column(ctx, this, t, c.key)));
  },
};

function column(ctx: RuleContext, rule: Rule, t: SemanticTable, col: string): Finding[] {
  const term = (key: string): Term => ({ table: t, ref: t.cell(key, col), label: key });
  const colName = t.column(col)?.label ?? col;
  const out: Finding[] = [];
  const car = term('公务用车购置和维护经费');
  const carParts = CAR_PARTS.filter((k) => t.line(k)).map(term);
  if (t.line('公务用车购置和维护经费') && carParts.length) {
    out.push(...sumIdentity(ctx, rule.meta, car, carParts, `${colName}列`));
  }
  if (t.line('三公经费')) {
    const rest = ['出国经费', '公务接待'].filter((k) => t.line(k)).map(term);
    const useParts = carParts.length > 0 && !t.line('公务用车购置和维护经费') ? true : carParts.length > 0 && !carConsistent(ctx, car, carParts);
    const parts = useParts ? [...carParts, ...rest] : [...(t.line('公务用车购置和维护经费') ? [car] : []), ...rest];
    out.push(...sumIdentity(ctx, rule.meta, term('三公经费'), parts, `${colName}列`, { noteId: useParts ? 'carFromParts' : undefined }));
  }
  return out;
}

/** The printed 公务用车 subtotal is filled and agrees with its parts (within 尾差). */
function carConsistent(ctx: RuleContext, car: Term, parts: Term[]): boolean {
  const r = ctx.read(car.table, car.ref);
  if (r.kind !== 'amount') return r.kind === 'unknown' || parts.every((p) => ctx.read(p.table, p.ref).kind !== 'amount');
  let sum = r.value.minus(r.value);
  for (const p of parts) {
    const pr = ctx.read(p.table, p.ref);
    if (pr.kind === 'unknown') return true;
    if (pr.kind === 'amount') sum = sum.plus(pr.value);
  }
  return classifyDifference(r.value.minus(sum), parts.length, ctx.settings.tolerance) !== 'error';
}
