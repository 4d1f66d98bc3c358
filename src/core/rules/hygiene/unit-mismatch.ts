import type { CellRef } from '../../grid/address';
import { createFinding, type Finding } from '../../findings';
import type { SemanticTable } from '../../tables/types';
import type { Rule } from '../types';
import { isGk, statedUnit, tableList } from './support/cells';

/**
 * Tables of one workbook stating different units (元 vs 万元). The unit most tables state is the
 * reference (on a tie: the unit of the first 决算 table); each table stating the other is an error
 * citing its unit cell (or its title when no unit cell is found) and the reference table's. Tables
 * stating no unit are left out. The cross-table rules convert or skip; this rule says why.
 */
export const hygieneUnitMismatch: Rule = {
  meta: {
    id: 'HYGIENE.unit-mismatch',
    title: '各表金额单位不一致',
    severity: 'error',
    identity: '同一工作簿中各表的金额单位相同（均为万元或均为元）',
    tables: [],
    source: 'hygiene',
    level: 'mandatory',
    messages: {
      differs: '{{table}} 的金额单位是“{{unit}}”，而 {{refNames}} 的金额单位是“{{otherUnit}}”。同一套报表的金额单位应一致；元与万元相差 10000 倍，跨表核对前须统一单位。',
    },
  },
  check(ctx) {
    const stated: { table: SemanticTable; unit: string; cell: CellRef | null }[] = [];
    for (const table of ctx.tables) {
      const u = statedUnit(ctx, table);
      if (u) stated.push({ table, ...u });
    }
    const units = [...new Set(stated.map((s) => s.unit))];
    if (units.length < 2) return [];
    const count = (u: string) => stated.filter((s) => s.unit === u).length;
    const firstGk = stated.find((s) => isGk(s.table)) ?? stated[0];
    const ref = units.sort((a, b) => count(b) - count(a) || (a === firstGk.unit ? -1 : b === firstGk.unit ? 1 : 0))[0];
    const refs = stated.filter((s) => s.unit === ref);
    const anchor = refs.find((s) => s.cell) ?? refs[0];
    const refNames = tableList(refs.map((s) => ctx.tableName(s.table)));
    const findings: Finding[] = [];
    for (const s of stated) {
      if (s.unit === ref) continue;
      findings.push(createFinding(this.meta, 'differs', { table: ctx.tableName(s.table), unit: s.unit, refNames: refNames, otherUnit: ref }, { severity: 'error', cells: [...(s.cell ? [ctx.pointer(s.table, s.cell)] : []), ...(anchor.cell ? [ctx.pointer(anchor.table, anchor.cell)] : [])], expected: null, actual: null }));
    }
    return findings;
  },
};
