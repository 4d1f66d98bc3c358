import { fromA1 } from '../grid/address';
import { rangeContains } from '../grid/address';
import type { SemanticTable } from '../tables/types';
import type { Finding } from './types';

/**
 * Stable finding ids: the rule and the semantic place of the finding's first cell — the table (its
 * type, and its sheet when the workbook holds several of that type), the line key and the column
 * key (`LEDGER.row-sum|GK02|科目.2210201|合计`). Rows inserted above a table, or inside it, move the
 * cells but not their keys, so the id survives; two findings at one place get #2, #3 in order.
 * Narrative findings are placed by section and quote.
 */
export function assignIds(findings: Finding[], tables: readonly SemanticTable[]): void {
  const perType = new Map<string, number>();
  for (const t of tables) perType.set(t.type, (perType.get(t.type) ?? 0) + 1);
  const tableKey = (t: SemanticTable) => {
    if (perType.get(t.type) === 1) return t.type;
    const onSheet = tables.filter((x) => x.sheet === t.sheet && x.type === t.type);
    return onSheet.length > 1 ? `${t.type}:${t.sheet}#${onSheet.indexOf(t) + 1}` : `${t.type}:${t.sheet}`;
  };
  const taken = new Set(findings.filter((f) => f.id).map((f) => f.id));
  for (const f of findings) {
    if (f.id) continue;
    const base = `${f.rule}|${placeOf(f, tables, tableKey)}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}#${n}`;
    taken.add(id);
    f.id = id;
  }
}

function placeOf(f: Finding, tables: readonly SemanticTable[], tableKey: (t: SemanticTable) => string): string {
  if (f.source === 'narrative') return `说明|${f.location?.heading ?? ''}|${f.quote ?? ''}`;
  const first = f.cells[0];
  if (!first) return '工作簿';
  let ref;
  try {
    ref = fromA1(first.address);
  } catch {
    return `${first.sheet}!${first.address}`;
  }
  const table = tables.find((t) => t.sheet === first.sheet && rangeContains(t.range, ref.row, ref.col));
  if (!table) return `${first.sheet}!${first.address}`;
  const role = table.locate(ref);
  if (role) return `${tableKey(table)}|${role.line.key}|${role.column}`;
  // a cell outside the table's roles (a header weight, say): its place relative to the table
  return `${tableKey(table)}|@${ref.row - table.range.top},${ref.col - table.range.left}`;
}
