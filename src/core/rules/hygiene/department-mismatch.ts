import { createFinding, type Finding } from '../../findings';
import type { SemanticTable } from '../../tables/types';
import type { Rule } from '../types';
import { departmentCell, foldDepartment, tableList } from './support/cells';

/**
 * Tables of one workbook naming different departments (部门/单位名称/主管部门). Names are compared
 * with spaces, full-width forms and "（盖章）" removed; one name containing the other is the same
 * department ("江岸区住房保障和房屋管理局" in "武汉市江岸区住房保障和房屋管理局"). The name agreeing
 * with most tables is the reference (on a tie the longer, fuller name); each table whose name does
 * not agree with it is a warning citing both name cells. Tables naming no department are left out.
 */
export const hygieneDepartmentMismatch: Rule = {
  meta: {
    id: 'HYGIENE.department-mismatch',
    title: '各表部门名称不一致',
    severity: 'warning',
    identity: '同一工作簿中各表所列部门（单位）名称相同（一个名称包含另一个视为相同）',
    tables: [],
    source: 'hygiene',
    level: 'advisory',
    messages: {
      differs: '{{table}} 所列部门为“{{department}}”，而 {{agreeing}} 所列为“{{anchorDepartment}}”：同一套报表应属于同一部门，请确认名称或是否混入了其他单位的表。',
    },
  },
  check(ctx) {
    const named = ctx.tables
      .filter((t): t is SemanticTable & { department: string } => !!t.department)
      .map((t) => ({ table: t, name: foldDepartment(t.department) }))
      .filter((x) => x.name);
    const same = (a: string, b: string) => a.includes(b) || b.includes(a);
    const distinct = [...new Set(named.map((x) => x.name))];
    if (distinct.length < 2) return [];
    const agree = (n: string) => named.filter((x) => same(x.name, n)).length;
    const ref = distinct.sort((a, b) => agree(b) - agree(a) || b.length - a.length)[0];
    const refs = named.filter((x) => x.name === ref);
    const anchor = refs[0].table;
    const anchorCell = departmentCell(ctx, anchor);
    const agreeing = tableList(named.filter((x) => same(x.name, ref)).map((x) => ctx.tableName(x.table)));
    const findings: Finding[] = [];
    for (const x of named) {
      if (same(x.name, ref)) continue;
      const own = departmentCell(ctx, x.table);
      findings.push(createFinding(this.meta, 'differs', { table: ctx.tableName(x.table), department: x.table.department ?? '', agreeing: agreeing, anchorDepartment: anchor.department ?? '' }, { severity: 'warning', cells: [...(own ? [ctx.pointer(x.table, own)] : []), ...(anchorCell ? [ctx.pointer(anchor, anchorCell)] : [])], expected: null, actual: null }));
    }
    return findings;
  },
};
