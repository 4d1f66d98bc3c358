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
  readIndicatorBlock,
  tailOf,
  textLine,
  totalLine,
  yearFromIndicators,
  yearNear,
} from './perf-common';
import type { LayoutFailure, Region, TableTemplate } from './template';
import { Column, Line, SemanticTable } from './types';

/**
 * 项目(支出)绩效自评表 (PERF_PROJECT).
 * - 湖北 ('hubei'): 项目名称; 主管部门 | 项目实施单位; 项目类别/属性/类型; 预算执行情况（20分） with
 *   年度财政资金总额 | 预算数（A）| 执行数（B）| 执行率（B/A）| 得分（20分*执行率）; 年度绩效目标（80分） with
 *   一级 | 二级 | 具体指标名称 | 年初目标值（A）| 实际完成值（B）| 得分; 总分.
 * - 湖南 and the national form of 财预〔2020〕10号 ('hunan', 汨罗 附件3-n, 安徽 棠溪镇): 项目(支出)名称;
 *   主管部门 | 实施单位; 项目资金（万元） with 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 on
 *   年度资金总额(:) and the rows 其中：当年(本年)财政拨款 / 上年结转资金 / 其他资金; 年度总体目标; the
 *   indicator block; 总分.
 * - 四川 ('sichuan', 青神 2023): 预算执行情况（10分） with 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 |
 *   权重 | 得分 on 总额 and the rows 其中：财政资金 / 财政专户管理资金 / 单位资金 / 其他资金 ("/" where a row
 *   has no weight or score); 绩效指标（90分） with 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分; 合计.
 *   Read into the same keys as 湖南 (调整后预算数 is the 全年预算数, 权重 the 分值, 合计 the 总分).
 */
export const perfProject: TableTemplate = {
  type: 'PERF_PROJECT',
  name: '项目绩效自评表',
  // Any 自评表 that is not the 部门整体 one: 项目绩效自评表, 项目自评表, 业务支出绩效自评表, 工作经费项目自评表.
  // A year after the title ("项目支出绩效自评表(2023年度)") is part of it.
  matchTitle: (t) => (/自评表$/.test(t.replace(/[(（][^()（）]*年度?[)）]$/, '')) && !t.includes('部门整体') ? 40 : 0),
  // Untitled 湖南 sheet: the 项目资金 header row.
  headerSignature: ['项目资金', '年初预算数', '全年执行数'],
  layout: layoutPerfProject,
};

/** Money rows by their label (after "其中：", without a trailing colon) → their key. */
const HUNAN_ROWS: ReadonlyMap<string, string> = new Map([
  ['年度资金总额', '年度资金总额'],
  ['总额', '年度资金总额'],
  ['当年财政拨款', '当年财政拨款'],
  ['本年财政拨款', '当年财政拨款'],
  ['上年结转资金', '上年结转资金'],
  ['财政资金', '财政资金'],
  ['财政专户管理资金', '财政专户管理资金'],
  ['单位资金', '单位资金'],
  ['其他资金', '其他资金'],
]);

/** "/" or "—" in a money row: the row has no weight or score (四川). */
const NOT_GIVEN = /^[/／—\-－]+$/;
/** Columns every 湖南 money row has; 分值/执行率/得分 belong to 年度资金总额 (3-11 repeats them). */
const HUNAN_AMOUNTS = new Set(['年初预算数', '全年预算数', '全年执行数']);

const HEAD_LABELS: readonly (readonly [string, RegExp])[] = [
  ['项目名称', /^(项目名称|项目支出名称)$/],
  ['主管部门', /^主管部门$/],
  ['实施单位', /^(项目)?实施单位(\(盖章\))?$/],
  ['项目类别', /^项目类别$/],
  ['项目属性', /^项目属性$/],
  ['项目类型', /^项目类型$/],
];

function layoutPerfProject(region: Region): SemanticTable | LayoutFailure {
  const { grid, range } = region;
  const lines: Line[] = [];
  const columns: Column[] = [];

  const hunanHeader = findCell(grid, range, (t) => /^年初预算/.test(t));
  const hubeiHeader = hunanHeader ? null : findCell(grid, range, (t) => /^预算数\(A\)/.test(t));
  const moneyHeader = hunanHeader ?? hubeiHeader;
  if (!moneyHeader) return { failure: '未找到预算执行表头（年初预算数 / 预算数（A）） (no budget header)' };

  // Head block: label cells between the title and the money header, each with the text right of it.
  const head = new Map<string, Line>();
  for (let r = region.titleRow + 1; r < moneyHeader.row; r++) {
    for (let c = range.left; c <= range.right; c++) {
      const t = ownText(grid, r, c);
      const spec = t ? HEAD_LABELS.find(([key, re]) => !head.has(key) && re.test(t)) : undefined;
      if (spec) head.set(spec[0], textLine(grid, spec[0], { row: r, col: c }));
    }
  }
  lines.push(...head.values());
  const projectName = String(head.get('项目名称')?.meta?.text ?? '').replace(/\s+/g, '') || null;
  const department = String(head.get('主管部门')?.meta?.text ?? '').replace(/\s+/g, '') || null;

  let moneyEnd: number;
  if (hubeiHeader) {
    const cols = mapHeader(grid, range, hubeiHeader.row, HUBEI_MONEY);
    const line = hubeiMoneyLine(grid, region, hubeiHeader.row, cols, '预算执行');
    line.meta = { ...line.meta, 项目名称: projectName };
    lines.push(line);
    columns.push(...columnsOf(grid, hubeiHeader.row, cols, '预算执行'));
    moneyEnd = line.row;
  } else {
    const money = readHunanMoney(grid, region, hunanHeader!.row, projectName);
    if (!money) return { failure: '未找到“年度资金总额”行 (no 年度资金总额 row)' };
    lines.push(...money.lines);
    columns.push(...money.columns);
    moneyEnd = money.end;
  }

  const headerRow = indicatorHeaderRows(grid, { ...range, top: moneyEnd + 1 })[0];
  if (headerRow === undefined) return { failure: '未找到“一级指标/二级指标”表头 (no indicator header)' };
  const block = readIndicatorBlock(grid, range, headerRow, 1);
  columns.push(...columnsOf(grid, headerRow, block.cols, '绩效指标'));
  lines.push(...block.lines);

  const total = totalLine(grid, range, block.end + 1, block.cols);
  if (total) lines.push(total);
  const lastRow = total ? total.row : block.end;
  if (hubeiHeader) lines.push(...hubeiTailLines(grid, region, lastRow));
  const tail = tailOf(grid, range, lastRow);

  return new SemanticTable({
    type: 'PERF_PROJECT',
    sheet: grid.name,
    title: region.title,
    range: { ...range, bottom: tail.bottom },
    year: yearNear(region) ?? yearFromIndicators(grid, block.lines),
    unit: '万元',
    department,
    label: null,
    variant: hubeiHeader ? 'hubei' : columns.some((c) => /^(调整后预算数|权重)/.test(c.label)) ? 'sichuan' : 'hunan',
    columns,
    lines,
    notes: tail.notes,
  });
}

/** 湖南 项目资金 rows under the header, down to 年度总体目标 (whose line is added too). */
function readHunanMoney(
  grid: Grid,
  region: Region,
  headerRow: number,
  projectName: string | null,
): { lines: Line[]; columns: Column[]; end: number } | null {
  const { range } = region;
  const cols = mapHeader(grid, range, headerRow, HUNAN_MONEY);
  const firstValue = Math.min(...cols.values());
  const goalRow = findCell(grid, range, (t) => /^年度总体目标/.test(t), headerRow + 1)?.row ?? range.bottom + 1;
  const lines: Line[] = [];
  let end = headerRow;
  for (let r = headerRow + 1; r < goalRow; r++) {
    for (let c = range.left; c < firstValue; c++) {
      const name = HUNAN_ROWS.get(itemName(ownText(grid, r, c)).replace(/[:：]$/, ''));
      if (!name || lines.some((l) => l.key === name)) continue;
      const isTotal = name === '年度资金总额';
      const cells: Record<string, CellRef> = {};
      for (const [k, col] of cols) {
        const cell = cellFor(grid, r, col);
        // 分值/执行率/得分 only where they are filled (3-11 repeats them on 当年财政拨款).
        const text = ownText(grid, r, col);
        if (cell && (isTotal || HUNAN_AMOUNTS.has(k) || (text && !NOT_GIVEN.test(text)))) cells[k] = cell.ref;
      }
      lines.push({
        key: name,
        label: ownText(grid, r, c),
        row: r,
        kind: isTotal ? 'total' : 'detail',
        cells,
        labelCell: { row: r, col: c },
        meta: isTotal ? { 项目名称: projectName } : { fundSource: true },
      });
      end = r;
      break;
    }
  }
  if (!lines.some((l) => l.key === '年度资金总额')) return null;
  if (goalRow <= range.bottom) {
    const goal = goalLine(grid, region, goalRow);
    if (goal) {
      lines.push(goal);
      end = goal.row + 1;
    }
  }
  return { lines, columns: columnsOf(grid, headerRow, cols, '预算执行'), end };
}
