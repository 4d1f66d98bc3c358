import { createFinding, type Finding } from '../../findings';
import type { SemanticTable } from '../../tables/types';
import type { Rule } from '../types';
import { tableList, yearCell } from './support/cells';

/**
 * Tables of one workbook for different years. The year most tables state is the reference (on a
 * tie: the first table's); each table of another year is an error citing its year cell (the title
 * as a rule) and the reference table's. Tables without a year are left out.
 */
export const hygieneYearMismatch: Rule = {
  meta: {
    id: 'HYGIENE.year-mismatch',
    title: '各表年度不一致',
    severity: 'error',
    identity: '同一工作簿中各表的年度相同',
    tables: [],
    source: 'hygiene',
    level: 'mandatory',
    messages: {
      differs: '{{table}} 是 {{year}} 年度的表，而 {{refNames}} 是 {{otherYear}} 年度：同一套报表各表的年度应相同，请检查是否混入了其他年度的表。',
    },
  },
  check(ctx) {
    const dated = ctx.tables.filter((t): t is SemanticTable & { year: number } => t.year !== null);
    const years = [...new Set(dated.map((t) => t.year))];
    if (years.length < 2) return [];
    const count = (y: number) => dated.filter((t) => t.year === y).length;
    const ref = years.sort((a, b) => count(b) - count(a) || (a === dated[0].year ? -1 : b === dated[0].year ? 1 : 0))[0];
    const refs = dated.filter((t) => t.year === ref);
    const anchor = refs.find((t) => yearCell(ctx, t)) ?? refs[0];
    const anchorCell = yearCell(ctx, anchor);
    const refNames = tableList(refs.map((t) => ctx.tableName(t)));
    const findings: Finding[] = [];
    for (const t of dated) {
      if (t.year === ref) continue;
      const own = yearCell(ctx, t);
      findings.push(createFinding(this.meta, 'differs', { table: ctx.tableName(t), year: t.year, refNames: refNames, otherYear: ref }, { severity: 'error', cells: [...(own ? [ctx.pointer(t, own)] : []), ...(anchorCell ? [ctx.pointer(anchor, anchorCell)] : [])], expected: String(ref), actual: String(t.year) }));
    }
    return findings;
  },
};
