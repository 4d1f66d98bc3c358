/**
 * The seam between the engine and wherever a workbook lives. The task pane and the CLI talk to the
 * core and to one of these, never to Office.js or to a file format directly:
 *
 * - the .xlsx file host (hosts/xlsx/file-host.ts): a file's bytes in, a new file's bytes out — the
 *   CLI, and the pane in a plain browser (WPS users);
 * - the Excel host (hosts/excel/): the workbook open in Excel, read and written through Office.js;
 * - the document hosts (hosts/word/): a narrative draft as a .docx file, or into the open document.
 *
 * A host reads the whole workbook into the core's grid model in one go and applies a plan — the
 * fills, the marks of the findings — in one go: the few round trips a live host can afford.
 */
import type { CellWrite } from '../core/fill/types';
import type { CellPointer, Finding } from '../core/findings';
import type { Grid, Workbook } from '../core/grid/grid';
import type { NarrativeDraft } from '../core/narrative/blocks';

export type HostKind = 'xlsx-file' | 'excel';

/** What a host can do beyond reading, so the pane shows only the actions that work there. */
export interface HostCapabilities {
  /** Write computed cells (formulas or values). */
  writes: boolean;
  /** Mark findings on their cells and clear the marks again. */
  marks: boolean;
  /** Report edits as they happen (live re-check). */
  changeEvents: boolean;
  /** Select cells in the open workbook (jump to a finding). */
  select?: boolean;
  /**
   * Keep the review of the findings and the document's settings in the workbook itself (custom XML
   * parts: `readReview`/`readSettings`, and `review`/`settings` in a plan), so everyone who opens the
   * file sees them.
   */
  documents?: boolean;
}

export interface HostPlan {
  /** Computed cells to write: as formulas with their values cached, or as values only. */
  writes?: readonly CellWrite[];
  values?: boolean;
  /** Findings to mark on their cells; the marks of an earlier plan that are not listed go away. */
  marks?: readonly Finding[];
  /** Remove every mark the add-in made, restoring each cell exactly as it was (`marks` is then ignored). */
  clearMarks?: boolean;
  /**
   * The review document to keep in the workbook (core/review `serializeReview`), replacing the one
   * there. A host writes it as a custom XML part of the review namespace; nothing else changes.
   */
  review?: string;
  /** The settings document to keep in the workbook (core/review `serializeSettings`). */
  settings?: string;
}

export interface AppliedPlan {
  written: number;
  marked: number;
  /** A file host changes nothing in place: the new file's bytes. */
  bytes?: Uint8Array;
  /** What could not be done here and why (a missing Excel API version), for the pane to show. */
  notes?: HostNote[];
}

/** Something this host cannot do in this environment, said to the user (Chinese first, then English). */
export interface HostNote {
  /** What is missing or limited: 'merges', 'hidden', 'marks', 'events', 'renames', 'cell-edit' … */
  feature: string;
  message: string;
  /** The requirement set that would make it work, e.g. "ExcelApi 1.13". */
  requirement?: string;
}

/**
 * Edits since the last read, debounced and grouped (a host with change events). Sheet names are as
 * last known; `everything` asks for the whole workbook to be read again (rows inserted or deleted,
 * an event without detail): correctness before economy.
 */
export interface HostChange {
  /** Sheets whose cells changed. */
  changed: string[];
  /** Sheets added (their names are known only after the next read: counted here). */
  added: number;
  removed: string[];
  renamed: [string, string][];
  everything: boolean;
}

export interface WorkbookHost {
  readonly kind: HostKind;
  /** The workbook's name for messages (its file name). */
  readonly name: string;
  readonly capabilities: HostCapabilities;
  /** The whole workbook in the grid model: every sheet's used cells, merges, hidden rows and columns. */
  readWorkbook(): Promise<Workbook>;
  applyPlan(plan: HostPlan): Promise<AppliedPlan>;
  /** Limits of this environment (missing API versions), to show once. */
  readonly notes?: readonly HostNote[];
  /** Only these sheets, read again (a live host re-reads what an edit touched). */
  readSheets?(names: readonly string[]): Promise<Grid[]>;
  /** Shows the cells in the open workbook: activates the first cell's sheet and selects the cells there. */
  select?(cells: readonly CellPointer[]): Promise<void>;
  /** Calls `listener` after edits (debounced); returns the function that stops it. */
  onChange?(listener: (change: HostChange) => void): Promise<() => Promise<void>>;
  /** Calls `listener` when the user selects cells (the sheet, and the selection's A1 address: "C29" or "C29,D29"). */
  onSelect?(listener: (selection: CellPointer) => void): Promise<() => Promise<void>>;
  /** Stops every event subscription and timer. */
  dispose?(): Promise<void>;
  /**
   * The review document kept in the workbook (its custom XML part of the review namespace; several
   * such parts — two copies merged by hand, two add-ins at once — come back merged), or null when the
   * workbook has none. Parse it with core/review `parseReview`.
   */
  readReview?(): Promise<string | null>;
  /** The settings document kept in the workbook, or null (core/review `parseSettings`). */
  readSettings?(): Promise<string | null>;
}

/** A plan asks for something this host cannot do (the pane hides such actions; this guards the rest). */
export class HostCapabilityError extends Error {
  constructor(readonly capability: keyof HostCapabilities, host: HostKind) {
    super(`此环境（${host}）不支持该操作：${capability}。 / This host (${host}) cannot do: ${capability}.`);
    this.name = 'HostCapabilityError';
  }
}

export interface NarrativeTarget {
  /** Where the draft goes: a .docx file's bytes, or the document open in Word. */
  readonly kind: 'docx-file' | 'word';
  exportNarrative(draft: NarrativeDraft): Promise<{ bytes?: Uint8Array }>;
}
