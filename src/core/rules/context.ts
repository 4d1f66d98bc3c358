import type { CellRef } from '../grid/address';
import type { Grid, Workbook } from '../grid/grid';
import type { FindingSource } from '../findings';
import { WorkbookReader, type CheckSettings, type ReadingCache } from '../reading';
import type { SemanticTable, TableType } from '../tables/types';

/** One operand of an identity: a table cell and how to name it in a message. */
export interface Term {
  table: SemanticTable;
  ref: CellRef | undefined;
  label: string;
  /** −1 for a part that is subtracted (年末 = 年初 + 收入 − 支出). */
  sign?: 1 | -1;
}

/** Tells a listener which cells an identity uses (the mutation test learns the operands this way). */
export type OperandListener = (table: SemanticTable, ref: CellRef, rule: FindingSource | undefined) => void;

/**
 * What a rule's result depends on: the sheets whose cells it read, and the table types it looked
 * for ('all' when it walked every table). A live re-check re-runs a rule only when one of these
 * changed.
 */
export interface RuleDependencies {
  sheets: Set<string>;
  types: Set<TableType> | 'all';
}

/**
 * What a rule is given: the workbook reader (readings, lookups, settings), a record of what the
 * rule read (for live re-checks) and, for the mutation test, a way to say which cells an identity
 * uses.
 */
export class RuleContext extends WorkbookReader {
  operandListener?: OperandListener;
  /** The rule being run (set by runRules), for the listener. */
  currentRule?: FindingSource;
  private deps?: RuleDependencies;

  /** What the rule being run has read so far (set by runRules when it tracks dependencies). */
  get dependencies(): RuleDependencies | undefined {
    return this.deps;
  }

  set dependencies(deps: RuleDependencies | undefined) {
    this.deps = deps;
    this.sheetRecorded = undefined;
    // a new record: the next read of any table goes through grid() and is recorded
    this.forgetLastRead();
  }

  /** The sheet grid() recorded last in `dependencies` (rules look up one table's cells in a row). */
  private sheetRecorded?: string;

  constructor(workbook: Workbook, tables: readonly SemanticTable[], settings: Partial<CheckSettings> = {}, cache?: ReadingCache) {
    super(workbook, tables, settings, undefined, cache);
  }

  /** Within-table identities checked and broken per table: a reading that breaks most is doubtful. */
  readonly tallies = new Map<SemanticTable, { checked: number; broken: number }>();

  /** Counts one within-table identity of `table` (the identity helpers call it). */
  tally(table: SemanticTable, broken: boolean): void {
    let t = this.tallies.get(table);
    if (!t) this.tallies.set(table, (t = { checked: 0, broken: 0 }));
    t.checked++;
    if (broken) t.broken++;
  }

  /** Rules with their own arithmetic call this for each operand, as the identity helpers do. */
  operand(term: Pick<Term, 'table' | 'ref'>): void {
    if (this.operandListener && term.ref) this.operandListener(term.table, term.ref, this.currentRule);
  }

  override get tables(): readonly SemanticTable[] {
    if (this.dependencies) this.dependencies.types = 'all';
    return super.tables;
  }

  override tablesOf(type: TableType): SemanticTable[] {
    const deps = this.dependencies;
    if (deps && deps.types !== 'all') deps.types.add(type);
    return super.tablesOf(type);
  }

  override grid(table: SemanticTable): Grid {
    if (this.deps && table.sheet !== this.sheetRecorded) {
      this.deps.sheets.add(table.sheet);
      this.sheetRecorded = table.sheet;
    }
    return super.grid(table);
  }
}
