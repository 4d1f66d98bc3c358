import type { CellRef } from '../grid/address';
import { normalizeLabel } from '../grid/text';
import { isNoteText } from './header';
import type { LayoutFailure, Region, TableTemplate } from './template';
import { readHeadFacts } from './template';
import { Column, Line, SemanticTable } from './types';

/**
 * OTHER: a titled table outside the standard set (机关运行经费支出决算表, 政府采购情况表, …). Its
 * header row names the columns and each row with a label becomes a line keyed by that label.
 */
export const other: TableTemplate = {
  type: 'OTHER',
  name: '其他表格',
  matchTitle: (t) => (/(决算|预算|情况|统计|明细|汇总|一览)/.test(t) && /表$/.test(t) && !/部门决算表$|部门预算表$/.test(t) ? 1 : 0),
  headerSignature: [],
  layout: layoutOther,
};

function layoutOther(region: Region): SemanticTable | LayoutFailure {
  const { grid, range } = region;
  const facts = readHeadFacts(region);
  // The header is the first row below the title with two or more filled cells that is not a 部门/单位 line.
  let header = -1;
  for (let r = region.titleRow + 1; r <= Math.min(range.bottom, region.titleRow + 6); r++) {
    const filled = countFilled(region, r);
    const text = normalizeLabel(grid.text(r, range.left));
    if (filled >= 2 && !/^(部门|单位|编制)/.test(text)) {
      header = r;
      break;
    }
  }
  if (header < 0) return { failure: '表名下没有表头行 (no header row under the title)' };
  const columns: Column[] = [];
  for (let c = range.left; c <= range.right; c++) {
    const t = grid.text(header, c);
    if (t && grid.isMasterOrSingle(header, c)) columns.push({ key: normalizeLabel(t), label: t, col: c });
  }
  const lines: Line[] = [];
  const notes: string[] = [];
  let bottom = header;
  for (let r = header + 1; r <= range.bottom; r++) {
    const label = grid.text(r, columns[0].col);
    if (!label) continue;
    if (isNoteText(label)) {
      notes.push(label);
      bottom = r;
      continue;
    }
    const cells: Record<string, CellRef> = {};
    for (const c of columns.slice(1)) cells[c.key] = { row: r, col: c.col };
    lines.push({ key: normalizeLabel(label), label, row: r, kind: /合计|总计/.test(label) ? 'total' : 'detail', cells, labelCell: { row: r, col: columns[0].col } });
    bottom = r;
  }
  if (lines.length === 0) return { failure: '表头下没有数据行 (no data rows)' };
  return new SemanticTable({
    type: 'OTHER',
    sheet: grid.name,
    title: region.title,
    range: { ...range, bottom },
    year: facts.year,
    unit: facts.unit,
    department: facts.department,
    label: facts.label,
    columns,
    lines,
    notes,
  });
}

function countFilled(region: Region, row: number): number {
  let n = 0;
  for (let c = region.range.left; c <= region.range.right; c++) {
    if (region.grid.isMasterOrSingle(row, c) && region.grid.text(row, c)) n++;
  }
  return n;
}
