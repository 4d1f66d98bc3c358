/**
 * The live re-check in Excel: the workbook is checked once, and after every (debounced) edit only the
 * sheets it touched are read again (one sync), the core's incremental analysis updates the findings,
 * and the marks are rewritten where they changed (one sync, none when they did not). Re-checks run one
 * at a time; changes that arrive meanwhile are merged into the next.
 */
import type { Finding } from '../../core/findings';
import { LiveAnalysis, type LiveUpdate } from '../../core/live';
import type { CheckSettings } from '../../core/reading';
import type { AppliedPlan } from '../host';
import type { ExcelChange, ExcelHost } from './excel-host';

export interface LiveCheckUpdate {
  findings: Finding[];
  /** New since the previous check (by finding id). */
  appeared: Finding[];
  /** Gone since the previous check: fixed (the pane shows them as 已修正 for a moment). */
  resolved: Finding[];
  /** Time the core took for this update, in milliseconds. */
  computeMs: number;
  /** The marks written, or null when they did not change (or marks are off). */
  applied: AppliedPlan | null;
}

export interface LiveCheckOptions {
  settings?: Partial<CheckSettings>;
  /** Mark the findings on the sheet (default true). */
  marks?: boolean;
  onUpdate?: (update: LiveCheckUpdate) => void;
  /** A re-check that failed (Excel closed the workbook, the user held cell-edit mode too long …). */
  onError?: (error: unknown) => void;
}

export class LiveCheck {
  private analysis: LiveAnalysis | undefined;
  private pending: ExcelChange | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopEvents: (() => Promise<void>) | undefined;
  private readonly marks: boolean;
  /** A re-check failed half way: the next one reads and analyses the whole workbook afresh. */
  private stale = false;

  constructor(
    private readonly host: ExcelHost,
    private readonly options: LiveCheckOptions = {},
  ) {
    this.marks = options.marks ?? true;
  }

  /** Subscribes to edits (one sync), reads and checks the workbook (one sync) and marks it (one sync). */
  async start(): Promise<LiveCheckUpdate> {
    this.stopEvents = await this.host.onChange((change) => this.changed(change as ExcelChange));
    const workbook = await this.host.readWorkbook();
    const t0 = now();
    this.analysis = new LiveAnalysis(workbook, this.options.settings);
    const computeMs = now() - t0;
    const findings = this.analysis.findings;
    const applied = this.marks && this.host.capabilities.marks ? await this.host.applyPlan({ marks: findings }) : null;
    const update = { findings, appeared: findings, resolved: [], computeMs, applied };
    this.options.onUpdate?.(update);
    return update;
  }

  get findings(): readonly Finding[] {
    return this.analysis?.findings ?? [];
  }

  /** Resolves once every change received so far has been checked. */
  idle(): Promise<void> {
    return this.running;
  }

  async stop(): Promise<void> {
    const stop = this.stopEvents;
    this.stopEvents = undefined;
    await stop?.();
    await this.running;
  }

  private changed(change: ExcelChange): void {
    this.pending = this.pending ? merge(this.pending, change) : change;
    this.running = this.running.then(() => this.recheck());
  }

  private async recheck(): Promise<void> {
    const change = this.pending;
    this.pending = undefined;
    if (!change || !this.analysis) return;
    try {
      let result: LiveUpdate;
      let computeMs: number;
      if (this.stale) {
        const workbook = await this.host.readWorkbook();
        const before = this.analysis.findings;
        const t0 = now();
        this.analysis = new LiveAnalysis(workbook, this.options.settings);
        computeMs = now() - t0;
        const ids = new Set(this.analysis.findings.map((f) => f.id));
        const old = new Set(before.map((f) => f.id));
        result = { findings: this.analysis.findings, appeared: this.analysis.findings.filter((f) => !old.has(f.id)), resolved: before.filter((f) => !ids.has(f.id)), rerun: 0 };
        this.stale = false;
      } else {
        const delta = await this.host.readChange(change);
        const t0 = now();
        result = this.analysis.update(delta);
        computeMs = now() - t0;
      }
      const applied = this.marks && this.host.capabilities.marks ? await this.host.applyPlan({ marks: result.findings }) : null;
      this.options.onUpdate?.({ findings: result.findings, appeared: result.appeared, resolved: result.resolved, computeMs, applied });
    } catch (e) {
      this.stale = true;
      this.options.onError?.(e);
    }
  }
}

function merge(a: ExcelChange, b: ExcelChange): ExcelChange {
  return {
    changed: [...new Set([...a.changed, ...b.changed])],
    added: a.added + b.added,
    removed: [...new Set([...a.removed, ...b.removed])],
    renamed: [...a.renamed, ...b.renamed],
    everything: a.everything || b.everything,
    changedIds: [...new Set([...a.changedIds, ...b.changedIds])],
    addedIds: [...new Set([...a.addedIds, ...b.addedIds])],
  };
}

function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}
