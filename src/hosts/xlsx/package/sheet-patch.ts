import type { CellWrite } from '../../../core/fill/types';
import { parseA1, parseRangeA1, rangeContains, rangeToA1, toA1, type RangeRef } from '../../../core/grid/address';
import { Grid } from '../../../core/grid/grid';
import { unreadablePart, WorkbookWriteError } from './errors';
import { shiftFormula } from './formula-shift';
import type { StylesPatcher } from './styles';
import {
  ATTRS,
  decodeXml,
  editStartTag,
  escapeRegExp,
  escapeText,
  findElement,
  findElements,
  innerXml,
  parseAttributes,
  renderAttributes,
  rootPrefix,
  setAttribute,
} from './xml';

interface CellTok {
  col: number;
  start: number;
  end: number;
  /** Raw attribute text of the start tag. */
  attrs: string;
  hasR: boolean;
  /** Content between start and end tag ('' for a self-closing cell). */
  inner: string;
}

interface RowTok {
  row: number;
  start: number;
  /** Just after the start tag. */
  openEnd: number;
  end: number;
  attrs: string;
  hasR: boolean;
  cells: CellTok[];
}

/** A cell of a shared formula group, with its row. */
type SharedMember = CellTok & { row: number };

interface FormulaTok {
  attrs: Map<string, string>;
  text: string;
}

/**
 * A worksheet part patched in place: only the written cells, their rows' `spans`, the `<dimension>`
 * and, when a written cell was the master of a shared formula, the next cell of that group change;
 * every other byte of the part stays as written.
 */
export class SheetPatcher {
  private readonly p: string;
  private readonly rows: RowTok[] = [];
  private readonly rowByIndex = new Map<number, RowTok>();
  private readonly dataStart: number;
  private readonly dataEnd: number;
  private readonly dataSelfClosing: boolean;
  private readonly merges: RangeRef[] = [];
  private readonly colStyles: { min: number; max: number; style: number }[] = [];
  /** New cell XML per row and column. */
  private readonly newCells = new Map<number, Map<number, string>>();
  private readonly touched: { row: number; col: number }[] = [];
  private shared: Record<string, SharedMember[]> | null = null;

  constructor(
    private readonly sheetName: string,
    private readonly xml: string,
    private readonly styles: StylesPatcher,
  ) {
    this.p = rootPrefix(xml, 'worksheet');
    const p = this.p;
    if (!new RegExp(`<${escapeRegExp(p)}worksheet(?=[\\s/>])`).test(xml)) {
      throw new WorkbookWriteError(
        `“${sheetName}”不是普通工作表（可能是图表工作表），无法写入单元格。 / "${sheetName}" is not a worksheet (perhaps a chart sheet); cannot write cells into it.`,
        'unsupported',
      );
    }
    const sheetData = findElement(xml, `${p}sheetData`);
    if (!sheetData) throw unreadablePart(`工作表“${sheetName}” / sheet "${sheetName}"`);
    this.dataSelfClosing = sheetData.selfClosing;
    this.dataStart = sheetData.openEnd;
    this.dataEnd = sheetData.selfClosing ? sheetData.openEnd : sheetData.end - `</${p}sheetData>`.length;

    let lastRow = -1;
    for (const rowEl of findElements(xml, `${p}row`, this.dataStart, this.dataEnd)) {
      const r = attributeR(rowEl.attrs);
      const row = r !== undefined && /^\d+$/.test(r) ? Number(r) - 1 : lastRow + 1;
      lastRow = row;
      const cells: CellTok[] = [];
      let lastCol = -1;
      if (!rowEl.selfClosing) {
        for (const c of findElements(xml, `${p}c`, rowEl.openEnd, rowEl.end)) {
          const ref = attributeR(c.attrs);
          const col = ref !== undefined ? parseA1(ref)?.col ?? lastCol + 1 : lastCol + 1;
          lastCol = col;
          cells.push({
            col,
            start: c.start,
            end: c.end,
            attrs: c.attrs,
            hasR: ref !== undefined,
            inner: innerXml(xml, c, `${p}c`),
          });
        }
      }
      const tok: RowTok = { row, start: rowEl.start, openEnd: rowEl.openEnd, end: rowEl.end, attrs: rowEl.attrs, hasR: r !== undefined, cells };
      this.rows.push(tok);
      if (!this.rowByIndex.has(row)) this.rowByIndex.set(row, tok);
    }

    for (const m of findElements(xml, `${p}mergeCell`)) {
      const ref = parseAttributes(m.attrs).get('ref');
      const range = ref ? parseRangeA1(ref) : null;
      if (range) this.merges.push(range);
    }
    const cols = findElement(xml, `${p}cols`);
    if (cols) {
      for (const c of findElements(xml, `${p}col`, cols.openEnd, cols.end)) {
        const a = parseAttributes(c.attrs);
        const style = Number(a.get('style') ?? 0);
        if (style > 0) this.colStyles.push({ min: Number(a.get('min')) - 1, max: Number(a.get('max')) - 1, style });
      }
    }
  }

  /** Writes formulas with their cached values, or (`values`) the values only. */
  apply(writes: readonly CellWrite[], values: boolean): void {
    // Redirect into merge masters first; later writes to the same cell win.
    const targets = new Map<string, { row: number; col: number; write: CellWrite }>();
    // The grid's merge index answers "which merge covers this cell" without a scan per write.
    const mergeIndex = new Grid({ name: this.sheetName, merges: this.merges });
    for (const w of writes) {
      const merge = mergeIndex.mergeAt(w.ref.row, w.ref.col);
      const row = merge ? merge.top : w.ref.row;
      const col = merge ? merge.left : w.ref.col;
      const key = `${row}:${col}`;
      targets.delete(key);
      targets.set(key, { row, col, write: w });
    }
    const written = new Set(targets.keys());

    this.refuseArrayTargets([...targets.values()]);

    for (const { row, col, write } of targets.values()) {
      const rowTok = this.rowByIndex.get(row);
      const cell = rowTok?.cells.find((c) => c.col === col);
      if (cell) {
        const f = parseFormula(cell.inner, this.p);
        if (f && f.attrs.get('t') === 'shared' && f.attrs.has('ref')) this.promoteSharedMaster(row, cell, f, written);
      }
      const base = cell ? Number(parseAttributes(cell.attrs).get('s') ?? 0) : this.defaultStyle(rowTok, col);
      const style = write.numFmt === '' ? base : this.styles.withNumFmt(base, write.numFmt);
      this.setCell(row, col, this.cellXml(row, col, cell, style, write, values || write.valueOnly === true));
      this.touched.push({ row, col });
    }
  }

  /** Excel forbids changing part of an array formula; a whole single-cell one may be replaced. */
  private refuseArrayTargets(targets: readonly { row: number; col: number }[]): void {
    for (const r of this.rows) {
      for (const c of r.cells) {
        if (!c.inner.includes('ref')) continue;
        const f = parseFormula(c.inner, this.p);
        const t = f?.attrs.get('t');
        if (!f || (t !== 'array' && t !== 'dataTable')) continue;
        const range = parseRangeA1(f.attrs.get('ref') ?? '');
        if (!range || (range.top === range.bottom && range.left === range.right)) continue;
        const hit = targets.find((x) => rangeContains(range, x.row, x.col));
        if (hit) {
          const at = `“${this.sheetName}”!${toA1(hit.row, hit.col)}`;
          const area = rangeToA1(range);
          throw new WorkbookWriteError(
            `无法写入 ${at}：该单元格属于数组公式区域 ${area}，请先在 Excel 中处理该区域。 / Cannot write ${at}: the cell is part of the array formula ${area}; change that range in Excel first.`,
            'array-formula',
          );
        }
      }
    }
  }

  /**
   * The written cell held the formula of a shared group: the next member that is not written too
   * becomes the master, with the formula moved to its position (what Excel does), and the group's
   * range shrinks to the members left.
   */
  private promoteSharedMaster(masterRow: number, master: CellTok, f: FormulaTok, written: Set<string>): void {
    const si = f.attrs.get('si');
    if (si === undefined) return;
    const members = (this.sharedGroups()[si] ?? []).filter((c) => c !== master && !written.has(`${c.row}:${c.col}`));
    if (members.length === 0) return;
    members.sort((a, b) => a.row - b.row || a.col - b.col);
    const next = members[0];
    const box = members.reduce(extend, { top: next.row, left: next.col, bottom: next.row, right: next.col });
    const moved = shiftFormula(f.text, next.row - masterRow, next.col - master.col);
    const nf = parseFormula(next.inner, this.p);
    const fAttrs = new Map(nf?.attrs ?? []);
    fAttrs.set('t', 'shared');
    fAttrs.set('ref', rangeToA1(box));
    fAttrs.set('si', si);
    const p = this.p;
    const fXml = `<${p}f${renderAttributes(fAttrs)}>${escapeText(moved)}</${p}f>`;
    const inner = next.inner.replace(formulaPattern(p), fXml);
    this.setCell(next.row, next.col, `<${p}c${next.attrs}>${inner}</${p}c>`);
  }

  /** The cells of every shared formula group by `si`, found in one pass over the sheet when first needed. */
  private sharedGroups(): Record<string, SharedMember[]> {
    if (this.shared) return this.shared;
    const groups: Record<string, SharedMember[]> = {};
    for (const r of this.rows) {
      for (const c of r.cells) {
        if (!c.inner.includes('shared')) continue;
        const cf = parseFormula(c.inner, this.p);
        const si = cf?.attrs.get('si');
        if (cf?.attrs.get('t') === 'shared' && si !== undefined) (groups[si] ??= []).push(Object.assign(c, { row: r.row }));
      }
    }
    return (this.shared = groups);
  }

  /** A new cell takes its row's format when the row has one, else its column's (as Excel does). */
  private defaultStyle(row: RowTok | undefined, col: number): number {
    if (row) {
      const a = parseAttributes(row.attrs);
      if (a.get('customFormat') === '1' || a.get('customFormat') === 'true') return Number(a.get('s') ?? 0);
    }
    return this.colStyles.find((c) => col >= c.min && col <= c.max)?.style ?? 0;
  }

  private cellXml(row: number, col: number, old: CellTok | undefined, style: number, write: CellWrite, values: boolean): string {
    const p = this.p;
    const attrs = old ? parseAttributes(old.attrs) : new Map<string, string>();
    // The value is replaced: drop its type, and the rich-value / dynamic-array metadata bound to it.
    for (const k of ['r', 's', 't', 'cm', 'vm']) attrs.delete(k);
    const out = new Map<string, string>([['r', toA1(row, col)]]);
    if (style !== 0) out.set('s', String(style));
    for (const [k, v] of attrs) out.set(k, v);
    const value = `<${p}v>${numberText(Number(write.value))}</${p}v>`;
    const formula = values ? '' : `<${p}f>${escapeText(formulaText(write.formula))}</${p}f>`;
    return `<${p}c${renderAttributes(out)}>${formula}${value}</${p}c>`;
  }

  private setCell(row: number, col: number, xml: string): void {
    let cells = this.newCells.get(row);
    if (!cells) this.newCells.set(row, (cells = new Map<number, string>()));
    cells.set(col, xml);
  }

  render(): string {
    const p = this.p;
    const xml = this.xml;
    const parts: string[] = [];
    let pos = this.dataStart;
    const pending = new Map(this.newCells);
    const newRow = (row: number, cells: Map<number, string>): string =>
      `<${p}row r="${row + 1}">${[...cells.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]).join('')}</${p}row>`;
    // Rows the sheet does not have yet, sorted once and taken in order: sorting them again before
    // every existing row made a fill of 20,000 rows take seconds and one of 200,000 minutes.
    const inserted = [...pending.keys()].filter((r) => !this.rowByIndex.has(r)).sort((a, b) => a - b);
    let nextInserted = 0;
    const flushNewRowsBefore = (row: number): void => {
      while (nextInserted < inserted.length && inserted[nextInserted] < row) {
        const r = inserted[nextInserted++];
        parts.push(newRow(r, pending.get(r)!));
        pending.delete(r);
      }
    };
    const anyRowInserted = inserted.length > 0;
    for (const r of this.rows) {
      flushNewRowsBefore(r.row);
      parts.push(xml.slice(pos, r.start));
      const changes = pending.get(r.row);
      pending.delete(r.row);
      if (!changes && (r.hasR || !anyRowInserted)) {
        parts.push(xml.slice(r.start, r.end));
      } else {
        parts.push(this.renderRow(r, changes ?? new Map<number, string>()));
      }
      pos = r.end;
    }
    flushNewRowsBefore(Number.POSITIVE_INFINITY);
    parts.push(xml.slice(pos, this.dataEnd));
    const body = parts.join('');

    let head = xml.slice(0, this.dataStart);
    let tail = xml.slice(this.dataEnd);
    if (this.dataSelfClosing) {
      // "<sheetData/>" → "<sheetData>…</sheetData>"
      head = head.replace(/\/\s*>$/, '>');
      tail = `</${p}sheetData>` + tail;
    }
    return this.updateDimension(head) + body + tail;
  }

  /** A touched row: changed cells replaced, new ones inserted in column order; every cell and the row keep or gain an explicit address. */
  private renderRow(r: RowTok, changes: Map<number, string>): string {
    const p = this.p;
    const xml = this.xml;
    let attrs = r.hasR ? r.attrs : `${r.attrs} r="${r.row + 1}"`;
    const cols = [...r.cells.map((c) => c.col), ...changes.keys()];
    const spans = parseAttributes(attrs).get('spans');
    if (spans !== undefined && cols.length > 0) {
      const m = /^(\d+):(\d+)$/.exec(spans);
      const lo = Math.min(...cols) + 1;
      const hi = Math.max(...cols) + 1;
      if (m) attrs = setAttribute(attrs, 'spans', `${Math.min(Number(m[1]), lo)}:${Math.max(Number(m[2]), hi)}`);
    }
    const pieces: string[] = [];
    const remaining = new Map(changes);
    // New cells in column order, each placed before the first existing cell to its right.
    const newCols = [...changes.keys()].filter((col) => !r.cells.some((c) => c.col === col)).sort((a, b) => a - b);
    let nextNew = 0;
    let pos: number | null = null;
    const contentStart = r.cells.length > 0 ? r.cells[0].start : null;
    for (const c of r.cells) {
      while (nextNew < newCols.length && newCols[nextNew] < c.col) {
        const col = newCols[nextNew++];
        if (!remaining.has(col)) continue;
        pieces.push(remaining.get(col)!);
        remaining.delete(col);
      }
      if (pos !== null) pieces.push(xml.slice(pos, c.start));
      const change = remaining.get(c.col);
      remaining.delete(c.col);
      if (change !== undefined) pieces.push(change);
      else if (c.hasR) pieces.push(xml.slice(c.start, c.end));
      else pieces.push(`<${p}c r="${toA1(r.row, c.col)}"${xml.slice(c.start + p.length + 2, c.end)}`);
      pos = c.end;
    }
    for (const col of [...remaining.keys()].sort((a, b) => a - b)) pieces.push(remaining.get(col)!);

    const start = `<${p}row${attrs}>`;
    if (contentStart === null) return `${start}${pieces.join('')}</${p}row>`;
    // Keep whatever sits around the cells inside the row (whitespace, extension elements).
    const lead = xml.slice(r.openEnd, contentStart);
    const closeAt = r.end - `</${p}row>`.length;
    const trail = xml.slice(pos ?? contentStart, closeAt);
    return `${start}${lead}${pieces.join('')}${trail}</${p}row>`;
  }

  private updateDimension(head: string): string {
    const dim = findElement(head, `${this.p}dimension`);
    if (!dim || this.touched.length === 0) return head;
    const ref = parseAttributes(dim.attrs).get('ref');
    const range = ref ? parseRangeA1(ref) : null;
    if (!range) return head;
    const value = rangeToA1(this.touched.reduce(extend, range));
    return value === rangeToA1(range) ? head : editStartTag(head, dim, (tag) => setAttribute(tag, 'ref', value));
  }
}

const R_ATTRIBUTE = /(?:^|\s)r\s*=\s*(?:"([^"]*)"|'([^']*)')/;

/** The `r` attribute of a row or cell (an address: nothing to decode); parsing every attribute of 800,000 cells into maps showed in the profile. */
function attributeR(attrs: string): string | undefined {
  const m = R_ATTRIBUTE.exec(attrs);
  return m ? m[1] ?? m[2] : undefined;
}

function formulaPattern(p: string): RegExp {
  return new RegExp(`<${escapeRegExp(p)}f\\b${ATTRS}(?:/>|>[\\s\\S]*?</${escapeRegExp(p)}f>)`);
}

function parseFormula(inner: string, p: string): FormulaTok | null {
  const el = findElement(inner, `${p}f`);
  return el ? { attrs: parseAttributes(el.attrs), text: decodeXml(innerXml(inner, el, `${p}f`)) } : null;
}

/** The smallest range holding `box` and the cell. */
function extend(box: RangeRef, cell: { row: number; col: number }): RangeRef {
  return {
    top: Math.min(box.top, cell.row),
    left: Math.min(box.left, cell.col),
    bottom: Math.max(box.bottom, cell.row),
    right: Math.max(box.right, cell.col),
  };
}

/** A formula as stored in the file: no leading '=', no surrounding space. */
export function formulaText(formula: string | undefined): string {
  return (formula ?? '').trim().replace(/^=/, '').trim();
}

/** "1e-7" and friends are valid xsd:double; -0 is written as 0. */
function numberText(n: number): string {
  return Object.is(n, -0) ? '0' : String(n);
}
