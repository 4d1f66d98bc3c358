import { combineReviews, REVIEW_NAMESPACE } from '../../core/review/document';
import { SETTINGS_NAMESPACE } from '../../core/review/settings';
import type { Workbook } from '../../core/grid/grid';
import type { AppliedPlan, HostPlan, WorkbookHost } from '../host';
import { writeCustomXml } from './custom-xml';
import { clearMarksIn, markSheets, markWorkbook } from './marks-file';
import { loadXlsx, WorkbookReadError } from './load';
import { readCustomXml } from './read/custom-xml';
import { ReadFailure } from './read/limits';
import { applyWrites } from './write';

/**
 * An .xlsx file as a host: the bytes of the file in, the bytes of a new file out (the caller writes
 * them to a new path; the original is never changed). Runs in Node and in the browser.
 *
 * A plan makes one new file with everything it asks for — fills, marks, the review, the settings —
 * each step patching only the parts it must (every other part is copied byte for byte), so a pane in
 * the browser saves a department's statuses, fills and marks in one download. Marks are those of the
 * Excel host, written into the file (marks-file.ts): a marked copy for WPS users and for email.
 */
export class XlsxFileHost implements WorkbookHost {
  readonly kind = 'xlsx-file' as const;
  readonly capabilities = { writes: true, marks: true, changeEvents: false, documents: true };
  private raw?: Promise<Workbook>;
  private workbook?: Promise<Workbook>;

  constructor(
    private readonly bytes: Uint8Array,
    readonly name: string,
  ) {}

  /**
   * The workbook's own sheets (the add-in's mark registry and list, when the file has marks, left
   * out, as the Excel host leaves them out). Parsed once: the engine may ask again (a re-check, a
   * draft) without reading the file anew.
   */
  readWorkbook(): Promise<Workbook> {
    return (this.workbook ??= this.rawWorkbook().then((wb) => {
      const own = markSheets(wb);
      return own.size ? { ...wb, sheets: wb.sheets.filter((g) => !own.has(g.name)) } : wb;
    }));
  }

  private rawWorkbook(): Promise<Workbook> {
    return (this.raw ??= loadXlsx(this.bytes, this.name));
  }

  /** The review kept in the file (several parts of its namespace merged), or null. */
  async readReview(): Promise<string | null> {
    return combineReviews(await this.documents(REVIEW_NAMESPACE));
  }

  /** The settings kept in the file, or null. */
  async readSettings(): Promise<string | null> {
    return (await this.documents(SETTINGS_NAMESPACE))[0] ?? null;
  }

  private async documents(namespace: string): Promise<string[]> {
    await this.readWorkbook(); // a file that is no workbook is refused as such first
    try {
      return readCustomXml(this.bytes)
        .filter((i) => i.namespace === namespace)
        .map((i) => i.xml);
    } catch (cause) {
      if (!(cause instanceof ReadFailure)) throw cause;
      throw new WorkbookReadError(
        `无法读取“${this.name}”中的审核记录或设置（${cause.what.zh}）。 / Cannot read the review or settings kept in "${this.name}" (${cause.what.en}).`,
        cause.problem,
        { cause },
      );
    }
  }

  async applyPlan(plan: HostPlan): Promise<AppliedPlan> {
    const writes = plan.writes ?? [];
    const documents = [
      ...(plan.review !== undefined ? [{ namespace: REVIEW_NAMESPACE, xml: plan.review }] : []),
      ...(plan.settings !== undefined ? [{ namespace: SETTINGS_NAMESPACE, xml: plan.settings }] : []),
    ];
    const marking = plan.clearMarks || plan.marks !== undefined;
    let bytes = this.bytes;
    let marked = 0;
    // a plan of fills alone (even none) behaves as it always has: the fill patcher's file
    if (writes.length || (!documents.length && !marking)) bytes = await applyWrites(bytes, writes, { values: plan.values });
    if (marking) {
      const grids = bytes === this.bytes ? await this.rawWorkbook() : await loadXlsx(bytes, this.name);
      if (plan.clearMarks) bytes = clearMarksIn(bytes, grids);
      else ({ bytes, marked } = markWorkbook(bytes, grids, plan.marks ?? []));
    }
    if (documents.length) bytes = writeCustomXml(bytes, documents);
    // the result must read back as a workbook before anyone keeps it
    await loadXlsx(bytes, this.name);
    return { written: writes.length, marked, bytes };
  }
}
