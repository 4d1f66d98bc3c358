import { INDEXED_MERGE_AREA } from '../../../core/grid/grid';

/**
 * What a workbook may cost the reader, checked before anything is allocated for it. The defaults
 * are far above any real 部门决算 or 绩效 workbook (a 10,000-row 支出决算表 has about 100,000
 * cells and a few hundred merges) and far below what would exhaust a 500 MB process: a file that
 * declares more is refused with a clear message, never read half.
 */
export interface ReadLimits {
  /** Cells holding a value, formula or error, in all sheets together. */
  maxCells: number;
  /** Characters of text kept (shared strings, inline strings, formulas), in all parts together. */
  maxTextChars: number;
  /** Entries of the shared string table. */
  maxSharedStrings: number;
  /** Merged ranges, in all sheets together. */
  maxMerges: number;
  /**
   * Merged ranges wider than SMALL_MERGE_AREA cells (after clamping to the cells that exist) per
   * sheet: the grid looks these up one by one, so a sheet of thousands would make every lookup slow.
   */
  maxLargeMergesPerSheet: number;
  /** Cells covered by the merges indexed cell by cell (those up to SMALL_MERGE_AREA), in all sheets together. */
  maxMergedCells: number;
  /** Bytes inflated from all parts together, counted while inflating (a lying directory does not help). */
  maxInflatedBytes: number;
  /** Bytes inflated from one part. */
  maxPartBytes: number;
  /** XML elements nested inside one another. */
  maxDepth: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxCells: 2_000_000,
  maxTextChars: 32 * 1024 * 1024,
  maxSharedStrings: 2_000_000,
  maxMerges: 100_000,
  maxLargeMergesPerSheet: 1_000,
  maxMergedCells: 4_000_000,
  maxInflatedBytes: 200 * 1024 * 1024,
  maxPartBytes: 200 * 1024 * 1024,
  maxDepth: 256,
};

/** The grid indexes merges up to this area cell by cell and tests larger ones one by one. */
export const SMALL_MERGE_AREA = INDEXED_MERGE_AREA;

/** Why a workbook could not be read; load.ts turns it into a WorkbookReadError with the file's name. */
export type ReadProblem = 'corrupt' | 'zip-bomb' | 'too-large' | 'out-of-range' | 'encrypted';

export class ReadFailure extends Error {
  constructor(
    readonly problem: ReadProblem,
    /** What exceeded its limit or was wrong, one short phrase in Chinese and in English. */
    readonly what: { zh: string; en: string },
    options?: { cause?: unknown },
  ) {
    super(what.en, options);
    this.name = 'ReadFailure';
  }
}

/** Counts what the workbook has cost so far against its limits; throws ReadFailure('too-large') past one. */
export class Budget {
  private cells = 0;
  private text = 0;
  private merges = 0;
  private merged = 0;
  private inflated = 0;

  constructor(readonly limits: ReadLimits) {}

  cell(): void {
    if (++this.cells > this.limits.maxCells) {
      throw new ReadFailure('too-large', { zh: `单元格超过 ${this.limits.maxCells} 个`, en: `more than ${this.limits.maxCells} cells` });
    }
  }

  chars(n: number): void {
    this.text += n;
    if (this.text > this.limits.maxTextChars) {
      throw new ReadFailure('too-large', { zh: `文本超过 ${this.limits.maxTextChars} 个字符`, en: `more than ${this.limits.maxTextChars} characters of text` });
    }
  }

  merge(): void {
    if (++this.merges > this.limits.maxMerges) {
      throw new ReadFailure('too-large', { zh: `合并单元格超过 ${this.limits.maxMerges} 处`, en: `more than ${this.limits.maxMerges} merged ranges` });
    }
  }

  mergedCells(n: number): void {
    this.merged += n;
    if (this.merged > this.limits.maxMergedCells) {
      throw new ReadFailure('too-large', { zh: `合并区域超过 ${this.limits.maxMergedCells} 个单元格`, en: `merged ranges covering more than ${this.limits.maxMergedCells} cells` });
    }
  }

  /** The cap for inflating a part declared `declared` bytes: what is left of the total, the part limit, and the declaration plus slack. */
  partCap(declared: number): { cap: number; byBudget: boolean } {
    const left = Math.max(0, this.limits.maxInflatedBytes - this.inflated);
    const budget = Math.min(left, this.limits.maxPartBytes);
    // An entry may come out a little over its declared size; far over it, the directory lies.
    const honest = declared + 1024;
    return honest < budget ? { cap: honest, byBudget: false } : { cap: budget, byBudget: true };
  }

  inflatedBytes(n: number): void {
    this.inflated += n;
  }
}
