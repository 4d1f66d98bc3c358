import { projectCore, projectMatch } from '../resolve';
import { agree, factWan, show, statedWan } from '../relations';
import type { Claim, Fact } from '../types';
import type { NarrativeContext, NarrativeRule } from './context';

const WHOLE = /整体(?:支出)?绩效(?:自评|评价)/;
/** A project called only by what every project has ("工作经费"): its name in another report names nothing. */
const GENERIC_PROJECT = /^(?:工作|业务|专项|项目|日常)?(?:经费|资金|费用|工作经费)$/;
const GENERIC_MONEY = /^(?:资金|涉及资金|金额|资金总额|总金额)?$/;

/**
 * NARRATIVE.subject: a number given to the wrong subject, where the text shows it.
 * - The 部门整体 self-evaluation's 资金 is the department's whole spending; the same figure as the
 *   projects' total ("共涉及项目 7 个，资金 21311.62 万元" … "对7个部门开展整体支出绩效自评，资金21311.62
 *   万元") is the projects' figure given to the whole department.
 * - In one 项目 report of several, a figure named after another report's project ("城市黑臭水体检测费"
 *   report: "汨罗市老旧小区改造专项工作经费项目使用率…") was copied from that report.
 */
export const subject: NarrativeRule = {
  sources: [
    {
      id: 'NARRATIVE.subject',
      title: '数字所说的对象正确',
      severity: 'error',
      messages: {
        wholeIsProjects: '情况说明中部门整体支出绩效自评的资金写作 {{quote}}，与前文{{projectsQuote}}（各项目的资金合计）相同；部门整体支出应为{{whole}}。',
        wholeIsProjectsNoTable: '情况说明中部门整体支出绩效自评的资金写作 {{quote}}，与前文{{projectsQuote}}（各项目的资金合计）相同；请核对部门整体支出的数字。',
        otherProject: '情况说明中这一段属于“{{project}}”的报告，此处的“{{subject}}”却是另一项目“{{other}}”的名称；数字 {{quote}} 可能抄自该项目的报告。',
      },
    },
  ],
  run(ctx: NarrativeContext) {
    const source = this.sources[0];
    wholeIsProjects(ctx, source);
    otherProject(ctx, source);
  },
};

/** The department's whole spending, as the tables hold it (公开05 合计, or the 部门整体 自评表's 执行数). */
function wholeFact(ctx: NarrativeContext): Fact | undefined {
  return ctx.resolver.fact('一般公共预算支出.合计') ?? ctx.resolver.fact('绩效.整体.全年执行数');
}

function wholeIsProjects(ctx: NarrativeContext, source: NarrativeRule['sources'][number]): void {
  for (const c of ctx.claims) {
    if (c.kind !== 'amount' || !WHOLE.test(c.sentence) || /项目/.test(c.sentence.replace(/整体(?:支出)?绩效(?:自评|评价)/g, '')) || !GENERIC_MONEY.test(c.subject)) continue;
    const i = ctx.indexOf(c);
    let projects: Claim | undefined;
    for (let k = i - 1; k >= 0 && k >= i - 100; k--) {
      const x = ctx.claims[k];
      if (x.kind === 'amount' && /项目/.test(x.sentence) && !WHOLE.test(x.sentence) && x.value.equals(c.value)) {
        projects = x;
        break;
      }
    }
    if (!projects) continue;
    const whole = wholeFact(ctx);
    if (whole && agree(statedWan(c), factWan(whole))) continue;
    const projectsQuote = projects.quote.trim();
    if (whole) {
      ctx.report(source, 'wholeIsProjects', { quote: c.quote, projectsQuote, whole: `${whole.derivation} ${show(whole.value, 2)} ${whole.unit}` }, c, { fact: whole, expected: show(whole.value, 2), actual: show(c.value, 2) });
    } else {
      ctx.report(source, 'wholeIsProjectsNoTable', { quote: c.quote, projectsQuote }, c, { expected: null, actual: show(c.value, 2), severity: 'warning' });
    }
  }
}

function otherProject(ctx: NarrativeContext, source: NarrativeRule['sources'][number]): void {
  const projects = [...new Set(ctx.claims.map((c) => c.project).filter((p): p is string => !!p))];
  if (projects.length < 2) return;
  const memo = new Map<string, boolean>();
  for (const c of ctx.claims) {
    if (!c.project || ctx.reported.has(c) || c.subject.length < 4) continue;
    // one subject, one answer: the reports repeat their sentences
    const key = `${c.project}|${c.subject}`;
    if (memo.get(key) === false) continue;
    if (projectMatch(c.subject, c.project) > 0) {
      memo.set(key, false);
      continue;
    }
    // the subject names the other project whole ("汨罗市老旧小区改造专项工作经费项目使用率" names 老旧小区改造),
    // not just shares a word with it ("消除质量安全隐患" and 质量安全监督管理)
    const scored = projects
      .filter((p) => p !== c.project && !GENERIC_PROJECT.test(projectCore(p)))
      .map((p) => ({ p, n: projectMatch(c.subject, p) }))
      .filter((x) => x.n >= Math.max(4, Math.ceil(projectCore(x.p).length * 0.8)))
      .sort((a, b) => b.n - a.n);
    if (scored.length === 0 || (scored.length > 1 && scored[1].n === scored[0].n)) {
      memo.set(key, false);
      continue;
    }
    ctx.report(source, 'otherProject', { project: c.project, subject: c.subject, other: scored[0].p, quote: c.quote }, c, { expected: null, actual: c.quote, severity: 'warning' });
  }
}
