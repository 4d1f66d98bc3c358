/**
 * "在表中标出" as a file: a copy of the workbook with the findings marked on their cells, for WPS users
 * and for email — the same design as the marks the Excel host makes (docs/decisions/0002-excel-marks.md),
 * written into the package:
 *
 * - a very hidden registry sheet GKL_MARKS (row 1: its title, the list's size, name and digest; then
 *   one row per marked cell: a live reference to the cell, the code 1, the severity, the cell's own
 *   number format, the findings' ids) — so that the add-in, opening the file in Excel, takes the marks
 *   over: it updates and clears them as its own;
 * - one conditional format per marked cell, true while its registry code is 1, with a differential
 *   format of the mark's fill, border, font colour and the cell's own number format behind a glyph
 *   (✖ error, ⚠ warning), at the top priority of its sheet (the sheet's own rules keep their order
 *   below it);
 * - a hidden sheet 审核标注 listing every marked finding for a reviewer without the add-in.
 *
 * No cell's own value or format changes. What is rewritten: the marked sheets (their conditional
 * formats), styles.xml (formats appended), workbook.xml (two sheets appended), its relationships and
 * the content types; two sheet parts are added; every other part is copied byte for byte. Marks
 * already in the file are taken off first (`clearMarksIn`), which also makes a clean copy of a marked
 * file.
 */
import type { Finding } from '../../core/findings';
import type { Grid, Workbook } from '../../core/grid/grid';
import {
  desiredMarks,
  glyphFormat,
  isMarkRule,
  LIST_SHEET,
  listLines,
  MARK_STYLE,
  markRuleFormula,
  parseRegistry,
  planMarks,
  REGISTRY_SHEET,
  REGISTRY_TITLE,
  referenceFormula,
  type MarkSeverity,
} from '../excel/marks';
import { CONTENT_TYPES_PART, withContentType } from './package/content-types';
import { WorkbookWriteError } from './package/errors';
import { Package } from './package/package';
import { addRelationship, parseRelationships, relsPathOf } from './package/relationships';
import { StylesPatcher } from './package/styles';
import { escapeAttr, escapeText, findElement, findElements, parseAttributes, rootPrefix } from './package/xml';
import { describeProblem, sniffXlsx } from './sniff';

const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const WORKSHEET_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** The elements that follow conditionalFormatting in a worksheet, in schema order. */
const CF_FOLLOWERS = ['dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

interface SheetEntry {
  name: string;
  path: string;
  relId: string;
  sheetId: number;
}

function workbookSheets(pkg: Package): { workbook: string; xml: string; sheets: SheetEntry[] } {
  const workbook = pkg.officeDocumentPath();
  const xml = pkg.text(workbook);
  const rels = parseRelationships(pkg.textOrNull(relsPathOf(workbook)), workbook);
  const p = rootPrefix(xml, 'workbook');
  const sheets: SheetEntry[] = [];
  for (const el of findElements(xml, `${p}sheet`)) {
    const a = parseAttributes(el.attrs);
    const relId = [...a.entries()].find(([k]) => /^[^:]+:id$/.test(k))?.[1] ?? '';
    const rel = rels.find((r) => r.id === relId);
    if (a.get('name') !== undefined && rel) sheets.push({ name: a.get('name')!, path: rel.target, relId, sheetId: Number(a.get('sheetId')) || 0 });
  }
  return { workbook, xml, sheets };
}

/**
 * The workbook `original` with `findings` marked, as a new file's bytes. `workbook` is the grid of the
 * same file with every sheet (the cells' number formats, merges; an earlier registry).
 */
export function markWorkbook(original: Uint8Array, workbook: Workbook, findings: readonly Finding[]): { bytes: Uint8Array; marked: number } {
  const pkg = openPackage(original);
  const registryGrid = workbook.sheets.find((g) => g.name === REGISTRY_SHEET);
  const ownSheets = removeMarks(pkg, workbook);
  const grids = new Map<string, Grid>(workbook.sheets.filter((g) => !ownSheets.has(g.name) && g !== registryGrid).map((g) => [g.name, g]));
  const desired = desiredMarks(findings, grids, new Map());
  if (desired.size === 0) return { bytes: pkg.save(), marked: 0 };
  const update = planMarks(null, desired);
  const { workbook: workbookPath, sheets } = workbookSheets(pkg);
  const stylesRel = parseRelationships(pkg.textOrNull(relsPathOf(workbookPath)), workbookPath).find((r) => r.type.endsWith('/styles'));
  if (!stylesRel || !pkg.has(stylesRel.target)) {
    throw new WorkbookWriteError('工作簿缺少样式部件（styles.xml），无法标注。 / The workbook has no styles part; cannot mark it.', 'unsupported');
  }
  const styles = new StylesPatcher(pkg.text(stylesRel.target));
  const dxfs = new Map<string, number>();
  const dxfOf = (severity: MarkSeverity, numFmt: string) => {
    const key = `${severity}|${numFmt}`;
    let id = dxfs.get(key);
    if (id === undefined) {
      const style = MARK_STYLE[severity];
      id = styles.addDxf({ fontColor: style.font, numFmt: glyphFormat(numFmt, style.glyph), fill: style.fill, border: { style: severity === 'error' ? 'thin' : 'dashed', color: style.border } });
      dxfs.set(key, id);
    }
    return id;
  };
  const bySheet = new Map<string, { sqref: string; formula: string; dxf: number }[]>();
  for (const row of update.added) {
    if (row.sheet === null || row.address === null) continue;
    const list = bySheet.get(row.sheet) ?? [];
    list.push({ sqref: row.address, formula: markRuleFormula(row.row).slice(1), dxf: dxfOf(row.severity, row.numFmt) });
    bySheet.set(row.sheet, list);
  }
  for (const [name, rules] of bySheet) {
    const sheet = sheets.find((s) => s.name === name);
    if (!sheet || !pkg.has(sheet.path)) continue;
    pkg.setText(sheet.path, withMarkRules(pkg.text(sheet.path), rules));
  }
  pkg.setText(stylesRel.target, styles.render());

  // the registry and the list: two new sheets at the end of the workbook
  const taken = new Set(sheets.map((s) => s.name.toLowerCase()));
  let listName = LIST_SHEET;
  for (let n = 2; taken.has(listName.toLowerCase()); n++) listName = `${LIST_SHEET}(${n})`;
  if (taken.has(REGISTRY_SHEET.toLowerCase())) {
    throw new WorkbookWriteError(`工作簿中已有名为“${REGISTRY_SHEET}”的工作表，无法标注。 / The workbook already has a sheet named ${REGISTRY_SHEET}.`, 'unsupported');
  }
  const registryRows: (string | number | { formula: string; cached: string | number | null })[][] = [[REGISTRY_TITLE, 'code', 'severity', 'numFmt', 'ids', update.listed.length, listName, update.listDigest]];
  for (const row of update.rows) {
    const grid = row.sheet === null ? undefined : grids.get(row.sheet);
    const at = row.address === null ? null : parseAddress(row.address);
    const cached = grid && at ? grid.value(at.row, at.col) : null;
    const value = typeof cached === 'number' || typeof cached === 'string' ? cached : null;
    registryRows.push([{ formula: referenceFormula(row.sheet ?? '', row.address ?? 'A1').slice(1), cached: value }, row.code, row.severity, row.numFmt, row.ids]);
  }
  addSheet(pkg, REGISTRY_SHEET, 'veryHidden', sheetXml(registryRows));
  addSheet(pkg, listName, 'hidden', sheetXml(listLines(update)));
  return { bytes: pkg.save(), marked: desired.size };
}

/** A copy of the workbook without the add-in's marks (the registry, the list, their conditional formats). */
export function clearMarksIn(original: Uint8Array, workbook: Workbook): Uint8Array {
  const pkg = openPackage(original);
  removeMarks(pkg, workbook);
  return pkg.save();
}

function openPackage(original: Uint8Array): Package {
  const sniff = sniffXlsx(original);
  if (!sniff.ok) throw new WorkbookWriteError(describeProblem(sniff.problem, ''), 'unreadable');
  return Package.open(original);
}

/** The add-in's sheets of a workbook (the registry and its list), when it has marks. */
export function markSheets(workbook: Workbook): Set<string> {
  const grid = workbook.sheets.find((g) => g.name === REGISTRY_SHEET);
  const registry = grid && parseRegistry(grid);
  if (!registry) return new Set();
  return new Set([REGISTRY_SHEET, registry.listSheet]);
}

/** Takes the marks out of the package; returns the names of the sheets removed. */
function removeMarks(pkg: Package, workbook: Workbook): Set<string> {
  const own = markSheets(workbook);
  if (!own.size) return own;
  const { workbook: workbookPath, sheets } = workbookSheets(pkg);
  for (const sheet of sheets) {
    if (own.has(sheet.name) || !pkg.has(sheet.path)) continue;
    const xml = pkg.text(sheet.path);
    const cleared = withoutMarkRules(xml);
    if (cleared !== xml) pkg.setText(sheet.path, cleared);
  }
  let xml = pkg.text(workbookPath);
  for (const sheet of sheets.filter((s) => own.has(s.name))) {
    const p = rootPrefix(xml, 'workbook');
    const el = findElements(xml, `${p}sheet`).find((e) => parseAttributes(e.attrs).get('name') === sheet.name);
    if (el) xml = xml.slice(0, el.start) + xml.slice(el.end);
    pkg.removePart(sheet.path, workbookPath, sheet.relId);
  }
  pkg.setText(workbookPath, xml);
  return own;
}

/** The sheet with the mark rules inserted before its own conditional formats (their priorities moved down). */
function withMarkRules(xml: string, rules: readonly { sqref: string; formula: string; dxf: number }[]): string {
  const p = rootPrefix(xml, 'worksheet');
  const shifted = shiftPriorities(xml, rules.length);
  const elements = rules
    .map((r, i) => `<${p}conditionalFormatting sqref="${r.sqref}"><${p}cfRule type="expression" dxfId="${r.dxf}" priority="${i + 1}"><${p}formula>${escapeText(r.formula)}</${p}formula></${p}cfRule></${p}conditionalFormatting>`)
    .join('');
  const at = findElement(shifted, `${p}conditionalFormatting`) ?? CF_FOLLOWERS.map((n) => findElement(shifted, `${p}${n}`)).find((e) => e !== undefined);
  const index = at ? at.start : shifted.lastIndexOf(`</${p}worksheet>`);
  if (index < 0) throw new WorkbookWriteError('工作表部件无法解析。 / A worksheet part cannot be parsed.', 'unreadable');
  return shifted.slice(0, index) + elements + shifted.slice(index);
}

/** Every cfRule's priority (x14 rules too: they share the sheet's order) moved by `by`. */
function shiftPriorities(xml: string, by: number): string {
  return xml.replace(/(<(?:[A-Za-z_][\w.-]*:)?cfRule\b[^>]*?\spriority\s*=\s*)(["'])(\d+)\2/g, (_m, head: string, q: string, n: string) => `${head}${q}${Number(n) + by}${q}`);
}

/** The sheet without the add-in's conditional formats; the others' priorities moved back up when they were moved down. */
function withoutMarkRules(xml: string): string {
  let removed = 0;
  const out = xml.replace(/<((?:[A-Za-z_][\w.-]*:)?)conditionalFormatting\b[^>]*>([\s\S]*?)<\/\1conditionalFormatting>/g, (whole: string, _p: string, inner: string) => {
    const formulas = [...inner.matchAll(/<(?:[A-Za-z_][\w.-]*:)?formula>([^<]*)<\//g)].map((m) => m[1]);
    const rules = inner.match(/<(?:[A-Za-z_][\w.-]*:)?cfRule\b/g)?.length ?? 0;
    if (rules === 1 && formulas.length === 1 && isMarkRule(formulas[0].replace(/&apos;/g, "'"))) {
      removed++;
      return '';
    }
    return whole;
  });
  if (!removed) return xml;
  const priorities = [...out.matchAll(/<(?:[A-Za-z_][\w.-]*:)?cfRule\b[^>]*?\spriority\s*=\s*["'](\d+)["']/g)].map((m) => Number(m[1]));
  return priorities.every((n) => n > removed) ? shiftPriorities(out, -removed) : out;
}

function parseAddress(address: string): { row: number; col: number } | null {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(address);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

function columnName(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A worksheet of inline strings, numbers and formulas with their cached values. */
function sheetXml(rows: readonly (readonly (string | number | { formula: string; cached: string | number | null })[])[]): string {
  const body = rows
    .map((cells, r) => {
      const xml = cells
        .map((v, c) => {
          const ref = `${columnName(c)}${r + 1}`;
          if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
          if (typeof v === 'string') return v === '' ? '' : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeText(v)}</t></is></c>`;
          const cached = v.cached === null ? '' : typeof v.cached === 'number' ? `<v>${v.cached}</v>` : `<v>${escapeText(v.cached)}</v>`;
          return `<c r="${ref}"${typeof v.cached === 'string' ? ' t="str"' : ''}><f>${escapeText(v.formula)}</f>${cached}</c>`;
        })
        .join('');
      return `<row r="${r + 1}">${xml}</row>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>${body}</sheetData></worksheet>`;
}

/** Adds a worksheet at the end of the workbook: its part, relationship, content type and <sheet>. */
function addSheet(pkg: Package, name: string, state: 'hidden' | 'veryHidden', xml: string): void {
  const { workbook, xml: book, sheets } = workbookSheets(pkg);
  const dir = workbook.slice(0, workbook.lastIndexOf('/') + 1);
  let n = 1;
  while (pkg.has(`${dir}worksheets/sheet${n}.xml`)) n++;
  const part = `${dir}worksheets/sheet${n}.xml`;
  pkg.addPart(part, xml);
  const relsPath = relsPathOf(workbook);
  const rel = addRelationship(pkg.textOrNull(relsPath), WORKSHEET_REL, `worksheets/sheet${n}.xml`);
  pkg.setText(relsPath, rel.xml);
  pkg.setText(CONTENT_TYPES_PART, withContentType(pkg.text(CONTENT_TYPES_PART), part, WORKSHEET_TYPE));
  const p = rootPrefix(book, 'workbook');
  const close = book.indexOf(`</${p}sheets>`);
  if (close < 0) throw new WorkbookWriteError('工作簿部件无法解析。 / The workbook part cannot be parsed.', 'unreadable');
  const rPrefix = /xmlns:([\w.-]+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(book)?.[1];
  const idAttr = rPrefix ? `${rPrefix}:id` : 'r:id';
  const declare = rPrefix ? '' : ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const sheetId = Math.max(0, ...sheets.map((s) => s.sheetId)) + 1;
  const element = `<${p}sheet name="${escapeAttr(name)}" sheetId="${sheetId}" state="${state}" ${idAttr}="${rel.id}"${declare}/>`;
  pkg.setText(workbook, book.slice(0, close) + element + book.slice(close));
}
