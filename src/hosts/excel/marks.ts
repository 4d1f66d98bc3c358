/// <reference types="office-js" />
/**
 * Marks of findings on their cells, through a layer the add-in owns (docs/decisions/0002-excel-marks.md):
 *
 * - a very hidden sheet GKL_MARKS holds one row per marked cell: a live reference to the cell (a
 *   formula, so that Excel moves it with inserted rows and renamed sheets), a code (1 shown, 0 not),
 *   the severity, the number format the mark was made for, and the findings' ids;
 * - each row has one custom conditional format on its cell, true while the row's code is 1
 *   (`='GKL_MARKS'!$B$7=1`), with a fill, a border, a font colour and a number format that keeps the
 *   cell's own format behind a glyph (✖ error, ⚠ warning): colour is never the only signal;
 * - a hidden sheet 审核标注 lists every marked finding (sheet, cell, severity, rule, message, expected,
 *   actual) for a reviewer without the add-in.
 *
 * Updating marks writes codes (values) and adds formats for newly marked cells only; it never changes
 * a cell's own format, so clearing (deleting the formats and both sheets) restores every cell exactly.
 */
import { fromA1, parseA1, toA1, type RangeRef } from '../../core/grid/address';
import type { Grid } from '../../core/grid/grid';
import { SEVERITY_ZH, type Finding } from '../../core/findings';

export const REGISTRY_SHEET = 'GKL_MARKS';
export const REGISTRY_TITLE = 'GongkaiLens marks v1';
export const LIST_SHEET = '审核标注';
export const LIST_TITLE = '审核标注（决算公开助手生成；在助手中“清除标注”时删除。单元格上的 ✖ 为错误、⚠ 为警告）';
export const LIST_HEADER = ['序号', '工作表', '单元格', '级别', '规则', '说明', '应为', '实为', '标识'];

export type MarkSeverity = 'error' | 'warning';

export const MARK_STYLE: Record<MarkSeverity, { glyph: string; fill: string; font: string; border: string; borderStyle: 'Continuous' | 'Dash' }> = {
  error: { glyph: '✖', fill: '#FFC7CE', font: '#9C0006', border: '#C00000', borderStyle: 'Continuous' },
  warning: { glyph: '⚠', fill: '#FFEB9C', font: '#7F6000', border: '#BF8F00', borderStyle: 'Dash' },
};

// ---------------------------------------------------------------------------------------------
// The glyph number format

/** Splits a number format into its sections at the semicolons outside quotes, escapes and brackets. */
export function formatSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '\\' && !quoted && i + 1 < fmt.length) {
      cur += ch + fmt[++i];
      continue;
    }
    if (ch === '"' && !bracket) quoted = !quoted;
    else if (ch === '[' && !quoted) bracket = true;
    else if (ch === ']' && !quoted) bracket = false;
    if (ch === ';' && !quoted && !bracket) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** The glyph goes after a section's leading colour, condition and locale brackets ([Red], [>0], [$-804], [DBNum1]). */
function prefixed(section: string, glyph: string): string {
  const m = /^(?:\[(?![hms]+\])[^\]]*\])*/i.exec(section);
  const head = m ? m[0] : '';
  return `${head}"${glyph}"${section.slice(head.length)}`;
}

/**
 * The cell's own number format with the glyph before what it shows, for numbers of every sign and
 * for text: "0.00" → "✖"0.00;"✖"-0.00;"✖"0.00;"✖"@.
 */
export function glyphFormat(base: string | undefined, glyph: string): string {
  const fmt = !base || base === 'General' ? 'General' : base;
  const s = formatSections(fmt);
  if (s.length === 1 && s[0].includes('@')) return prefixed(s[0], glyph);
  const [pos, neg, zero, text] = [s[0], s[1], s[2], s[3]];
  const negative = neg ?? (s.length === 1 ? `-${pos}` : pos);
  return [prefixed(pos, glyph), prefixed(negative, glyph), prefixed(zero ?? pos, glyph), prefixed(text ?? '@', glyph)].join(';');
}

// ---------------------------------------------------------------------------------------------
// Desired marks

export interface DesiredMark {
  sheet: string;
  address: string;
  severity: MarkSeverity;
  numFmt: string;
  findings: Finding[];
}

/**
 * One mark per cell: the first cell of every error and warning finding (the cell whose identity
 * failed — a total, a score), on the master cell of a merge; the most severe finding wins.
 */
export function desiredMarks(findings: readonly Finding[], grids: ReadonlyMap<string, Grid>, emptyFormats: ReadonlyMap<string, ReadonlyMap<number, string>>): Map<string, DesiredMark> {
  const out = new Map<string, DesiredMark>();
  for (const f of findings) {
    if (f.severity !== 'error' && f.severity !== 'warning') continue;
    if (f.source === 'narrative') continue;
    const first = f.cells[0];
    const grid = first && grids.get(first.sheet);
    if (!first || !grid) continue;
    const at = parseA1(first.address);
    if (!at) continue;
    const merge = grid.mergeAt(at.row, at.col);
    const row = merge ? merge.top : at.row;
    const col = merge ? merge.left : at.col;
    const address = toA1(row, col);
    const key = markKey(first.sheet, address);
    const numFmt = grid.cell(row, col)?.numFmt ?? emptyFormats.get(first.sheet)?.get(row * 16384 + col) ?? 'General';
    const had = out.get(key);
    if (had) {
      had.findings.push(f);
      if (f.severity === 'error') had.severity = 'error';
    } else out.set(key, { sheet: first.sheet, address, severity: f.severity, numFmt, findings: [f] });
  }
  // in workbook order, cell by cell, errors first: the list reads the same whatever order the findings came in
  const sheetRank = new Map([...grids.keys()].map((name, i) => [name, i]));
  const place = (m: DesiredMark) => {
    const at = fromA1(m.address);
    return [sheetRank.get(m.sheet) ?? 0, at.row, at.col];
  };
  const sorted = [...out.values()].sort((a, b) => {
    const [pa, pb] = [place(a), place(b)];
    return pa[0] - pb[0] || pa[1] - pb[1] || pa[2] - pb[2];
  });
  for (const m of sorted) m.findings.sort((a, b) => (a.severity === b.severity ? (a.id ?? '').localeCompare(b.id ?? '') : a.severity === 'error' ? -1 : 1));
  return new Map(sorted.map((m) => [markKey(m.sheet, m.address), m]));
}

export function markKey(sheet: string, address: string): string {
  return `${sheet.toLowerCase()}!${address}`;
}

// ---------------------------------------------------------------------------------------------
// The registry sheet

export interface RegistryRow {
  /** 1-based row of the registry sheet. */
  row: number;
  /** Where the row's reference points now; null once Excel turned it into #REF! (cell or sheet gone). */
  sheet: string | null;
  address: string | null;
  code: number;
  severity: MarkSeverity;
  numFmt: string;
  ids: string;
}

export interface Registry {
  rows: RegistryRow[];
  /** The listing sheet's name, how many finding rows it holds, and a digest of what they say. */
  listSheet: string;
  listRows: number;
  listDigest: string;
}

/** Reads the registry sheet back from its grid (formulas give the live references). */
export function parseRegistry(grid: Grid): Registry | null {
  if (grid.value(0, 0) !== REGISTRY_TITLE) return null;
  const rows: RegistryRow[] = [];
  for (let r = 1; r < grid.rowCount; r++) {
    const ref = grid.cell(r, 0);
    if (!ref) continue;
    const target = ref.formula ? parseReference(ref.formula) : null;
    const severity = grid.value(r, 2) === 'error' ? 'error' : 'warning';
    rows.push({
      row: r + 1,
      sheet: target?.sheet ?? null,
      address: target?.address ?? null,
      code: Number(grid.value(r, 1)) || 0,
      severity,
      numFmt: String(grid.value(r, 3) ?? 'General'),
      ids: String(grid.value(r, 4) ?? ''),
    });
  }
  const listSheet = typeof grid.value(0, 6) === 'string' && grid.value(0, 6) ? String(grid.value(0, 6)) : LIST_SHEET;
  return { rows, listSheet, listRows: Number(grid.value(0, 5)) || 0, listDigest: String(grid.value(0, 7) ?? '') };
}

/** "'公开02表'!$C$21" or "公开02表!C21" → the sheet and "C21"; null for #REF! or anything else. */
export function parseReference(formula: string): { sheet: string; address: string } | null {
  const m = /^=?\s*(?:'((?:[^']|'')+)'|([^'!#]+))!(\$?[A-Za-z]{1,3}\$?\d{1,7})\s*$/.exec(formula);
  const at = m && parseA1(m[3]);
  if (!m || !at) return null;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], address: toA1(at.row, at.col) };
}

export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function referenceFormula(sheet: string, address: string): string {
  const { row, col } = fromA1(address);
  const a1 = toA1(row, col);
  const letters = a1.replace(/[0-9]+$/, '');
  return `=${quoteSheetName(sheet)}!$${letters}$${row + 1}`;
}

/** The rule of row `row`'s conditional format. */
export function markRuleFormula(row: number): string {
  return `=${quoteSheetName(REGISTRY_SHEET)}!$B$${row}=1`;
}

/** Is this conditional-format rule one of ours? */
export function isMarkRule(formula: string | null | undefined): boolean {
  return typeof formula === 'string' && /^=?'?GKL_MARKS'?!\$B\$\d+=1$/.test(formula.trim());
}

// ---------------------------------------------------------------------------------------------
// The update: which rows to switch on and off, which to add

export interface MarkUpdate {
  /** Registry rows after the update (codes and ids as they will be written). */
  rows: RegistryRow[];
  /** Rows new in this update: each gets its reference formula and a conditional format. */
  added: RegistryRow[];
  /** Whether anything changes at all. */
  changed: boolean;
  /** The findings listed for a reviewer, in order, and a digest of the list (rewritten when it changes). */
  listed: { mark: DesiredMark; finding: Finding }[];
  listDigest: string;
}

export function planMarks(registry: Registry | null, desired: ReadonlyMap<string, DesiredMark>): MarkUpdate {
  const before = registry?.rows ?? [];
  const rows = before.map((r) => ({ ...r }));
  const added: RegistryRow[] = [];
  const used = new Set<RegistryRow>();
  let changed = false;
  let next = rows.reduce((n, r) => Math.max(n, r.row), 1) + 1;
  const listed: { mark: DesiredMark; finding: Finding }[] = [];
  for (const mark of desired.values()) {
    const ids = mark.findings.map((f) => f.id ?? f.rule).join('\n');
    const match = rows.find(
      (r) => !used.has(r) && r.sheet !== null && r.address === mark.address && r.sheet.toLowerCase() === mark.sheet.toLowerCase() && r.severity === mark.severity && r.numFmt === mark.numFmt,
    );
    if (match) {
      used.add(match);
      if (match.code !== 1 || match.ids !== ids) changed = true;
      match.code = 1;
      match.ids = ids;
    } else {
      const row: RegistryRow = { row: next++, sheet: mark.sheet, address: mark.address, code: 1, severity: mark.severity, numFmt: mark.numFmt, ids };
      rows.push(row);
      added.push(row);
      used.add(row);
      changed = true;
    }
    for (const finding of mark.findings) listed.push({ mark, finding });
  }
  for (const r of rows) {
    if (used.has(r)) continue;
    if (r.code !== 0) changed = true;
    r.code = 0;
  }
  // the list names cells by address: a row inserted above a marked cell changes it, not the marks
  const listDigest = digest(listed.map(({ mark, finding }) => `${mark.sheet}!${mark.address}|${finding.id ?? finding.rule}|${finding.message}`).join('\n'));
  if (!changed && registry && (registry.listRows !== listed.length || registry.listDigest !== listDigest)) changed = true;
  return { rows, added, changed, listed, listDigest };
}

/** FNV-1a, 32 bits, as hex: enough to notice that the list changed. */
function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

// ---------------------------------------------------------------------------------------------
// Queueing the writes

export interface MarkTargets {
  registry: Excel.Worksheet;
  list: Excel.Worksheet | null;
  sheetOf(name: string): Excel.Worksheet | undefined;
}

/** Queues the registry block, the new rows' references and formats, and the list. */
export function queueMarkWrites(t: MarkTargets, update: MarkUpdate, previousListRows: number, listSheet: string): number {
  const { rows, added } = update;
  const last = rows.reduce((n, r) => Math.max(n, r.row), 1);
  if (last >= 2) {
    const block: (string | number)[][] = [];
    const byRow = new Map(rows.map((r) => [r.row, r]));
    for (let r = 2; r <= last; r++) {
      const row = byRow.get(r);
      block.push(row ? [row.code, row.severity, row.numFmt, row.ids] : [0, '', '', '']);
    }
    t.registry.getRange(`B2:E${last}`).values = block;
  }
  t.registry.getRange('F1:H1').values = [[update.listed.length, listSheet, update.listDigest]];
  let formats = 0;
  for (const row of added) {
    if (row.sheet === null || row.address === null) continue;
    const ws = t.sheetOf(row.sheet);
    if (!ws) continue;
    t.registry.getRange(`A${row.row}`).formulas = [[referenceFormula(row.sheet, row.address)]];
    const cf = ws.getRange(row.address).conditionalFormats.add('Custom');
    const style = MARK_STYLE[row.severity];
    cf.custom.rule.formula = markRuleFormula(row.row);
    cf.custom.format.fill.color = style.fill;
    cf.custom.format.font.color = style.font;
    cf.custom.format.numberFormat = glyphFormat(row.numFmt, style.glyph);
    for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const) {
      const border = cf.custom.format.borders.getItem(edge);
      border.color = style.border;
      border.style = style.borderStyle;
    }
    formats++;
  }
  if (t.list) {
    const lines = listLines(update);
    // rows of an earlier, longer list are blanked
    for (let i = update.listed.length; i < previousListRows; i++) lines.push(['', '', '', '', '', '', '', '', '']);
    t.list.getRange(`A1:I${lines.length}`).values = lines;
  }
  return formats;
}

/** The reviewer list's lines: the title, the header, one line per marked finding (shared with the .xlsx file's marks). */
export function listLines(update: Pick<MarkUpdate, 'listed'>): string[][] {
  const lines: string[][] = [[LIST_TITLE, '', '', '', '', '', '', '', ''], LIST_HEADER];
  update.listed.forEach(({ mark, finding }, i) => {
    lines.push([
      String(i + 1),
      mark.sheet,
      mark.address,
      `${MARK_STYLE[mark.severity].glyph} ${SEVERITY_ZH[finding.severity]}`,
      finding.rule,
      finding.likely ? `${finding.message}（最可能出错：${finding.likely.sheet}!${finding.likely.address}）` : finding.message,
      finding.expected ?? '',
      finding.actual ?? '',
      finding.id ?? '',
    ]);
  });
  return lines;
}

/** The registry's header row (a new registry sheet). */
export function queueRegistryHeader(registry: Excel.Worksheet, listSheet: string): void {
  registry.getRange('A1:H1').values = [[REGISTRY_TITLE, 'code', 'severity', 'numFmt', 'ids', 0, listSheet, '']];
}

export type { RangeRef };
