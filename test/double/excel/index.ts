/**
 * A test double of the subset of the Excel JavaScript API (Office.js) that src/hosts/excel uses,
 * built on the core's grid model and loadable from .xlsx fixtures. It runs in Node (jest) and in a
 * browser (the pane's end-to-end tests); it imports nothing from Office.js.
 *
 * WHAT IT SIMULATES — each point is documented Excel behaviour (learn.microsoft.com, Office.js
 * reference and the "Excel add-ins" articles; the requirement set of each API as the reference gives it):
 *
 * - Proxy objects and batches: `load` and property writes and method calls only queue; they run at
 *   `context.sync()`, in order. Reading a property that was not loaded and synced throws
 *   PropertyNotLoaded (name "RichApi.Error", code "PropertyNotLoaded", the runtime's message). A sync
 *   with nothing queued sends no request (office.js's `hasActions` check). `Excel.run(batch)` and
 *   `Excel.run(options, batch)` create a context, await the batch and sync what is left; objects of a
 *   finished run cannot be synced again. `*OrNullObject` results report `isNullObject` after the next
 *   sync without a load.
 * - A sync counter (`syncCount`, `syncs`: one entry per request with its estimated request and
 *   response bytes) and a simulated latency per sync (`latencyMs`, on the global setTimeout as it is
 *   when the sync runs, so jest's fake timers drive it).
 * - Excel on the web's payload cap (`platform: 'web'`, the default): about 5 MB per request and per
 *   response, estimated as the JSON size of what is sent and loaded; past it the sync fails with
 *   RequestPayloadSizeLimitExceeded or ResponsePayloadSizeLimitExceeded ("Resource limits and
 *   performance optimization for Office Add-ins": the 5 MB limit, RichApi.Error).
 * - Requirement sets: `Office.context.requirements.isSetSupported('ExcelApi', v)` answers for the
 *   configured `apiVersion` (e.g. '1.8' for an Excel 2016/2019 without ExcelApi 1.9); a sync that uses
 *   an API of a newer set fails with ApiNotFound.
 * - Cell-edit mode (`user.beginCellEdit()`): every request fails with InvalidOperationInCellEditMode,
 *   except a run started with `{ delayForCellEdit: true }` (ExcelApi 1.11), which waits until the
 *   user leaves the cell.
 * - Ranges: `getRange(address)` ("A1", "A1:B2", "3:5", "B:D"), `getRangeByIndexes` (1.7),
 *   `getUsedRange(valuesOnly)` (valuesOnly 1.2; a blank sheet gives A1) and
 *   `getUsedRangeOrNullObject` (1.4), `getCell`, `getRow`, `getColumn`, `getIntersectionOrNullObject`
 *   (1.4); `address` (with its sheet, quoted where Excel quotes), `rowIndex`, `columnIndex`,
 *   `rowCount`, `columnCount`, `values` ("" for an empty cell, an error as its text),
 *   `formulas` (the formula, else the value), `numberFormat` ("General" by default), `valueTypes`,
 *   `rowHidden`/`columnHidden` (1.2; true, false or null when mixed); writes of `values` (a text
 *   starting with "=" is a formula), `formulas` and `numberFormat` as 2-D arrays of the range's size
 *   or one value for every cell; `getMergedAreasOrNullObject` (1.13: the merged areas whose top-left
 *   cell is in the range), `getSpecialCellsOrNullObject('Visible')` (1.9) and `getVisibleView()`
 *   (1.3: `cellAddresses`, `rowCount`, `columnCount`) for hidden rows and columns; `select()`;
 *   `worksheet.getRanges("A1, C3")` (1.9) and its `select()` (the first area's top-left cell active).
 * - Worksheets: `items` with `id`, `name`, `position`, `visibility` ('Visible', 'Hidden',
 *   'VeryHidden'); `add`, `getItem` (by name, case-insensitive, or id), `getItemOrNullObject` (1.4),
 *   `getActiveWorksheet`, `getCount` (1.4); `activate`, `delete` (a VeryHidden sheet cannot be
 *   deleted: InvalidOperation, as documented), rename by `name`; `workbook.getSelectedRange()`,
 *   `workbook.name` (1.7).
 * - Conditional formats of the custom type (1.6): `range.conditionalFormats` (the formats that
 *   intersect the range), `add('Custom')` at the top priority (documented), `custom` /
 *   `customOrNullObject`, `rule.formula`, `format.numberFormat`, `format.fill.color`,
 *   `format.font.{color,bold,italic,underline,strikethrough}`, `format.borders.getItem(edge)`
 *   `.{color,style}` (the thin styles a conditional border allows), `priority`, `stopIfTrue`,
 *   `delete()`, `getRange()`; loads of `items/type`, `items/customOrNullObject/rule/formula` and
 *   `items/customOrNullObject/format/numberFormat`. `displayed(sheet, address)` applies them as Excel
 *   does: by priority, each format element from the highest-priority true rule, `stopIfTrue`.
 * - Custom XML parts (1.5, custom-xml.ts): `workbook.customXmlParts` — `add(xml)` (the XML must be
 *   well-formed), `getByNamespace(uri)` (a scoped collection evaluated when the request runs), `getCount`,
 *   `getItem(id)`, `getItemOrNullObject(id)`, `items` with `id` and `namespaceUri` (the root element's
 *   namespace); on a scoped collection also `getOnlyItem` and `getOnlyItemOrNullObject` (a null object
 *   unless exactly one part); a part's `getXml()`, `setXml(xml)`, `delete()`. They are kept with the
 *   workbook: `ExcelDouble.fromXlsx` reads the file's custom XML items (`customXml/itemN.xml` related from
 *   the workbook) and `customXmlParts()` lists them for a test to save. They are not cells: writing them
 *   raises no event, recalculates nothing and leaves the user's undo stack alone (a user's Ctrl+Z does
 *   not undo them).
 * - Events, registered at the sync after `add` and raised asynchronously after the change (a
 *   setTimeout): `worksheets.onChanged` (1.9) and `worksheet.onChanged` (1.7) with `type`,
 *   `worksheetId`, `address` (no sheet part), `changeType` ('RangeEdited', 'RowInserted',
 *   'RowDeleted'), `source` ('Local' or 'Remote'), `triggerSource` (1.14: 'ThisLocalAddin' for the
 *   add-in's own writes, else 'Unknown'), `details` (1.9: valueBefore/valueAfter and their types,
 *   only for a single cell; a multi-cell change carries none); `onAdded`, `onDeleted` (1.7),
 *   `onNameChanged` (1.17: nameBefore, nameAfter), `onSelectionChanged` (1.9 on the collection, 1.7
 *   on a worksheet). The add-in's own value writes, sheet additions, deletions and renames raise them
 *   too ("Office Add-in code that changes the workbook" triggers events).
 * - The user (`user.*`): a single-cell edit, a multi-cell paste, rows inserted (cells below, merges,
 *   hidden rows, conditional-format ranges and every formula reference move down; a range that spans
 *   the insertion grows; the new rows take the number formats of the row above, Excel's default
 *   "Format Same As Above") or deleted, a sheet renamed (every reference renamed), deleted (references
 *   become #REF!) or added, a selection, cell-edit mode, and undo of the last edit or paste (the
 *   previous values come back and onChanged is raised). API writes clear the user's undo stack, as
 *   APIs without undo support do ("Excel add-ins undo capabilities": calling an unsupported API
 *   clears the undo stack; office-js #3788 for builds before ExcelApi 1.20).
 * - Formulas are recalculated after every change (automatic calculation) by the project's exact test
 *   evaluator (test/helpers/formula-eval.ts).
 *
 * WHAT IT DOES NOT SIMULATE
 * - Any API not listed above (range.format and cell styles, tables, names, comments, notes, charts,
 *   settings, data validation, protection, `trackedObjects`): the objects simply have no such member.
 * - Custom XML parts: the error codes of `add`/`setXml` with XML that is not well-formed (the double
 *   says InvalidArgument) and of `getOnlyItem` without exactly one part (ItemNotFound for none,
 *   InvalidOperation for several) are not documented; ids are GUID-shaped but new each time a workbook
 *   is opened (whether Excel keeps them is not documented: find parts by namespace); the XML is kept as
 *   given (Excel may re-serialize it: declaration, prefixes); whether a custom XML part write clears
 *   the user's undo stack on ExcelApi 1.20 is not documented (the double leaves it); co-authoring of
 *   custom XML parts. Conditional formats other than the custom type, `clearAll`, and
 *   `getSpecialCellsOrNullObject` other than 'Visible' throw NotSimulatedError.
 * - Operations on a null object (reading its properties, calling its methods): Excel's behaviour is
 *   not documented; the double fails the sync with ItemNotFound. Hiding or deleting the last visible
 *   sheet (Excel refuses it) fails with InvalidOperation: the code is the double's choice.
 * - A written text starting with "+" or "-" (Excel reads it as a formula, as it does "="; the double
 *   only treats "=" so), locale-shaped dates written as text.
 * - The exact decomposition Excel gives a RangeAreas address into areas (the double lists row bands ×
 *   column bands); the address format of a structural change's event (the double gives "5:5").
 * - Columns inserted or deleted, cut and paste, sorting, merging or unmerging by the user, undo of
 *   structural changes, redo; co-authoring beyond the `source: 'Remote'` flag of an edit.
 * - Formula functions outside the test evaluator (their cached value is kept; a new one reads
 *   #NAME?), array formulas, iterative calculation, manual calculation mode, dates as serial numbers
 *   (a fixture's dates stay the ISO text loadXlsx gives them), numeric text typed into a cell staying
 *   text (the double keeps what is written), `Range.text`, `valueTypes` 'Integer' (every number is
 *   'Double'), the 5,000,000-cell read limit and 512-merged-area limit, conditional-format rules with
 *   relative references over several cells (a rule is evaluated as written).
 * - Timing: every event arrives after a zero timeout; real Excel may deliver late, miss some
 *   (office-js #420, #1760), and the latency of a sync is fixed, not variable.
 */
import { fromA1, type RangeRef } from '../../../src/core/grid/address';
import type { Workbook } from '../../../src/core/grid/grid';
import { Decimal } from '../../../src/core/money/decimal';
import { loadXlsx } from '../../../src/hosts/xlsx/load';
import { evaluateFormula, isFormulaError } from '../../helpers/formula-eval';
import { parseLocalAddress, rangeAddress } from './address';
import { errors, RichApiError } from './errors';
import { readCustomXml } from '../../../src/hosts/xlsx/read/custom-xml';
import './custom-xml';
import { compareSets, DoubleRequestContext, valueType, type Action, type Engine, type EventName, type Registration } from './proxies';
import { GENERAL, WorkbookState, type CellScalar, type CFState, type DCell, type SheetState } from './state';

export { RichApiError, NotSimulatedError } from './errors';
export type { DoubleRequestContext } from './proxies';

export interface ExcelDoubleOptions {
  /** Milliseconds each request takes (0: resolve on the next microtask). */
  latencyMs?: number;
  /** The highest ExcelApi requirement set this "Excel" supports (default '1.20'). */
  apiVersion?: string;
  /** 'web' applies Excel on the web's 5 MB request/response cap (default); 'desktop' does not. */
  platform?: 'web' | 'desktop';
  payloadLimitBytes?: number;
  /** API writes clear the user's undo stack (default true). */
  apiWritesClearUndo?: boolean;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  actions: number;
  error?: string;
}

interface PendingEvent {
  event: EventName;
  sheet: SheetState;
  args: Record<string, unknown>;
}

export interface RunOptions {
  delayForCellEdit?: boolean;
}

type Batch<T> = (context: DoubleRequestContext) => Promise<T>;

/** A cell's look: its number format, and what the conditional formats that apply add. */
export type DisplayedFormat = Omit<CFState['format'], 'numberFormat'> & { numberFormat: string };

export class ExcelDouble implements Engine {
  readonly state: WorkbookState;
  latencyMs: number;
  apiVersion: string;
  platform: 'web' | 'desktop';
  payloadLimitBytes: number;
  apiWritesClearUndo: boolean;
  syncCount = 0;
  readonly syncs: SyncRecord[] = [];
  /** Errors thrown (or promises rejected) by event handlers: Excel swallows them; tests should not. */
  readonly handlerErrors: unknown[] = [];
  private registrations: Registration[] = [];
  private nextRegistration = 1;
  private pendingEvents: PendingEvent[] = [];
  private wrote = false;
  private editing: { done: Promise<void>; finish: () => void } | undefined;
  private inFlight = 0;

  constructor(workbook: Workbook | WorkbookState, options: ExcelDoubleOptions = {}) {
    this.state = workbook instanceof WorkbookState ? workbook : WorkbookState.fromWorkbook(workbook);
    this.latencyMs = options.latencyMs ?? 0;
    this.apiVersion = options.apiVersion ?? '1.20';
    this.platform = options.platform ?? 'web';
    this.payloadLimitBytes = options.payloadLimitBytes ?? 5 * 1024 * 1024;
    this.apiWritesClearUndo = options.apiWritesClearUndo ?? true;
  }

  /** The workbook of an .xlsx file opened in the double: its cells and its custom XML parts. */
  static async fromXlsx(bytes: Uint8Array, fileName: string, options?: ExcelDoubleOptions): Promise<ExcelDouble> {
    const double = new ExcelDouble(await loadXlsx(bytes, fileName), options);
    double.state.customXmlParts = readCustomXml(bytes).map((item) => ({ id: double.state.newGuid(), xml: item.xml }));
    return double;
  }

  /** The workbook's custom XML parts as they stand (what a save would write). */
  customXmlParts(): { id: string; xml: string }[] {
    return this.state.customXmlParts.map((p) => ({ ...p }));
  }

  // -------------------------------------------------------------------------------------------
  // The Office.js globals

  readonly Excel = {
    run: <T>(first: RunOptions | DoubleRequestContext | Batch<T>, second?: Batch<T>): Promise<T> => this.run(first, second),
  };

  readonly Office = {
    context: { requirements: { isSetSupported: (name: string, version?: string) => this.isSetSupported(name, version) } },
    HostType: { Excel: 'Excel' },
    onReady: () => Promise.resolve({ host: 'Excel', platform: this.platform === 'web' ? 'OfficeOnline' : 'PC' }),
  };

  readonly OfficeExtension = { Error: RichApiError };

  /** Puts Excel, Office and OfficeExtension on `target` (globalThis, or a browser window); returns the undo. */
  install(target: Record<string, unknown> = globalThis): () => void {
    const before = { Excel: target.Excel, Office: target.Office, OfficeExtension: target.OfficeExtension };
    target.Excel = this.Excel;
    target.Office = this.Office;
    target.OfficeExtension = this.OfficeExtension;
    return () => Object.assign(target, before);
  }

  isSetSupported(name: string, version = '1.1'): boolean {
    return name.toLowerCase() === 'excelapi' && compareSets(version, this.apiVersion) <= 0;
  }

  supports(set: string): boolean {
    return compareSets(set, this.apiVersion) <= 0;
  }

  private async run<T>(first: RunOptions | DoubleRequestContext | Batch<T>, second?: Batch<T>): Promise<T> {
    let batch: Batch<T>;
    let ctx: DoubleRequestContext;
    if (typeof first === 'function') {
      batch = first;
      ctx = new DoubleRequestContext(this, false);
    } else if (first instanceof DoubleRequestContext) {
      // Excel.run(context, batch): a batch on an earlier context (to remove its event handlers)
      if (!second) throw errors.invalidArgument('batch');
      batch = second;
      ctx = first;
      ctx.closed = false;
    } else {
      if (!second) throw errors.invalidArgument('batch');
      batch = second;
      // RunOptions.delayForCellEdit is ExcelApi 1.11; an older Excel ignores it
      ctx = new DoubleRequestContext(this, first.delayForCellEdit === true && this.supports('1.11'));
    }
    const result: unknown = batch(ctx);
    if (!(result instanceof Promise)) {
      throw new RichApiError('RunMustReturnPromise', 'The batch function passed to the ".run" method didn\'t return a promise.');
    }
    try {
      const value = (await result) as T;
      await ctx.sync();
      return value;
    } finally {
      ctx.closed = true;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Processing one request

  async process(ctx: DoubleRequestContext, actions: Action[]): Promise<void> {
    this.inFlight++;
    try {
      if (this.editing) {
        if (ctx.delayForCellEdit) await this.editing.done;
        else return await this.fail(actions, 0, errors.cellEditMode());
      }
      const unsupported = actions.find((a) => !this.supports(a.set));
      if (unsupported) return await this.fail(actions, 0, errors.apiNotFound(unsupported.api, `ExcelApi ${unsupported.set}`));
      const requestBytes = actions.reduce((n, a) => n + a.requestBytes, 200);
      if (this.platform === 'web' && requestBytes > this.payloadLimitBytes) return await this.fail(actions, requestBytes, errors.requestPayload(requestBytes));

      this.wrote = false;
      this.pendingEvents = [];
      const commits: { responseBytes: number; apply(): void }[] = [];
      let failure: unknown;
      let wroteAny = false;
      for (const action of actions) {
        try {
          const commit = action.execute();
          if (commit) commits.push(commit);
        } catch (e) {
          failure = e;
          break;
        } finally {
          // automatic calculation: what a later action of the request reads is already recalculated
          if (this.wrote) {
            this.state.recalc();
            wroteAny = true;
            this.wrote = false;
          }
        }
      }
      if (wroteAny && this.apiWritesClearUndo) this.state.undo = [];
      const events = this.finishEvents(this.pendingEvents, 'ThisLocalAddin');
      this.pendingEvents = [];
      const responseBytes = commits.reduce((n, c) => n + c.responseBytes, 100);
      const responseTooLarge = this.platform === 'web' && responseBytes > this.payloadLimitBytes;
      const error = failure ?? (responseTooLarge ? errors.responsePayload(responseBytes) : undefined);
      this.syncCount++;
      this.syncs.push({ requestBytes, responseBytes, actions: actions.length, ...(error ? { error: describe(error) } : {}) });
      await this.delay();
      this.dispatch(events);
      if (error) throw error instanceof Error ? error : new Error(String(error));
      for (const c of commits) c.apply();
    } finally {
      this.inFlight--;
    }
  }

  private async fail(actions: Action[], requestBytes: number, error: RichApiError): Promise<never> {
    this.syncCount++;
    this.syncs.push({ requestBytes, responseBytes: 0, actions: actions.length, error: error.code });
    await this.delay();
    throw error;
  }

  private delay(): Promise<void> {
    if (this.latencyMs <= 0) return Promise.resolve();
    return new Promise((resolve) => globalThis.setTimeout(resolve, this.latencyMs));
  }

  apiWrote(): void {
    this.wrote = true;
  }

  apiEvent(event: EventName, sheet: SheetState, args: Record<string, unknown>): void {
    this.pendingEvents.push({ event, sheet, args });
  }

  register(reg: Omit<Registration, 'id'>): number {
    const id = this.nextRegistration++;
    this.registrations.push({ ...reg, id });
    return id;
  }

  unregister(id: number): void {
    this.registrations = this.registrations.filter((r) => r.id !== id);
  }

  /** Event handlers currently registered (for tests of dispose). */
  get handlerCount(): number {
    return this.registrations.length;
  }

  /** Fills in what depends on the supported sets and the state after the change. */
  private finishEvents(events: PendingEvent[], trigger: 'ThisLocalAddin' | 'Unknown'): PendingEvent[] {
    return events.map(({ event, sheet, args }) => {
      if (event !== 'onChanged') return { event, sheet, args };
      const out: Record<string, unknown> = { ...args };
      const d = args.details as { cell: { sheet: SheetState; row: number; col: number }; before: { value: unknown; type: string } } | undefined;
      delete out.details;
      if (d && this.supports('1.9')) {
        const after = d.cell.sheet.get(d.cell.row, d.cell.col);
        out.details = { valueBefore: d.before.value, valueTypeBefore: d.before.type, valueAfter: after?.value ?? '', valueTypeAfter: valueType(after) };
      }
      if (this.supports('1.14')) out.triggerSource = trigger;
      return { event, sheet, args: out };
    });
  }

  /** Raised after the change, to the handlers registered when it happened. */
  private dispatch(events: PendingEvent[]): void {
    if (events.length === 0) return;
    const deliveries = events.map(({ event, sheet, args }) => ({
      args,
      handlers: this.registrations.filter((reg) => reg.event === event && (reg.scope === 'collection' || reg.scope === sheet)),
    }));
    globalThis.setTimeout(() => {
      for (const { args, handlers } of deliveries) {
        for (const reg of handlers) {
          if (!this.registrations.includes(reg)) continue;
          try {
            const r = reg.handler(args);
            if (r && typeof (r as Promise<unknown>).then === 'function') (r as Promise<unknown>).catch((e: unknown) => this.handlerErrors.push(e));
          } catch (e) {
            this.handlerErrors.push(e);
          }
        }
      }
    }, 0);
  }

  /** True while a request is being processed (a batch awaiting its sync). */
  get busy(): boolean {
    return this.inFlight > 0;
  }

  // -------------------------------------------------------------------------------------------
  // The user

  readonly user = {
    /** Types a value (a text starting with "=" is a formula; null clears) into one cell. */
    edit: (sheet: string, address: string, value: CellScalar | null, options: { source?: 'Local' | 'Remote' } = {}) => {
      const s = this.userSheet(sheet);
      const at = fromA1(address);
      this.userWrite(s, { top: at.row, left: at.col, bottom: at.row, right: at.col }, [[value]], options.source ?? 'Local');
    },
    /** Pastes a block of values with its top-left cell at `address`. */
    paste: (sheet: string, address: string, values: (CellScalar | null)[][]) => {
      const s = this.userSheet(sheet);
      const at = fromA1(address);
      this.userWrite(s, { top: at.row, left: at.col, bottom: at.row + values.length - 1, right: at.col + values[0].length - 1 }, values, 'Local');
    },
    /** Inserts `count` rows before the 1-based row `row`. */
    insertRows: (sheet: string, row: number, count = 1) => {
      const s = this.userSheet(sheet);
      this.state.insertRows(s, row - 1, count);
      this.state.recalc();
      this.userEvents([{ event: 'onChanged', sheet: s, args: { type: 'WorksheetChanged', worksheetId: s.id, address: `${row}:${row + count - 1}`, changeType: 'RowInserted', source: 'Local' } }]);
    },
    deleteRows: (sheet: string, row: number, count = 1) => {
      const s = this.userSheet(sheet);
      this.state.deleteRows(s, row - 1, count);
      this.state.recalc();
      this.userEvents([{ event: 'onChanged', sheet: s, args: { type: 'WorksheetChanged', worksheetId: s.id, address: `${row}:${row + count - 1}`, changeType: 'RowDeleted', source: 'Local' } }]);
    },
    renameSheet: (from: string, to: string) => {
      const s = this.userSheet(from);
      this.state.renameSheet(s, to);
      this.state.recalc();
      this.state.undo = [];
      this.userEvents([{ event: 'onNameChanged', sheet: s, args: { type: 'WorksheetNameChanged', worksheetId: s.id, nameBefore: from, nameAfter: s.name, source: 'Local' } }]);
    },
    deleteSheet: (name: string) => {
      const s = this.userSheet(name);
      this.state.deleteSheet(s);
      this.state.recalc();
      this.userEvents([{ event: 'onDeleted', sheet: s, args: { type: 'WorksheetDeleted', worksheetId: s.id, source: 'Local' } }]);
    },
    addSheet: (name?: string) => {
      const s = this.state.addSheet(name);
      this.state.undo = [];
      this.userEvents([{ event: 'onAdded', sheet: s, args: { type: 'WorksheetAdded', worksheetId: s.id, source: 'Local' } }]);
      return s.name;
    },
    select: (sheet: string, address: string) => {
      const s = this.userSheet(sheet);
      const range = parseLocalAddress(address);
      if (!range) throw errors.invalidArgument(address);
      this.state.activeSheet = s;
      this.state.selection = { sheet: s, range, areas: [range] };
      this.userEvents([{ event: 'onSelectionChanged', sheet: s, args: { type: 'WorksheetSelectionChanged', worksheetId: s.id, address: rangeAddress(range) } }]);
    },
    /** Ctrl+Z: the last edit or paste is undone (false when there is nothing to undo). */
    undo: (): boolean => {
      const entry = this.state.undo.pop();
      if (!entry) return false;
      const single = entry.range.top === entry.range.bottom && entry.range.left === entry.range.right;
      const before = single ? entry.sheet.get(entry.range.top, entry.range.left) : undefined;
      for (const [k, cell] of entry.before) entry.sheet.put(Math.floor(k / 16384), k % 16384, cell && { ...cell });
      this.state.recalc();
      this.userEvents([{ event: 'onChanged', sheet: entry.sheet, args: this.changedArgs(entry.sheet, entry.range, 'Local', single ? before : undefined, single) }]);
      return true;
    },
    /** The user starts typing in a cell: requests fail (or wait, with delayForCellEdit) until endCellEdit. */
    beginCellEdit: () => {
      if (this.editing) return;
      let finish: () => void = () => undefined;
      const done = new Promise<void>((resolve) => (finish = resolve));
      this.editing = { done, finish };
    },
    /** The user leaves the cell; with a value, it is entered there (an edit with its event). */
    endCellEdit: (commit?: { sheet: string; address: string; value: CellScalar | null }) => {
      const editing = this.editing;
      this.editing = undefined;
      if (commit) this.user.edit(commit.sheet, commit.address, commit.value);
      editing?.finish();
    },
  };

  private userSheet(name: string): SheetState {
    const s = this.state.find(name);
    if (!s || s.visibility === 'VeryHidden') throw new Error(`Excel double: the user cannot reach a sheet "${name}"`);
    return s;
  }

  private userWrite(s: SheetState, range: RangeRef, values: (CellScalar | null)[][], source: 'Local' | 'Remote'): void {
    const single = range.top === range.bottom && range.left === range.right;
    const before = new Map<number, DCell | undefined>();
    const previous = single ? s.get(range.top, range.left) : undefined;
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) {
        const cell = s.get(r, c);
        before.set(r * 16384 + c, cell && { ...cell });
        const v = values[r - range.top][c - range.left];
        const numFmt = cell?.numFmt ?? GENERAL;
        if (typeof v === 'string' && v.startsWith('=') && v.length > 1) s.put(r, c, { value: null, formula: v, numFmt });
        else s.put(r, c, { value: v === '' ? null : v, numFmt });
      }
    }
    this.state.undo.push({ sheet: s, range, before });
    this.state.recalc();
    this.userEvents([{ event: 'onChanged', sheet: s, args: this.changedArgs(s, range, source, previous, single) }]);
  }

  private changedArgs(s: SheetState, range: RangeRef, source: 'Local' | 'Remote', previous: DCell | undefined, single: boolean): Record<string, unknown> {
    return {
      type: 'WorksheetChanged',
      worksheetId: s.id,
      address: rangeAddress(range),
      changeType: 'RangeEdited',
      source,
      ...(single ? { details: { cell: { sheet: s, row: range.top, col: range.left }, before: { value: previous?.value ?? '', type: valueType(previous) } } } : {}),
    };
  }

  private userEvents(events: PendingEvent[]): void {
    this.dispatch(this.finishEvents(events, 'Unknown'));
  }

  // -------------------------------------------------------------------------------------------
  // Inspection for tests

  sheetNames(options: { includeHidden?: boolean } = {}): string[] {
    return this.state.sheets.filter((s) => options.includeHidden || s.visibility === 'Visible').map((s) => s.name);
  }

  sheet(name: string): SheetState {
    const s = this.state.find(name);
    if (!s) throw new Error(`Excel double: no sheet "${name}"`);
    return s;
  }

  cell(sheet: string, address: string): DCell | undefined {
    const at = fromA1(address);
    return this.sheet(sheet).get(at.row, at.col);
  }

  /** The workbook as the grid model, very hidden sheets left out unless asked for. */
  toWorkbook(options: { includeHidden?: boolean } = {}): Workbook {
    return this.state.toWorkbook(options);
  }

  /** How a cell looks: its own number format, with the conditional formats that apply on top. */
  displayed(sheet: string, address: string): DisplayedFormat {
    const s = this.sheet(sheet);
    const at = fromA1(address);
    const out: DisplayedFormat = { numberFormat: s.numFmt(at.row, at.col), borders: {} };
    const set = new Set<string>();
    for (const cf of s.cfs) {
      if (!(at.row >= cf.range.top && at.row <= cf.range.bottom && at.col >= cf.range.left && at.col <= cf.range.right)) continue;
      if (!this.ruleIsTrue(s, cf)) continue;
      const f = cf.format;
      const take = <K extends keyof DisplayedFormat>(k: K, v: DisplayedFormat[K] | undefined) => {
        if (v === undefined || set.has(k)) return;
        out[k] = v;
        set.add(k);
      };
      take('numberFormat', f.numberFormat);
      take('fillColor', f.fillColor);
      take('fontColor', f.fontColor);
      take('bold', f.bold);
      take('italic', f.italic);
      take('underline', f.underline);
      take('strikethrough', f.strikethrough);
      for (const [edge, border] of Object.entries(f.borders)) {
        if (!set.has(`border:${edge}`) && border) {
          out.borders[edge as keyof DisplayedFormat['borders']] = border;
          set.add(`border:${edge}`);
        }
      }
      if (cf.stopIfTrue) break;
    }
    return out;
  }

  private ruleIsTrue(s: SheetState, cf: CFState): boolean {
    if (!cf.formula || cf.formula.includes('#REF!')) return false;
    const v = evaluateFormula(cf.formula, s.name, (name, r, c) => {
      const target = this.state.find(name);
      if (!target) return { error: '#REF!' };
      const cell = target.get(r, c);
      if (!cell || cell.value === null) return null;
      if (cell.error) return { error: String(cell.value) };
      return typeof cell.value === 'number' ? new Decimal(cell.value) : cell.value;
    });
    if (isFormulaError(v)) return false;
    if (typeof v === 'boolean') return v;
    if (v instanceof Decimal) return !v.isZero();
    return false;
  }

  /**
   * Every format the workbook carries, as text: each sheet's name and visibility, every cell's number
   * format other than General, every conditional format (range, rule, format) in priority order.
   */
  formatSnapshot(): string {
    const out: string[] = [];
    for (const s of this.state.sheets) {
      out.push(`sheet ${s.name} ${s.visibility}`);
      const cells = [...s.cells.entries()].filter(([, c]) => c.numFmt !== GENERAL).sort((a, b) => a[0] - b[0]);
      for (const [k, c] of cells) out.push(`  ${rangeAddress({ top: Math.floor(k / 16384), left: k % 16384, bottom: Math.floor(k / 16384), right: k % 16384 })} ${c.numFmt}`);
      for (const cf of s.cfs) out.push(`  cf ${rangeAddress(cf.range)} ${cf.formula} ${JSON.stringify(cf.format)} stop=${cf.stopIfTrue}`);
    }
    return out.join('\n');
  }
}

function describe(e: unknown): string {
  if (e instanceof RichApiError) return e.code;
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}
