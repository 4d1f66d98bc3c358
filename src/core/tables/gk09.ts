import type { CellRef } from '../grid/address';
import { itemName, normalizeLabel } from '../grid/text';
import { HeaderBlock, isNoteText, readHeader } from './header';
import type { LayoutFailure, Region, TableTemplate } from './template';
import { cellWords, readHeadFacts, rowsName } from './template';
import { Column, Line, SemanticTable } from './types';

/**
 * 公开09表 财政拨款"三公"经费支出决算表 (GK09): twelve 栏次, 预算数 and 决算数 of 合计, 因公出国（境）费,
 * 公务用车购置及运行维护费 (小计, 购置费, 运行维护费) and 公务接待费 — either all 预算 then all 决算
 * (湖北) or interleaved per item (national template). Columns are keyed "决算.公务接待费".
 */
export const gk09: TableTemplate = {
  type: 'GK09',
  name: '财政拨款"三公"经费支出决算表',
  matchTitle: (t) => (t.includes('三公') && t.includes('决算表') ? 50 : 0),
  headerSignature: ['因公出国', '公务接待费', '决算数'],
  layout: layoutGk09,
};

const SIDE_WORD = /^(预算数?|决算数?)$/;

function itemOf(words: string[]): string | null {
  const specific = words.filter((w) => !SIDE_WORD.test(w));
  const last = specific[specific.length - 1] ?? '';
  if (/小计/.test(last)) return '公务用车购置及运行维护费.小计';
  if (/合计/.test(last)) return '合计';
  if (/因公出国/.test(last)) return '因公出国(境)费';
  // 运行费 / 运行维护费 and 购置费 alone; the whole group ("购置及运行(维护)费") is its 小计
  if (/购置及运行/.test(last)) return '公务用车购置及运行维护费.小计';
  if (/公务用车购置费|^购置费$/.test(last)) return '公务用车购置费';
  if (/运行(维护)?费$/.test(last)) return '公务用车运行维护费';
  if (/公务接待/.test(last)) return '公务接待费';
  return null;
}

/**
 * The vertical form some departments publish: one row per item (合计, 因公出国(境)费, 公务接待费,
 * 公务用车购置及运行维护费, 其中 购置费 / 运行维护费) and the 预算数 | 决算数 columns. Read into the same
 * keys as the horizontal form, on one line 金额 whose cells sit in different rows.
 */
function layoutVertical(region: Region): { columns: Column[]; line: Line; bottom: number; notes: string[] } | null {
  const { grid, range } = region;
  for (let r = region.titleRow + 1; r <= Math.min(range.bottom, region.titleRow + 8); r++) {
    const sides = new Map<'预算' | '决算', number>();
    let labelCol = -1;
    for (let c = range.left; c <= range.right; c++) {
      if (grid.isHiddenCol(c) || !grid.isMasterOrSingle(r, c)) continue;
      const t = normalizeLabel(grid.text(r, c));
      if (/^预算数?$/.test(t) && !sides.has('预算')) sides.set('预算', c);
      else if (/^决算数?$/.test(t) && !sides.has('决算')) sides.set('决算', c);
      else if (labelCol < 0 && /^(项目|科目|项目名称)$/.test(t)) labelCol = c;
    }
    if (!sides.has('决算')) continue;
    const left = labelCol >= 0 ? labelCol : range.left;
    const cells: Record<string, CellRef> = {};
    const columns: Column[] = [];
    const notes: string[] = [];
    let bottom = r;
    for (let rr = r + 1; rr <= range.bottom; rr++) {
      const text = grid.text(rr, left);
      if (!text) continue;
      if (isNoteText(normalizeLabel(text))) {
        notes.push(text);
        bottom = rr;
        continue;
      }
      const item = itemOf([itemName(text)]);
      if (!item) continue;
      for (const [side, col] of sides) {
        const key = `${side}.${item}`;
        if (cells[key]) continue;
        cells[key] = { row: rr, col };
        columns.push({ key, label: `${normalizeLabel(text)}/${side}数`, col, group: side });
      }
      bottom = rr;
    }
    if (Object.keys(cells).filter((k) => k.startsWith('决算.')).length < 4) return null;
    return { columns, line: { key: '金额', label: '金额', row: r + 1, kind: 'detail', cells }, bottom, notes };
  }
  return null;
}

const ITEMS = ['合计', '因公出国(境)费', '公务用车购置及运行维护费.小计', '公务用车购置费', '公务用车运行维护费', '公务接待费'];

/** Which of the twelve columns are missing, and the header cells that named none of them. */
function fewColumns(grid: Region['grid'], h: HeaderBlock, range: Region['range'], columns: Column[]): string {
  const missing = ['预算', '决算'].flatMap((side) => ITEMS.map((i) => `${side}.${i}`)).filter((k) => !columns.some((c) => c.key === k));
  const odd: string[] = [];
  for (let c = range.left; c <= range.right && odd.length < 3; c++) {
    if (grid.isHiddenCol(c) || columns.some((x) => x.col === c)) continue;
    for (let r = h.firstRow; r <= h.lastRow; r++) {
      if (r !== h.lanciRow && grid.isMasterOrSingle(r, c) && grid.text(r, c)) {
        odd.push(cellWords(grid, r, c));
        break;
      }
    }
  }
  const shown = missing.slice(0, 4).map((k) => `“${k.replace('.', '数·')}”`).join('、') + (missing.length > 4 ? ` 等 ${missing.length} 栏` : '');
  const why = odd.length ? `；${odd.join('、')}未能对应到预算数或决算数的某一项` : '';
  return `表头（${rowsName(h.firstRow, h.lastRow)}）只识别出 ${columns.length} 个三公经费栏目，应为 12 个，缺 ${shown}${why}`;
}

function layoutGk09(region: Region): SemanticTable | LayoutFailure {
  const { grid, range } = region;
  const facts = readHeadFacts(region);
  let headerStart = -1;
  for (let r = region.titleRow + 1; r <= Math.min(range.bottom, region.titleRow + 8) && headerStart < 0; r++) {
    for (let c = range.left; c <= range.right; c++) {
      const t = normalizeLabel(grid.text(r, c));
      if (/^(预算数?|决算数?|合计|因公出国)/.test(t)) {
        headerStart = r;
        break;
      }
    }
  }
  if (headerStart < 0) {
    return { failure: `表名下${rowsName(region.titleRow + 1, Math.min(range.bottom, region.titleRow + 8))}没有“预算数/决算数”或“合计/因公出国（境）费”表头 (no 预算数/决算数 header)` };
  }
  // A data row holds the numbers; a lone number in a header row is a cell merged down beside it
  // (嘉定 2017: 机关运行经费决算数 325.88 spans the header's last row and the data row).
  // Unmerged group headers ("预算数 | | … | 决算数") cover their columns as a merge would.
  const h = readHeader(
    grid,
    range,
    headerStart,
    (r) => {
      let numbers = 0;
      for (let c = range.left; c <= range.right; c++) if (typeof grid.value(r, c) === 'number') numbers++;
      return numbers >= 2;
    },
    8,
    { fillSpans: true },
  );
  const columns: Column[] = [];
  const seen = new Set<string>();
  // Visible columns first; a hidden column still holds its item when no visible one does (a 预算数
  // block hidden from view keeps its amounts).
  const order = [...Array(range.right - range.left + 1).keys()].map((i) => range.left + i);
  for (const c of [...order.filter((x) => !grid.isHiddenCol(x)), ...order.filter((x) => grid.isHiddenCol(x))]) {
    const words = h.texts.get(c) ?? [];
    const side = words.some((w) => /^预算/.test(w)) ? '预算' : words.some((w) => /^决算/.test(w)) ? '决算' : null;
    const item = itemOf(words);
    if (!side || !item) continue;
    const key = `${side}.${item}`;
    if (seen.has(key)) continue;
    seen.add(key);
    columns.push({ key, label: words.join('/'), col: c, lanci: h.lanci.get(c), group: side });
  }
  columns.sort((a, b) => a.col - b.col);
  if (columns.length < 8) {
    const vertical = layoutVertical(region);
    if (!vertical) return { failure: `${fewColumns(grid, h, range, columns)} (found ${columns.length} of 12 columns)` };
    return new SemanticTable({
      type: 'GK09',
      sheet: grid.name,
      title: region.title,
      range: { ...range, bottom: vertical.bottom },
      year: facts.year,
      unit: facts.unit,
      department: facts.department,
      label: facts.label,
      variant: '纵向',
      columns: vertical.columns,
      lines: [vertical.line],
      notes: vertical.notes,
    });
  }
  const lines: Line[] = [];
  const notes: string[] = [];
  let bottom = h.lastRow;
  for (let r = h.lastRow + 1; r <= range.bottom; r++) {
    const first = normalizeLabel(grid.text(r, range.left));
    if (first && isNoteText(first)) {
      notes.push(grid.text(r, range.left));
      bottom = r;
      continue;
    }
    if (grid.isRowEmpty(r)) continue;
    const cells: Record<string, CellRef> = {};
    for (const col of columns) cells[col.key] = { row: r, col: col.col };
    lines.push({ key: lines.length === 0 ? '金额' : `行.${r + 1}`, label: lines.length === 0 ? '金额' : first, row: r, kind: 'detail', cells });
    bottom = r;
  }
  if (lines.length === 0) return { failure: '三公经费表没有数据行 (no data row)' };
  return new SemanticTable({
    type: 'GK09',
    sheet: grid.name,
    title: region.title,
    range: { ...range, bottom },
    year: facts.year,
    unit: facts.unit,
    department: facts.department,
    label: facts.label,
    variant: columns[1]?.group === columns[0]?.group ? '预算决算分列' : '预算决算交错',
    columns,
    lines,
    notes,
  });
}
