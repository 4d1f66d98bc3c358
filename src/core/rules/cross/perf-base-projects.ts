import { createFinding, type Finding } from '../../findings';
import { perfTableName } from '../../tables/perf-structure';
import type { Line, SemanticTable } from '../../tables/types';
import type { RuleContext } from '../context';
import type { Rule, RuleMeta } from '../types';
import { COMPARE_MESSAGES, cell, compare } from './lib/compare';

/**
 * 基础数据表 project rows (专项 under 项目支出 / 专项资金 / 县级专项资金) against the 项目支出绩效自评表 of
 * the same project: 本年预算数 = the project's 年初预算数 or 全年预算数, 本年决算数 = its 全年执行数. The
 * two are joined by name with tolerance for the small differences of wording the seeds show (汨罗
 * "质量安全监督管专项" / "质量安全监督管理专项", "2023年危房鉴定经费" / "危房鉴定经费"): the best match by
 * character bigrams, taken only when it is clearly the best. A project left blank on one side while
 * the other has an amount is a warning (an omission), a different amount an error.
 */
export const perfBaseProjects: Rule = {
  meta: {
    id: 'PERF_BASE-PERF_PROJECT.amounts',
    title: '绩效评价基础数据表与项目支出绩效自评表：各项目金额一致',
    severity: 'error',
    identity: '基础数据表所列各专项的本年预算数 = 该项目自评表的年初预算数或全年预算数；本年决算数 = 该项目自评表的全年执行数（按项目名称对应）',
    tables: ['PERF_BASE', 'PERF_PROJECT'],
    source: 'PERF_BASE-PERF_PROJECT',
    level: 'mandatory',
    messages: {
      ...COMPARE_MESSAGES,
      unmatched: '基础数据表列有项目“{{name}}”，但工作簿中没有名称相近的项目支出绩效自评表，未能核对其金额。',
    },
  },
  check(ctx) {
    const base = ctx.only('PERF_BASE');
    if (!base) return [];
    const projects = ctx.tablesOf('PERF_PROJECT').map((t) => ({ t, name: projectName(t) })).filter((p) => p.name);
    if (projects.length === 0) return [];
    const rows = base.lines.filter((l) => l.key.startsWith('专项.'));
    const out: Finding[] = [];
    for (const row of rows) {
      const name = row.key.slice(3);
      const match = bestMatch(name, projects);
      if (!match) {
        if (hasAmount(ctx, base, row)) out.push(createFinding(this.meta, 'unmatched', { name }, { severity: 'info', cells: row.labelCell ? [ctx.pointer(base, row.labelCell)] : [], expected: null, actual: null }));
        continue;
      }
      out.push(...pair(ctx, this.meta, base, row, match));
    }
    return out;
  },
};

function projectName(t: SemanticTable): string {
  return String(t.line('项目名称')?.meta?.text ?? '').replace(/\s+/g, '');
}

function hasAmount(ctx: RuleContext, t: SemanticTable, l: Line): boolean {
  return ['预算数', '决算数'].some((k) => ctx.read(t, l.cells[k]).kind === 'amount');
}

/** A project's name without what varies between the two tables: years, the place, 项目/专项/经费 words. */
function core(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^\d{4}年(度)?/, '')
    .replace(/^[\u4e00-\u9fff]{2,3}[市县区]/, '')
    .replace(/(专项)?(资金|经费|费用|项目)$/, '');
}

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out.length ? out : [s];
}

function similarity(a: string, b: string): number {
  const x = bigrams(core(a));
  const y = bigrams(core(b));
  const pool = [...y];
  let common = 0;
  for (const g of x) {
    const i = pool.indexOf(g);
    if (i >= 0) {
      common++;
      pool.splice(i, 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

/** The project whose name is most like `name`, when it is clearly so (≥ 0.5, and ahead of the next by 0.15). */
function bestMatch(name: string, projects: readonly { t: SemanticTable; name: string }[]): SemanticTable | null {
  const scored = projects.map((p) => ({ t: p.t, s: similarity(name, p.name) })).sort((a, b) => b.s - a.s);
  const [first, second] = scored;
  if (!first || first.s < 0.5) return null;
  if (second && first.s - second.s < 0.15) return null;
  return first.t;
}

function pair(ctx: RuleContext, meta: RuleMeta, base: SemanticTable, row: Line, project: SemanticTable): Finding[] {
  const total = project.line('年度资金总额');
  if (!total) return [];
  const name = row.key.slice(3);
  const out: Finding[] = [];
  const side = (label: string) => `${perfTableName(project)} ${label}`;
  // 预算数: either of the project's budgets may be what the 基础数据表 quotes
  const budget = ctx.read(base, row.cells['预算数']);
  const opening = ctx.read(project, total.cells['年初预算数']);
  const yearly = ctx.read(project, total.cells['全年预算数']);
  const same = (a: typeof budget, b: typeof budget) => a.kind === 'amount' && b.kind === 'amount' && a.value.equals(b.value);
  if (!(same(budget, opening) || same(budget, yearly))) {
    const target = yearly.kind === 'amount' ? { ref: total.cells['全年预算数'], label: '全年预算数' } : { ref: total.cells['年初预算数'], label: '年初预算数' };
    out.push(...withBlankAsWarning(ctx, meta, base, row, '预算数', project, target.ref, side(target.label), `项目“${name}” 本年预算数`));
  }
  out.push(...withBlankAsWarning(ctx, meta, base, row, '决算数', project, total.cells['全年执行数'], side('全年执行数'), `项目“${name}” 本年决算数`));
  return out;
}

function withBlankAsWarning(
  ctx: RuleContext,
  meta: RuleMeta,
  base: SemanticTable,
  row: Line,
  column: string,
  project: SemanticTable,
  ref: Line['cells'][string] | undefined,
  label: string,
  subject: string,
): Finding[] {
  const a = ctx.read(base, row.cells[column]);
  const b = ctx.read(project, ref);
  const blankOnOneSide = (a.kind === 'empty') !== (b.kind === 'empty');
  const found = compare(ctx, meta, cell(base, row.cells[column], `${row.key.slice(3)}“${column}”`), cell(project, ref, label), { subject });
  if (blankOnOneSide) for (const f of found) f.severity = 'warning';
  return found;
}
