/**
 * The proxy objects of the Excel JavaScript API subset the double serves. Each proxy belongs to one
 * request context; `load` and property writes and method calls queue actions on that context, and
 * only `context.sync()` runs them against the workbook (in the order they were queued), so reading
 * a property that was not loaded and synced throws PropertyNotLoaded, as Excel does. Every API
 * carries the ExcelApi requirement set it belongs to; a sync that uses one the double is configured
 * not to support fails with ApiNotFound.
 */
import { columnLetters, MAX_COL, MAX_ROW, toA1, type RangeRef } from '../../../src/core/grid/address';
import { parseFormula, FormulaSyntaxError } from '../../helpers/formula-eval';
import { cellCount, intersection, parseLocalAddress, qualified, rangeAddress } from './address';
import { errors, NotSimulatedError, RichApiError } from './errors';
import { GENERAL, type BorderIndex, type CellScalar, type CFState, type DCell, type SheetState, type Visibility, type WorkbookState } from './state';

// ---------------------------------------------------------------------------------------------
// The engine the proxies talk to (implemented by ExcelDouble in index.ts)

export type EventName = 'onChanged' | 'onAdded' | 'onDeleted' | 'onNameChanged' | 'onSelectionChanged';

export interface Registration {
  id: number;
  scope: 'collection' | SheetState;
  event: EventName;
  handler: (args: unknown) => unknown;
}

export interface Engine {
  readonly state: WorkbookState;
  supports(set: string): boolean;
  process(ctx: DoubleRequestContext, actions: Action[]): Promise<void>;
  register(reg: Omit<Registration, 'id'>): number;
  unregister(id: number): void;
  /** Raised by the add-in's own writes; dispatched after the sync that made them. */
  apiEvent(event: EventName, sheet: SheetState, args: Record<string, unknown>): void;
  apiWrote(): void;
}

export interface Commit {
  responseBytes: number;
  apply(): void;
}

export interface Action {
  /** "Range.getMergedAreasOrNullObject" and its ExcelApi set. */
  api: string;
  set: string;
  requestBytes: number;
  execute(): Commit | void;
}

const ACTION_BYTES = 120;

export class DoubleRequestContext {
  readonly workbook: DWorkbook;
  private queue: Action[] = [];
  closed = false;

  constructor(
    readonly engine: Engine,
    readonly delayForCellEdit: boolean,
  ) {
    this.workbook = new DWorkbook(this);
  }

  enqueue(action: Action): void {
    this.queue.push(action);
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const actions = this.queue;
    this.queue = [];
    // office.js sends no request when nothing is queued
    if (actions.length === 0) return;
    if (this.closed) throw new RichApiError('InvalidObjectPath', 'The object path isn\'t working for what you\'re trying to do. The request context of this object has ended (its Excel.run finished).');
    await this.engine.process(this, actions);
  }
}

// ---------------------------------------------------------------------------------------------
// Base proxy

type LoadSpec = string | string[] | { select?: string | string[] };

interface ScalarDef<T> {
  set: string;
  get(target: T): unknown;
}

function parseSpec(spec: LoadSpec | undefined): string[] | null {
  if (spec === undefined) return null;
  const list = typeof spec === 'string' ? spec.split(',') : Array.isArray(spec) ? spec : typeof spec.select === 'string' ? spec.select.split(',') : (spec.select ?? []);
  return list.map((s) => s.trim()).filter((s) => s.length > 0);
}

function jsonBytes(v: unknown): number {
  return JSON.stringify(v ?? null).length;
}

export abstract class DObject<T> {
  private readonly loadedValues = new Map<string, unknown>();
  private nullKnown: boolean | undefined;
  private resolved: { t: T | null } | undefined;
  protected abstract readonly typeName: string;
  protected abstract readonly scalars: Record<string, ScalarDef<T>>;

  constructor(
    readonly context: DoubleRequestContext,
    private readonly finder?: () => T | null,
  ) {}

  /** The server-side object, found when the request runs; null for a null object. Throws ItemNotFound. */
  protected locate(): T | null {
    if (!this.finder) throw new NotSimulatedError(`${this.typeName} without a way to find it`);
    return this.finder();
  }

  target(): T | null {
    if (!this.resolved) this.resolved = { t: this.locate() };
    else this.revalidate(this.resolved.t);
    return this.resolved.t;
  }

  /** Fails when the object found earlier is gone (a deleted sheet). */
  protected revalidate(_t: T | null): void {}

  /** The target, which must exist (an operation on a null object is not simulated). */
  protected existing(what: string): T {
    const t = this.target();
    if (t === null) throw errors.itemNotFound(`${this.typeName}.${what} on a null object`);
    return t;
  }

  protected nav(_name: string): DObject<unknown> | undefined {
    return undefined;
  }

  get isNullObject(): boolean {
    if (this.nullKnown === undefined) throw errors.propertyNotLoaded('isNullObject');
    return this.nullKnown;
  }

  /** Office loads isNullObject at every sync of an *OrNullObject result. */
  protected instantiate(api: string, set: string): void {
    this.context.enqueue({
      api,
      set,
      requestBytes: ACTION_BYTES / 2,
      execute: () => {
        const t = this.target();
        return { responseBytes: 8, apply: () => (this.nullKnown = t === null) };
      },
    });
  }

  /** Values a collection load brought for this item (the collection's request filled them). */
  acceptLoaded(values: readonly (readonly [string, unknown])[], isNull = false): void {
    for (const [k, v] of values) this.loadedValues.set(k, v);
    this.nullKnown = isNull;
  }

  protected value<V>(name: string): V {
    if (!this.loadedValues.has(name)) throw errors.propertyNotLoaded(name);
    return this.loadedValues.get(name) as V;
  }

  load(spec?: LoadSpec): this {
    const paths = parseSpec(spec) ?? Object.keys(this.scalars);
    const mine: string[] = [];
    for (const path of paths) {
      const [head, ...rest] = path.split('/');
      if (rest.length > 0 || !(head in this.scalars)) {
        const child = this.nav(head);
        if (!child) throw errors.invalidArgument(`${this.typeName}.load("${path}")`);
        child.load(rest.length ? rest.join('/') : undefined);
        continue;
      }
      mine.push(head);
    }
    if (mine.length === 0) return this;
    const api = `${this.typeName}.load(${mine.join(',')})`;
    const set = mine.map((m) => this.scalars[m].set).sort(compareSets).pop() ?? '1.1';
    this.context.enqueue({
      api,
      set,
      requestBytes: ACTION_BYTES + mine.join(',').length,
      execute: () => {
        const t = this.target();
        if (t === null) return { responseBytes: 8, apply: () => (this.nullKnown = true) };
        const values = mine.map((m) => [m, this.scalars[m].get(t)] as const);
        return {
          responseBytes: values.reduce((n, [k, v]) => n + k.length + jsonBytes(v), 16),
          apply: () => {
            this.nullKnown = false;
            for (const [k, v] of values) this.loadedValues.set(k, v);
          },
        };
      },
    });
    return this;
  }

  /** Queues a property write (or a method without a result). */
  protected write(api: string, set: string, args: unknown, run: (t: T) => void): void {
    this.context.enqueue({
      api: `${this.typeName}.${api}`,
      set,
      requestBytes: ACTION_BYTES + jsonBytes(args),
      execute: () => run(this.existing(api)),
    });
  }

  protected sameContext(other: { context: DoubleRequestContext }): void {
    if (other.context !== this.context) throw errors.invalidRequestContext();
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loadedValues);
  }
}

/** "1.10" after "1.9". */
export function compareSets(a: string, b: string): number {
  const [a1, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
}

// ---------------------------------------------------------------------------------------------
// Events

export class DEventHandlers {
  constructor(
    private readonly context: DoubleRequestContext,
    private readonly scope: 'collection' | (() => SheetState),
    private readonly event: EventName,
    private readonly api: string,
    private readonly set: string,
  ) {}

  add(handler: (args: never) => unknown): DEventHandlerResult {
    const result = new DEventHandlerResult(this.context, this.api, this.set);
    this.context.enqueue({
      api: `${this.api}.add`,
      set: this.set,
      requestBytes: ACTION_BYTES,
      execute: () => {
        const scope = this.scope === 'collection' ? 'collection' : this.scope();
        const id = this.context.engine.register({ scope, event: this.event, handler: handler as (args: unknown) => unknown });
        return { responseBytes: 8, apply: () => (result.id = id) };
      },
    });
    return result;
  }
}

export class DEventHandlerResult {
  id: number | undefined;

  constructor(
    readonly context: DoubleRequestContext,
    private readonly api: string,
    private readonly set: string,
  ) {}

  remove(): void {
    this.context.enqueue({
      api: `${this.api}.remove`,
      set: this.set,
      requestBytes: ACTION_BYTES,
      execute: () => {
        if (this.id !== undefined) this.context.engine.unregister(this.id);
      },
    });
  }
}

export class DClientResult<V> {
  private loaded = false;
  private v: V | undefined;

  set(v: V): void {
    this.v = v;
    this.loaded = true;
  }

  get value(): V {
    if (!this.loaded) throw errors.propertyNotLoaded('value');
    return this.v as V;
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook and worksheets

/**
 * Members of the workbook served by other files of the double, which register here (custom-xml.ts:
 * `customXmlParts`), so that this file need not import them.
 */
export const workbookMembers: { customXmlParts?: (context: DoubleRequestContext) => unknown } = {};

export class DWorkbook extends DObject<WorkbookState> {
  protected readonly typeName = 'Workbook';
  private customXml: unknown;
  protected readonly scalars: Record<string, ScalarDef<WorkbookState>> = {
    name: { set: '1.7', get: (s) => s.name },
  };
  readonly worksheets: DWorksheetCollection;

  constructor(context: DoubleRequestContext) {
    super(context);
    this.worksheets = new DWorksheetCollection(context);
  }

  protected override locate(): WorkbookState {
    return this.context.engine.state;
  }

  get name(): string {
    return this.value('name');
  }

  /** Workbook.customXmlParts (ExcelApi 1.5): test/double/excel/custom-xml.ts. */
  get customXmlParts(): unknown {
    const make = workbookMembers.customXmlParts;
    if (!make) throw new NotSimulatedError('Workbook.customXmlParts without custom-xml.ts');
    return (this.customXml ??= make(this.context));
  }

  getSelectedRange(): DRange {
    return new DRange(this.context, () => {
      const sel = this.context.engine.state.selection;
      if (!sel) throw errors.itemNotFound('selection');
      return { sheet: sel.sheet, range: sel.range };
    });
  }
}

export class DWorksheetCollection extends DObject<WorkbookState> {
  protected readonly typeName = 'WorksheetCollection';
  protected readonly scalars: Record<string, ScalarDef<WorkbookState>> = {};
  private loadedItems: DWorksheet[] | undefined;

  readonly onChanged = new DEventHandlers(this.context, 'collection', 'onChanged', 'WorksheetCollection.onChanged', '1.9');
  readonly onAdded = new DEventHandlers(this.context, 'collection', 'onAdded', 'WorksheetCollection.onAdded', '1.7');
  readonly onDeleted = new DEventHandlers(this.context, 'collection', 'onDeleted', 'WorksheetCollection.onDeleted', '1.7');
  readonly onNameChanged = new DEventHandlers(this.context, 'collection', 'onNameChanged', 'WorksheetCollection.onNameChanged', '1.17');
  readonly onSelectionChanged = new DEventHandlers(this.context, 'collection', 'onSelectionChanged', 'WorksheetCollection.onSelectionChanged', '1.9');

  protected override locate(): WorkbookState {
    return this.context.engine.state;
  }

  get items(): DWorksheet[] {
    if (!this.loadedItems) throw errors.propertyNotLoaded('items');
    return this.loadedItems;
  }

  override load(spec?: LoadSpec): this {
    const paths = (parseSpec(spec) ?? ['name', 'id', 'position', 'visibility']).map((p) => (p.startsWith('items/') ? p.slice(6) : p));
    const ctx = this.context;
    this.context.enqueue({
      api: 'WorksheetCollection.load',
      set: '1.1',
      requestBytes: ACTION_BYTES,
      execute: () => {
        const sheets = [...ctx.engine.state.sheets];
        const items = sheets.map((s) => new DWorksheet(ctx, () => s));
        return { responseBytes: 16, apply: () => (this.loadedItems = items) };
      },
    });
    // the items' own loads run right after, in the same request
    this.context.enqueue({
      api: 'WorksheetCollection.load(items)',
      set: '1.1',
      requestBytes: ACTION_BYTES,
      execute: () => {
        const sheets = [...ctx.engine.state.sheets];
        const values = sheets.map((s) => paths.map((p) => [p, worksheetScalar(p, s, ctx.engine.state)] as const));
        return {
          responseBytes: values.reduce((n, v) => n + jsonBytes(Object.fromEntries(v)), 16),
          apply: () => {
            this.loadedItems?.forEach((item, i) => item.acceptLoaded(values[i]));
          },
        };
      },
    });
    return this;
  }

  add(name?: string): DWorksheet {
    let created: SheetState | undefined;
    this.context.enqueue({
      api: 'WorksheetCollection.add',
      set: '1.1',
      requestBytes: ACTION_BYTES + (name?.length ?? 0),
      execute: () => {
        const state = this.context.engine.state;
        created = state.addSheet(name);
        this.context.engine.apiWrote();
        this.context.engine.apiEvent('onAdded', created, { type: 'WorksheetAdded', worksheetId: created.id, source: 'Local' });
      },
    });
    return new DWorksheet(this.context, () => {
      if (!created) throw errors.itemNotFound('worksheet not yet added');
      return created;
    });
  }

  getItem(key: string): DWorksheet {
    return new DWorksheet(this.context, () => {
      const s = this.context.engine.state.find(key);
      if (!s) throw errors.itemNotFound(`worksheet "${key}"`);
      return s;
    });
  }

  getItemOrNullObject(key: string): DWorksheet {
    const ws = new DWorksheet(this.context, () => this.context.engine.state.find(key) ?? null);
    ws.touch('WorksheetCollection.getItemOrNullObject', '1.4');
    return ws;
  }

  getActiveWorksheet(): DWorksheet {
    return new DWorksheet(this.context, () => {
      const s = this.context.engine.state.activeSheet;
      if (!s) throw errors.itemNotFound('active worksheet');
      return s;
    });
  }

  getCount(): DClientResult<number> {
    const result = new DClientResult<number>();
    this.context.enqueue({
      api: 'WorksheetCollection.getCount',
      set: '1.4',
      requestBytes: ACTION_BYTES,
      execute: () => {
        const n = this.context.engine.state.sheets.length;
        return { responseBytes: 8, apply: () => result.set(n) };
      },
    });
    return result;
  }
}

function worksheetScalar(name: string, s: SheetState, state: WorkbookState): unknown {
  switch (name) {
    case 'id':
      return s.id;
    case 'name':
      return s.name;
    case 'position':
      return state.sheets.indexOf(s);
    case 'visibility':
      return s.visibility;
    default:
      throw errors.invalidArgument(`Worksheet.load("${name}")`);
  }
}

export class DWorksheet extends DObject<SheetState> {
  protected readonly typeName = 'Worksheet';
  protected readonly scalars: Record<string, ScalarDef<SheetState>> = {
    id: { set: '1.1', get: (s) => s.id },
    name: { set: '1.1', get: (s) => s.name },
    position: { set: '1.1', get: (s) => this.context.engine.state.sheets.indexOf(s) },
    visibility: { set: '1.1', get: (s) => s.visibility },
  };

  readonly onChanged = new DEventHandlers(this.context, () => this.existing('onChanged'), 'onChanged', 'Worksheet.onChanged', '1.7');
  readonly onSelectionChanged = new DEventHandlers(this.context, () => this.existing('onSelectionChanged'), 'onSelectionChanged', 'Worksheet.onSelectionChanged', '1.7');
  readonly onNameChanged = new DEventHandlers(this.context, () => this.existing('onNameChanged'), 'onNameChanged', 'Worksheet.onNameChanged', '1.17');

  constructor(context: DoubleRequestContext, find: () => SheetState | null) {
    super(context, find);
  }

  protected override revalidate(t: SheetState | null): void {
    if (t && !this.context.engine.state.sheets.includes(t)) throw errors.itemNotFound(`worksheet "${t.name}" (deleted)`);
  }

  touch(api: string, set: string): void {
    this.instantiate(api, set);
  }

  get id(): string {
    return this.value('id');
  }

  get name(): string {
    return this.value('name');
  }

  set name(to: string) {
    this.write('name', '1.1', to, (s) => {
      const from = s.name;
      this.context.engine.state.renameSheet(s, to);
      this.context.engine.apiWrote();
      if (from !== to) this.context.engine.apiEvent('onNameChanged', s, { type: 'WorksheetNameChanged', worksheetId: s.id, nameBefore: from, nameAfter: to, source: 'Local' });
    });
  }

  get position(): number {
    return this.value('position');
  }

  get visibility(): Visibility {
    return this.value('visibility');
  }

  set visibility(v: Visibility) {
    this.write('visibility', '1.1', v, (s) => {
      if (!['Visible', 'Hidden', 'VeryHidden'].includes(v)) throw errors.invalidArgument('visibility');
      const state = this.context.engine.state;
      if (v !== 'Visible' && s.visibility === 'Visible' && state.sheets.filter((x) => x.visibility === 'Visible').length === 1) throw errors.invalidOperation('Worksheet.visibility');
      s.visibility = v;
      if (v !== 'Visible' && state.activeSheet === s) state.activeSheet = state.sheets.find((x) => x.visibility === 'Visible');
      this.context.engine.apiWrote();
    });
  }

  activate(): void {
    this.write('activate', '1.1', null, (s) => {
      this.context.engine.state.activeSheet = s;
    });
  }

  delete(): void {
    this.write('delete', '1.1', null, (s) => {
      // documented: a very hidden worksheet cannot be deleted; make it hidden or visible first
      if (s.visibility === 'VeryHidden') throw errors.invalidOperation('Worksheet.delete on a VeryHidden worksheet');
      this.context.engine.state.deleteSheet(s);
      this.context.engine.apiWrote();
      this.context.engine.apiEvent('onDeleted', s, { type: 'WorksheetDeleted', worksheetId: s.id, source: 'Local' });
    });
  }

  getRange(address?: string): DRange {
    return new DRange(this.context, () => {
      const s = this.existing('getRange');
      if (address === undefined) return { sheet: s, range: { top: 0, left: 0, bottom: MAX_ROW, right: MAX_COL } };
      const range = parseLocalAddress(address);
      if (!range) throw errors.invalidArgument(`address "${address}"`);
      return { sheet: s, range };
    });
  }

  /** Several areas of this sheet ("A1:B2, D5"). */
  getRanges(address: string): DRangeAreas {
    const areas = new DRangeAreas(this.context, () => {
      const s = this.existing('getRanges');
      const found = address.split(',').map((a) => parseLocalAddress(a));
      if (found.some((a) => a === null)) throw errors.invalidArgument(`address "${address}"`);
      return { sheet: s, areas: found as RangeRef[] };
    });
    areas.require('Worksheet.getRanges', '1.9');
    return areas;
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): DRange {
    const r = new DRange(this.context, () => {
      const s = this.existing('getRangeByIndexes');
      if (rowCount < 1 || columnCount < 1 || startRow + rowCount - 1 > MAX_ROW || startColumn + columnCount - 1 > MAX_COL) throw errors.invalidArgument('getRangeByIndexes');
      return { sheet: s, range: { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 } };
    });
    r.requireSet('Worksheet.getRangeByIndexes', '1.7');
    return r;
  }

  getUsedRange(valuesOnly?: boolean): DRange {
    const r = new DRange(this.context, () => {
      const s = this.existing('getUsedRange');
      return { sheet: s, range: s.usedRange(valuesOnly === true) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
    if (valuesOnly !== undefined) r.requireSet('Worksheet.getUsedRange(valuesOnly)', '1.2');
    return r;
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): DRange {
    const r = new DRange(this.context, () => {
      const s = this.existing('getUsedRangeOrNullObject');
      const used = s.usedRange(valuesOnly === true);
      return used ? { sheet: s, range: used } : null;
    });
    r.touch('Worksheet.getUsedRangeOrNullObject', '1.4');
    return r;
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges

export interface RangeTarget {
  sheet: SheetState;
  range: RangeRef;
}

type Scalar2D = (CellScalar | null)[][];

export class DRange extends DObject<RangeTarget> {
  protected readonly typeName = 'Range';
  protected readonly scalars: Record<string, ScalarDef<RangeTarget>> = {
    address: { set: '1.1', get: (t) => qualified(t.sheet.name, t.range) },
    addressLocal: { set: '1.1', get: (t) => qualified(t.sheet.name, t.range) },
    rowIndex: { set: '1.1', get: (t) => t.range.top },
    columnIndex: { set: '1.1', get: (t) => t.range.left },
    rowCount: { set: '1.1', get: (t) => t.range.bottom - t.range.top + 1 },
    columnCount: { set: '1.1', get: (t) => t.range.right - t.range.left + 1 },
    cellCount: { set: '1.1', get: (t) => cellCount(t.range) },
    values: { set: '1.1', get: (t) => grid(t, (c) => (c?.value ?? '')) },
    formulas: { set: '1.1', get: (t) => grid(t, (c) => c?.formula ?? c?.value ?? '') },
    numberFormat: { set: '1.1', get: (t) => grid(t, (c) => c?.numFmt ?? GENERAL) },
    valueTypes: { set: '1.1', get: (t) => grid(t, valueType) },
    rowHidden: { set: '1.2', get: (t) => tri(t.range.top, t.range.bottom, (r) => t.sheet.hiddenRows.has(r)) },
    columnHidden: { set: '1.2', get: (t) => tri(t.range.left, t.range.right, (c) => t.sheet.hiddenCols.has(c)) },
  };

  constructor(
    context: DoubleRequestContext,
    private readonly find: () => RangeTarget | null,
  ) {
    super(context);
  }

  protected override locate(): RangeTarget | null {
    const t = this.find();
    if (t && !this.context.engine.state.sheets.includes(t.sheet)) throw errors.itemNotFound(`worksheet "${t.sheet.name}" (deleted)`);
    return t;
  }

  protected override revalidate(t: RangeTarget | null): void {
    if (t && !this.context.engine.state.sheets.includes(t.sheet)) throw errors.itemNotFound(`worksheet "${t.sheet.name}" (deleted)`);
  }

  /** A range made by a method of a newer requirement set: every use of it needs that set. */
  requireSet(api: string, set: string): void {
    this.context.enqueue({ api, set, requestBytes: ACTION_BYTES / 2, execute: () => undefined });
  }

  touch(api: string, set: string): void {
    this.instantiate(api, set);
  }

  protected override nav(name: string): DObject<unknown> | undefined {
    if (name === 'worksheet') return this.worksheet;
    if (name === 'conditionalFormats') return this.conditionalFormats;
    return undefined;
  }

  get address(): string {
    return this.value('address');
  }
  get addressLocal(): string {
    return this.value('addressLocal');
  }
  get rowIndex(): number {
    return this.value('rowIndex');
  }
  get columnIndex(): number {
    return this.value('columnIndex');
  }
  get rowCount(): number {
    return this.value('rowCount');
  }
  get columnCount(): number {
    return this.value('columnCount');
  }
  get cellCount(): number {
    return this.value('cellCount');
  }
  get values(): Scalar2D {
    return this.value('values');
  }
  set values(v: Scalar2D) {
    this.write('values', '1.1', v, (t) => this.assign(t, v, 'values'));
  }
  get formulas(): Scalar2D {
    return this.value('formulas');
  }
  set formulas(v: Scalar2D) {
    this.write('formulas', '1.1', v, (t) => this.assign(t, v, 'formulas'));
  }
  get numberFormat(): string[][] {
    return this.value('numberFormat');
  }
  set numberFormat(v: string[][]) {
    this.write('numberFormat', '1.1', v, (t) => {
      each(t, v, (r, c, f) => {
        if (typeof f !== 'string') throw errors.invalidArgument('numberFormat');
        const cell = t.sheet.get(r, c);
        t.sheet.put(r, c, { ...(cell ?? { value: null }), numFmt: f });
      });
      this.context.engine.apiWrote();
    });
  }
  get valueTypes(): string[][] {
    return this.value('valueTypes');
  }
  get rowHidden(): boolean | null {
    return this.value('rowHidden');
  }
  get columnHidden(): boolean | null {
    return this.value('columnHidden');
  }

  private assign(t: RangeTarget, v: Scalar2D, what: 'values' | 'formulas'): void {
    const single = cellCount(t.range) === 1;
    const before = single ? t.sheet.get(t.range.top, t.range.left) : undefined;
    const beforeValue = before ? { value: before.value ?? '', type: valueType(before) } : { value: '', type: 'Empty' };
    each(t, v, (r, c, x) => {
      const numFmt = t.sheet.get(r, c)?.numFmt ?? GENERAL;
      if (typeof x === 'string' && x.startsWith('=') && x.length > 1) {
        try {
          parseFormula(x);
        } catch (e) {
          if (e instanceof FormulaSyntaxError) throw errors.invalidArgument(`${what}: ${x}`);
          throw e;
        }
        t.sheet.put(r, c, { value: null, formula: x, numFmt });
      } else t.sheet.put(r, c, { value: x === '' ? null : x, numFmt });
    });
    this.context.engine.apiWrote();
    this.context.engine.apiEvent('onChanged', t.sheet, {
      type: 'WorksheetChanged',
      worksheetId: t.sheet.id,
      address: rangeAddress(t.range),
      changeType: 'RangeEdited',
      source: 'Local',
      // filled in after the request's recalculation
      ...(single ? { details: { cell: { sheet: t.sheet, row: t.range.top, col: t.range.left }, before: beforeValue } } : {}),
    });
  }

  get worksheet(): DWorksheet {
    return new DWorksheet(this.context, () => this.existing('worksheet').sheet);
  }

  get conditionalFormats(): DConditionalFormatCollection {
    return new DConditionalFormatCollection(this.context, () => this.existing('conditionalFormats'));
  }

  private sub(api: string, f: (t: RangeTarget) => RangeRef): DRange {
    return new DRange(this.context, () => {
      const t = this.existing(api);
      const range = f(t);
      if (range.bottom > MAX_ROW || range.right > MAX_COL || range.top < 0 || range.left < 0) throw errors.invalidArgument(api);
      return { sheet: t.sheet, range };
    });
  }

  getCell(row: number, column: number): DRange {
    return this.sub('getCell', (t) => ({ top: t.range.top + row, left: t.range.left + column, bottom: t.range.top + row, right: t.range.left + column }));
  }

  getRow(row: number): DRange {
    return this.sub('getRow', (t) => {
      if (row > t.range.bottom - t.range.top) throw errors.invalidArgument('getRow');
      return { ...t.range, top: t.range.top + row, bottom: t.range.top + row };
    });
  }

  getColumn(column: number): DRange {
    return this.sub('getColumn', (t) => {
      if (column > t.range.right - t.range.left) throw errors.invalidArgument('getColumn');
      return { ...t.range, left: t.range.left + column, right: t.range.left + column };
    });
  }

  getIntersectionOrNullObject(other: DRange | string): DRange {
    if (typeof other !== 'string') this.sameContext(other);
    const r = new DRange(this.context, () => {
      const t = this.existing('getIntersectionOrNullObject');
      const o = typeof other === 'string' ? parseLocalAddress(other) : other.existing('getIntersectionOrNullObject').range;
      if (!o) throw errors.invalidArgument(`address "${String(other)}"`);
      const x = intersection(t.range, o);
      return x ? { sheet: t.sheet, range: x } : null;
    });
    r.touch('Range.getIntersectionOrNullObject', '1.4');
    return r;
  }

  getMergedAreasOrNullObject(): DRangeAreas {
    const areas = new DRangeAreas(this.context, () => {
      const t = this.existing('getMergedAreasOrNullObject');
      // documented: the merged areas whose top-left cell lies in this range
      const found = t.sheet.merges.filter((m) => m.top >= t.range.top && m.top <= t.range.bottom && m.left >= t.range.left && m.left <= t.range.right);
      return found.length ? { sheet: t.sheet, areas: found } : null;
    });
    areas.touch('Range.getMergedAreasOrNullObject', '1.13');
    return areas;
  }

  getSpecialCellsOrNullObject(cellType: string): DRangeAreas {
    if (cellType !== 'Visible') throw new NotSimulatedError(`getSpecialCellsOrNullObject("${cellType}")`);
    const areas = new DRangeAreas(this.context, () => {
      const t = this.existing('getSpecialCellsOrNullObject');
      const rows = bands(t.range.top, t.range.bottom, (r) => !t.sheet.hiddenRows.has(r));
      const cols = bands(t.range.left, t.range.right, (c) => !t.sheet.hiddenCols.has(c));
      const found: RangeRef[] = [];
      for (const [top, bottom] of rows) for (const [left, right] of cols) found.push({ top, bottom, left, right });
      return found.length ? { sheet: t.sheet, areas: found } : null;
    });
    areas.touch('Range.getSpecialCellsOrNullObject', '1.9');
    return areas;
  }

  getVisibleView(): DRangeView {
    const view = new DRangeView(this.context, () => this.existing('getVisibleView'));
    view.touch('Range.getVisibleView', '1.3');
    return view;
  }

  getUsedRange(valuesOnly?: boolean): DRange {
    return this.sub('getUsedRange', (t) => {
      const used = t.sheet.usedRange(valuesOnly === true);
      const x = used ? intersection(used, t.range) : null;
      return x ?? { top: t.range.top, left: t.range.left, bottom: t.range.top, right: t.range.left };
    });
  }

  select(): void {
    this.write('select', '1.1', null, (t) => {
      const state = this.context.engine.state;
      state.activeSheet = t.sheet;
      state.selection = { sheet: t.sheet, range: t.range, areas: [t.range] };
      this.context.engine.apiEvent('onSelectionChanged', t.sheet, { type: 'WorksheetSelectionChanged', worksheetId: t.sheet.id, address: rangeAddress(t.range) });
    });
  }

}

export function valueType(c: DCell | undefined): string {
  if (!c || (c.value === null && !c.formula)) return 'Empty';
  if (c.error) return 'Error';
  if (typeof c.value === 'number') return 'Double';
  if (typeof c.value === 'boolean') return 'Boolean';
  if (c.value === null) return 'Empty';
  return 'String';
}

function grid<V>(t: RangeTarget, f: (c: DCell | undefined) => V): V[][] {
  const out: V[][] = [];
  for (let r = t.range.top; r <= t.range.bottom; r++) {
    const row: V[] = [];
    for (let c = t.range.left; c <= t.range.right; c++) row.push(f(t.sheet.get(r, c)));
    out.push(row);
  }
  return out;
}

/** A 2-D argument, or one value for every cell; dimensions must match the range. */
function each<V>(t: RangeTarget, v: V[][] | V, f: (r: number, c: number, x: V) => void): void {
  const rows = t.range.bottom - t.range.top + 1;
  const cols = t.range.right - t.range.left + 1;
  if (Array.isArray(v)) {
    if (v.length !== rows || v.some((line) => !Array.isArray(line) || line.length !== cols)) throw errors.invalidArgument('the dimensions of the array do not match the range');
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) f(t.range.top + r, t.range.left + c, v[r][c]);
  } else for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) f(t.range.top + r, t.range.left + c, v);
}

/** true when all are, false when none are, null when some are (Range.rowHidden, columnHidden). */
function tri(from: number, to: number, f: (i: number) => boolean): boolean | null {
  let any = false;
  let all = true;
  for (let i = from; i <= to; i++) {
    if (f(i)) any = true;
    else all = false;
    if (any && !all) return null;
  }
  return all;
}

function bands(from: number, to: number, keep: (i: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  for (let i = from; i <= to + 1; i++) {
    const k = i <= to && keep(i);
    if (k && start < 0) start = i;
    if (!k && start >= 0) {
      out.push([start, i - 1]);
      start = -1;
    }
  }
  return out;
}

export class DRangeAreas extends DObject<{ sheet: SheetState; areas: RangeRef[] }> {
  protected readonly typeName = 'RangeAreas';
  protected readonly scalars: Record<string, ScalarDef<{ sheet: SheetState; areas: RangeRef[] }>> = {
    address: { set: '1.9', get: (t) => t.areas.map((a) => qualified(t.sheet.name, a)).join(', ') },
    areaCount: { set: '1.9', get: (t) => t.areas.length },
  };

  constructor(context: DoubleRequestContext, find: () => { sheet: SheetState; areas: RangeRef[] } | null) {
    super(context, find);
  }

  touch(api: string, set: string): void {
    this.instantiate(api, set);
  }

  require(api: string, set: string): void {
    this.context.enqueue({ api, set, requestBytes: ACTION_BYTES / 2, execute: () => undefined });
  }

  get address(): string {
    return this.value('address');
  }
  get areaCount(): number {
    return this.value('areaCount');
  }

  /** Selects every area; the first area's top-left cell becomes the active cell. */
  select(): void {
    this.write('select', '1.9', null, (t) => {
      const state = this.context.engine.state;
      state.activeSheet = t.sheet;
      state.selection = { sheet: t.sheet, range: t.areas[0], areas: t.areas };
      this.context.engine.apiEvent('onSelectionChanged', t.sheet, { type: 'WorksheetSelectionChanged', worksheetId: t.sheet.id, address: t.areas.map(rangeAddress).join(',') });
    });
  }
}

export class DRangeView extends DObject<RangeTarget> {
  protected readonly typeName = 'RangeView';
  protected readonly scalars: Record<string, ScalarDef<RangeTarget>> = {
    cellAddresses: {
      set: '1.3',
      get: (t) => {
        const rows = visible(t.range.top, t.range.bottom, (r) => !t.sheet.hiddenRows.has(r));
        const cols = visible(t.range.left, t.range.right, (c) => !t.sheet.hiddenCols.has(c));
        return rows.map((r) => cols.map((c) => qualified(t.sheet.name, { top: r, left: c, bottom: r, right: c })));
      },
    },
    rowCount: { set: '1.3', get: (t) => visible(t.range.top, t.range.bottom, (r) => !t.sheet.hiddenRows.has(r)).length },
    columnCount: { set: '1.3', get: (t) => visible(t.range.left, t.range.right, (c) => !t.sheet.hiddenCols.has(c)).length },
  };

  constructor(context: DoubleRequestContext, find: () => RangeTarget) {
    super(context, find);
  }

  touch(api: string, set: string): void {
    this.instantiate(api, set);
  }

  get cellAddresses(): string[][] {
    return this.value('cellAddresses');
  }
  get rowCount(): number {
    return this.value('rowCount');
  }
  get columnCount(): number {
    return this.value('columnCount');
  }
}

function visible(from: number, to: number, keep: (i: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) if (keep(i)) out.push(i);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Conditional formats (the custom type only)

export class DConditionalFormatCollection extends DObject<RangeTarget> {
  protected readonly typeName = 'ConditionalFormatCollection';
  protected readonly scalars: Record<string, ScalarDef<RangeTarget>> = {};
  private loadedItems: DConditionalFormat[] | undefined;

  constructor(context: DoubleRequestContext, find: () => RangeTarget) {
    super(context, find);
  }

  get items(): DConditionalFormat[] {
    if (!this.loadedItems) throw errors.propertyNotLoaded('items');
    return this.loadedItems;
  }

  override load(spec?: LoadSpec): this {
    const paths = (parseSpec(spec) ?? ['type', 'priority', 'stopIfTrue', 'id']).map((p) => (p.startsWith('items/') ? p.slice(6) : p));
    let found: CFState[] = [];
    let sheet: SheetState | undefined;
    this.context.enqueue({
      api: 'ConditionalFormatCollection.load',
      set: '1.6',
      requestBytes: ACTION_BYTES,
      execute: () => {
        const t = this.existing('load');
        sheet = t.sheet;
        found = this.context.engine.state.cfsIntersecting(t.sheet, t.range);
        const items = found.map((cf) => new DConditionalFormat(this.context, () => ({ sheet: t.sheet, cf })));
        return { responseBytes: 16, apply: () => (this.loadedItems = items) };
      },
    });
    // load the items' paths in the same request, right after the collection
    this.context.enqueue({
      api: 'ConditionalFormatCollection.load(items)',
      set: '1.6',
      requestBytes: ACTION_BYTES,
      execute: () => {
        const values = found.map((cf) => paths.map((p) => [p, cfPath(p, cf, sheet)] as const));
        return {
          responseBytes: values.reduce((n, v) => n + jsonBytes(Object.fromEntries(v)), 16),
          apply: () => this.loadedItems?.forEach((item, i) => item.fill(values[i])),
        };
      },
    });
    return this;
  }

  add(type: string): DConditionalFormat {
    if (type !== 'Custom') throw new NotSimulatedError(`conditional format type "${type}"`);
    let created: { sheet: SheetState; cf: CFState } | undefined;
    this.context.enqueue({
      api: 'ConditionalFormatCollection.add',
      set: '1.6',
      requestBytes: ACTION_BYTES,
      execute: () => {
        const t = this.existing('add');
        const cf: CFState = { id: this.context.engine.state.newId('cf'), type: 'Custom', range: { ...t.range }, formula: '', stopIfTrue: false, format: { borders: {} } };
        // documented: a new conditional format goes in at the first (top) priority
        t.sheet.cfs.unshift(cf);
        created = { sheet: t.sheet, cf };
        this.context.engine.apiWrote();
      },
    });
    return new DConditionalFormat(this.context, () => {
      if (!created) throw errors.itemNotFound('conditional format not yet added');
      return created;
    });
  }

  getCount(): DClientResult<number> {
    const result = new DClientResult<number>();
    this.context.enqueue({
      api: 'ConditionalFormatCollection.getCount',
      set: '1.6',
      requestBytes: ACTION_BYTES,
      execute: () => {
        const t = this.existing('getCount');
        const n = this.context.engine.state.cfsIntersecting(t.sheet, t.range).length;
        return { responseBytes: 8, apply: () => result.set(n) };
      },
    });
    return result;
  }

  clearAll(): void {
    throw new NotSimulatedError('ConditionalFormatCollection.clearAll (it would clear the user\'s own formats too)');
  }
}

/** Paths an item of a conditional format collection load may ask for. */
function cfPath(path: string, cf: CFState, sheet: SheetState | undefined): unknown {
  switch (path) {
    case 'type':
      return cf.type;
    case 'id':
      return cf.id;
    case 'stopIfTrue':
      return cf.stopIfTrue;
    case 'priority':
      return sheet ? sheet.cfs.indexOf(cf) : 0;
    case 'custom/rule/formula':
    case 'customOrNullObject/rule/formula':
      return cf.formula;
    case 'custom/format/numberFormat':
    case 'customOrNullObject/format/numberFormat':
      return cf.format.numberFormat ?? null;
    default:
      throw new NotSimulatedError(`loading "items/${path}" of a conditional format collection`);
  }
}

interface CFTarget {
  sheet: SheetState;
  cf: CFState;
}

export class DConditionalFormat extends DObject<CFTarget> {
  protected readonly typeName = 'ConditionalFormat';
  protected readonly scalars: Record<string, ScalarDef<CFTarget>> = {
    type: { set: '1.6', get: (t) => t.cf.type },
    id: { set: '1.6', get: (t) => t.cf.id },
    stopIfTrue: { set: '1.6', get: (t) => t.cf.stopIfTrue },
    priority: { set: '1.6', get: (t) => t.sheet.cfs.indexOf(t.cf) },
  };
  constructor(
    context: DoubleRequestContext,
    private readonly find: () => CFTarget,
  ) {
    super(context);
  }

  protected override locate(): CFTarget {
    const t = this.find();
    if (!t.sheet.cfs.includes(t.cf) || !this.context.engine.state.sheets.includes(t.sheet)) throw errors.itemNotFound('conditional format');
    return t;
  }

  protected override revalidate(t: CFTarget | null): void {
    if (t && (!t.sheet.cfs.includes(t.cf) || !this.context.engine.state.sheets.includes(t.sheet))) throw errors.itemNotFound('conditional format (deleted)');
  }

  /** Values a collection load gave this item (paths such as "customOrNullObject/rule/formula"). */
  fill(values: readonly (readonly [string, unknown])[]): void {
    const own = values.filter(([k]) => !k.includes('/'));
    this.acceptLoaded(own);
    const paths = new Map(values);
    const type = paths.get('type');
    const custom = this.customOrNull(false);
    const formula = paths.get('customOrNullObject/rule/formula') ?? paths.get('custom/rule/formula');
    const numberFormat = paths.get('customOrNullObject/format/numberFormat') ?? paths.get('custom/format/numberFormat');
    if (formula !== undefined || numberFormat !== undefined) {
      const isNull = type !== undefined && type !== 'Custom';
      custom.acceptLoaded([], isNull);
      if (!isNull && formula !== undefined) custom.rule.acceptLoaded([['formula', formula]]);
      if (!isNull && numberFormat !== undefined) custom.format.acceptLoaded([['numberFormat', numberFormat]]);
    }
  }

  private customProxy: DCustomConditionalFormat | undefined;
  private customOrNullProxy: DCustomConditionalFormat | undefined;

  protected override nav(name: string): DObject<unknown> | undefined {
    if (name === 'custom') return this.custom;
    if (name === 'customOrNullObject') return this.customOrNullObject;
    return undefined;
  }

  get type(): string {
    return this.value('type');
  }
  get id(): string {
    return this.value('id');
  }
  get priority(): number {
    return this.value('priority');
  }
  set priority(p: number) {
    this.write('priority', '1.6', p, (t) => {
      const list = t.sheet.cfs.filter((x) => x !== t.cf);
      const at = p < 0 ? Math.max(0, list.length + 1 + p) : Math.min(p, list.length);
      list.splice(at, 0, t.cf);
      t.sheet.cfs = list;
      this.context.engine.apiWrote();
    });
  }
  get stopIfTrue(): boolean {
    return this.value('stopIfTrue');
  }
  set stopIfTrue(v: boolean) {
    this.write('stopIfTrue', '1.6', v, (t) => {
      t.cf.stopIfTrue = v;
      this.context.engine.apiWrote();
    });
  }

  get custom(): DCustomConditionalFormat {
    return (this.customProxy ??= new DCustomConditionalFormat(this.context, () => {
      const t = this.existing('custom');
      if (t.cf.type !== 'Custom') throw errors.invalidOperation('ConditionalFormat.custom on another type');
      return t;
    }));
  }

  get customOrNullObject(): DCustomConditionalFormat {
    return this.customOrNull(true);
  }

  private customOrNull(touch: boolean): DCustomConditionalFormat {
    if (!this.customOrNullProxy) {
      this.customOrNullProxy = new DCustomConditionalFormat(this.context, () => {
        const t = this.existing('customOrNullObject');
        return t.cf.type === 'Custom' ? t : null;
      });
      if (touch) this.customOrNullProxy.touch('ConditionalFormat.customOrNullObject', '1.6');
    }
    return this.customOrNullProxy;
  }

  delete(): void {
    this.write('delete', '1.6', null, (t) => {
      t.sheet.cfs = t.sheet.cfs.filter((x) => x !== t.cf);
      this.context.engine.apiWrote();
    });
  }

  getRange(): DRange {
    return new DRange(this.context, () => {
      const t = this.existing('getRange');
      return { sheet: t.sheet, range: t.cf.range };
    });
  }

  getRangeOrNullObject(): DRange {
    const r = new DRange(this.context, () => {
      const t = this.existing('getRangeOrNullObject');
      return { sheet: t.sheet, range: t.cf.range };
    });
    r.touch('ConditionalFormat.getRangeOrNullObject', '1.6');
    return r;
  }
}

export class DCustomConditionalFormat extends DObject<CFTarget> {
  protected readonly typeName = 'CustomConditionalFormat';
  protected readonly scalars: Record<string, ScalarDef<CFTarget>> = {};
  readonly rule: DConditionalFormatRule;
  readonly format: DConditionalRangeFormat;

  constructor(context: DoubleRequestContext, find: () => CFTarget | null) {
    super(context, find);
    this.rule = new DConditionalFormatRule(context, () => this.existing('rule'));
    this.format = new DConditionalRangeFormat(context, () => this.existing('format'));
  }

  touch(api: string, set: string): void {
    this.instantiate(api, set);
  }

  protected override nav(name: string): DObject<unknown> | undefined {
    if (name === 'rule') return this.rule;
    if (name === 'format') return this.format;
    return undefined;
  }
}

export class DConditionalFormatRule extends DObject<CFTarget> {
  protected readonly typeName = 'ConditionalFormatRule';
  protected readonly scalars: Record<string, ScalarDef<CFTarget>> = {
    formula: { set: '1.6', get: (t) => t.cf.formula },
    formulaLocal: { set: '1.6', get: (t) => t.cf.formula },
  };

  constructor(context: DoubleRequestContext, find: () => CFTarget) {
    super(context, find);
  }

  get formula(): string {
    return this.value('formula');
  }

  set formula(f: string) {
    this.write('formula', '1.6', f, (t) => {
      const text = f.startsWith('=') ? f : `=${f}`;
      try {
        parseFormula(text);
      } catch (e) {
        if (e instanceof FormulaSyntaxError) throw errors.invalidArgument(`ConditionalFormatRule.formula: ${f}`);
        throw e;
      }
      t.cf.formula = text;
      this.context.engine.apiWrote();
    });
  }
}

export class DConditionalRangeFormat extends DObject<CFTarget> {
  protected readonly typeName = 'ConditionalRangeFormat';
  protected readonly scalars: Record<string, ScalarDef<CFTarget>> = {
    numberFormat: { set: '1.6', get: (t) => t.cf.format.numberFormat ?? null },
  };
  readonly fill: DConditionalRangeFill;
  readonly font: DConditionalRangeFont;
  readonly borders: DConditionalRangeBorderCollection;

  constructor(
    context: DoubleRequestContext,
    find: () => CFTarget,
  ) {
    super(context, find);
    this.fill = new DConditionalRangeFill(context, find);
    this.font = new DConditionalRangeFont(context, find);
    this.borders = new DConditionalRangeBorderCollection(context, find);
  }

  get numberFormat(): string {
    return this.value('numberFormat');
  }

  set numberFormat(f: string) {
    this.write('numberFormat', '1.6', f, (t) => {
      t.cf.format.numberFormat = f;
      this.context.engine.apiWrote();
    });
  }
}

export class DConditionalRangeFill extends DObject<CFTarget> {
  protected readonly typeName = 'ConditionalRangeFill';
  protected readonly scalars: Record<string, ScalarDef<CFTarget>> = {
    color: { set: '1.6', get: (t) => t.cf.format.fillColor ?? null },
  };

  constructor(context: DoubleRequestContext, find: () => CFTarget) {
    super(context, find);
  }

  get color(): string {
    return this.value('color');
  }

  set color(c: string) {
    this.write('color', '1.6', c, (t) => {
      t.cf.format.fillColor = c;
      this.context.engine.apiWrote();
    });
  }

  clear(): void {
    this.write('clear', '1.6', null, (t) => {
      delete t.cf.format.fillColor;
      this.context.engine.apiWrote();
    });
  }
}

export class DConditionalRangeFont extends DObject<CFTarget> {
  protected readonly typeName = 'ConditionalRangeFont';
  protected readonly scalars: Record<string, ScalarDef<CFTarget>> = {
    color: { set: '1.6', get: (t) => t.cf.format.fontColor ?? null },
    bold: { set: '1.6', get: (t) => t.cf.format.bold ?? null },
    italic: { set: '1.6', get: (t) => t.cf.format.italic ?? null },
    underline: { set: '1.6', get: (t) => t.cf.format.underline ?? null },
    strikethrough: { set: '1.6', get: (t) => t.cf.format.strikethrough ?? null },
  };

  constructor(context: DoubleRequestContext, find: () => CFTarget) {
    super(context, find);
  }

  private setFmt<K extends 'fontColor' | 'bold' | 'italic' | 'underline' | 'strikethrough'>(api: string, k: K, v: NonNullable<CFState['format'][K]>): void {
    this.write(api, '1.6', v, (t) => {
      t.cf.format[k] = v;
      this.context.engine.apiWrote();
    });
  }

  get color(): string {
    return this.value('color');
  }
  set color(c: string) {
    this.setFmt('color', 'fontColor', c);
  }
  get bold(): boolean {
    return this.value('bold');
  }
  set bold(b: boolean) {
    this.setFmt('bold', 'bold', b);
  }
  get italic(): boolean {
    return this.value('italic');
  }
  set italic(b: boolean) {
    this.setFmt('italic', 'italic', b);
  }
  get underline(): string {
    return this.value('underline');
  }
  set underline(u: string) {
    this.setFmt('underline', 'underline', u);
  }
  get strikethrough(): boolean {
    return this.value('strikethrough');
  }
  set strikethrough(b: boolean) {
    this.setFmt('strikethrough', 'strikethrough', b);
  }
}

export class DConditionalRangeBorderCollection extends DObject<CFTarget> {
  protected readonly typeName = 'ConditionalRangeBorderCollection';
  protected readonly scalars: Record<string, ScalarDef<CFTarget>> = {};

  constructor(
    context: DoubleRequestContext,
    private readonly find: () => CFTarget,
  ) {
    super(context, find);
  }

  getItem(index: BorderIndex): DConditionalRangeBorder {
    if (!['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'].includes(index)) throw errors.invalidArgument(`border "${index}"`);
    return new DConditionalRangeBorder(this.context, this.find, index);
  }

  get top(): DConditionalRangeBorder {
    return this.getItem('EdgeTop');
  }
  get bottom(): DConditionalRangeBorder {
    return this.getItem('EdgeBottom');
  }
  get left(): DConditionalRangeBorder {
    return this.getItem('EdgeLeft');
  }
  get right(): DConditionalRangeBorder {
    return this.getItem('EdgeRight');
  }
}

export class DConditionalRangeBorder extends DObject<CFTarget> {
  protected readonly typeName = 'ConditionalRangeBorder';
  protected readonly scalars: Record<string, ScalarDef<CFTarget>>;

  constructor(
    context: DoubleRequestContext,
    find: () => CFTarget,
    readonly sideIndex: BorderIndex,
  ) {
    super(context, find);
    this.scalars = {
      color: { set: '1.6', get: (t) => t.cf.format.borders[sideIndex]?.color ?? null },
      style: { set: '1.6', get: (t) => t.cf.format.borders[sideIndex]?.style ?? 'None' },
    };
  }

  get color(): string {
    return this.value('color');
  }
  set color(c: string) {
    this.write('color', '1.6', c, (t) => {
      t.cf.format.borders[this.sideIndex] = { ...t.cf.format.borders[this.sideIndex], color: c };
      this.context.engine.apiWrote();
    });
  }
  get style(): string {
    return this.value('style');
  }
  set style(s: string) {
    // documented styles of a conditional border: thin lines only
    if (!['Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'None'].includes(s)) throw errors.invalidArgument(`border style "${s}"`);
    this.write('style', '1.6', s, (t) => {
      t.cf.format.borders[this.sideIndex] = { ...t.cf.format.borders[this.sideIndex], style: s };
      this.context.engine.apiWrote();
    });
  }
}

/** Column letters, for messages. */
export const letters = columnLetters;
export const a1 = toA1;
