import type { CellWrite } from '../../core/fill/types';
import { MAX_COL, MAX_ROW, toA1 } from '../../core/grid/address';
import { WorkbookWriteError } from './package/errors';
import { Package } from './package/package';
import { parseRelationships, relsPathOf } from './package/relationships';
import { formulaText, SheetPatcher } from './package/sheet-patch';
import { StylesPatcher } from './package/styles';
import { parseSheets, setFullCalcOnLoad, type SheetInfo } from './package/workbook';
import { describeProblem, sniffXlsx } from './sniff';

export { WorkbookWriteError, type WriteProblem } from './package/errors';

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
 * must change: the worksheets that receive writes (see SheetPatcher), styles.xml (new cell formats
 * appended, none changed), workbook.xml (`fullCalcOnLoad`) and, when present, the calculation chain
 * (a cache Excel rebuilds; removed with its relationship and content type, since a stale chain
 * makes Excel "repair" the file).
 */

export interface ApplyOptions {
  /** Write the value only (no formula). */
  values?: boolean;
}

/**
 * Applies `writes` to the workbook in `original` and returns the new file's bytes. A formula write
 * stores the formula with `value` as its cached result; in values mode only the number. Each written
 * cell gets `numFmt` and otherwise keeps its own format (font, border, fill, alignment, protection,
 * named style): its cell format is copied, never edited in place, so cells sharing it are unchanged.
 * A write into a merged range goes to the range's top-left cell. Later writes to the same cell win.
 * Excel is told to recalculate everything when it opens the file.
 */
export function applyWrites(original: Uint8Array, writes: readonly CellWrite[], options: ApplyOptions = {}): Promise<Uint8Array> {
  // The work is synchronous; the executor turns a thrown WorkbookWriteError into a rejection.
  return new Promise((resolve) => resolve(patchWorkbook(original, writes, options)));
}

function patchWorkbook(original: Uint8Array, writes: readonly CellWrite[], options: ApplyOptions): Uint8Array {
  const sniff = sniffXlsx(original);
  if (!sniff.ok) throw new WorkbookWriteError(describeProblem(sniff.problem, ''), 'unreadable');
  const pkg = Package.open(original);

  const workbookPath = pkg.officeDocumentPath();
  const workbookXml = pkg.text(workbookPath);
  const workbookRels = parseRelationships(pkg.textOrNull(relsPathOf(workbookPath)), workbookPath);
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

  if (bySheet.size > 0) {
    const stylesRel = workbookRels.find((r) => r.type.endsWith('/styles'));
    if (!stylesRel || !pkg.has(stylesRel.target)) {
      throw new WorkbookWriteError(
        '工作簿缺少样式部件（styles.xml），无法写入。 / The workbook has no styles part (styles.xml); cannot write into it.',
        'unsupported',
      );
    }
    const styles = new StylesPatcher(pkg.text(stylesRel.target));
    for (const [sheetName, group] of bySheet) {
      if (!pkg.has(group.path)) {
        throw new WorkbookWriteError(
          `工作表“${sheetName}”的内容缺失，文件已损坏。 / The part of sheet "${sheetName}" is missing; the file is damaged.`,
          'unreadable',
        );
      }
      const patcher = new SheetPatcher(sheetName, pkg.text(group.path), styles);
      patcher.apply([...group.writes.values()], options.values === true);
      pkg.setText(group.path, patcher.render());
    }
    if (styles.changed) pkg.setText(stylesRel.target, styles.render());
  }

  pkg.setText(workbookPath, setFullCalcOnLoad(workbookXml));

  // The calculation chain lists formula cells; a stale one makes Excel repair the file.
  const calcChain = workbookRels.find((r) => r.type.endsWith('/calcChain'));
  if (calcChain && bySheet.size > 0) pkg.removePart(calcChain.target, workbookPath, calcChain.id);

  return pkg.save();
}

function validateWrite(w: CellWrite, options: ApplyOptions): void {
  const where = `“${oneLine(String(w.sheet))}”!${isOnSheet(w.ref) ? toA1(w.ref.row, w.ref.col) : '?'}`;
  const bad = (zh: string, en: string): never => {
    throw new WorkbookWriteError(`无法写入 ${where}：${zh}。 / Cannot write ${where}: ${en}.`, 'invalid-write');
  };
  if (!isOnSheet(w.ref)) bad('单元格地址超出工作表范围', 'the cell address is outside the sheet');
  const n = Number(w.value);
  if (!Number.isFinite(n)) bad('数值无效', 'the value is not a finite number');
  if (!options.values && !w.valueOnly && !formulaText(w.formula)) bad('公式为空', 'the formula is empty');
  if (typeof w.numFmt !== 'string') bad('数字格式无效', 'the number format is not text');
}

function isOnSheet(ref: { row: number; col: number } | undefined): boolean {
  return !!ref && Number.isInteger(ref.row) && Number.isInteger(ref.col) && ref.row >= 0 && ref.row <= MAX_ROW && ref.col >= 0 && ref.col <= MAX_COL;
}

function findSheet(sheets: readonly SheetInfo[], name: string): SheetInfo | undefined {
  // Excel sheet names are unique regardless of case.
  return sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.toLowerCase() === String(name).toLowerCase());
}

function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
}
