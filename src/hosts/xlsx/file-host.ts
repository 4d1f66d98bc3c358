import type { Workbook } from '../../core/grid/grid';
import { HostCapabilityError, type AppliedPlan, type HostPlan, type WorkbookHost } from '../host';
import { loadXlsx } from './load';
import { applyWrites } from './write';

/**
 * An .xlsx file as a host: the bytes of the file in, the bytes of a new file out (the caller writes
 * them to a new path; the original is never changed). Runs in Node and in the browser.
 */
export class XlsxFileHost implements WorkbookHost {
  readonly kind = 'xlsx-file' as const;
  readonly capabilities = { writes: true, marks: false, changeEvents: false };
  private workbook?: Promise<Workbook>;

  constructor(
    private readonly bytes: Uint8Array,
    readonly name: string,
  ) {}

  /** Parsed once: the engine may ask again (a re-check, a draft) without reading the file anew. */
  readWorkbook(): Promise<Workbook> {
    return (this.workbook ??= loadXlsx(this.bytes, this.name));
  }

  async applyPlan(plan: HostPlan): Promise<AppliedPlan> {
    if (plan.marks?.length || plan.clearMarks) throw new HostCapabilityError('marks', this.kind);
    const writes = plan.writes ?? [];
    const bytes = await applyWrites(this.bytes, writes, { values: plan.values });
    // the result must read back as a workbook before anyone keeps it
    await loadXlsx(bytes, this.name);
    return { written: writes.length, marked: 0, bytes };
  }
}
