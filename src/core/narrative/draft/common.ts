/**
 * Shared machinery of the 情况说明 drafters: runs, number printing, year-over-year sentences,
 * shares of a partition (each rounded on its own), the 类 with the largest change, and reading the tables
 * a drafter needs beside the facts (公开05 项 rows, 项目自评表).
 *
 * Printing (docs/domain.md §0.2 and the 江岸 seed): amounts in 万元 and percentages with 2 decimals, half up,
 * no thousands separators; a value that is exactly whole prints without decimals ("12万元", "0万元",
 * "100%") unless DraftInputs.wholeNumbers is 'fixed'.
 */
import { refToA1, type CellRef } from '../../grid/address';
import { Decimal, ZERO } from '../../money/decimal';
import type { CellPointer } from '../../findings';
import { printedWan } from '../printed';
import { WorkbookReader } from '../../reading';
import { functionalClassName } from '../../catalog/functional-classes';
import type { SemanticTable, TableType } from '../../tables/types';
import type { Block, Run } from '../blocks';
import { factIndex } from '../facts';
import type { Fact } from '../types';
import type { DraftInputs } from './inputs';

export type FactIndex = ReturnType<typeof factIndex>;

export function toIndex(facts: readonly Fact[] | FactIndex): FactIndex {
  return Array.isArray(facts) ? factIndex(facts as Fact[]) : (facts as FactIndex);
}

// ---------------------------------------------------------------------------------------------
// Tables beside the facts

/** Recognized tables and the reader of their cells (a WorkbookReader is one). */
export interface TableSource {
  readonly tables: readonly SemanticTable[];
  /** The file of these tables when it is not the workbook being drafted (cells then name it). */
  readonly book?: string;
  /** The reader of the cells, when a drafter needs more than amounts (the 自评表's scores). */
  readonly reader?: WorkbookReader;
  /** An amount in 万元 (empty = 0), undefined when the cell is no number (WorkbookReader.wan). */
  wan?(table: SemanticTable, ref: CellRef | undefined): Decimal | undefined;
}

/** Bare tables (labels only: no amounts), one source, or several (e.g. the 公开 and the 绩效 workbook). */
export type DraftTables = readonly SemanticTable[] | TableSource | readonly TableSource[];

export class TableSet {
  private readonly entries: { table: SemanticTable; source?: TableSource }[] = [];

  constructor(src?: DraftTables) {
    if (!src) return;
    const list: readonly (SemanticTable | TableSource)[] = Array.isArray(src) ? (src as readonly (SemanticTable | TableSource)[]) : [src as TableSource];
    for (const x of list) {
      if ('tables' in x) for (const t of x.tables) this.entries.push({ table: t, source: x });
      else this.entries.push({ table: x });
    }
  }

  ofType(type: TableType): SemanticTable[] {
    return this.entries.filter((e) => e.table.type === type).map((e) => e.table);
  }

  /** The table of a type when there is exactly one. */
  only(type: TableType): SemanticTable | undefined {
    const list = this.ofType(type);
    return list.length === 1 ? list[0] : undefined;
  }

  canRead(table: SemanticTable): boolean {
    return !!this.entries.find((e) => e.table === table)?.source?.wan;
  }

  /** The amount of a cell in 万元 (empty = 0); undefined when it cannot be read or is no number. */
  amount(table: SemanticTable, ref: CellRef | undefined): Decimal | undefined {
    const source = this.entries.find((e) => e.table === table)?.source;
    if (!source?.wan || !ref) return undefined;
    return source.wan(table, ref);
  }

  pointer(table: SemanticTable, ref: CellRef): CellPointer {
    const book = this.sourceOf(table)?.book;
    return book ? { sheet: table.sheet, address: refToA1(ref), book } : { sheet: table.sheet, address: refToA1(ref) };
  }

  /** The source a table came from (its reader, its file), when it was given with one. */
  sourceOf(table: SemanticTable): TableSource | undefined {
    return this.entries.find((e) => e.table === table)?.source;
  }

  /** The reader of a table's cells (the source itself when it is a WorkbookReader). */
  readerOf(table: SemanticTable): WorkbookReader | undefined {
    const source = this.sourceOf(table);
    return source?.reader ?? (source instanceof WorkbookReader ? source : undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Runs and blocks

export function text(s: string): Run {
  return { type: 'text', text: s };
}

export function num(printed: string, factKey: string, cells: CellPointer[]): Run {
  return { type: 'number', text: printed, factKey, cells: [...cells] };
}

export function slot(kind: 'reason' | 'use' | 'input', label: string, filled = '', suggestion = false): Run {
  return { type: 'slot', kind, label, text: filled, suggestion: suggestion && filled !== '' };
}

export type Piece = Run | string | readonly (Run | string)[];

/** A paragraph; adjacent text runs are merged, empty ones dropped. */
export function para(...parts: Piece[]): Block {
  const runs: Run[] = [];
  for (const p of parts.flat<readonly Piece[]>()) {
    const r = typeof p === 'string' ? text(p) : p;
    if (r.type === 'text') {
      if (!r.text) continue;
      const last = runs[runs.length - 1];
      if (last?.type === 'text') {
        runs[runs.length - 1] = text(last.text + r.text);
        continue;
      }
    }
    runs.push(r);
  }
  return { type: 'paragraph', runs };
}

export function heading(level: 1 | 2 | 3, s: string): Block {
  return { type: 'heading', level, text: s };
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** A fact's value in 万元 as the draft prints it (see printedWan: shares, rates and changes are computed from it). */
export function wan(f: Fact): Decimal {
  return printedWan(f);
}

/** How the reports print a number: 2 decimals half up; exactly whole values plain ("12", "0", "100") unless wholeNumbers is 'fixed'. */
export function fmt(exact: Decimal, inputs: DraftInputs): string {
  const r = exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  if (inputs.wholeNumbers !== 'fixed' && exact.isInteger() && r.equals(exact)) return exact.toFixed(0);
  return r.toFixed(2);
}

export const HUNDRED = new Decimal(100);

/** A percentage part ÷ whole × 100, or undefined when the whole is 0. */
export function pct(part: Decimal, whole: Decimal): Decimal | undefined {
  return whole.isZero() ? undefined : part.div(whole).times(HUNDRED);
}

/** The printed amount of a fact as a number run, or an input slot when the tables did not give it. */
export function amountRun(facts: FactIndex, key: string, inputs: DraftInputs, missing: string): Run {
  const f = facts.byKey(key);
  return f ? num(fmt(wan(f), inputs), key, f.cells) : slot('input', `${missing}（表中未找到）`);
}

/** A value a person supplied (not from the tables): a filled input slot, so its origin stays visible. */
export function givenRun(label: string, value: Decimal | number | undefined, inputs: DraftInputs): Run {
  if (value === undefined) return slot('input', label);
  return slot('input', label, typeof value === 'number' ? String(value) : fmt(value, inputs));
}

// ---------------------------------------------------------------------------------------------
// Year and department

export function yearRun(inputs: DraftInputs): Run {
  return inputs.year !== undefined ? text(String(inputs.year)) : slot('input', '年度');
}

/** "2023年度" or "上年度". */
export function prevYear(inputs: DraftInputs): string {
  return inputs.year !== undefined ? `${inputs.year - 1}年度` : '上年度';
}

export function departmentRun(inputs: DraftInputs): Run {
  return inputs.department ? text(inputs.department) : slot('input', '部门名称');
}

// ---------------------------------------------------------------------------------------------
// Changes against the prior year or a budget

export interface ChangeSpec {
  /** The current value. */
  fact: Fact;
  /** The value compared with (prior year or 年初预算), in 万元; undefined when not supplied. */
  base: Decimal | undefined;
  /** Text before the change: "与2023年度相比，收、支总计各", "比2023年度决算数", "较上年". */
  lead: string;
  /** The whole clause when the change is 0: "与2023年度相比，收、支总计持平". */
  zero: string;
  /** The clause when `base` is unknown (with the input slot). */
  missing: (string | Run)[];
  /** Whether the sentence states the rate (增长 r%). Default true. */
  rate?: boolean;
  /** Key suffix of the derived numbers: '较上年' (default) or '较年初预算'. */
  against?: string;
  /** Between the change and the rate: "，" (default). */
  between?: string;
}

export interface Change {
  runs: Run[];
  /** current − base, in 万元; undefined when the base is unknown. */
  delta?: Decimal;
  /** Whether the change prints as zero (持平 / 相同). */
  flat: boolean;
}

/**
 * "{lead}{增加|减少}{|Δ|}万元，{增长|下降}{r}%": words agree with the sign; |Δ| that prints as 0.00
 * is 持平 (no rate); the rate is |Δ| ÷ base (none when the base is 0). Without a base: `missing`.
 */
export function change(spec: ChangeSpec, inputs: DraftInputs): Change {
  const { fact, base } = spec;
  if (base === undefined) return { runs: spec.missing.map((m) => (typeof m === 'string' ? text(m) : m)), flat: false };
  const delta = wan(fact).minus(base);
  if (delta.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).isZero()) return { runs: [text(spec.zero)], delta, flat: true };
  const key = `${fact.key}/${spec.against ?? '较上年'}`;
  const up = delta.isPositive();
  const runs: Run[] = [text(spec.lead), num(up ? '增加' : '减少', key, fact.cells), num(fmt(delta.abs(), inputs), key, fact.cells), text('万元')];
  const r = spec.rate === false ? undefined : pct(delta.abs(), base.abs());
  if (r !== undefined) {
    const rk = `${key}幅度`;
    runs.push(text(spec.between ?? '，'), num(up ? '增长' : '下降', rk, fact.cells), num(`${fmt(r, inputs)}%`, rk, fact.cells));
  }
  return { runs, delta, flat: false };
}

/** The input slot that stands for a missing prior-year value. */
export function priorSlot(what: string): Run {
  return slot('input', `上年数（${what}，万元）`);
}

// ---------------------------------------------------------------------------------------------
// Shares of a partition

export interface Shares {
  /** The printed share of each part (without "%"). */
  texts: string[];
}

/**
 * Shares of parts in a whole, each rounded on its own (half up, 0.01): a share printed for an item is
 * that item's share, even when the printed shares then add to 99.99% or 100.01% (a largest-remainder
 * adjustment would print a figure that is wrong for its own item). A share that would print as 0.00%
 * gets the decimals that show it (0.50 of 22854.27 is 0.002%, never "占0.00%").
 */
export function partitionShares(parts: Decimal[], whole: Decimal, inputs: DraftInputs): Shares {
  return { texts: parts.map((p) => shareText(pct(p, whole) ?? ZERO, inputs)) };
}

/** A percentage as printed: 2 decimals, or up to 4 for a small non-zero share that 2 would print as 0. */
export function shareText(exact: Decimal, inputs: DraftInputs): string {
  if (!exact.isZero()) {
    for (let dp = 2; dp <= 4; dp++) {
      const r = exact.toDecimalPlaces(dp, Decimal.ROUND_HALF_UP);
      if (!r.isZero()) return dp === 2 ? fmt(exact, inputs) : r.toFixed(dp);
    }
  }
  return fmt(exact, inputs);
}

// ---------------------------------------------------------------------------------------------
// The 类 behind a change (reason suggestions)

export interface ClassChange {
  code: string;
  /** "住房保障支出" */
  label: string;
  delta: Decimal;
}

/**
 * The 类 whose change from the prior year is largest in the direction of the total's change (any
 * direction when `direction` is 0), from the facts "<prefix><code>" and the prior values under the
 * same keys. Undefined when no prior 类 value is supplied.
 */
export function largestClassChange(facts: FactIndex, prefix: string, inputs: DraftInputs, direction: number): ClassChange | undefined {
  const re = new RegExp(`^${prefix.replace(/\./g, '\\.')}(\\d{3})$`);
  const prior = inputs.prior ?? {};
  const priorCodes = Object.keys(prior)
    .map((k) => re.exec(k)?.[1])
    .filter((c): c is string => !!c);
  if (priorCodes.length === 0) return undefined;
  const current = new Map<string, Fact>();
  for (const f of facts.all) {
    const m = re.exec(f.key);
    if (m && !current.has(m[1])) current.set(m[1], f);
  }
  const codes = [...new Set([...current.keys(), ...priorCodes])];
  let best: ClassChange | undefined;
  for (const code of codes) {
    const f = current.get(code);
    const delta = (f ? wan(f) : ZERO).minus(prior[`${prefix}${code}`] ?? ZERO);
    if (delta.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).isZero()) continue;
    if (direction !== 0 && delta.s !== Math.sign(direction)) continue;
    if (!best || delta.abs().gt(best.delta.abs())) best = { code, label: f?.label ?? functionalClassName(code) ?? `类${code}`, delta };
  }
  return best;
}

/** "住房保障支出增加12185.80万元" (the name as the sentence wants it). */
export function classChangeText(c: ClassChange, name: string, inputs: DraftInputs): string {
  return `${name}${c.delta.isPositive() ? '增加' : '减少'}${fmt(c.delta.abs(), inputs)}万元`;
}

/** "住房保障支出" → "住房保障". */
export function shortClass(label: string): string {
  return label.replace(/支出$/, '') || label;
}

/** A reason slot: pre-filled with the 类 of the largest change when the numbers allow. */
export function reasonSlot(facts: FactIndex, prefix: string, inputs: DraftInputs, delta: Decimal | undefined, name: (label: string) => string): Run {
  const c = delta === undefined ? undefined : largestClassChange(facts, prefix, inputs, delta.s ?? 0);
  return c ? slot('reason', '主要原因', classChangeText(c, name(c.label), inputs), true) : slot('reason', '主要原因');
}

/**
 * "{年}年度{name}{X}万元，与{年-1}年度相比，{name}{增加|减少}{Δ}万元，{增长|下降}{r}%，主要原因是{…}。"
 * — the opening sentence of 二 and 三 (收入合计, 支出合计). Without a prior value the change is a slot.
 */
export function totalWithChange(facts: FactIndex, inputs: DraftInputs, key: string, name: string): Piece[] {
  const total = facts.byKey(key);
  const py = prevYear(inputs);
  const head: Piece[] = [yearRun(inputs), `年度${name}`, amountRun(facts, key, inputs, name), '万元，'];
  if (total) {
    const c = change(
      {
        fact: total,
        base: inputs.prior?.[key],
        lead: `与${py}相比，${name}`,
        zero: `与${py}相比，${name}持平`,
        missing: [`与${py}相比，${name}`, priorSlot(`${py}${name}`)],
      },
      inputs,
    );
    head.push(c.runs);
    if (!c.flat) head.push('，主要原因是', reasonSlot(facts, '支出.类.', inputs, c.delta, shortClass));
  } else {
    head.push(`与${py}相比，${name}`, priorSlot(`${py}${name}`), '，主要原因是', reasonSlot(facts, '支出.类.', inputs, undefined, shortClass));
  }
  head.push('。');
  return head;
}
