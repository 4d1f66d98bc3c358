import { refToA1, rangeContains } from '../core/grid/address';
import type { Workbook } from '../core/grid/grid';
import { formatValue, planFills, willWrite } from '../core/fill/plan';
import type { CellWrite, PlannedWrite } from '../core/fill/types';
import type { CellPointer } from '../core/findings';
import { TABLE_TYPE_LABELS } from '../core/tables/type-names';
import type { SemanticTable } from '../core/tables/types';
import type { HostNote } from '../hosts/host';

/**
 * The 填写 panel's view of a fill plan (loaded with the 填写 tab, with the fill planner): every computed cell
 * with what would be written there and what is there now, grouped per table; and the one call that
 * writes a chosen subset. Both hosts use it: the Excel host writes into the open workbook in one
 * sync, the file host returns a new file's bytes.
 */

/** What a target holds today; 'blocked' is a write the plan keeps back (an input left as it is, a blank total). */
export type FillStatus = 'empty' | 'same-value' | 'same-formula' | 'conflict' | 'text-number' | 'blocked';

export interface FillRow {
  /** `sheet!A1`: the row's key, and the label shown. */
  id: string;
  cell: CellPointer;
  quantity: string;
  description: string;
  /** What is written: the formula ("=SUM(C8:C12)"), or null when the value alone is written. */
  formula: string | null;
  /** The computed value as the cell will show it. */
  value: string;
  /** What the cell holds now, as shown ("=SUM(C8:C32)", "103.27"), null when empty. */
  current: string | null;
  status: FillStatus;
  /** Why it is written as a value, kept back, or needs a choice (Chinese), when it does. */
  reason: string | null;
  /** Can be chosen for writing (a conflict only by the user's choice). */
  selectable: boolean;
  /** Chosen at first: what `gongkai fill` writes without --overwrite. */
  preselected: boolean;
}

export interface FillGroup {
  key: string;
  sheet: string;
  /** The table: its 公开表 label or type name, and its title. */
  title: string;
  rows: FillRow[];
}

export interface FillPreview {
  values: boolean;
  groups: FillGroup[];
  counts: Record<FillStatus, number>;
}

export interface FillResult {
  written: number;
  /** The file host's new file (the plain browser downloads it). */
  bytes?: Uint8Array;
  notes: HostNote[];
}

/** What a fill plan is made over and written through: the workbook as read, its tables, the host's write (book.ts). */
export interface FillInputs {
  workbook(): Workbook;
  tables(): readonly SemanticTable[];
  write(writes: readonly CellWrite[], values: boolean): Promise<FillResult>;
}

export interface FillSource {
  /** Plans the fills of the workbook as it is now, formulas or values. */
  preview(values: boolean): FillPreview;
  /** Writes the rows `ids` of the last preview (one host request). */
  apply(ids: readonly string[], values: boolean): Promise<FillResult>;
}

const BLOCKED: Record<NonNullable<PlannedWrite['blockedBy']>, string> = {
  input: '它读取的单元格有冲突未处理，暂不写入（处理后重新打开“填写”）',
  blank: '各项均为空，合计保持空白（表中不印 0）',
};

function reasonOf(p: PlannedWrite, values: boolean): string | null {
  if (p.blockedBy) return BLOCKED[p.blockedBy];
  if (p.status === 'conflict') return p.current?.startsWith('=') ? '单元格中是另一个公式：勾选后才替换' : '表中数值与计算结果不同：勾选后才替换';
  if (p.status === 'same-formula') return '已是此公式';
  if (p.status === 'same-value') return values ? '数值已相同，无需写入' : '数值相同，写入公式后保持联动';
  if (p.status === 'text-number') return '以文本存放的数字改为数值';
  if (p.valueOnlyReason === 'text-inputs') return `读取以文本存放的数字（${(p.textInputs ?? []).join('、')}），Excel 的求和会忽略文本，因此写入数值`;
  if (p.valueOnlyReason === 'circular') return '公式会互相循环引用，因此写入数值';
  return null;
}

function rowOf(p: PlannedWrite, values: boolean): FillRow {
  const address = refToA1(p.ref);
  const status: FillStatus = p.blockedBy ? 'blocked' : p.status;
  const selectable = status !== 'blocked' && status !== 'same-formula' && !(status === 'same-value' && (values || !!p.valueOnlyReason));
  return {
    id: `${p.sheet}!${address}`,
    cell: { sheet: p.sheet, address },
    quantity: p.quantity,
    description: p.description,
    formula: values || p.valueOnly ? null : `=${p.formula}`,
    value: formatValue(p.value, p.valueFormat),
    current: p.current,
    status,
    reason: reasonOf(p, values),
    selectable,
    preselected: selectable && willWrite(p, { values }),
  };
}

const NO_TABLE = '（表外）';

/** The fill plan of a workbook, and the host call that writes a chosen part of it. */
export function fillSource(inputs: FillInputs): FillSource {
  const workbook = () => inputs.workbook();
  const tables = () => inputs.tables();
  let last: { values: boolean; byId: Map<string, PlannedWrite> } | undefined;
  return {
    preview(values) {
      const all = tables();
      const plan = planFills(workbook(), all, { values });
      const byId = new Map<string, PlannedWrite>();
      const groups = new Map<string, FillGroup>();
      const counts: Record<FillStatus, number> = { empty: 0, 'same-value': 0, 'same-formula': 0, conflict: 0, 'text-number': 0, blocked: 0 };
      for (const p of plan.writes) {
        const row = rowOf(p, values);
        byId.set(row.id, p);
        counts[row.status]++;
        const table = all.find((t) => t.sheet === p.sheet && rangeContains(t.range, p.ref.row, p.ref.col));
        const key = table ? `${table.sheet}|${table.range.top}|${table.range.left}` : `${p.sheet}|`;
        let group = groups.get(key);
        if (!group) {
          const title = table ? `${table.label ?? TABLE_TYPE_LABELS[table.type]} ${table.title}` : NO_TABLE;
          groups.set(key, (group = { key, sheet: p.sheet, title, rows: [] }));
        }
        group.rows.push(row);
      }
      last = { values, byId };
      const order = new Map(workbook().sheets.map((g, i) => [g.name, i]));
      const sorted = [...groups.values()].sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0));
      return { values, groups: sorted, counts };
    },
    async apply(ids, values) {
      if (!last || last.values !== values) throw new Error('填写计划已过期，请重新打开“填写”。');
      const writes = ids.map((id) => last?.byId.get(id)).filter((p): p is PlannedWrite => p !== undefined);
      if (writes.length === 0) return { written: 0, notes: [] };
      return inputs.write(writes, values);
    },
  };
}
