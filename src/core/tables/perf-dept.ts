import type { CellRef } from '../grid/address';
import type { Grid } from '../grid/grid';
import { itemName } from '../grid/text';
import {
  cellFor,
  columnsOf,
  findCell,
  goalLine,
  HUBEI_MONEY,
  hubeiMoneyLine,
  hubeiTailLines,
  HUNAN_MONEY,
  indicatorHeaderRows,
  mapHeader,
  ownText,
  parseEmbedded,
  rawText,
  readIndicatorBlock,
  tailOf,
  textAt,
  textLine,
  totalLine,
  weightOf,
  yearFromIndicators,
  yearNear,
} from './perf-common';
import type { LayoutFailure, Region, TableTemplate } from './template';
import { Column, Line, SemanticTable } from './types';

/**
 * 部门整体(支出)绩效自评表 (PERF_DEPT).
 * - 湖北 (variant 'hubei'): 单位名称; 基本支出总额 | 项目支出总额; 预算执行情况（20分） with
 *   预算数（A）| 执行数（B）| 执行率（B/A）| 得分（20分*执行率）; then 年度目标1（20分） and 年度目标2（60分）,
 *   each an indicator block whose 得分 is often one merged cell per goal or per 一级; 总分.
 * - 湖南 (variants 'hunan-A' 渌口, 'hunan-B' 怀化, 'hunan-C' 汨罗): 预算部门/单位名称; 年度预算申请 with
 *   年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 on 年度资金总额; 按收入性质分 / 按支出性质分
 *   amounts written inside text cells ("一般公共预算：1644.62"); one indicator block with 分值; 总分.
 */
export const perfDept: TableTemplate = {
  type: 'PERF_DEPT',
  name: '部门整体绩效自评表',
  // "部门整体" keeps 项目 tables out; the 基础数据表 is PERF_BASE's.
  matchTitle: (t) => (t.includes('部门整体') && /自评表$/.test(t) && !t.includes('基础数据') ? 45 : 0),
  // Untitled 湖南 sheet: the 年度预算申请 header row.
  headerSignature: ['年度预算申请', '年初预算数', '全年执行数'],
  layout: layoutPerfDept,
};

function layoutPerfDept(region: Region): SemanticTable | LayoutFailure {
  const { grid, range } = region;
  const lines: Line[] = [];
  const columns: Column[] = [];

  const nameCell = findCell(grid, range, (t) => /^(单位名称|预算部门名称|预算单位名称)$/.test(t));
  let department: string | null = null;
  if (nameCell) {
    const line = textLine(grid, '单位名称', nameCell);
    lines.push(line);
    department = String(line.meta?.text ?? '').replace(/\s+/g, '') || null;
  }

  const hunanHeader = findCell(grid, range, (t) => /^年初预算数/.test(t));
  const hubeiHeader = hunanHeader ? null : findCell(grid, range, (t) => /^预算数\(A\)/.test(t));
  if (!hunanHeader && !hubeiHeader) return { failure: '未找到预算执行表头（年初预算数 / 预算数（A）） (no budget header)' };

  let moneyEnd: number;
  if (hubeiHeader) {
    for (const key of ['基本支出总额', '项目支出总额']) {
      const at = findCell(grid, range, (t) => t === key, range.top, hubeiHeader.row);
      if (at) lines.push(textLine(grid, key, at, '金额'));
    }
    const cols = mapHeader(grid, range, hubeiHeader.row, HUBEI_MONEY);
    const line = hubeiMoneyLine(grid, region, hubeiHeader.row, cols, '预算执行');
    columns.push(...columnsOf(grid, hubeiHeader.row, cols, '预算执行'));
    lines.push(line);
    moneyEnd = line.row;
  } else {
    const money = readHunanMoney(grid, region, hunanHeader!.row);
    if (!money) return { failure: '未找到“年度资金总额”行 (no 年度资金总额 row)' };
    columns.push(...money.columns);
    lines.push(...money.lines);
    moneyEnd = money.end;
  }

  const headers = indicatorHeaderRows(grid, { ...range, top: moneyEnd + 1 });
  if (headers.length === 0) return { failure: '未找到“一级指标/二级指标/三级指标”表头 (no indicator header)' };
  let blockEnd = moneyEnd;
  let indicatorCols = new Map<string, number>();
  let n = 1;
  for (const headerRow of headers) {
    // 湖北 整体: "年度目标1（20分） | 市级绩效目标" above each block.
    const goal = goalAbove(grid, region, blockEnd + 1, headerRow);
    const block = readIndicatorBlock(grid, range, headerRow, n, goal ?? {});
    if (columns.every((c) => c.group !== '绩效指标')) columns.push(...columnsOf(grid, headerRow, block.cols, '绩效指标'));
    lines.push(...block.lines);
    n += block.lines.length;
    blockEnd = block.end;
    indicatorCols = block.cols;
  }

  const total = totalLine(grid, range, blockEnd + 1, indicatorCols);
  if (total) lines.push(total);
  const lastRow = total ? total.row : blockEnd;
  if (hubeiHeader) lines.push(...hubeiTailLines(grid, region, lastRow));
  const tail = tailOf(grid, range, lastRow);

  const indicators = lines.filter((l) => l.key.startsWith('指标.'));
  return new SemanticTable({
    type: 'PERF_DEPT',
    sheet: grid.name,
    title: region.title,
    range: { ...range, bottom: tail.bottom },
    year: yearNear(region) ?? yearFromIndicators(grid, indicators),
    unit: '万元',
    department,
    label: null,
    variant: hubeiHeader ? 'hubei' : hunanVariant(indicators),
    columns,
    lines,
    notes: tail.notes,
  });
}

interface HunanMoney {
  lines: Line[];
  columns: Column[];
  /** Last row of the money part (the last 收入性质/支出性质 text row, or 年度资金总额). */
  end: number;
}

/**
 * 湖南 整体: 年度资金总额 under the header, then the 按收入性质分 / 按支出性质分 text cells down to
 * 年度总体目标. Which side a text belongs to comes from the column of its "按…性质分：" heading.
 */
function readHunanMoney(grid: Grid, region: Region, headerRow: number): HunanMoney | null {
  const { range } = region;
  const cols = mapHeader(grid, range, headerRow, HUNAN_MONEY);
  const firstValue = Math.min(...cols.values());
  const lines: Line[] = [];
  let totalRow = -1;
  for (let r = headerRow + 1; r <= Math.min(range.bottom, headerRow + 3) && totalRow < 0; r++) {
    for (let c = range.left; c < firstValue; c++) {
      if (itemName(ownText(grid, r, c)) !== '年度资金总额') continue;
      totalRow = r;
      const cells: Record<string, CellRef> = {};
      for (const [k, col] of cols) {
        const cell = cellFor(grid, r, col);
        if (cell) cells[k] = cell.ref;
      }
      lines.push({ key: '年度资金总额', label: '年度资金总额', row: r, kind: 'total', cells, labelCell: { row: r, col: c } });
      break;
    }
  }
  if (totalRow < 0) return null;

  const goalRow = findCell(grid, range, (t) => /^年度总体目标/.test(t), totalRow + 1)?.row ?? range.bottom + 1;
  const sides: { col: number; group: string }[] = [];
  let end = totalRow;
  for (let r = totalRow + 1; r < goalRow; r++) {
    for (let c = range.left; c <= range.right; c++) {
      const own = ownText(grid, r, c);
      if (!own) continue;
      if (/^按收入性质/.test(own)) {
        sides.push({ col: c, group: '收入性质' });
        continue;
      }
      if (/^按支出性质/.test(own)) {
        sides.push({ col: c, group: '支出性质' });
        continue;
      }
      const item = parseEmbedded(rawText(grid, r, c));
      if (!item) continue;
      const side = [...sides].reverse().find((s) => s.col <= c)?.group ?? (/支出$/.test(item.name) ? '支出性质' : '收入性质');
      lines.push({
        key: `${side}.${item.name}`,
        label: own,
        row: r,
        kind: 'detail',
        group: side,
        cells: { 金额: { row: r, col: c } },
        labelCell: { row: r, col: c },
        meta: { embedded: true, amountText: item.amountText },
      });
      end = r;
    }
  }
  if (goalRow <= range.bottom) {
    const goal = goalLine(grid, region, goalRow);
    if (goal) {
      lines.push(goal);
      end = Math.max(end, goal.row + 1);
    }
  }
  return { lines, columns: columnsOf(grid, headerRow, cols, '预算执行'), end };
}

/** "年度目标1（20分） | 市级绩效目标" in rows [from, headerRow). */
function goalAbove(grid: Grid, region: Region, from: number, headerRow: number): Record<string, string | number | null> | null {
  const { range } = region;
  for (let r = headerRow - 1; r >= from; r--) {
    for (let c = range.left; c <= range.right; c++) {
      const m = /^年度目标(\d+)/.exec(ownText(grid, r, c));
      if (!m) continue;
      const m2 = grid.mergeAt(r, c);
      const nameCol = (m2 ? m2.right : c) + 1;
      return { goal: `年度目标${m[1]}`, goalWeight: weightOf(textAt(grid, r, c)), goalName: nameCol <= range.right ? textAt(grid, r, nameCol) : '' };
    }
  }
  return null;
}

/**
 * 湖南 variants by the 一级 labels in order: no 成本 一级 (成本 is a 二级 under 产出) → A (渌口);
 * 成本指标 first → B (怀化); 成本指标 later (汨罗 puts it last) → C.
 */
function hunanVariant(indicators: Line[]): string {
  const order: string[] = [];
  for (const l of indicators) {
    const level1 = String(l.meta?.level1 ?? '');
    if (level1 && order[order.length - 1] !== level1) order.push(level1);
  }
  const cost = order.findIndex((t) => /^成本/.test(t));
  if (cost < 0) return 'hunan-A';
  return cost === 0 ? 'hunan-B' : 'hunan-C';
}
