import type { CellRef } from '../grid/address';
import { itemName, normalizeLabel } from '../grid/text';
import { isNoteText } from './header';
import type { LayoutFailure, Region, TableTemplate } from './template';
import { readHeadFacts } from './template';
import { Column, Line, SemanticTable } from './types';

/**
 * 公开06表 一般公共预算财政拨款基本支出决算（明细）表 (GK06): side-by-side column groups of
 * 经济分类科目编码 | 科目名称 | 决算数 (人员经费: 301, 303; 公用经费: 302, 310, …), 3-digit block
 * rows that sum their 5-digit items, and the 人员经费合计 / 公用经费合计 line.
 */
export const gk06: TableTemplate = {
  type: 'GK06',
  name: '一般公共预算财政拨款基本支出决算明细表',
  matchTitle: (t) =>
    t.includes('基本支出决算明细表') || (t.includes('基本支出决算表') && t.includes('财政拨款')) ? 35 : 0,
  headerSignature: ['人员经费', '公用经费', '经济分类科目编码'],
  layout: layoutGk06,
};

interface Group {
  code: number;
  name: number;
  amount: number;
  label: string;
}

function layoutGk06(region: Region): SemanticTable | LayoutFailure {
  const { grid, range } = region;
  const facts = readHeadFacts(region);
  let headerRow = -1;
  let codeCols: number[] = [];
  for (let r = region.titleRow; r <= Math.min(range.bottom, region.titleRow + 8) && headerRow < 0; r++) {
    const cols: number[] = [];
    for (let c = range.left; c <= range.right; c++) {
      if (/科目编码|^编码$/.test(normalizeLabel(grid.text(r, c))) && grid.isMasterOrSingle(r, c)) cols.push(c);
    }
    if (cols.length >= 1) {
      headerRow = r;
      codeCols = cols;
    }
  }
  if (headerRow < 0) return { failure: '未找到“经济分类科目编码”表头 (no 经济分类 header)' };
  const groups: Group[] = [];
  for (let i = 0; i < codeCols.length; i++) {
    const end = i + 1 < codeCols.length ? codeCols[i + 1] - 1 : range.right;
    let name = -1;
    let amount = -1;
    for (let c = codeCols[i] + 1; c <= end; c++) {
      const t = normalizeLabel(grid.text(headerRow, c));
      if (name < 0 && /名称/.test(t)) name = c;
      else if (amount < 0 && /决算|金额|数/.test(t)) amount = c;
    }
    if (name < 0 || amount < 0) return { failure: `第 ${i + 1} 组缺少科目名称或决算数列 (column group ${i + 1} incomplete)` };
    const above = headerRow > range.top ? normalizeLabel(grid.text(headerRow - 1, codeCols[i])) : '';
    groups.push({ code: codeCols[i], name, amount, label: /公用/.test(above) ? '公用经费' : /人员/.test(above) ? '人员经费' : above });
  }
  const columns: Column[] = [];
  groups.forEach((g, i) => {
    const n = i + 1;
    columns.push(
      { key: `组${n}.科目编码`, label: '经济分类科目编码', col: g.code, group: g.label },
      { key: `组${n}.科目名称`, label: '科目名称', col: g.name, group: g.label },
      { key: `组${n}.决算数`, label: '决算数', col: g.amount, group: g.label },
    );
  });
  const lines: Line[] = [];
  const notes: string[] = [];
  let bottom = headerRow;
  for (let r = headerRow + 1; r <= range.bottom; r++) {
    let any = false;
    for (const g of groups) {
      if (!grid.isMasterOrSingle(r, g.code)) continue;
      const codeText = normalizeLabel(grid.text(r, g.code));
      const code = /^\d{3}(\d{2})?$/.test(codeText) ? codeText : null;
      if (!code) continue;
      any = true;
      const cells: Record<string, CellRef> = { 决算数: { row: r, col: g.amount } };
      lines.push({
        key: `经济.${code}`,
        label: grid.text(r, g.name).replace(/\s+/g, ''),
        row: r,
        kind: code.length === 3 ? 'subtotal' : 'detail',
        group: code.startsWith('301') || code.startsWith('303') ? '人员经费' : '公用经费',
        code,
        level: code.length === 3 ? '类' : '款',
        cells,
        labelCell: { row: r, col: g.name },
      });
    }
    // 人员经费合计 / 公用经费合计: the amount is in the first group amount column right of the label.
    for (let c = range.left; c <= range.right; c++) {
      if (!grid.isMasterOrSingle(r, c)) continue;
      const raw = grid.text(r, c);
      const t = itemName(raw);
      if (t === '人员经费合计' || t === '公用经费合计' || t === '合计') {
        const end = grid.mergeAt(r, c)?.right ?? c;
        const amountCol = groups.map((g) => g.amount).find((a) => a > end);
        if (amountCol === undefined) continue;
        any = true;
        lines.push({
          key: t === '合计' ? '合计' : t,
          label: raw,
          row: r,
          kind: 'total',
          cells: { 决算数: { row: r, col: amountCol } },
          labelCell: { row: r, col: c },
        });
      } else if (isNoteText(raw) && c === range.left) {
        notes.push(raw);
        any = true;
      }
    }
    if (any) bottom = r;
  }
  if (!lines.some((l) => l.kind === 'subtotal')) return { failure: '没有 301/302/303 等经济分类类级行 (no 3-digit 经济分类 rows)' };
  return new SemanticTable({
    type: 'GK06',
    sheet: grid.name,
    title: region.title,
    range: { ...range, bottom },
    year: facts.year,
    unit: facts.unit,
    department: facts.department,
    label: facts.label,
    variant: groups.length === 3 ? '三组' : groups.length === 2 ? '两组' : undefined,
    columns,
    lines,
    notes,
  });
}
