/**
 * A finding is data: which rule, how severe, where (cells, and a stable id that survives inserted
 * rows and re-checks), what was expected and found, the likely culprit, and the message as a
 * message id with its data, rendered into Chinese from the rule's own catalog.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface CellPointer {
  sheet: string;
  /** A1 address on `sheet`. */
  address: string;
  /**
   * The file the cell is in, when it is not the workbook at hand (a 情况说明's 十三 drafted from the
   * department's 绩效 workbook beside its 公开 one). Absent: the workbook at hand.
   */
  book?: string;
}

/** Values a message template is filled with. */
export type MessageData = Record<string, string | number>;

/** Where a narrative finding is in its text. */
export interface TextLocation {
  /** 1-based paragraph (non-empty line block) and line of the text. */
  paragraph: number;
  line: number;
  /** The section heading the claim is under ("五、一般公共预算财政拨款支出决算情况"), when there is one. */
  heading?: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  cells: CellPointer[];
  expected: string | null;
  actual: string | null;
  /** The rendered message (Chinese), without the likely-culprit sentence (see `likely`). */
  message: string;
  /**
   * Stable id: the rule and the semantic place of the finding ("LEDGER.row-sum|GK02|科目.2210201|合计"),
   * not its cells, so that it survives inserted rows, re-checks and saving. Set by the analysis.
   */
  id?: string;
  /** The message's id in the rule's catalog, and the data it was rendered with. */
  messageId?: string;
  data?: MessageData;
  /** The difference (actual − expected) as a decimal string. */
  difference?: string;
  /** A difference within the rounding envelope (尾差); always a warning. */
  rounding?: boolean;
  /** The cell the other identities point at as most likely wrong (blame localization). */
  likely?: CellPointer;
  /** The value a cell would need for the finding to go away, when one cell alone can fix it. */
  fix?: { cell: CellPointer; value: string };
  source?: 'narrative';
  quote?: string;
  /** Narrative findings: where the quote is. */
  location?: TextLocation;
  /** Narrative: a number that could not be tied to a table or another number (listed, not checked). */
  unresolved?: boolean;
}

export const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sorts most severe first (a stable sort keeps the given order within a severity). */
export function bySeverity(a: { severity: Severity }, b: { severity: Severity }): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
}

export const cellLabel = (p: CellPointer): string => `${p.sheet}!${p.address}`;
