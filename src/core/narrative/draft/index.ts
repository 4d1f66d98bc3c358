import type { SemanticTable } from '../../tables/types';
import type { Block, NarrativeDraft } from '../blocks';
import type { Fact } from '../types';
import { TableSet, toIndex, type DraftTables, type FactIndex } from './common';
import type { DraftInputs } from './inputs';
import { draftSection1 } from './section-01';
import { draftSection2 } from './section-02';
import { draftSection3 } from './section-03';
import { draftSection4 } from './section-04';
import { draftSection5 } from './section-05';
import { draftSection6 } from './section-06';
import { draftSection7 } from './section-07';
import { draftSection8 } from './section-08';
import { draftSection9 } from './section-09';
import { draftSection10 } from './section-10';
import { draftSection11 } from './section-11';
import { draftSection12 } from './section-12';
import { draftSection13 } from './section-13';

export type { DraftInputs, PurchaseInputs, VehicleInputs } from './inputs';
export { priorFromFacts } from './inputs';
export type { DraftTables, FactIndex, TableSource } from './common';
export {
  draftSection1,
  draftSection2,
  draftSection3,
  draftSection4,
  draftSection5,
  draftSection6,
  draftSection7,
  draftSection8,
  draftSection9,
  draftSection10,
  draftSection11,
  draftSection12,
  draftSection13,
};

const GK = ['GK01', 'GK02', 'GK03', 'GK04', 'GK05', 'GK06', 'GK07', 'GK08', 'GK09'];

/** Year and department from the 公开 tables when the inputs do not give them (the most common value). */
function fromTables(set: TableSet, pick: (t: SemanticTable) => string | number | null): string | number | undefined {
  const counts = new Map<string | number, number>();
  for (const type of GK) for (const t of set.ofType(type as SemanticTable['type'])) {
    const v = pick(t);
    if (v !== null && v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  let best: string | number | undefined;
  for (const [v, n] of counts) if (best === undefined || n > counts.get(best)!) best = v;
  return best;
}

/**
 * The 第三部分 部门决算情况说明 (一 … 十三) drafted from the facts of the tables and the inputs a person
 * supplies (docs/domain.md §4.1, §4.5). `tables` gives what the facts do not carry: the 公开05 项 names and
 * amounts (五's suggestions) and the 项目自评表 (十三); pass the WorkbookReader (or several sources).
 */
export function draftQingkuang(facts: readonly Fact[] | FactIndex, tables: DraftTables | undefined, inputs: DraftInputs = {}): NarrativeDraft {
  const index = toIndex(facts);
  const set = new TableSet(tables);
  const year = inputs.year ?? (fromTables(set, (t) => t.year) as number | undefined);
  const department = inputs.department ?? (fromTables(set, (t) => t.department) as string | undefined);
  const full: DraftInputs = { ...inputs, ...(year !== undefined ? { year } : {}), ...(department ? { department } : {}) };
  const blocks: Block[] = [
    ...draftSection1(index, full),
    ...draftSection2(index, full),
    ...draftSection3(index, full),
    ...draftSection4(index, full),
    ...draftSection5(index, full, tables),
    ...draftSection6(index, full),
    ...draftSection7(index, full),
    ...draftSection8(index, full),
    ...draftSection9(index, full),
    ...draftSection10(index, full),
    ...draftSection11(index, full),
    ...draftSection12(index, full),
    ...draftSection13(index, full, tables),
  ];
  const title = `第三部分 ${department ?? '【部门名称】'} ${year ?? '【年度】'}年度部门决算情况说明`;
  return { title, blocks };
}
