import type { CellRef } from '../grid/address';
import type { Workbook } from '../grid/grid';
import type { FindingSource } from '../findings';
import { WorkbookReader, type CheckSettings } from '../reading';
import type { SemanticTable } from '../tables/types';

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
 * What a rule is given: the workbook reader (readings, lookups, settings) and, for the mutation
 * test, a way to say which cells an identity uses.
 */
export class RuleContext extends WorkbookReader {
  operandListener?: OperandListener;
  /** The rule being run (set by runRules), for the listener. */
  currentRule?: FindingSource;

  constructor(workbook: Workbook, tables: readonly SemanticTable[], settings: Partial<CheckSettings> = {}) {
    super(workbook, tables, settings);
  }

  /** Rules with their own arithmetic call this for each operand, as the identity helpers do. */
  operand(term: Pick<Term, 'table' | 'ref'>): void {
    if (this.operandListener && term.ref) this.operandListener(term.table, term.ref, this.currentRule);
  }
}
