/// <reference types="office-js" />
/**
 * Reading worksheets of the open workbook into the core's grid model. Every load for every sheet is
 * queued first and then synced once; a sheet too large for one request (Excel on the web caps a
 * request and a response at about 5 MB) is read in row blocks, as few syncs as the payload needs.
 *
 * Per sheet (or block): the used range (values only, so format-only cells do not widen it) with its
 * values, formulas, number formats and value types; its merged areas (ExcelApi 1.13); its visible
 * cells, from which hidden rows and columns follow (1.9 getSpecialCellsOrNullObject('Visible'), else
 * 1.3 getVisibleView().cellAddresses).
 */
import { MAX_COL, parseRangeA1, rangeToA1, type RangeRef } from '../../core/grid/address';
import { Grid, type Cell, type CellValue } from '../../core/grid/grid';
import type { ExcelFeatures } from './features';

export interface SheetInfo {
  id: string;
  name: string;
  visibility: string;
  position: number;
}

/** What the previous read of a sheet learned: where its used range was and what a cell cost. */
export interface SheetSize {
  range: RangeRef;
  bytesPerCell: number;
}

/** One rectangle of a sheet queued for reading. */
interface Part {
  range: Excel.Range;
  merges?: Excel.RangeAreas;
  visibleAreas?: Excel.RangeAreas;
  visibleView?: Excel.RangeView;
}

const RANGE_PROPS = ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'values', 'formulas', 'numberFormat', 'valueTypes'];

/** A payload estimate for a cell when nothing is known yet (values, formulas, format, type, address). */
export const DEFAULT_BYTES_PER_CELL = 64;

function queuePart(ws: Excel.Worksheet, where: 'used' | RangeRef, features: ExcelFeatures, withMerges: boolean): Part {
  const range = where === 'used' ? ws.getUsedRange(true) : ws.getRange(rangeToA1(where));
  range.load(RANGE_PROPS);
  const part: Part = { range };
  if (withMerges && features.merges) {
    // the merged areas whose top-left cell lies in the range; a block after the first has none of its own
    part.merges = (where === 'used' ? range : ws.getUsedRange(true)).getMergedAreasOrNullObject();
    part.merges.load('address');
  }
  if (features.visibleCells) {
    part.visibleAreas = range.getSpecialCellsOrNullObject('Visible');
    part.visibleAreas.load('address');
  } else {
    part.visibleView = range.getVisibleView();
    part.visibleView.load('cellAddresses');
  }
  return part;
}

/** Splits an address list ("S!A1:B2, S!D1") into rectangles (sheet parts dropped). */
export function parseAreas(address: string): RangeRef[] {
  const out: RangeRef[] = [];
  for (const piece of splitAreas(address)) {
    const bang = piece.lastIndexOf('!');
    const r = parseRangeA1(bang < 0 ? piece : piece.slice(bang + 1));
    if (r) out.push(r);
  }
  return out;
}

/** Commas inside a quoted sheet name do not separate areas. */
function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** A sheet's reading in progress: its parts, filled into one grid once synced. */
export class SheetReading {
  private readonly parts: Part[] = [];
  /** Number formats of empty cells (the glyph of a mark keeps the cell's own format). */
  readonly emptyFormats = new Map<number, string>();

  constructor(
    readonly info: SheetInfo,
    private readonly features: ExcelFeatures,
  ) {}

  queue(ws: Excel.Worksheet, where: 'used' | RangeRef, withMerges: boolean): void {
    this.parts.push(queuePart(ws, where, this.features, withMerges));
  }

  /** After the sync: the grid, the used range read and the payload a cell took. */
  finish(name: string): { grid: Grid; size: SheetSize } {
    const grid = new Grid({ name });
    let bytes = 0;
    let cells = 0;
    let bounds: RangeRef | null = null;
    const hiddenColsSeen = new Set<number>();
    const visibleCols = new Set<number>();
    for (const part of this.parts) {
      const top = part.range.rowIndex;
      const left = part.range.columnIndex;
      const rows = part.range.rowCount;
      const cols = part.range.columnCount;
      const range = { top, left, bottom: top + rows - 1, right: left + cols - 1 };
      bounds = bounds ? { top: Math.min(bounds.top, range.top), left: Math.min(bounds.left, range.left), bottom: Math.max(bounds.bottom, range.bottom), right: Math.max(bounds.right, range.right) } : range;
      const values = part.range.values as unknown[][];
      const formulas = part.range.formulas as unknown[][];
      const formats = part.range.numberFormat as unknown[][];
      const types = part.range.valueTypes as string[][];
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const v = values[r][c];
          const f = formulas[r][c];
          const fmt = typeof formats[r][c] === 'string' ? (formats[r][c] as string) : 'General';
          const type = types[r][c];
          bytes += approxBytes(v) + approxBytes(f) + fmt.length + type.length + 12;
          cells++;
          const cell = toCell(v, f, fmt, type);
          if (cell) grid.set(top + r, left + c, cell);
          else if (fmt !== 'General') this.emptyFormats.set((top + r) * 16384 + left + c, fmt);
        }
      }
      if (part.merges && !part.merges.isNullObject) for (const m of parseAreas(part.merges.address)) grid.addMerge(m);
      const visible = this.visibleOf(part, range);
      bytes += visible.bytes;
      for (let r = range.top; r <= range.bottom; r++) if (!visible.rows.has(r)) grid.hiddenRows.add(r);
      for (let c = range.left; c <= range.right; c++) {
        if (visible.cols.has(c)) visibleCols.add(c);
        else hiddenColsSeen.add(c);
      }
    }
    for (const c of hiddenColsSeen) if (!visibleCols.has(c)) grid.hiddenCols.add(c);
    const size: SheetSize = { range: bounds ?? { top: 0, left: 0, bottom: 0, right: 0 }, bytesPerCell: cells ? Math.ceil(bytes / cells) : DEFAULT_BYTES_PER_CELL };
    // an empty sheet reads as its A1 cell: keep the grid empty
    return { grid, size };
  }

  private visibleOf(part: Part, range: RangeRef): { rows: Set<number>; cols: Set<number>; bytes: number } {
    const rows = new Set<number>();
    const cols = new Set<number>();
    let bytes = 0;
    if (part.visibleAreas) {
      if (!part.visibleAreas.isNullObject) {
        const address = part.visibleAreas.address;
        bytes = address.length;
        for (const a of parseAreas(address)) {
          for (let r = Math.max(a.top, range.top); r <= Math.min(a.bottom, range.bottom); r++) rows.add(r);
          for (let c = Math.max(a.left, range.left); c <= Math.min(a.right, range.right); c++) cols.add(c);
        }
      }
    } else if (part.visibleView) {
      for (const line of part.visibleView.cellAddresses as unknown[][]) {
        for (const address of line) {
          if (typeof address !== 'string') continue;
          bytes += address.length + 3;
          const [a] = parseAreas(address);
          if (!a) continue;
          rows.add(a.top);
          cols.add(a.left);
        }
      }
    }
    return { rows, cols, bytes };
  }
}

function approxBytes(v: unknown): number {
  return typeof v === 'string' ? v.length + 3 : typeof v === 'number' ? 12 : 6;
}

/** Excel's date serial (1900 system) to ISO date text, as the .xlsx reader gives dates. */
function serialToIso(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400 * 1000);
  return new Date(ms).toISOString().slice(0, 10);
}

/** A number format that shows a date (or time): y, m, d, h, s outside quotes, escapes and colors. */
export function isDateFormat(fmt: string): boolean {
  if (fmt === 'General' || fmt === '@') return false;
  const bare = fmt
    .split(';')[0]
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .replace(/_.|\*./g, '');
  return /[ymdhs]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

function toCell(v: unknown, f: unknown, fmt: string, type: string): Cell | null {
  const formula = typeof f === 'string' && f.startsWith('=') && f.length > 1 ? f.slice(1) : undefined;
  const numFmt = fmt === 'General' ? undefined : fmt;
  const base = { ...(formula !== undefined ? { formula } : {}), ...(numFmt ? { numFmt } : {}) };
  if (type === 'Error') return { value: null, error: String(v), ...base };
  if (v === '' && formula === undefined) return null;
  if (v === null || v === undefined) return formula !== undefined ? { value: null, noCachedResult: true, ...base } : null;
  let value: CellValue;
  if (typeof v === 'number') value = numFmt && isDateFormat(numFmt) ? serialToIso(v) : v;
  else if (typeof v === 'string' || typeof v === 'boolean') value = v;
  else value = JSON.stringify(v);
  return { value, ...base };
}

/**
 * Row blocks of a sheet whose estimated payload exceeds `budget`: each block small enough for one
 * request, as many rows per block as fit.
 */
export function rowBlocks(size: SheetSize, budget: number): RangeRef[] {
  const { range } = size;
  const width = range.right - range.left + 1;
  const rowsPerBlock = Math.max(1, Math.floor(budget / Math.max(1, width * size.bytesPerCell)));
  const out: RangeRef[] = [];
  for (let top = range.top; top <= range.bottom; top += rowsPerBlock) {
    out.push({ top, left: range.left, bottom: Math.min(range.bottom, top + rowsPerBlock - 1), right: Math.min(range.right, MAX_COL) });
  }
  return out;
}

export function estimate(size: SheetSize): number {
  const { range } = size;
  return (range.bottom - range.top + 1) * (range.right - range.left + 1) * size.bytesPerCell;
}
