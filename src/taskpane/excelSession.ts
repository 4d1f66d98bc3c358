/// <reference types="office-js" />
import type { Analysis } from '../core/analyze';
import type { CellPointer, Finding } from '../core/findings';
import type { Grid, Workbook } from '../core/grid/grid';
import type { WorkbookChange } from '../core/live';
import type { CheckSettings } from '../core/reading';
import { checkSettingsOf } from '../core/review/settings';
import { recognizeSheet, type Recognition } from '../core/tables/recognize';
import { ExcelHost } from '../hosts/excel/excel-host';
import { LiveCheck, type LiveCheckUpdate } from '../hosts/excel/live-check';
import type { HostNote } from '../hosts/host';
import { openedWorkbook, type OpenedWorkbook } from './book';

/**
 * The workbook open in Excel, for the pane (engine side): ExcelHost.connect, a LiveCheck that checks
 * and marks the workbook and re-checks after every edit, and what the pane does besides — jump to
 * cells, clear and renew the marks, write fills.
 *
 * The pane adds no request of its own to a check: LiveCheck costs one read and one write per check
 * and per edit. The tables list, the fills and the narrative need the workbook and its recognized
 * tables, which LiveCheck keeps to itself: the session watches the host's reads (the grids the host
 * returns anyway) and recognizes each sheet once per new grid.
 *
 * Marks on or off and a fill written by the add-in (which the host's change events ignore, being
 * its own) start a new LiveCheck before the old one stops: the event subscription is shared, so the
 * switch costs one read (and one write when marks change), no unsubscribe and subscribe.
 */

export interface PaneUpdate {
  book: OpenedWorkbook;
  /** Findings of the previous update that are gone: fixed (shown as 已修正 for a moment). */
  resolved: Finding[];
  /** Whether the cells carry marks now. */
  marks: boolean;
  /** What the last write could not do (a missing API version). */
  notes: HostNote[];
}

export interface ExcelSession {
  readonly name: string;
  /** Limits of this Excel (missing requirement sets), to show once. */
  readonly notes: readonly HostNote[];
  readonly canMark: boolean;
  /** Checks the workbook now and after every edit; `onUpdate` gets every result. */
  check(onUpdate: (u: PaneUpdate) => void, onError: (e: unknown) => void): Promise<void>;
  /** Removes every mark (they stay off until `remark`). */
  clearMarks(): Promise<void>;
  /** Checks again and marks the findings. */
  remark(): Promise<void>;
  select(cells: readonly CellPointer[]): Promise<void>;
  /** Calls `listener` with each selection the user makes in Excel; returns the stop function. */
  watchSelection(listener: (selection: CellPointer) => void): Promise<() => Promise<void>>;
  dispose(): Promise<void>;
}

/** The workbook as the host last read it: whole, then changed sheet by sheet. */
class Mirror {
  private sheets: Grid[] = [];
  private readonly recognized = new WeakMap<Grid, Recognition>();

  constructor(private name: string) {}

  reset(workbook: Workbook): void {
    this.name = workbook.name;
    this.sheets = [...workbook.sheets];
  }

  update(change: WorkbookChange): void {
    const gone = new Set([...(change.removed ?? []), ...(change.renamed ?? []).map(([from]) => from)]);
    this.sheets = this.sheets.filter((g) => !gone.has(g.name));
    for (const g of change.sheets ?? []) {
      const at = this.sheets.findIndex((s) => s.name === g.name);
      if (at >= 0) this.sheets[at] = g;
      else this.sheets.push(g);
    }
    if (change.order) {
      const rank = new Map(change.order.map((n, i) => [n, i]));
      this.sheets.sort((a, b) => (rank.get(a.name) ?? Infinity) - (rank.get(b.name) ?? Infinity));
    }
  }

  get workbook(): Workbook {
    return { name: this.name, sheets: [...this.sheets] };
  }

  /** The analysis of the workbook as it is, with LiveCheck's findings. */
  analysis(findings: Finding[]): Analysis {
    const tables: Analysis['tables'] = [];
    const unrecognized: Analysis['unrecognized'] = [];
    for (const g of this.sheets) {
      let r = this.recognized.get(g);
      if (!r) this.recognized.set(g, (r = recognizeSheet(g)));
      tables.push(...r.tables);
      unrecognized.push(...r.unrecognized);
    }
    return { tables, unrecognized, findings };
  }
}

/** The host, with its reads seen by the mirror (every other member is the host's own, bound to it). */
function watched(host: ExcelHost, mirror: Mirror): ExcelHost {
  return new Proxy(host, {
    get(target, key) {
      if (key === 'readWorkbook') {
        return async () => {
          const workbook = await target.readWorkbook();
          mirror.reset(workbook);
          return workbook;
        };
      }
      if (key === 'readChange') {
        return async (change: Parameters<ExcelHost['readChange']>[0]) => {
          const delta = await target.readChange(change);
          mirror.update(delta);
          return delta;
        };
      }
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

class Session implements ExcelSession {
  private live: LiveCheck | undefined;
  private marks: boolean;
  private last: Finding[] = [];
  private listener: { onUpdate: (u: PaneUpdate) => void; onError: (e: unknown) => void } | undefined;
  private readonly host: ExcelHost;
  private readonly mirror: Mirror;
  private settings: Partial<CheckSettings> = {};

  constructor(private readonly raw: ExcelHost) {
    this.mirror = new Mirror(raw.name);
    this.host = watched(raw, this.mirror);
    this.marks = raw.capabilities.marks;
  }

  get name(): string {
    return this.raw.name;
  }

  get notes(): readonly HostNote[] {
    return this.raw.notes;
  }

  get canMark(): boolean {
    return this.raw.capabilities.marks;
  }

  async check(onUpdate: (u: PaneUpdate) => void, onError: (e: unknown) => void): Promise<void> {
    this.listener = { onUpdate, onError };
    await this.restart();
  }

  /** A new LiveCheck (a fresh read and check), then the old one stopped. */
  private async restart(): Promise<void> {
    const old = this.live;
    const live: LiveCheck = new LiveCheck(this.host, {
      marks: this.marks,
      settings: this.settings,
      onUpdate: (u) => {
        if (this.live === live) this.emit(u);
      },
      onError: (e) => {
        if (this.live === live) this.listener?.onError(e);
      },
    });
    this.live = live;
    try {
      await live.start();
    } finally {
      await old?.stop();
    }
  }

  private emit(u: LiveCheckUpdate): void {
    const now = new Set(u.findings.map((f) => f.id));
    const resolved = this.last.filter((f) => !now.has(f.id));
    this.last = u.findings;
    const analysis = this.mirror.analysis(u.findings);
    const workbook = this.mirror.workbook;
    const book = openedWorkbook(this.host, workbook, analysis);
    const write = book.fills.write.bind(book.fills);
    // a fill is the add-in's own write, which the change events leave out: check again after it
    book.fills.write = async (writes, values) => {
      const result = await write(writes, values);
      if (result.written > 0) await this.restart();
      return result;
    };
    // new tolerances: the live check starts again with them
    book.applySettings = async (settings) => {
      this.settings = checkSettingsOf(settings);
      await this.restart();
      return null;
    };
    this.listener?.onUpdate({ book, resolved, marks: this.marks && this.canMark, notes: u.applied?.notes ?? [] });
  }

  async clearMarks(): Promise<void> {
    this.marks = false;
    await this.restart();
    await this.host.applyPlan({ clearMarks: true });
  }

  async remark(): Promise<void> {
    this.marks = this.canMark;
    await this.restart();
  }

  select(cells: readonly CellPointer[]): Promise<void> {
    return this.host.select(cells);
  }

  watchSelection(listener: (selection: CellPointer) => void): Promise<() => Promise<void>> {
    return this.host.onSelect(listener);
  }

  async dispose(): Promise<void> {
    const live = this.live;
    this.live = undefined;
    await live?.stop();
    await this.raw.dispose();
  }
}

/** Connects to the workbook open in Excel (one request). Throws ExcelHostError outside Excel or in a too old one. */
export async function connectExcel(): Promise<ExcelSession> {
  return new Session(await ExcelHost.connect());
}

