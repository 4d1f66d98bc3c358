/// <reference types="office-js" />
/**
 * The workbook open in Excel as a host, through Office.js. This folder is the only code that calls
 * `Excel.run`.
 *
 * Round trips are what an add-in pays for (tens to hundreds of milliseconds each in Excel on the
 * web), so: a full read queues every load of every sheet and syncs once (a sheet too large for one
 * request is read in row blocks); a plan — fills and marks — is one sync; a live re-read of the sheets
 * an edit touched is one sync. Connecting (the sheet list, the workbook name) and registering for
 * events are one sync each, once.
 *
 * Cell-edit mode (the user typing in a cell) is waited out: with ExcelApi 1.11 the request itself
 * waits (`delayForCellEdit`), and a request that fails with InvalidOperationInCellEditMode anyway is
 * tried again with growing pauses before the user is told to leave the cell. Every other Office.js
 * error is wrapped in an ExcelHostError with its code, its cause and a message in Chinese first.
 */
import { toA1 } from '../../core/grid/address';
import { Grid, type Workbook } from '../../core/grid/grid';
import type { CellPointer } from '../../core/findings';
import type { WorkbookChange } from '../../core/live';
import type { AppliedPlan, HostCapabilities, HostChange, HostNote, HostPlan, WorkbookHost } from '../host';
import { DocumentParts, type StoredDocument } from './documents';
import { cellEditTimeout, excelErrorCode, ExcelHostError } from './errors';
import { contains, ChangeCollector, eventRange, globalTimers, isStructural, type RawEvent, type Timers } from './events';
import { detectFeatures, type ExcelFeatures, type Requirements } from './features';
import {
  desiredMarks,
  isMarkRule,
  LIST_SHEET,
  parseRegistry,
  planMarks,
  queueMarkWrites,
  queueRegistryHeader,
  REGISTRY_SHEET,
  type Registry,
} from './marks';
import { DEFAULT_BYTES_PER_CELL, estimate, rowBlocks, SheetReading, type SheetInfo, type SheetSize } from './read';
import { queueFills } from './write';

/** The part of the `Excel` global the host uses (the real one, or the test double's). */
export interface ExcelRuntime {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface ExcelHostOptions {
  /** Default: the `Excel` global. */
  excel?: ExcelRuntime;
  /** Default: `Office.context.requirements`. */
  requirements?: Requirements;
  /** The workbook's name when Excel cannot say it (ExcelApi < 1.7). */
  name?: string;
  /** Quiet time after the last edit before a change is reported (default 300 ms). */
  debounceMs?: number;
  /** Longest wait while edits keep coming (default 2000 ms). */
  maxWaitMs?: number;
  /** Estimated bytes one request may carry (default 4,000,000: under Excel on the web's 5 MB). */
  payloadBudget?: number;
  /** Pauses before each new try while Excel is in cell-edit mode (default 250 … 4000 ms, about 8 s). */
  cellEditDelays?: readonly number[];
  /** How long the add-in's own writes are recognized in change events without triggerSource (default 3 s). */
  ownWriteWindowMs?: number;
  timers?: Timers;
}

/** A change as the Excel host reports it: the names for people, the ids for reading them again. */
export interface ExcelChange extends HostChange {
  readonly changedIds: readonly string[];
  readonly addedIds: readonly string[];
}

const DOING = {
  connect: { zh: '连接工作簿', en: 'Connecting to the workbook' },
  read: { zh: '读取工作簿', en: 'Reading the workbook' },
  write: { zh: '写入工作簿', en: 'Writing to the workbook' },
  clear: { zh: '清除标注', en: 'Clearing the marks' },
  select: { zh: '定位单元格', en: 'Selecting the cells' },
  events: { zh: '订阅编辑事件', en: 'Subscribing to edits' },
  documents: { zh: '读取审核记录', en: 'Reading the review' },
};

const PAYLOAD_ERRORS = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);

interface ReadResult {
  list: SheetInfo[];
  read: Map<string, { grid: Grid; size: SheetSize; emptyFormats: Map<number, string> }>;
}

interface Job {
  id: string;
  where: 'used' | import('../../core/grid/address').RangeRef;
  withMerges: boolean;
  bytes: number;
}

export class ExcelHost implements WorkbookHost {
  readonly kind = 'excel' as const;
  readonly capabilities: HostCapabilities;
  readonly notes: HostNote[];
  readonly features: ExcelFeatures;
  name: string;

  private readonly excel: ExcelRuntime;
  private readonly timers: Timers;
  private readonly payloadBudget: number;
  private readonly cellEditDelays: readonly number[];
  private readonly ownWriteWindowMs: number;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;

  /** Every sheet, in workbook order, as of the last request that listed them. */
  private sheets: SheetInfo[] = [];
  private readonly grids = new Map<string, Grid>();
  private readonly sizes = new Map<string, SheetSize>();
  private readonly emptyFormats = new Map<string, Map<number, string>>();
  private registry: Registry | null = null;
  private registryId: string | undefined;
  private listId: string | undefined;
  private exclusiveTail: Promise<unknown> = Promise.resolve();
  private readonly documents: DocumentParts;

  private collector: ChangeCollector | undefined;
  private readonly changeListeners = new Set<(c: ExcelChange) => void>();
  private readonly selectListeners = new Set<(c: CellPointer) => void>();
  private changeHandlers: { context: Excel.RequestContext; results: OfficeExtension.EventHandlerResult<unknown>[] }[] = [];
  private selectHandlers: { context: Excel.RequestContext; results: OfficeExtension.EventHandlerResult<unknown>[] }[] = [];
  private ownWrites: { sheetId: string; range: import('../../core/grid/address').RangeRef; until: number }[] = [];
  /** With events per worksheet (ExcelApi 1.7, 1.8): the handler, and the sheets it is registered on. */
  private sheetChangedHandler: ((e: Excel.WorksheetChangedEventArgs) => Promise<void>) | undefined;
  private readonly watched = new Set<string>();
  private disposed = false;

  private constructor(options: ExcelHostOptions, features: ExcelFeatures, notes: HostNote[], excel: ExcelRuntime) {
    this.excel = excel;
    this.features = features;
    this.notes = notes;
    this.timers = options.timers ?? globalTimers;
    this.payloadBudget = options.payloadBudget ?? 4_000_000;
    this.cellEditDelays = options.cellEditDelays ?? [250, 500, 1000, 2000, 4000];
    this.ownWriteWindowMs = options.ownWriteWindowMs ?? 3000;
    this.debounceMs = options.debounceMs ?? 300;
    this.maxWaitMs = options.maxWaitMs ?? 2000;
    this.name = options.name ?? '工作簿';
    this.documents = new DocumentParts(
      (batch) => this.run(DOING.documents, batch),
      features.read && features.documents,
      notes.filter((n) => n.feature === 'documents'),
    );
    this.capabilities = {
      writes: features.read,
      marks: features.read && features.marks,
      changeEvents: features.read && features.events !== 'none',
      select: features.read,
      documents: features.read && features.documents,
    };
  }

  /** Checks the requirement sets, lists the sheets and reads the workbook's name: one sync. */
  static async connect(options: ExcelHostOptions = {}): Promise<ExcelHost> {
    const globals = globalThis as unknown as { Excel?: ExcelRuntime; Office?: { context?: { requirements?: Requirements } } };
    const excel = options.excel ?? globals.Excel;
    const requirements = options.requirements ?? globals.Office?.context?.requirements;
    if (!excel || !requirements) {
      throw new ExcelHostError('NoExcel', '未在 Excel 中运行（找不到 Office.js）。 / Not running inside Excel (Office.js is not loaded).');
    }
    const { features, notes } = detectFeatures(requirements);
    const host = new ExcelHost(options, features, notes, excel);
    if (!features.read) throw new ExcelHostError('ApiNotFound', notes.map((n) => n.message).join(' '));
    await host.exclusive(() => host.refreshList());
    return host;
  }

  // -------------------------------------------------------------------------------------------
  // Batches

  private exclusive<T>(f: () => Promise<T>): Promise<T> {
    const run = this.exclusiveTail.then(f, f);
    this.exclusiveTail = run.catch(() => undefined);
    return run;
  }

  /** One Excel.run, with cell-edit mode waited out and errors wrapped. */
  private async run<T>(doing: { zh: string; en: string }, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return this.features.delayForCellEdit ? await this.excel.run({ delayForCellEdit: true }, batch) : await this.excel.run(batch);
      } catch (e) {
        if (excelErrorCode(e) === 'InvalidOperationInCellEditMode') {
          if (attempt < this.cellEditDelays.length) {
            await this.sleep(this.cellEditDelays[attempt]);
            continue;
          }
          throw cellEditTimeout(e);
        }
        throw ExcelHostError.wrap(e, doing);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.timers.setTimeout(resolve, ms));
  }

  private queueList(context: Excel.RequestContext): Excel.WorksheetCollection {
    const sheets = context.workbook.worksheets;
    sheets.load('items/id,items/name,items/visibility,items/position');
    return sheets;
  }

  private static listOf(sheets: Excel.WorksheetCollection): SheetInfo[] {
    return sheets.items.map((s) => ({ id: s.id, name: s.name, visibility: s.visibility, position: s.position })).sort((a, b) => a.position - b.position);
  }

  private async refreshList(): Promise<void> {
    await this.run(DOING.connect, async (context) => {
      const sheets = this.queueList(context);
      const book = this.features.workbookName ? context.workbook : undefined;
      if (book) book.load('name');
      await context.sync();
      this.sheets = ExcelHost.listOf(sheets);
      if (book) this.name = book.name;
    });
  }

  // -------------------------------------------------------------------------------------------
  // Reading

  /** The workbook's own sheets (the add-in's mark sheets left out): one sync, unless a sheet is too large. */
  readWorkbook(): Promise<Workbook> {
    return this.exclusive(async () => {
      await this.readIds(this.sheets.filter((s) => s.id !== this.listId).map((s) => s.id), true);
      return { name: this.name, sheets: this.userSheets().map((s) => this.grids.get(s.id)).filter((g): g is Grid => g !== undefined) };
    });
  }

  /** These sheets read again (by name as last known), in one sync. */
  readSheets(names: readonly string[]): Promise<Grid[]> {
    return this.exclusive(async () => {
      const ids = names.map((n) => this.byName(n)?.id).filter((id): id is string => id !== undefined);
      await this.readIds(ids, false);
      return ids.map((id) => this.grids.get(id)).filter((g): g is Grid => g !== undefined);
    });
  }

  /**
   * What a change means for the analysis: the touched sheets read again (one sync), sheets removed
   * and renamed (from the sheet list, by id, so a rename is found even without rename events), and
   * the order of the sheets.
   */
  readChange(change: ExcelChange): Promise<WorkbookChange> {
    return this.exclusive(async () => {
      const before = new Map(this.userSheets().map((s) => [s.id, s.name]));
      const ids = change.everything ? this.sheets.filter((s) => s.id !== this.listId).map((s) => s.id) : [...new Set([...change.changedIds, ...change.addedIds])].filter((id) => this.sheets.some((s) => s.id === id));
      const fresh = await this.readIds(ids, true);
      const user = this.userSheets();
      const removed = [...before].filter(([id]) => !user.some((s) => s.id === id)).map(([, name]) => name);
      const renamed: [string, string][] = [];
      const sheets: Grid[] = [];
      for (const s of user) {
        const old = before.get(s.id);
        const read = fresh.has(s.id);
        if (old !== undefined && old !== s.name) {
          renamed.push([old, s.name]);
          if (!read) {
            // renamed but not edited: the grid read before, under its new name
            const g = this.grids.get(s.id);
            if (g) this.grids.set(s.id, renamedGrid(g, s.name));
          }
          sheets.push(this.grids.get(s.id) as Grid);
        } else if (read || old === undefined) {
          const g = this.grids.get(s.id);
          if (g) sheets.push(g);
        }
      }
      return { sheets, removed, renamed, order: user.map((s) => s.name) };
    });
  }

  private isOwnSheet(id: string): boolean {
    return id === this.registryId || id === this.listId;
  }

  /** The sheets the user sees as theirs: every sheet but the add-in's registry and list. */
  private userSheets(): SheetInfo[] {
    return this.sheets.filter((s) => s.id !== this.registryId && s.id !== this.listId);
  }

  private byName(name: string): SheetInfo | undefined {
    return this.sheets.find((s) => s.name === name) ?? this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /**
   * Reads the sheets `ids` (and the registry of marks, always) with the sheet list, in one sync when
   * the payload allows; `all` also reads any sheet the list shows that the host has never read.
   * Returns the ids read.
   */
  private async readIds(ids: readonly string[], all: boolean): Promise<Set<string>> {
    const registry = this.sheets.find((s) => s.name === REGISTRY_SHEET);
    const wanted = [...new Set([...ids, ...(registry ? [registry.id] : [])])];
    let result: ReadResult;
    try {
      result = await this.run(DOING.read, (context) => this.readBatch(context, wanted, all));
    } catch (e) {
      // a sheet deleted since the host last listed them: list again, read what is there
      if (!(e instanceof ExcelHostError) || e.code !== 'ItemNotFound') throw e;
      await this.refreshList();
      const still = wanted.filter((id) => this.sheets.some((s) => s.id === id));
      result = await this.run(DOING.read, (context) => this.readBatch(context, still, all));
    }
    this.sheets = result.list;
    for (const [id, r] of result.read) {
      const info = result.list.find((s) => s.id === id);
      if (!info) continue;
      this.grids.set(id, r.grid);
      this.sizes.set(id, r.size);
      this.emptyFormats.set(id, r.emptyFormats);
    }
    for (const id of [...this.grids.keys()]) if (!result.list.some((s) => s.id === id)) this.grids.delete(id);
    this.identifyOwnSheets();
    return new Set(result.read.keys());
  }

  private identifyOwnSheets(): void {
    const reg = this.sheets.find((s) => s.name === REGISTRY_SHEET);
    const grid = reg && this.grids.get(reg.id);
    this.registry = grid ? parseRegistry(grid) : null;
    this.registryId = this.registry && reg ? reg.id : undefined;
    const list = this.registry ? this.byName(this.registry.listSheet) : undefined;
    this.listId = list?.id;
  }

  private async readBatch(context: Excel.RequestContext, ids: readonly string[], all: boolean): Promise<ReadResult> {
    const jobs = this.plan(ids);
    const known = new Set(ids);
    let groups = pack(jobs, this.payloadBudget);
    let sheets = this.queueList(context);
    let readings = new Map<string, SheetReading>();
    const registryId = this.sheets.find((s) => s.name === REGISTRY_SHEET)?.id;
    const watching: { id: string; result: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> }[] = [];
    const queue = (group: Job[]) => {
      for (const job of group) {
        let reading = readings.get(job.id);
        if (!reading) {
          reading = new SheetReading({ id: job.id, name: '', visibility: '', position: 0 }, this.features);
          readings.set(job.id, reading);
        }
        const ws = context.workbook.worksheets.getItem(job.id);
        reading.queue(ws, job.where, job.withMerges);
        if (this.sheetChangedHandler && !this.watched.has(job.id) && !watching.some((w) => w.id === job.id) && !this.isOwnSheet(job.id) && job.id !== registryId) {
          watching.push({ id: job.id, result: ws.onChanged.add(this.sheetChangedHandler) });
        }
      }
    };
    queue(groups[0] ?? []);
    try {
      await context.sync();
    } catch (e) {
      // Sizes unknown and the whole read too large for one request: measure, then read in blocks.
      if (!PAYLOAD_ERRORS.has(excelErrorCode(e) ?? '')) throw e;
      watching.length = 0; // registrations of the failed request did not happen
      sheets = this.queueList(context);
      const used = ids.map((id) => {
        const range = context.workbook.worksheets.getItem(id).getUsedRange(true);
        range.load('rowIndex,columnIndex,rowCount,columnCount');
        return { id, range };
      });
      await context.sync();
      for (const { id, range } of used) {
        const top = range.rowIndex;
        const left = range.columnIndex;
        this.sizes.set(id, { range: { top, left, bottom: top + range.rowCount - 1, right: left + range.columnCount - 1 }, bytesPerCell: DEFAULT_BYTES_PER_CELL });
      }
      groups = pack(this.plan(ids), this.payloadBudget);
      readings = new Map();
      queue(groups[0] ?? []);
      await context.sync();
    }
    let list = ExcelHost.listOf(sheets);
    for (const group of groups.slice(1)) {
      queue(group);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- the row blocks of a sheet too large for one request: one request each is the point
      await context.sync();
    }
    const unread = all ? list.filter((s) => !known.has(s.id) && !this.grids.has(s.id) && s.id !== this.listId) : [];
    if (unread.length) {
      // sheets added without an event the host saw: read them now, in one more request
      queue(unread.map((s) => ({ id: s.id, where: 'used' as const, withMerges: true, bytes: 0 })));
      sheets = this.queueList(context);
      await context.sync();
      list = ExcelHost.listOf(sheets);
    }
    if (watching.length) {
      this.changeHandlers.push({ context, results: watching.map((w) => w.result) });
      for (const w of watching) this.watched.add(w.id);
    }
    const read = new Map<string, { grid: Grid; size: SheetSize; emptyFormats: Map<number, string> }>();
    for (const [id, reading] of readings) {
      const info = list.find((s) => s.id === id);
      if (!info) continue;
      const { grid, size } = reading.finish(info.name);
      read.set(id, { grid, size, emptyFormats: reading.emptyFormats });
    }
    return { list, read };
  }

  /** Whole sheets where they fit a request (or their size is not known yet), row blocks where not. */
  private plan(ids: readonly string[]): Job[] {
    const jobs: Job[] = [];
    for (const id of ids) {
      const size = this.sizes.get(id);
      const bytes = size ? estimate(size) : 0;
      if (!size || bytes <= this.payloadBudget) {
        jobs.push({ id, where: 'used', withMerges: true, bytes });
        continue;
      }
      rowBlocks(size, this.payloadBudget).forEach((block, i) => jobs.push({ id, where: block, withMerges: i === 0, bytes: estimate({ range: block, bytesPerCell: size.bytesPerCell }) }));
    }
    return jobs;
  }

  // -------------------------------------------------------------------------------------------
  // Writing: fills and marks in one sync

  applyPlan(plan: HostPlan): Promise<AppliedPlan> {
    return this.exclusive(async () => {
      const notes: HostNote[] = [];
      const documents = await this.documents.planned(plan, notes);
      if (plan.clearMarks) {
        if (plan.writes?.length || documents.length) await this.writeOnly(plan, documents);
        await this.clearMarks();
        return { written: plan.writes?.length ?? 0, marked: 0, notes };
      }
      let update: ReturnType<typeof planMarks> | null = null;
      let marked = 0;
      if (plan.marks) {
        if (!this.features.marks) notes.push(...this.notes.filter((n) => n.feature === 'marks'));
        else {
          const grids = new Map<string, Grid>();
          const empty = new Map<string, Map<number, string>>();
          for (const s of this.userSheets()) {
            const g = this.grids.get(s.id);
            if (g) grids.set(s.name, g);
            const e = this.emptyFormats.get(s.id);
            if (e) empty.set(s.name, e);
          }
          const desired = desiredMarks(plan.marks, grids, empty);
          marked = desired.size;
          update = planMarks(this.registry, desired);
          if (!update.changed && this.registry) update = null;
          if (update && desired.size === 0 && !this.registry) update = null;
        }
      }
      const writes = plan.writes ?? [];
      if (writes.length === 0 && !update && !documents.length) return { written: 0, marked, notes };
      await this.run(DOING.write, async (context) => {
        const stored = this.documents.queueAll(context, documents);
        const worksheets = context.workbook.worksheets;
        const sheetOf = (name: string) => {
          const info = this.byName(name);
          return info ? worksheets.getItem(info.id) : undefined;
        };
        const queued = queueFills(writes, plan.values === true, sheetOf);
        const until = this.timers.now() + this.ownWriteWindowMs;
        for (const w of queued) {
          const id = this.byName(w.sheet)?.id;
          if (id) this.ownWrites.push({ sheetId: id, range: w.range, until });
        }
        let created: { registry?: Excel.Worksheet; list?: Excel.Worksheet } = {};
        let listName = this.registry?.listSheet ?? LIST_SHEET;
        if (update) {
          let registry: Excel.Worksheet;
          if (this.registryId) registry = worksheets.getItem(this.registryId);
          else {
            registry = worksheets.add(REGISTRY_SHEET);
            queueRegistryHeader(registry, listName);
            registry.load('id');
            created = { ...created, registry };
          }
          let list: Excel.Worksheet;
          if (this.listId) list = worksheets.getItem(this.listId);
          else {
            listName = this.freeName(LIST_SHEET);
            list = worksheets.add(listName);
            list.load('id');
            created = { ...created, list };
          }
          queueMarkWrites({ registry, list, sheetOf }, update, this.registry?.listRows ?? 0, listName);
          if (created.registry) created.registry.visibility = 'VeryHidden';
          if (created.list) created.list.visibility = 'Hidden';
        }
        const sheets = this.queueList(context);
        await context.sync().catch((e: unknown) => {
          this.documents.forget();
          throw e;
        });
        stored();
        this.sheets = ExcelHost.listOf(sheets);
        if (created.registry) this.registryId = created.registry.id;
        if (created.list) this.listId = created.list.id;
        if (update) this.registry = { rows: update.rows, listSheet: listName, listRows: update.listed.length, listDigest: update.listDigest };
      });
      return { written: writes.length, marked, notes };
    });
  }

  private freeName(base: string): string {
    if (!this.byName(base)) return base;
    for (let n = 2; ; n++) if (!this.byName(`${base}(${n})`)) return `${base}(${n})`;
  }

  private async writeOnly(plan: HostPlan, documents: readonly StoredDocument[] = []): Promise<void> {
    await this.run(DOING.write, async (context) => {
      const worksheets = context.workbook.worksheets;
      queueFills(plan.writes ?? [], plan.values === true, (name) => {
        const info = this.byName(name);
        return info ? worksheets.getItem(info.id) : undefined;
      });
      const stored = this.documents.queueAll(context, documents);
      await context.sync();
      stored();
    });
  }

  // -------------------------------------------------------------------------------------------
  // The review and the settings: custom XML parts (documents.ts)

  /** The review kept in the workbook (several parts of its namespace merged), or null: two syncs. */
  readReview(): Promise<string | null> {
    return this.exclusive(() => this.documents.readReview());
  }

  /** The settings kept in the workbook, or null: two syncs. */
  readSettings(): Promise<string | null> {
    return this.exclusive(() => this.documents.readSettings());
  }

  /**
   * Removes every mark: the add-in's conditional formats (found by their rule, on every sheet), the
   * registry and the list. Two syncs: the formats must be listed before they can be deleted.
   */
  private async clearMarks(): Promise<void> {
    await this.run(DOING.clear, async (context) => {
      const sheets = this.queueList(context);
      const formats = this.sheets.map((s) => {
        const collection = context.workbook.worksheets.getItem(s.id).getRange().conditionalFormats;
        collection.load('items/type,items/customOrNullObject/rule/formula');
        return collection;
      });
      await context.sync();
      const list = ExcelHost.listOf(sheets);
      for (const collection of formats) {
        for (const cf of collection.items) {
          if (cf.type !== 'Custom') continue;
          const custom = cf.customOrNullObject;
          if (!custom.isNullObject && isMarkRule(custom.rule.formula)) cf.delete();
        }
      }
      const registry = list.find((s) => s.name === REGISTRY_SHEET && s.id === (this.registryId ?? s.id));
      if (registry && this.registryId) {
        const ws = context.workbook.worksheets.getItem(registry.id);
        // a very hidden sheet cannot be deleted: hide it normally first
        ws.visibility = 'Hidden';
        ws.delete();
      }
      if (this.listId && list.some((s) => s.id === this.listId)) context.workbook.worksheets.getItem(this.listId).delete();
      const after = this.queueList(context);
      await context.sync();
      this.sheets = ExcelHost.listOf(after);
    });
    this.registry = null;
    this.registryId = undefined;
    this.listId = undefined;
  }

  // -------------------------------------------------------------------------------------------
  // Selecting

  select(cells: readonly CellPointer[]): Promise<void> {
    return this.exclusive(async () => {
      const first = cells[0];
      if (!first) return;
      const info = this.byName(first.sheet);
      if (!info) throw new ExcelHostError('ItemNotFound', `找不到工作表“${first.sheet}”。 / There is no worksheet "${first.sheet}".`);
      const onSheet = [...new Set(cells.filter((c) => c.sheet === first.sheet).map((c) => c.address))];
      await this.run(DOING.select, async (context) => {
        const ws = context.workbook.worksheets.getItem(info.id);
        ws.activate();
        if (onSheet.length > 1 && this.features.multiSelect) ws.getRanges(onSheet.join(', ')).select();
        else ws.getRange(first.address).select();
        await context.sync();
      });
    });
  }

  // -------------------------------------------------------------------------------------------
  // Events

  async onChange(listener: (change: HostChange) => void): Promise<() => Promise<void>> {
    if (this.features.events === 'none') return () => Promise.resolve();
    this.changeListeners.add(listener);
    if (this.changeListeners.size === 1) await this.exclusive(() => this.registerChangeHandlers());
    return async () => {
      this.changeListeners.delete(listener);
      if (this.changeListeners.size === 0) await this.unregister('change');
    };
  }

  async onSelect(listener: (selection: CellPointer) => void): Promise<() => Promise<void>> {
    if (this.features.events === 'none') return () => Promise.resolve();
    this.selectListeners.add(listener);
    if (this.selectListeners.size === 1) await this.exclusive(() => this.registerSelectHandlers());
    return async () => {
      this.selectListeners.delete(listener);
      if (this.selectListeners.size === 0) await this.unregister('select');
    };
  }

  private async registerChangeHandlers(): Promise<void> {
    this.collector ??= new ChangeCollector(this.debounceMs, this.maxWaitMs, this.timers, (events) => this.flush(events));
    const onChanged = (e: Excel.WorksheetChangedEventArgs) => {
      const triggerSource = this.features.triggerSource ? e.triggerSource : undefined;
      // the add-in's own writes do not even delay the debounce of the user's edits
      if (triggerSource !== 'ThisLocalAddin' && !this.isOwnSheet(e.worksheetId)) {
        this.collector?.push({ kind: 'changed', sheetId: e.worksheetId, address: e.address, changeType: e.changeType, triggerSource });
      }
      return Promise.resolve();
    };
    // with events per worksheet, an added sheet is watched from the read that follows (same request)
    if (this.features.events === 'worksheet') this.sheetChangedHandler = onChanged;
    const onAdded = (e: Excel.WorksheetAddedEventArgs) => {
      if (!this.isOwnSheet(e.worksheetId)) this.collector?.push({ kind: 'added', sheetId: e.worksheetId });
      return Promise.resolve();
    };
    const onDeleted = (e: Excel.WorksheetDeletedEventArgs) => {
      this.collector?.push({ kind: 'deleted', sheetId: e.worksheetId });
      return Promise.resolve();
    };
    const onNameChanged = (e: Excel.WorksheetNameChangedEventArgs) => {
      this.collector?.push({ kind: 'renamed', sheetId: e.worksheetId, nameBefore: e.nameBefore, nameAfter: e.nameAfter });
      return Promise.resolve();
    };
    await this.run(DOING.events, async (context) => {
      const worksheets = context.workbook.worksheets;
      const results: OfficeExtension.EventHandlerResult<unknown>[] = [];
      const watching = this.userSheets().map((s) => s.id);
      if (this.features.events === 'collection') results.push(worksheets.onChanged.add(onChanged));
      else for (const id of watching) results.push(worksheets.getItem(id).onChanged.add(onChanged));
      results.push(worksheets.onAdded.add(onAdded), worksheets.onDeleted.add(onDeleted));
      if (this.features.renameEvents) results.push(worksheets.onNameChanged.add(onNameChanged));
      await context.sync();
      this.changeHandlers.push({ context, results });
      if (this.features.events === 'worksheet') for (const id of watching) this.watched.add(id);
    });
  }

  private async registerSelectHandlers(): Promise<void> {
    const handler = (e: Excel.WorksheetSelectionChangedEventArgs) => {
      const name = this.sheets.find((s) => s.id === e.worksheetId)?.name;
      if (name !== undefined && e.worksheetId !== this.registryId && e.worksheetId !== this.listId) for (const l of this.selectListeners) l({ sheet: name, address: e.address });
      return Promise.resolve();
    };
    await this.run(DOING.events, async (context) => {
      const worksheets = context.workbook.worksheets;
      const results: OfficeExtension.EventHandlerResult<unknown>[] = [];
      if (this.features.events === 'collection') results.push(worksheets.onSelectionChanged.add(handler));
      else for (const s of this.userSheets()) results.push(worksheets.getItem(s.id).onSelectionChanged.add(handler));
      await context.sync();
      this.selectHandlers.push({ context, results });
    });
  }

  private async unregister(which: 'change' | 'select'): Promise<void> {
    const groups = which === 'change' ? this.changeHandlers : this.selectHandlers;
    if (which === 'change') {
      this.changeHandlers = [];
      this.collector?.dispose();
      this.collector = undefined;
      this.sheetChangedHandler = undefined;
      this.watched.clear();
    } else this.selectHandlers = [];
    // a handler is removed through the context it was added with
    await Promise.all(
      groups.map((group) =>
        this.excel.run(group.context, async (context) => {
          for (const r of group.results) r.remove();
          await context.sync();
        }),
      ),
    );
  }

  /** The debounced events, less the add-in's own, grouped for the listeners. */
  private flush(events: RawEvent[]): void {
    if (this.disposed || this.changeListeners.size === 0) return;
    const now = this.timers.now();
    this.ownWrites = this.ownWrites.filter((w) => w.until >= now);
    const own = new Set([this.registryId, this.listId].filter((id): id is string => id !== undefined));
    const name = (id: string) => this.sheets.find((s) => s.id === id)?.name;
    const changed = new Set<string>();
    const added = new Set<string>();
    const removed = new Set<string>();
    const renamed: [string, string][] = [];
    let everything = false;
    for (const e of events) {
      if (own.has(e.sheetId)) continue;
      if (e.kind === 'changed') {
        if (e.triggerSource === 'ThisLocalAddin') continue;
        const range = eventRange(e.address);
        if (!this.features.triggerSource && range && this.ownWrites.some((w) => w.sheetId === e.sheetId && contains(w.range, range))) continue;
        if (isStructural(e.changeType) || !range) everything = true;
        changed.add(e.sheetId);
      } else if (e.kind === 'added') added.add(e.sheetId);
      else if (e.kind === 'deleted') removed.add(e.sheetId);
      else if (e.nameBefore !== undefined && e.nameAfter !== undefined) renamed.push([e.nameBefore, e.nameAfter]);
    }
    // a sheet the add-in itself added (its registry or list, created after these events were queued)
    for (const id of [...added]) if (own.has(id)) added.delete(id);
    if (!changed.size && !added.size && !removed.size && !renamed.length && !everything) return;
    const change: ExcelChange = {
      changed: [...changed].map((id) => name(id) ?? id),
      added: added.size,
      removed: [...removed].map((id) => name(id) ?? id),
      renamed,
      everything,
      changedIds: [...changed].filter((id) => !removed.has(id)),
      addedIds: [...added].filter((id) => !removed.has(id)),
    };
    for (const l of this.changeListeners) l(change);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.changeListeners.clear();
    this.selectListeners.clear();
    await this.unregister('change');
    await this.unregister('select');
  }

  /** For tests and the bench: the registry as the host knows it. */
  get markRegistry(): Registry | null {
    return this.registry;
  }

  /** The A1 address of a cell, for messages. */
  static address(row: number, col: number): string {
    return toA1(row, col);
  }
}

function renamedGrid(g: Grid, name: string): Grid {
  const copy = new Grid({ name, merges: g.merges.map((m) => ({ ...m })), hiddenRows: g.hiddenRows, hiddenCols: g.hiddenCols });
  for (let r = 0; r < g.rowCount; r++) for (let c = 0; c < g.colCount; c++) {
    const cell = g.cell(r, c);
    if (cell) copy.set(r, c, { ...cell });
  }
  return copy;
}

/** Jobs in order, as many per request as the budget allows (a job larger than the budget alone). */
function pack(jobs: readonly Job[], budget: number): Job[][] {
  const groups: Job[][] = [];
  let current: Job[] = [];
  let bytes = 0;
  for (const job of jobs) {
    if (current.length && bytes + job.bytes > budget) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(job);
    bytes += job.bytes;
  }
  if (current.length || groups.length === 0) groups.push(current);
  return groups;
}
