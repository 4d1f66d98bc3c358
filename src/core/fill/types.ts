import type { CellRef } from '../grid/address';
import type { Decimal } from '../money/decimal';
import type { Finding } from '../findings';
import type { SemanticTable } from '../tables/types';
import type { WorkbookReader } from '../reading';

/**
 * One computed cell: the live Excel formula that keeps the workbook correct without the add-in, and
 * the value it evaluates to (written as the formula's cached result, or alone in values mode).
 */
export interface CellWrite {
  sheet: string;
  ref: CellRef;
  /** Formula without the leading "=", in A1 notation on `sheet`. */
  formula: string;
  /** The computed value (a fraction for percentages: 0.7954 for 79.54%). */
  value: Decimal;
  /** The cells the formula reads (on `sheet`): a write whose input is left unfixed is not made. */
  inputs: CellRef[];
  /** Number format to apply, e.g. "0.00%", "0.00", "0". */
  numFmt: string;
  /** Which calculator made it, e.g. "执行率", "得分", "合计". */
  quantity: string;
  /** Plain-Chinese description for listings: "怀化… 年度资金总额 执行率 = 全年执行数 ÷ 全年预算数". */
  description: string;
  /** Write the value without its formula (hosts honour it whatever the mode). */
  valueOnly?: boolean;
}

/** What the target cell holds today, compared with the computed write. */
export type WriteStatus =
  /** Empty: safe to write. */
  | 'empty'
  /** Holds the same value (within display rounding) as a constant: writing the formula changes no number. */
  | 'same-value'
  /** Already holds this very formula. */
  | 'same-formula'
  /** Holds a different value or a different formula: changed only with --overwrite. */
  | 'conflict'
  /** A number stored as text that a formula reads: turned into the number only on request (numbersFromText). */
  | 'text-number';

/**
 * Why a write that would be a formula is written as its value:
 * - 'text-inputs': a cell it reads holds a number as text, which Excel's SUM ignores — the formula
 *   would show a wrong total (0 for a column pasted from a PDF), so the value is written instead;
 * - 'circular': the formulas would refer to one another in a circle.
 */
export type ValueOnlyReason = 'text-inputs' | 'circular';

export interface PlannedWrite extends CellWrite {
  status: WriteStatus;
  /** The current content, as shown ("=SUM(C8:C32)", "103.27", null when empty). */
  current: string | null;
  /** The calculator's own format: the precision values are compared and reported at. */
  valueFormat: string;
  /**
   * Not written: 'input' — an input cell is a conflict left as it is; 'blank' — the cell is blank
   * and so is every cell it sums (the table prints nothing there, and the fill keeps it so).
   */
  blockedBy?: 'input' | 'blank';
  /** Written as a value although formulas were asked for, and why. */
  valueOnlyReason?: ValueOnlyReason;
  /** Text-number inputs that keep this write from being a formula (sheet!A1), for the report. */
  textInputs?: string[];
}

export interface FillOptions {
  /** Write values instead of formulas. */
  values?: boolean;
  /** Replace a different user value or formula (conflicts). */
  overwrite?: boolean;
  /** 0/0 执行率/控制率 convention: the seeds print 100%. */
  zeroOverZero?: '100%' | '0%' | 'blank';
  /** Turn the numbers stored as text that a formula reads into numbers, so the formula can be written. */
  numbersFromText?: boolean;
}

/** A qualitative indicator's suggested score band, for the user to confirm (never written). */
export interface BandSuggestion {
  sheet: string;
  /** The 得分 cell. */
  address: string;
  indicator: string;
  band: 'achieved' | 'partly' | 'not-achieved';
  min: string;
  max: string;
  /** Whether the printed 得分 lies in the band (null when blank). */
  scoreInside: boolean | null;
  message: string;
}

export interface FillPlan {
  writes: PlannedWrite[];
  suggestions: BandSuggestion[];
  /** "computed value differs" findings for conflicts (kept when not overwritten). */
  findings: Finding[];
}

/** A calculator: one computed quantity over the tables it knows. */
export interface Calculator {
  quantity: string;
  /** Chinese name for listings. */
  title: string;
  plan(tables: readonly SemanticTable[], ctx: WorkbookReader): CellWrite[];
}
