import type { CellWrite } from '../../core/fill/types';
import { describeProblem, sniffXlsx } from './sniff';

/**
 * Writes computed cells into a copy of the user's .xlsx, bytes in, bytes out (Node and browser).
 *
 * Why not load and save with exceljs: its round trip rewrites the whole package and loses user
 * work that these workbooks carry (measured with exceljs 4.4): charts, text boxes and shapes,
 * Excel 2010+ data validations (lists from another sheet), sparklines, internal hyperlinks, page
 * breaks, workbook protection, custom document properties, named cell styles, defined names that
 * are constants or formulas (dropped or mangled: OFFSET(...) became a broken reference) and the
 * scope of sheet-local names; it also replaces the workbook's default font (宋体/等线 → Calibri),
 * which restyles every unformatted cell and changes column widths as displayed.
 *
 * So the package is patched instead: every zip entry is copied byte for byte except the parts that
 * must change: the worksheets that receive writes (only the written cells, their rows' `spans`, the
 * `<dimension>` and, when a written cell was the master of a shared formula, the next cell of that
 * group), styles.xml (new cell formats appended, none changed), workbook.xml (`fullCalcOnLoad`) and,
 * when present, the calculation chain (a cache Excel rebuilds; removed with its relationship and
 * content type, since a stale chain makes Excel "repair" the file).
 *
 * Zip entries are inflated with DecompressionStream("deflate-raw") (Node ≥ 20, current browsers).
 */

export interface ApplyOptions {
  /** Write the value only (no formula). */
  values?: boolean;
}

export type WriteProblem =
  /** The bytes are not a readable .xlsx (see `sniff`), or a part the write needs is damaged. */
  | 'unreadable'
  /** A write names a sheet the workbook does not have. */
  | 'unknown-sheet'
  /** A write's address, value or formula cannot be written (off the grid, NaN, empty formula). */
  | 'invalid-write'
  /** The target cell belongs to a multi-cell array formula or data table, which Excel only changes as a whole. */
  | 'array-formula'
  /** The package uses a layout this writer does not handle (encrypted entries, UTF-16 parts, no styles part, …). */
  | 'unsupported';

/** A write that could not be made; nothing was produced. The message is Chinese first, then English. */
export class WorkbookWriteError extends Error {
  constructor(
    message: string,
    readonly problem: WriteProblem,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'WorkbookWriteError';
  }
}

/**
 * Applies `writes` to the workbook in `original` and returns the new file's bytes. A formula write
 * stores the formula with `value` as its cached result; in values mode only the number. Each written
 * cell gets `numFmt` and otherwise keeps its own format (font, border, fill, alignment, protection,
 * named style): its cell format is copied, never edited in place, so cells sharing it are unchanged.
 * A write into a merged range goes to the range's top-left cell. Later writes to the same cell win.
 * Excel is told to recalculate everything when it opens the file.
 */
export async function applyWrites(
  original: Uint8Array,
  writes: readonly CellWrite[],
  options: ApplyOptions = {},
): Promise<Uint8Array> {
  const sniff = sniffXlsx(original);
  if (!sniff.ok) throw new WorkbookWriteError(describeProblem(sniff.problem, ''), 'unreadable');
  const zip = readZip(original);
  const pkg = new Package(zip);

  const workbookPath = await pkg.officeDocumentPath();
  const workbookXml = await pkg.text(workbookPath);
  const workbookRelsPath = relsPathOf(workbookPath);
  const workbookRels = parseRelationships(await pkg.textOrNull(workbookRelsPath), workbookPath);
  const sheets = parseSheets(workbookXml, workbookRels);

  // Validate everything before changing anything.
  const bySheet = new Map<string, { path: string; writes: Map<string, CellWrite> }>();
  for (const w of writes) {
    validateWrite(w, options);
    const sheet = findSheet(sheets, w.sheet);
    if (!sheet) {
      const names = sheets.map((s) => `“${s.name}”`).join('、');
      throw new WorkbookWriteError(
        `工作簿中没有名为“${oneLine(w.sheet)}”的工作表（现有：${names}）。 / The workbook has no sheet named "${oneLine(w.sheet)}".`,
        'unknown-sheet',
      );
    }
    let group = bySheet.get(sheet.name);
    if (!group) bySheet.set(sheet.name, (group = { path: sheet.path, writes: new Map() }));
    const key = `${w.ref.row}:${w.ref.col}`;
    group.writes.delete(key); // keep the order of the last writes: the last one wins, also through merges
    group.writes.set(key, w);
  }

  const replaced = new Map<string, Uint8Array<ArrayBuffer>>();
  const removed = new Set<string>();
  if (bySheet.size > 0) {
    const stylesRel = workbookRels.find((r) => r.type.endsWith('/styles'));
    if (!stylesRel || !pkg.has(stylesRel.target)) {
      throw new WorkbookWriteError(
        '工作簿缺少样式部件（styles.xml），无法写入。 / The workbook has no styles part (styles.xml); cannot write into it.',
        'unsupported',
      );
    }
    const styles = new StylesPatcher(await pkg.text(stylesRel.target));
    for (const [sheetName, group] of bySheet) {
      if (!pkg.has(group.path)) {
        throw new WorkbookWriteError(
          `工作表“${sheetName}”的内容缺失，文件已损坏。 / The part of sheet "${sheetName}" is missing; the file is damaged.`,
          'unreadable',
        );
      }
      const patcher = new SheetPatcher(sheetName, await pkg.text(group.path), styles);
      patcher.apply([...group.writes.values()], options);
      replaced.set(group.path, encodeUtf8(patcher.render()));
    }
    if (styles.changed) replaced.set(stylesRel.target, encodeUtf8(styles.render()));
  }

  replaced.set(workbookPath, encodeUtf8(setFullCalcOnLoad(workbookXml)));

  // The calculation chain lists formula cells; a stale one makes Excel repair the file.
  const calcChain = workbookRels.find((r) => r.type.endsWith('/calcChain'));
  if (calcChain && bySheet.size > 0) {
    removed.add(normalizePart(calcChain.target));
    const relsXml = await pkg.text(workbookRelsPath);
    replaced.set(workbookRelsPath, encodeUtf8(removeElements(relsXml, 'Relationship', (a) => a.get('Id') === calcChain.id)));
    const types = await pkg.text('[Content_Types].xml');
    replaced.set(
      '[Content_Types].xml',
      encodeUtf8(removeElements(types, 'Override', (a) => normalizePart(a.get('PartName') ?? '') === normalizePart(calcChain.target))),
    );
  }

  return writeZip(original, zip, replaced, removed);
}

// =================================================================================================
// Writes

const MAX_ROW = 1048575;
const MAX_COL = 16383;

function validateWrite(w: CellWrite, options: ApplyOptions): void {
  const where = `“${oneLine(String(w.sheet))}”!${isCellRef(w.ref) ? toA1(w.ref.row, w.ref.col) : '?'}`;
  const bad = (zh: string, en: string): never => {
    throw new WorkbookWriteError(`无法写入 ${where}：${zh}。 / Cannot write ${where}: ${en}.`, 'invalid-write');
  };
  if (!isCellRef(w.ref)) bad('单元格地址超出工作表范围', 'the cell address is outside the sheet');
  const n = Number(w.value);
  if (!Number.isFinite(n)) bad('数值无效', 'the value is not a finite number');
  if (!options.values && !formulaText(w.formula)) bad('公式为空', 'the formula is empty');
  if (typeof w.numFmt !== 'string') bad('数字格式无效', 'the number format is not text');
}

function isCellRef(ref: { row: number; col: number } | undefined): boolean {
  return (
    !!ref &&
    Number.isInteger(ref.row) &&
    Number.isInteger(ref.col) &&
    ref.row >= 0 &&
    ref.row <= MAX_ROW &&
    ref.col >= 0 &&
    ref.col <= MAX_COL
  );
}

function formulaText(formula: string | undefined): string {
  return (formula ?? '').trim().replace(/^=/, '').trim();
}

function findSheet(sheets: readonly SheetInfo[], name: string): SheetInfo | undefined {
  // Excel sheet names are unique regardless of case.
  return sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.toLowerCase() === String(name).toLowerCase());
}

function oneLine(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
}

/** "1e-7" and friends are valid xsd:double; -0 is written as 0. */
function numberText(n: number): string {
  return Object.is(n, -0) ? '0' : String(n);
}

// =================================================================================================
// Workbook part

interface SheetInfo {
  name: string;
  path: string;
}

function parseSheets(workbookXml: string, rels: readonly Relationship[]): SheetInfo[] {
  const p = rootPrefix(workbookXml, 'workbook');
  const out: SheetInfo[] = [];
  for (const el of findElements(workbookXml, `${p}sheet`)) {
    const a = parseAttributes(el.attrs);
    const name = a.get('name');
    const rid = [...a.entries()].find(([k]) => /^[^:]+:id$/.test(k))?.[1];
    const rel = rid === undefined ? undefined : rels.find((r) => r.id === rid);
    if (name !== undefined && rel) out.push({ name, path: rel.target });
  }
  return out;
}

const CALC_PR_FOLLOWERS = [
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

function setFullCalcOnLoad(xml: string): string {
  const p = rootPrefix(xml, 'workbook');
  const calcPr = findElements(xml, `${p}calcPr`)[0];
  if (calcPr) {
    const tag = xml.slice(calcPr.start, calcPr.openEnd);
    return xml.slice(0, calcPr.start) + setAttribute(tag, 'fullCalcOnLoad', '1') + xml.slice(calcPr.openEnd);
  }
  const element = `<${p}calcPr fullCalcOnLoad="1"/>`;
  for (const name of CALC_PR_FOLLOWERS) {
    const next = findElements(xml, `${p}${name}`)[0];
    if (next) return xml.slice(0, next.start) + element + xml.slice(next.start);
  }
  const end = xml.lastIndexOf(`</${p}workbook>`);
  if (end < 0) throw unreadablePart('workbook.xml');
  return xml.slice(0, end) + element + xml.slice(end);
}

// =================================================================================================
// Worksheet part

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

interface FormulaTok {
  attrs: Map<string, string>;
  text: string;
}

class SheetPatcher {
  private readonly p: string;
  private readonly rows: RowTok[] = [];
  private readonly rowByIndex = new Map<number, RowTok>();
  private readonly dataStart: number;
  private readonly dataEnd: number;
  private readonly dataSelfClosing: boolean;
  private readonly merges: Range[] = [];
  private readonly colStyles: { min: number; max: number; style: number }[] = [];
  /** New cell XML per row and column. */
  private readonly newCells = new Map<number, Map<number, string>>();
  private readonly touched: { row: number; col: number }[] = [];

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
    const sheetData = findElements(xml, `${p}sheetData`)[0];
    if (!sheetData) throw unreadablePart(`工作表“${sheetName}” / sheet "${sheetName}"`);
    this.dataSelfClosing = sheetData.selfClosing;
    this.dataStart = sheetData.openEnd;
    this.dataEnd = sheetData.selfClosing ? sheetData.openEnd : sheetData.end - `</${p}sheetData>`.length;

    let lastRow = -1;
    for (const rowEl of findElements(xml, `${p}row`, this.dataStart, this.dataEnd)) {
      const ra = parseAttributes(rowEl.attrs);
      const r = ra.get('r');
      const row = r !== undefined && /^\d+$/.test(r) ? Number(r) - 1 : lastRow + 1;
      lastRow = row;
      const cells: CellTok[] = [];
      let lastCol = -1;
      if (!rowEl.selfClosing) {
        for (const c of findElements(xml, `${p}c`, rowEl.openEnd, rowEl.end)) {
          const ca = parseAttributes(c.attrs);
          const ref = ca.get('r');
          const col = ref !== undefined ? parseA1(ref)?.col ?? lastCol + 1 : lastCol + 1;
          lastCol = col;
          cells.push({
            col,
            start: c.start,
            end: c.end,
            attrs: c.attrs,
            hasR: ref !== undefined,
            inner: c.selfClosing ? '' : xml.slice(c.openEnd, c.end - `</${p}c>`.length),
          });
        }
      }
      const tok: RowTok = { row, start: rowEl.start, openEnd: rowEl.openEnd, end: rowEl.end, attrs: rowEl.attrs, hasR: r !== undefined, cells };
      this.rows.push(tok);
      if (!this.rowByIndex.has(row)) this.rowByIndex.set(row, tok);
    }

    for (const m of findElements(xml, `${p}mergeCell`)) {
      const ref = parseAttributes(m.attrs).get('ref');
      const range = ref ? parseRange(ref) : null;
      if (range) this.merges.push(range);
    }
    const cols = findElements(xml, `${p}cols`)[0];
    if (cols) {
      for (const c of findElements(xml, `${p}col`, cols.openEnd, cols.end)) {
        const a = parseAttributes(c.attrs);
        const style = Number(a.get('style') ?? 0);
        if (style > 0) this.colStyles.push({ min: Number(a.get('min')) - 1, max: Number(a.get('max')) - 1, style });
      }
    }
  }

  apply(writes: readonly CellWrite[], options: ApplyOptions): void {
    // Redirect into merge masters first; later writes to the same cell win.
    const targets = new Map<string, { row: number; col: number; write: CellWrite }>();
    for (const w of writes) {
      const merge = this.merges.find((m) => contains(m, w.ref.row, w.ref.col));
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
      this.setCell(row, col, this.cellXml(row, col, cell, style, write, options));
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
        const range = parseRange(f.attrs.get('ref') ?? '');
        if (!range || (range.top === range.bottom && range.left === range.right)) continue;
        const hit = targets.find((x) => contains(range, x.row, x.col));
        if (hit) {
          const at = `“${this.sheetName}”!${toA1(hit.row, hit.col)}`;
          const area = `${toA1(range.top, range.left)}:${toA1(range.bottom, range.right)}`;
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
    const members: (CellTok & { row: number })[] = [];
    for (const r of this.rows) {
      for (const c of r.cells) {
        if (c === master || !c.inner.includes('shared') || written.has(`${r.row}:${c.col}`)) continue;
        const cf = parseFormula(c.inner, this.p);
        if (cf && cf.attrs.get('t') === 'shared' && cf.attrs.get('si') === si) members.push({ ...c, row: r.row });
      }
    }
    if (members.length === 0) return;
    members.sort((a, b) => a.row - b.row || a.col - b.col);
    const next = members[0];
    const box = members.reduce<Range>(
      (b, m) => ({
        top: Math.min(b.top, m.row),
        left: Math.min(b.left, m.col),
        bottom: Math.max(b.bottom, m.row),
        right: Math.max(b.right, m.col),
      }),
      { top: next.row, left: next.col, bottom: next.row, right: next.col },
    );
    const moved = shiftFormula(f.text, next.row - masterRow, next.col - master.col);
    const nf = parseFormula(next.inner, this.p);
    const fAttrs = new Map(nf?.attrs ?? []);
    fAttrs.set('t', 'shared');
    fAttrs.set('ref', box.top === box.bottom && box.left === box.right ? toA1(box.top, box.left) : `${toA1(box.top, box.left)}:${toA1(box.bottom, box.right)}`);
    fAttrs.set('si', si);
    const p = this.p;
    const fXml = `<${p}f${renderAttributes(fAttrs)}>${escapeText(moved)}</${p}f>`;
    const inner = next.inner.replace(formulaPattern(p), fXml);
    this.setCell(next.row, next.col, `<${p}c${next.attrs}>${inner}</${p}c>`);
  }

  /** A new cell takes its row's format when the row has one, else its column's (as Excel does). */
  private defaultStyle(row: RowTok | undefined, col: number): number {
    if (row) {
      const a = parseAttributes(row.attrs);
      if (a.get('customFormat') === '1' || a.get('customFormat') === 'true') return Number(a.get('s') ?? 0);
    }
    return this.colStyles.find((c) => col >= c.min && col <= c.max)?.style ?? 0;
  }

  private cellXml(row: number, col: number, old: CellTok | undefined, style: number, write: CellWrite, options: ApplyOptions): string {
    const p = this.p;
    const attrs = old ? parseAttributes(old.attrs) : new Map<string, string>();
    // The value is replaced: drop its type, and the rich-value / dynamic-array metadata bound to it.
    for (const k of ['r', 's', 't', 'cm', 'vm']) attrs.delete(k);
    const out = new Map<string, string>([['r', toA1(row, col)]]);
    if (style !== 0) out.set('s', String(style));
    for (const [k, v] of attrs) out.set(k, v);
    const value = `<${p}v>${numberText(Number(write.value))}</${p}v>`;
    const formula = options.values ? '' : `<${p}f>${escapeText(formulaText(write.formula))}</${p}f>`;
    return `<${p}c${renderAttributes(out)}>${formula}${value}</${p}c>`;
  }

  private setCell(row: number, col: number, xml: string): void {
    let cells = this.newCells.get(row);
    if (!cells) this.newCells.set(row, (cells = new Map()));
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
    const flushNewRowsBefore = (row: number): void => {
      for (const r of [...pending.keys()].sort((a, b) => a - b)) {
        if (r >= row) break;
        if (this.rowByIndex.has(r)) continue;
        parts.push(newRow(r, pending.get(r)!));
        pending.delete(r);
      }
    };
    const anyRowInserted = [...pending.keys()].some((r) => !this.rowByIndex.has(r));
    for (const r of this.rows) {
      flushNewRowsBefore(r.row);
      parts.push(xml.slice(pos, r.start));
      const changes = pending.get(r.row);
      pending.delete(r.row);
      if (!changes && (r.hasR || !anyRowInserted)) {
        parts.push(xml.slice(r.start, r.end));
      } else {
        parts.push(this.renderRow(r, changes ?? new Map()));
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
    let pos: number | null = null;
    const contentStart = r.cells.length > 0 ? r.cells[0].start : null;
    for (const c of r.cells) {
      for (const col of [...remaining.keys()].sort((a, b) => a - b)) {
        if (col >= c.col) break;
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
    const dim = findElements(head, `${this.p}dimension`)[0];
    if (!dim || this.touched.length === 0) return head;
    const ref = parseAttributes(dim.attrs).get('ref');
    const range = ref ? parseRange(ref) : null;
    if (!range) return head;
    const box = { ...range };
    for (const t of this.touched) {
      box.top = Math.min(box.top, t.row);
      box.left = Math.min(box.left, t.col);
      box.bottom = Math.max(box.bottom, t.row);
      box.right = Math.max(box.right, t.col);
    }
    if (box.top === range.top && box.left === range.left && box.bottom === range.bottom && box.right === range.right) return head;
    const tag = head.slice(dim.start, dim.openEnd);
    const value = box.top === box.bottom && box.left === box.right ? toA1(box.top, box.left) : `${toA1(box.top, box.left)}:${toA1(box.bottom, box.right)}`;
    return head.slice(0, dim.start) + setAttribute(tag, 'ref', value) + head.slice(dim.openEnd);
  }
}

function formulaPattern(p: string): RegExp {
  return new RegExp(`<${escapeRegExp(p)}f\\b${ATTRS}(?:/>|>[\\s\\S]*?</${escapeRegExp(p)}f>)`);
}

function parseFormula(inner: string, p: string): FormulaTok | null {
  const el = findElements(inner, `${p}f`)[0];
  if (!el) return null;
  const text = el.selfClosing ? '' : decodeXml(inner.slice(el.openEnd, el.end - `</${p}f>`.length));
  return { attrs: parseAttributes(el.attrs), text };
}

// =================================================================================================
// Styles part: cell formats are only ever appended, so no existing cell changes its look.

const BUILTIN_NUMFMTS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '@': 49,
};

class StylesPatcher {
  private readonly p: string;
  private readonly xfs: string[] = [];
  private readonly added: string[] = [];
  private readonly numFmts = new Map<number, string>();
  private readonly addedNumFmts: { id: number; code: string }[] = [];
  private readonly cache = new Map<string, number>();
  private readonly cellXfs: Element;
  changed = false;

  constructor(private readonly xml: string) {
    this.p = rootPrefix(xml, 'styleSheet');
    const cellXfs = findElements(xml, `${this.p}cellXfs`)[0];
    if (!cellXfs || cellXfs.selfClosing) throw unreadablePart('styles.xml');
    this.cellXfs = cellXfs;
    for (const xf of findElements(xml, `${this.p}xf`, cellXfs.openEnd, cellXfs.end)) this.xfs.push(xml.slice(xf.start, xf.end));
    const numFmts = findElements(xml, `${this.p}numFmts`)[0];
    if (numFmts && !numFmts.selfClosing) {
      for (const nf of findElements(xml, `${this.p}numFmt`, numFmts.openEnd, numFmts.end)) {
        const a = parseAttributes(nf.attrs);
        const id = Number(a.get('numFmtId'));
        if (Number.isInteger(id)) this.numFmts.set(id, a.get('formatCode') ?? '');
      }
    }
  }

  /** The index of a cell format like `base` with number format `code`: `base` itself when it already has it. */
  withNumFmt(base: number, code: string): number {
    const xf = this.xfs[base] ?? this.xfs[0];
    if (xf === undefined) throw unreadablePart('styles.xml');
    const id = this.numFmtId(code);
    const current = Number(parseAttributes(startTagAttrs(xf)).get('numFmtId') ?? 0);
    if (current === id && this.xfs[base] !== undefined) return base;
    const key = `${base}|${id}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const tagEnd = startTagEnd(xf);
    let tag = xf.slice(0, tagEnd);
    tag = setAttribute(tag, 'numFmtId', String(id));
    tag = setAttribute(tag, 'applyNumberFormat', '1');
    const index = this.xfs.length + this.added.length;
    this.added.push(tag + xf.slice(tagEnd));
    this.cache.set(key, index);
    this.changed = true;
    return index;
  }

  private numFmtId(code: string): number {
    for (const [id, c] of this.numFmts) if (c === code) return id;
    for (const n of this.addedNumFmts) if (n.code === code) return n.id;
    const builtin = BUILTIN_NUMFMTS[code];
    if (builtin !== undefined && !this.numFmts.has(builtin)) return builtin;
    const id = Math.max(163, ...this.numFmts.keys(), ...this.addedNumFmts.map((n) => n.id)) + 1;
    this.addedNumFmts.push({ id, code });
    this.changed = true;
    return id;
  }

  render(): string {
    const p = this.p;
    let xml = this.xml;
    // cellXfs first (it comes after numFmts, so numFmts' offsets stay valid).
    if (this.added.length > 0) {
      const c = this.cellXfs;
      const closeAt = c.end - `</${p}cellXfs>`.length;
      const tag = setAttribute(xml.slice(c.start, c.openEnd), 'count', String(this.xfs.length + this.added.length));
      xml = xml.slice(0, c.start) + tag + xml.slice(c.openEnd, closeAt) + this.added.join('') + xml.slice(closeAt);
    }
    if (this.addedNumFmts.length > 0) {
      const items = this.addedNumFmts.map((n) => `<${p}numFmt numFmtId="${n.id}" formatCode="${escapeAttr(n.code)}"/>`).join('');
      const count = this.numFmts.size + this.addedNumFmts.length;
      const numFmts = findElements(xml, `${p}numFmts`)[0];
      if (numFmts && !numFmts.selfClosing) {
        const closeAt = numFmts.end - `</${p}numFmts>`.length;
        const tag = setAttribute(xml.slice(numFmts.start, numFmts.openEnd), 'count', String(count));
        xml = xml.slice(0, numFmts.start) + tag + xml.slice(numFmts.openEnd, closeAt) + items + xml.slice(closeAt);
      } else {
        const element = `<${p}numFmts count="${count}">${items}</${p}numFmts>`;
        if (numFmts) {
          xml = xml.slice(0, numFmts.start) + element + xml.slice(numFmts.end);
        } else {
          // numFmts is the first child of styleSheet.
          const root = findElements(xml, `${p}styleSheet`)[0];
          if (!root) throw unreadablePart('styles.xml');
          xml = xml.slice(0, root.openEnd) + element + xml.slice(root.openEnd);
        }
      }
    }
    return xml;
  }
}

// =================================================================================================
// Shared formulas: moving a formula by (dRow, dCol), as Excel does when a group's master moves.

const CELL_REF = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?::(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7}))?(?![A-Za-z0-9_.(!])/y;
const COL_RANGE = /(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_.(!])/y;
const ROW_RANGE = /(\$?)(\d{1,7}):(\$?)(\d{1,7})(?![A-Za-z0-9_.(!])/y;

/**
 * Moves the relative references of an A1 formula by dRow rows and dCol columns; `$` parts stay.
 * Strings, quoted sheet names, bracketed parts (structured references, external book indexes) and
 * names are left alone; a reference moved off the sheet becomes #REF!.
 */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  let out = '';
  let i = 0;
  const n = formula.length;
  const boundaryBefore = (k: number): boolean => k === 0 || !/[A-Za-z0-9_.\\$]/.test(formula[k - 1]);
  while (i < n) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < n) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '[') {
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        if (formula[j] === '[') depth++;
        else if (formula[j] === ']' && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (boundaryBefore(i) && /[A-Za-z$0-9]/.test(ch)) {
      CELL_REF.lastIndex = i;
      let m = CELL_REF.exec(formula);
      if (m) {
        const a = moveCell(m[1], m[2], m[3], m[4], dRow, dCol);
        const b = m[6] === undefined ? '' : moveCell(m[5], m[6], m[7], m[8], dRow, dCol);
        out += a === null || b === null ? '#REF!' : m[6] === undefined ? a : `${a}:${b}`;
        i = CELL_REF.lastIndex;
        continue;
      }
      COL_RANGE.lastIndex = i;
      m = COL_RANGE.exec(formula);
      if (m) {
        const a = moveCol(m[1], m[2], dCol);
        const b = moveCol(m[3], m[4], dCol);
        out += a === null || b === null ? '#REF!' : `${a}:${b}`;
        i = COL_RANGE.lastIndex;
        continue;
      }
      ROW_RANGE.lastIndex = i;
      m = ROW_RANGE.exec(formula);
      if (m) {
        const a = moveRow(m[1], m[2], dRow);
        const b = moveRow(m[3], m[4], dRow);
        out += a === null || b === null ? '#REF!' : `${a}:${b}`;
        i = ROW_RANGE.lastIndex;
        continue;
      }
    }
    if (/[A-Za-z0-9_.\\]/.test(ch)) {
      // A name, function or number: copy it whole so nothing inside it is read as a reference.
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_.\\?]/.test(formula[j])) j++;
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function moveCell(colAbs: string, col: string, rowAbs: string, row: string, dRow: number, dCol: number): string | null {
  const c = moveCol(colAbs, col, dCol);
  const r = moveRow(rowAbs, row, dRow);
  return c === null || r === null ? null : c + r;
}

function moveCol(abs: string, letters: string, d: number): string | null {
  const col = lettersToCol(letters) + (abs ? 0 : d);
  return col < 0 || col > MAX_COL ? null : abs + columnLetters(col);
}

function moveRow(abs: string, digits: string, d: number): string | null {
  const row = Number(digits) - 1 + (abs ? 0 : d);
  return row < 0 || row > MAX_ROW ? null : `${abs}${row + 1}`;
}

// =================================================================================================
// Addresses

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function lettersToCol(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

function toA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

function parseA1(a1: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a1.trim());
  return m ? { row: Number(m[2]) - 1, col: lettersToCol(m[1]) } : null;
}

function parseRange(ref: string): Range | null {
  const [a, b] = ref.trim().split(':');
  const s = parseA1(a);
  const e = b === undefined ? s : parseA1(b);
  if (!s || !e) return null;
  return {
    top: Math.min(s.row, e.row),
    left: Math.min(s.col, e.col),
    bottom: Math.max(s.row, e.row),
    right: Math.max(s.col, e.col),
  };
}

function contains(r: Range, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

// =================================================================================================
// Minimal XML scanning. The parts are machine-written SpreadsheetML: no DTDs; comments, CDATA and
// processing instructions do not occur inside the elements scanned here. Attribute values may hold
// '>' and either quote style.

const ATTRS = `((?:[^>"'/]|"[^"]*"|'[^']*'|/(?!>))*)`;

interface Element {
  start: number;
  /** Just after the start tag's '>'. */
  openEnd: number;
  /** Just after the end tag (= openEnd when self-closing). */
  end: number;
  attrs: string;
  selfClosing: boolean;
}

/** Elements named `qname` between `from` and `to`; nested elements of the same name are not expected. */
function findElements(xml: string, qname: string, from = 0, to = xml.length): Element[] {
  const open = new RegExp(`<${escapeRegExp(qname)}(?=[\\s/>])${ATTRS}(/?)>`, 'g');
  const close = `</${qname}>`;
  const out: Element[] = [];
  open.lastIndex = from;
  for (let m = open.exec(xml); m && m.index < to; m = open.exec(xml)) {
    const start = m.index;
    const openEnd = start + m[0].length;
    if (m[2] === '/') {
      out.push({ start, openEnd, end: openEnd, attrs: m[1], selfClosing: true });
      continue;
    }
    const closeAt = xml.indexOf(close, openEnd);
    if (closeAt < 0 || closeAt + close.length > to) break;
    const end = closeAt + close.length;
    out.push({ start, openEnd, end, attrs: m[1], selfClosing: false });
    open.lastIndex = end;
  }
  return out;
}

/** The namespace prefix ("" or "x:") the part uses for its root element `local`. */
function rootPrefix(xml: string, local: string): string {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${local}(?=[\\s/>])`).exec(xml);
  return m?.[1] ?? '';
}

function parseAttributes(attrs: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(attrs); m; m = re.exec(attrs)) out.set(m[1], decodeXml(m[2] ?? m[3] ?? ''));
  return out;
}

function renderAttributes(attrs: Map<string, string>): string {
  let s = '';
  for (const [k, v] of attrs) s += ` ${k}="${escapeAttr(v)}"`;
  return s;
}

/** Sets (or adds) an attribute in a start tag or raw attribute text, keeping everything else as written. */
function setAttribute(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${escapeRegExp(name)}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  const v = `"${escapeAttr(value)}"`;
  if (re.test(tag)) return tag.replace(re, (_m, lead: string) => lead + v);
  const m = /\s*\/?>$/.exec(tag);
  const at = m ? m.index : tag.length;
  return `${tag.slice(0, at)} ${name}=${v}${tag.slice(at)}`;
}

function startTagEnd(element: string): number {
  const m = new RegExp(`^<[^\\s/>]+${ATTRS}/?>`).exec(element);
  return m ? m[0].length : element.indexOf('>') + 1;
}

function startTagAttrs(element: string): string {
  const m = new RegExp(`^<[^\\s/>]+${ATTRS}/?>`).exec(element);
  return m ? m[1] : '';
}

/** Removes the (self-closing or not) elements with local name `local` whose attributes match. */
function removeElements(xml: string, local: string, match: (attrs: Map<string, string>) => boolean): string {
  const re = new RegExp(`<([A-Za-z_][\\w.-]*:)?${local}(?=[\\s/>])${ATTRS}(?:/>|>[\\s\\S]*?</\\1?${local}>)`, 'g');
  return xml.replace(re, (whole: string, _p: string | undefined, attrs: string) => (match(parseAttributes(attrs)) ? '' : whole));
}

function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (whole, e: string) => {
    switch (e) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default: {
        const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
      }
    }
  });
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function unreadablePart(what: string): WorkbookWriteError {
  return new WorkbookWriteError(
    `工作簿的 ${what} 部件无法解析，文件可能已损坏。 / The workbook's ${what} part cannot be parsed; the file may be damaged.`,
    'unreadable',
  );
}

// =================================================================================================
// Package (OPC): part names, relationships

interface Relationship {
  id: string;
  type: string;
  /** Resolved part name, e.g. "xl/worksheets/sheet1.xml". */
  target: string;
  external: boolean;
}

/** Part names compare case-insensitively; some writers use backslashes or a leading slash. */
function normalizePart(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

function resolveTarget(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const base = source.includes('/') ? source.slice(0, source.lastIndexOf('/')).split('/') : [];
  for (const seg of target.replace(/\\/g, '/').split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}

function parseRelationships(xml: string | null, source: string): Relationship[] {
  if (xml === null) return [];
  const out: Relationship[] = [];
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?Relationship(?=[\\s/>])${ATTRS}/?>`, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const a = parseAttributes(m[1]);
    const external = a.get('TargetMode') === 'External';
    const target = a.get('Target') ?? '';
    out.push({ id: a.get('Id') ?? '', type: a.get('Type') ?? '', target: external ? target : resolveTarget(source, target), external });
  }
  return out;
}

class Package {
  private readonly byName = new Map<string, ZipEntry>();

  constructor(zip: ZipEntry[]) {
    for (const e of zip) this.byName.set(normalizePart(e.name), e);
  }

  has(part: string): boolean {
    return this.byName.has(normalizePart(part));
  }

  async officeDocumentPath(): Promise<string> {
    const rels = parseRelationships(await this.textOrNull('_rels/.rels'), '');
    const doc = rels.find((r) => r.type.endsWith('/officeDocument') && !r.external && this.has(r.target));
    return doc ? doc.target : 'xl/workbook.xml';
  }

  async textOrNull(part: string): Promise<string | null> {
    const e = this.byName.get(normalizePart(part));
    return e ? decodeUtf8Part(await inflateEntry(e), part) : null;
  }

  async text(part: string): Promise<string> {
    const t = await this.textOrNull(part);
    if (t === null) {
      throw new WorkbookWriteError(`工作簿缺少 ${part} 部件，文件已损坏。 / The workbook has no ${part} part; the file is damaged.`, 'unreadable');
    }
    return t;
  }
}

function decodeUtf8Part(bytes: Uint8Array, part: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new WorkbookWriteError(
      `工作簿的 ${part} 部件采用 UTF-16 编码，暂不支持写入；请在 Excel 中另存后再试。 / The workbook's ${part} part is UTF-16 encoded, which is not supported; save the file again in Excel and retry.`,
      'unsupported',
    );
  }
  return new TextDecoder('utf-8').decode(bytes);
}

function encodeUtf8(s: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(s);
}

// =================================================================================================
// Zip: read the central directory, inflate single entries, write the archive back. Entries that do
// not change are copied with their compressed bytes as they are.

interface ZipEntry {
  name: string;
  nameBytes: Uint8Array;
  versionMadeBy: number;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  internalAttrs: number;
  externalAttrs: number;
  /** Offset of the compressed data in the original file. */
  dataStart: number;
  source: Uint8Array;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const MAX32 = 0xffffffff;

function u16(b: Uint8Array, o: number): number {
  if (o < 0 || o + 2 > b.length) throw zipDamaged();
  return b[o] | (b[o + 1] << 8);
}

function u32(b: Uint8Array, o: number): number {
  if (o < 0 || o + 4 > b.length) throw zipDamaged();
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}

function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x1_0000_0000;
}

function zipDamaged(): WorkbookWriteError {
  return new WorkbookWriteError(
    '工作簿文件不完整或已损坏，请重新导出或重新下载。 / The workbook file is incomplete or damaged; export or download it again.',
    'unreadable',
  );
}

function readZip(bytes: Uint8Array): ZipEntry[] {
  let eocd = -1;
  for (let p = bytes.length - 22; p >= Math.max(0, bytes.length - 22 - 0xffff); p--) {
    if (bytes[p] === 0x50 && u32(bytes, p) === SIG_EOCD) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw zipDamaged();
  let count = u16(bytes, eocd + 10);
  let offset = u32(bytes, eocd + 16);
  if ((count === 0xffff || offset === MAX32) && eocd >= 20 && u32(bytes, eocd - 20) === SIG_ZIP64_LOCATOR) {
    const record = u64(bytes, eocd - 20 + 8);
    count = u64(bytes, record + 32);
    offset = u64(bytes, record + 48);
  }
  const entries: ZipEntry[] = [];
  let pos = offset;
  for (let i = 0; i < count; i++) {
    if (u32(bytes, pos) !== SIG_CENTRAL) throw zipDamaged();
    const nameLength = u16(bytes, pos + 28);
    const extraLength = u16(bytes, pos + 30);
    const commentLength = u16(bytes, pos + 32);
    let compressedSize = u32(bytes, pos + 20);
    let size = u32(bytes, pos + 24);
    let localOffset = u32(bytes, pos + 42);
    const nameStart = pos + 46;
    const extraStart = nameStart + nameLength;
    if (compressedSize === MAX32 || size === MAX32 || localOffset === MAX32) {
      // ZIP64 extra field: the 0xFFFFFFFF values, in this order.
      let q = extraStart;
      while (q + 4 <= extraStart + extraLength) {
        const id = u16(bytes, q);
        const len = u16(bytes, q + 2);
        if (id === 0x0001) {
          let r = q + 4;
          if (size === MAX32) (size = u64(bytes, r)), (r += 8);
          if (compressedSize === MAX32) (compressedSize = u64(bytes, r)), (r += 8);
          if (localOffset === MAX32) localOffset = u64(bytes, r);
          break;
        }
        q += 4 + len;
      }
    }
    const flags = u16(bytes, pos + 8);
    const nameBytes = bytes.slice(nameStart, extraStart);
    const name = new TextDecoder('utf-8').decode(nameBytes);
    if (flags & 0x0001) {
      throw new WorkbookWriteError(
        '工作簿中含有加密的压缩条目，无法写入。 / The workbook contains encrypted zip entries; cannot write into it.',
        'unsupported',
      );
    }
    if (u32(bytes, localOffset) !== SIG_LOCAL) throw zipDamaged();
    const dataStart = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    if (dataStart + compressedSize > bytes.length) throw zipDamaged();
    entries.push({
      name,
      nameBytes,
      versionMadeBy: u16(bytes, pos + 4),
      flags,
      method: u16(bytes, pos + 10),
      time: u16(bytes, pos + 12),
      date: u16(bytes, pos + 14),
      crc: u32(bytes, pos + 16),
      compressedSize,
      size,
      internalAttrs: u16(bytes, pos + 36),
      externalAttrs: u32(bytes, pos + 38),
      dataStart,
      source: bytes,
    });
    pos = extraStart + extraLength + commentLength;
  }
  return entries;
}

async function inflateEntry(e: ZipEntry): Promise<Uint8Array> {
  const raw = e.source.slice(e.dataStart, e.dataStart + e.compressedSize);
  if (e.method === 0) return raw;
  if (e.method !== 8) {
    throw new WorkbookWriteError(
      `工作簿部件“${e.name}”使用了不支持的压缩方式（${e.method}）。 / The workbook part "${e.name}" uses an unsupported compression method (${e.method}).`,
      'unsupported',
    );
  }
  if (typeof DecompressionStream === 'undefined') {
    throw new WorkbookWriteError(
      '当前环境不支持解压（DecompressionStream），请升级浏览器或使用 Node 20 以上版本。 / This environment cannot decompress (no DecompressionStream); use a current browser or Node 20+.',
      'unsupported',
    );
  }
  try {
    // The declared size bounds the output: a part that inflates beyond it is refused.
    return await transform(raw, new DecompressionStream('deflate-raw'), e.size + 1024);
  } catch (cause) {
    if (cause instanceof WorkbookWriteError) throw cause;
    throw new WorkbookWriteError(
      `工作簿部件“${e.name}”已损坏，无法解压。 / The workbook part "${e.name}" is damaged and cannot be decompressed.`,
      'unreadable',
      { cause },
    );
  }
}

async function deflate(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array | null> {
  if (typeof CompressionStream === 'undefined') return null;
  try {
    return await transform(data, new CompressionStream('deflate-raw'), Number.POSITIVE_INFINITY);
  } catch {
    return null; // no raw deflate here: the part is stored uncompressed, which every reader accepts
  }
}

async function transform<W>(
  data: W,
  stream: { readable: ReadableStream<Uint8Array>; writable: WritableStream<W> },
  limit: number,
): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  const written = writer.write(data).then(() => writer.close());
  written.catch(() => undefined); // reported through the reader below
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw zipDamaged();
    }
    chunks.push(value);
  }
  await written;
  return concat(chunks, total);
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface OutEntry {
  entry: ZipEntry;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  data: Uint8Array;
}

async function writeZip(
  original: Uint8Array,
  entries: readonly ZipEntry[],
  replaced: Map<string, Uint8Array<ArrayBuffer>>,
  removed: Set<string>,
): Promise<Uint8Array> {
  const changes = new Map<string, Uint8Array<ArrayBuffer>>();
  for (const [k, v] of replaced) changes.set(normalizePart(k), v);
  const out: OutEntry[] = [];
  for (const e of entries) {
    const key = normalizePart(e.name);
    if (removed.has(key)) continue;
    const content = changes.get(key);
    if (content === undefined) {
      out.push({
        entry: e,
        method: e.method,
        crc: e.crc,
        compressedSize: e.compressedSize,
        size: e.size,
        data: original.subarray(e.dataStart, e.dataStart + e.compressedSize),
      });
      continue;
    }
    const compressed = await deflate(content);
    const useDeflate = compressed !== null && compressed.length < content.length;
    out.push({
      entry: e,
      method: useDeflate ? 8 : 0,
      crc: crc32(content),
      compressedSize: useDeflate ? compressed.length : content.length,
      size: content.length,
      data: useDeflate ? compressed : content,
    });
  }

  let total = 22;
  for (const o of out) total += 30 + o.entry.nameBytes.length + o.data.length + 46 + o.entry.nameBytes.length;
  if (total > MAX32 || out.length > 0xffff) {
    throw new WorkbookWriteError('生成的工作簿超过 4 GB，无法写入。 / The resulting workbook exceeds 4 GB; cannot write it.', 'unsupported');
  }
  const buf = new Uint8Array(total);
  const view = new DataView(buf.buffer);
  let pos = 0;
  const offsets: number[] = [];
  for (const o of out) {
    const e = o.entry;
    offsets.push(pos);
    // Sizes are in the header: no data descriptor (bit 3 cleared); the UTF-8 name flag (bit 11) stays.
    const flags = e.flags & ~0x0008 & ~0x0001;
    view.setUint32(pos, SIG_LOCAL, true);
    view.setUint16(pos + 4, 20, true); // 2.0: deflate or stored, no ZIP64
    view.setUint16(pos + 6, flags, true);
    view.setUint16(pos + 8, o.method, true);
    view.setUint16(pos + 10, e.time, true);
    view.setUint16(pos + 12, e.date, true);
    view.setUint32(pos + 14, o.crc, true);
    view.setUint32(pos + 18, o.compressedSize, true);
    view.setUint32(pos + 22, o.size, true);
    view.setUint16(pos + 26, e.nameBytes.length, true);
    view.setUint16(pos + 28, 0, true);
    buf.set(e.nameBytes, pos + 30);
    buf.set(o.data, pos + 30 + e.nameBytes.length);
    pos += 30 + e.nameBytes.length + o.data.length;
  }
  const cdStart = pos;
  out.forEach((o, i) => {
    const e = o.entry;
    const flags = e.flags & ~0x0008 & ~0x0001;
    view.setUint32(pos, SIG_CENTRAL, true);
    view.setUint16(pos + 4, e.versionMadeBy, true);
    view.setUint16(pos + 6, 20, true);
    view.setUint16(pos + 8, flags, true);
    view.setUint16(pos + 10, o.method, true);
    view.setUint16(pos + 12, e.time, true);
    view.setUint16(pos + 14, e.date, true);
    view.setUint32(pos + 16, o.crc, true);
    view.setUint32(pos + 20, o.compressedSize, true);
    view.setUint32(pos + 24, o.size, true);
    view.setUint16(pos + 28, e.nameBytes.length, true);
    view.setUint16(pos + 30, 0, true);
    view.setUint16(pos + 32, 0, true);
    view.setUint16(pos + 34, 0, true);
    view.setUint16(pos + 36, e.internalAttrs, true);
    view.setUint32(pos + 38, e.externalAttrs, true);
    view.setUint32(pos + 42, offsets[i], true);
    buf.set(e.nameBytes, pos + 46);
    pos += 46 + e.nameBytes.length;
  });
  view.setUint32(pos, SIG_EOCD, true);
  view.setUint16(pos + 4, 0, true);
  view.setUint16(pos + 6, 0, true);
  view.setUint16(pos + 8, out.length, true);
  view.setUint16(pos + 10, out.length, true);
  view.setUint32(pos + 12, pos - cdStart, true);
  view.setUint32(pos + 16, cdStart, true);
  view.setUint16(pos + 20, 0, true);
  return buf;
}
