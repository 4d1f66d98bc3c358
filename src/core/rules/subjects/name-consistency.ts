import { createFinding, type Finding } from '../../findings';
import type { Line, SemanticTable } from '../../tables/types';
import type { Rule } from '../types';
import { comparableName, LEDGER_TYPES, nameCell, printedName, SUMMARY_TYPES } from './support/lines';

interface Occurrence {
  table: SemanticTable;
  line: Line;
  name: string;
  printed: string;
  order: number;
}

/**
 * One 科目编码, one 科目名称: a code printed in several tables of the workbook (公开01/04表 类 rows,
 * the 科目 tables, 公开06表) must carry the same name everywhere, compared after folding full-width
 * forms and removing spaces. The name most tables print is taken as the reference; every cell that
 * differs is a finding citing it and a reference cell. A name that is the other one cut short
 * (clipped by a column width) is a warning, any other difference an error.
 */
export const subjectNameConsistency: Rule = {
  meta: {
    id: 'SUBJECT.name-consistency',
    title: '科目名称：同一编码各表一致',
    severity: 'error',
    identity: '同一科目编码在本工作簿各表中的科目名称相同（忽略空格与全角/半角差异）',
    tables: [],
    source: '§2(c)',
    level: 'mandatory',
    messages: {
      differs: '科目 {{code}} 的名称不一致：{{table}} 为“{{printed}}”，{{refTables}} 为“{{refPrinted}}”。同一科目编码在各表中应使用同一名称。',
      clipped: '科目 {{code}} 的名称不一致：{{table}} 为“{{printed}}”，{{refTables}} 为“{{refPrinted}}”（一个是另一个的截断，可能是列宽不够或抄录时截短）。',
    },
  },
  check(ctx) {
    const tables = ctx.tables.filter((t) => LEDGER_TYPES.includes(t.type) || SUMMARY_TYPES.includes(t.type) || t.type === 'GK06');
    const named = (table: SemanticTable, line: Line) => !!line.code && !!nameCell(line) && !!comparableName(table, line);
    // codes printed once cannot differ: counted first, so that only repeated codes are gathered
    const printings = new Map<string, number>();
    for (const table of tables) {
      for (const line of table.lines) if (named(table, line)) printings.set(line.code!, (printings.get(line.code!) ?? 0) + 1);
    }
    const byCode = new Map<string, Occurrence[]>();
    let order = 0;
    for (const table of tables) {
      for (const line of table.lines) {
        if (!named(table, line)) continue;
        if (printings.get(line.code!)! < 2) {
          order++;
          continue;
        }
        const name = comparableName(table, line);
        const list = byCode.get(line.code!) ?? [];
        list.push({ table, line, name, printed: printedName(table, line), order: order++ });
        byCode.set(line.code!, list);
      }
    }
    const findings: Finding[] = [];
    for (const [code, list] of byCode) {
      const counts = new Map<string, Occurrence[]>();
      for (const o of list) counts.set(o.name, [...(counts.get(o.name) ?? []), o]);
      if (counts.size < 2) continue;
      // Reference: the name most cells print; on a tie, the first printed.
      const [refName, refs] = [...counts.entries()].sort((a, b) => b[1].length - a[1].length || a[1][0].order - b[1][0].order)[0];
      const ref = refs[0];
      const refTables = [...new Set(refs.map((o) => ctx.tableName(o.table)))].join('、');
      for (const o of [...list].sort((a, b) => a.order - b.order)) {
        if (o.name === refName) continue;
        const clipped = refName.startsWith(o.name) || o.name.startsWith(refName);
        findings.push(
          createFinding(
            this.meta,
            clipped ? 'clipped' : 'differs',
            { code, table: ctx.tableName(o.table), printed: o.printed, refTables, refPrinted: ref.printed },
            {
              severity: clipped ? 'warning' : this.meta.severity,
              cells: [ctx.pointer(o.table, nameCell(o.line)!), ctx.pointer(ref.table, nameCell(ref.line)!)],
              expected: null,
              actual: null,
            },
          ),
        );
      }
    }
    return findings;
  },
};
