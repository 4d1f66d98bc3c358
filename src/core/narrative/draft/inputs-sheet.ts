import type { Grid } from '../../grid/grid';
import { parseAmount } from '../../grid/parse-amount';
import { Decimal } from '../../money/decimal';
import type { Fact } from '../types';
import type { DraftInputs, PurchaseInputs } from './inputs';

/**
 * The inputs sheet "上年数及其他": the numbers the 情况说明 needs that the 决算 tables do not hold
 * (docs/domain.md §4.5), one labelled row each, so a person can fill them in Excel and the narrate command
 * can read them back. Rows are found by their label text, never by position.
 *
 *   上年数及其他（起草情况说明用）
 *   项目                        | 数值 | 单位 | 说明
 *   2023年度收、支总计           |      | 万元 | 上年决算公开01表总计
 *   …
 */
import { INPUTS_SHEET_NAME } from '../../tables/recognize';

export { INPUTS_SHEET_NAME };
export const INPUTS_SHEET_TITLE = '上年数及其他（起草情况说明用）';
export const INPUTS_SHEET_HEADER = ['项目', '数值', '单位', '说明'] as const;

/** Where a row's value goes in DraftInputs. */
export type InputPath =
  | { kind: 'prior'; key: string }
  | { kind: 'budget'; key: string }
  | { kind: 'purchases'; field: keyof PurchaseInputs }
  | { kind: 'vehicles'; field: 'officialCars' | 'total' }
  /** A "其中：{类别}" row of 十二 (共有车辆 by kind). */
  | { kind: 'vehicleBreakdown'; label: string };

export interface InputRowSpec {
  /** The text of the 项目 column, e.g. "2023年度收、支总计". */
  label: string;
  path: InputPath;
  unit: '万元' | '辆';
  /** Where the number comes from (the 说明 column). */
  note: string;
}

export interface InputRowsOptions {
  /** The 决算 year of the current tables (the prior year is one less); labels say "上年" without it. */
  year?: number;
}

const CLASS_PRIOR = /^支出\.类\.(\d{3})$/;
const CLASS_GPB = /^一般公共预算支出\.类\.(\d{3})$/;

/** Placeholder label of the 车辆 breakdown row in the template (a person renames it per kind). */
const BREAKDOWN_PLACEHOLDER = '（类别名称）';

/** The 类 facts "<prefix><code>" present in the current tables, in table order, without repeats. */
function classesOf(facts: readonly Fact[], re: RegExp, nonZeroOnly: boolean): { code: string; label: string }[] {
  const out: { code: string; label: string }[] = [];
  const seen = new Set<string>();
  for (const f of facts) {
    const m = re.exec(f.key);
    if (!m || seen.has(m[1]) || (f.unit !== '万元' && f.unit !== '元')) continue;
    if (nonZeroOnly && f.value.isZero()) continue;
    seen.add(m[1]);
    out.push({ code: m[1], label: f.label });
  }
  return out;
}

/**
 * The rows of the inputs sheet: every input a drafter reads (prior-year totals, 年初预算, 三公 上年决算,
 * 政府采购, 车辆), with per-类 rows for the 类 present in `facts` (the current tables). Without facts
 * the per-类 rows are left out; `readInputsSheet` still reads any per-类 row a person adds in the same
 * wording ("…（按类）：住房保障支出（221）").
 */
export function INPUT_ROWS(facts: readonly Fact[] = [], options: InputRowsOptions = {}): InputRowSpec[] {
  const py = options.year !== undefined ? `${options.year - 1}年度` : '上年度';
  const cy = options.year !== undefined ? `${options.year}年` : '本年';
  const rows: InputRowSpec[] = [];
  const prior = (label: string, key: string, note: string) => rows.push({ label: `${py}${label}`, path: { kind: 'prior', key }, unit: '万元', note });
  const budget = (label: string, key: string, note: string) => rows.push({ label, path: { kind: 'budget', key }, unit: '万元', note });
  const purchase = (label: string, field: keyof PurchaseInputs, note: string) => rows.push({ label, path: { kind: 'purchases', field }, unit: '万元', note });

  // 一、二、三 (公开01)
  prior('收、支总计', '收支总计', '上年决算公开01表（收入支出决算总表）总计');
  prior('收入合计', '收入.本年收入合计', '上年决算公开01表 本年收入合计');
  prior('支出合计', '支出.本年支出合计', '上年决算公开01表 本年支出合计');
  for (const c of classesOf(facts, CLASS_PRIOR, false)) {
    prior(`支出决算（按类）：${c.label}（${c.code}）`, `支出.类.${c.code}`, '上年决算公开01表该类支出，用于提示增减的主要原因；填了任一类后，未填的类按0计');
  }
  // 四、五(一) (公开04/05)
  prior('财政拨款收、支总计', '财政拨款.收支总计', '上年决算公开04表（财政拨款收入支出决算总表）总计');
  prior('一般公共预算财政拨款收入', '财政拨款收入.一般公共预算', '上年决算公开04表');
  prior('政府性基金预算财政拨款收入', '财政拨款收入.政府性基金', '上年决算公开04表');
  prior('国有资本经营预算财政拨款收入', '财政拨款收入.国有资本经营', '上年决算公开04表');
  prior('一般公共预算财政拨款支出', '一般公共预算支出.合计', '上年决算公开05表合计（公开04表一般公共预算财政拨款支出）');
  for (const c of classesOf(facts, CLASS_GPB, false)) {
    prior(`一般公共预算财政拨款支出（按类）：${c.label}（${c.code}）`, `一般公共预算支出.类.${c.code}`, '上年决算公开04表该类一般公共预算财政拨款支出，用于提示增减的主要原因；填了任一类后，未填的类按0计');
  }
  // 九 (公开09)
  prior('“三公”经费支出决算', '三公.决算.合计', '上年决算公开09表“三公”经费决算数合计');
  prior('公务用车购置及运行维护费支出决算', '三公.决算.公务用车购置及运行维护费', '上年决算公开09表');
  // 五(三)、十 (部门预算公开)
  budget('一般公共预算财政拨款支出年初预算', '一般公共预算支出.年初预算', '部门预算公开');
  for (const c of classesOf(facts, CLASS_GPB, true)) {
    budget(`一般公共预算财政拨款支出年初预算（按类）：${c.label}（${c.code}）`, `一般公共预算支出.类.${c.code}.年初预算`, '部门预算公开；没有安排年初预算的类填0');
  }
  budget('机关运行经费年初预算', '机关运行经费.年初预算', '部门预算公开');
  // 十一 (政府采购统计)
  purchase('政府采购支出总额', 'total', '政府采购统计');
  purchase('政府采购货物支出', 'goods', '政府采购统计');
  purchase('政府采购工程支出', 'works', '政府采购统计；没有工程采购的留空或填0');
  purchase('政府采购服务支出', 'services', '政府采购统计');
  purchase('授予中小企业合同金额', 'sme', '政府采购统计');
  purchase('授予小微企业合同金额', 'smallMicro', '政府采购统计');
  purchase('货物采购授予中小企业合同金额', 'goodsSme', '政府采购统计');
  purchase('工程采购授予中小企业合同金额', 'worksSme', '政府采购统计');
  purchase('服务采购授予中小企业合同金额', 'servicesSme', '政府采购统计');
  // 九(二)2、十二 (资产报表)
  rows.push({ label: '开支财政拨款的公务用车保有量', path: { kind: 'vehicles', field: 'officialCars' }, unit: '辆', note: `资产报表，截至${cy}12月31日` });
  rows.push({ label: '共有车辆', path: { kind: 'vehicles', field: 'total' }, unit: '辆', note: `资产报表，截至${cy}12月31日` });
  rows.push({
    label: `其中：${BREAKDOWN_PLACEHOLDER}`,
    path: { kind: 'vehicleBreakdown', label: '' },
    unit: '辆',
    note: '每类车辆一行：把项目改为“其中：二级单位车辆”等并填辆数，可插入多行',
  });
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Reading

/**
 * A label as compared: full-width forms folded, spaces and quotes removed, brackets and colons
 * unified, the year prefix ("2023年度", "上年度", "上年") and a trailing unit ("（万元）") dropped.
 */
export function normalizeLabel(label: string): string {
  let s = label.normalize('NFKC').replace(/[\s\u00a0\u2009\u202f\u3000]+/g, '');
  s = s.replace(/["“”'‘’「」『』]/g, '').replace(/[【［]/g, '(').replace(/[】］]/g, ')').replace(/：/g, ':');
  s = s.replace(/^(\d{4}年度?|上一?年度?)/, '');
  s = s.replace(/\((万元|辆|元)\)$/, '');
  return s;
}

const pathKey = (p: InputPath): string =>
  p.kind === 'prior' || p.kind === 'budget' ? `${p.kind}:${p.key}` : p.kind === 'vehicleBreakdown' ? `vehicleBreakdown:${p.label}` : `${p.kind}:${p.field}`;

/** Per-类 rows by their wording, for the 类 a person adds by hand as well. */
const CLASS_ROWS: { re: RegExp; path: (code: string) => InputPath }[] = [
  { re: /^一般公共预算财政拨款支出年初预算\(按类\):.*\((\d{3})\)$/, path: (c) => ({ kind: 'budget', key: `一般公共预算支出.类.${c}.年初预算` }) },
  { re: /^一般公共预算财政拨款支出\(按类\):.*\((\d{3})\)$/, path: (c) => ({ kind: 'prior', key: `一般公共预算支出.类.${c}` }) },
  { re: /^支出决算\(按类\):.*\((\d{3})\)$/, path: (c) => ({ kind: 'prior', key: `支出.类.${c}` }) },
];

function findPath(label: string, byLabel: Map<string, InputRowSpec>): { path: InputPath; unit: '万元' | '辆' } | undefined {
  const n = normalizeLabel(label);
  const spec = byLabel.get(n);
  if (spec && spec.path.kind !== 'vehicleBreakdown') return { path: spec.path, unit: spec.unit };
  for (const c of CLASS_ROWS) {
    const m = c.re.exec(n);
    if (m) return { path: c.path(m[1]), unit: '万元' };
  }
  const b = /^其中:(.+)$/.exec(n);
  if (b && b[1] !== normalizeLabel(BREAKDOWN_PLACEHOLDER)) {
    // the label as written (spaces and the "其中：" removed), e.g. "二级单位车辆"
    const kind = label.normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, '').replace(/^其中[:：]/, '');
    return { path: { kind: 'vehicleBreakdown', label: kind }, unit: '辆' };
  }
  return undefined;
}

/** The header row (项目 | 数值 …) and its label and value columns; the first two columns without one. */
function findHeader(grid: Grid): { row: number; labelCol: number; valueCol: number } {
  for (let r = 0; r < Math.min(grid.rowCount, 30); r++) {
    let labelCol = -1;
    let valueCol = -1;
    for (let c = 0; c < grid.colCount; c++) {
      const t = normalizeLabel(grid.text(r, c));
      if (labelCol < 0 && t === '项目') labelCol = c;
      else if (valueCol < 0 && (t === '数值' || t === '金额' || t === '数额')) valueCol = c;
    }
    if (labelCol >= 0 && valueCol >= 0) return { row: r, labelCol, valueCol };
  }
  return { row: -1, labelCol: 0, valueCol: 1 };
}

const cellName = (row: number, col: number): string => {
  let c = col + 1;
  let letters = '';
  while (c > 0) {
    const m = (c - 1) % 26;
    letters = String.fromCharCode(65 + m) + letters;
    c = Math.floor((c - 1) / 26);
  }
  return `${letters}${row + 1}`;
};

/**
 * Reads a filled "上年数及其他" sheet into DraftInputs. Each row is matched by its label (rows may be
 * moved, blank or extra rows inserted, spaces typed into labels); a blank value is no input (the
 * draft keeps its slot); a value that is not a number (or, for 辆, not a whole number) is a problem
 * and is not used, as is a second value for an input already given.
 */
export function readInputsSheet(grid: Grid): { inputs: Partial<DraftInputs>; problems: string[] } {
  const problems: string[] = [];
  const byLabel = new Map<string, InputRowSpec>();
  for (const spec of INPUT_ROWS()) byLabel.set(normalizeLabel(spec.label), spec);
  const header = findHeader(grid);
  const where = (r: number) => `${grid.name}!${cellName(r, header.valueCol)}`;

  const prior: Record<string, Decimal> = {};
  const budget: Record<string, Decimal> = {};
  const purchases: PurchaseInputs = {};
  let officialCars: number | undefined;
  let total: number | undefined;
  const breakdown: { label: string; count: number }[] = [];
  const seen = new Map<string, number>();

  for (let r = header.row + 1; r < grid.rowCount; r++) {
    const label = grid.text(r, header.labelCol);
    if (!label || normalizeLabel(label) === normalizeLabel(INPUTS_SHEET_TITLE)) continue;
    const cell = grid.cell(r, header.valueCol);
    const found = findPath(label, byLabel);
    const raw = cell?.value ?? null;
    if (cell?.error) {
      problems.push(`“${label}”的数值是错误值 ${cell.error}（${where(r)}），未使用。`);
      continue;
    }
    if (cell?.noCachedResult) {
      problems.push(`“${label}”的数值是未计算的公式（${where(r)}）：请在 Excel 中重新计算并保存，未使用。`);
      continue;
    }
    const parsed = parseAmount(raw);
    if (parsed.kind === 'empty') continue;
    if (!found) {
      problems.push(`第${r + 1}行的项目“${label}”无法识别，数值“${String(raw)}”未使用；请用模板中的项目名称。`);
      continue;
    }
    if (parsed.kind !== 'number' || parsed.percent) {
      problems.push(`“${label}”的数值“${String(raw)}”不是${found.unit === '辆' ? '辆数' : '金额（万元）'}（${where(r)}），未使用。`);
      continue;
    }
    const value = parsed.value;
    if (found.unit === '辆' && (!value.isInteger() || value.isNegative())) {
      problems.push(`“${label}”的数值“${String(raw)}”不是整数辆数（${where(r)}），未使用。`);
      continue;
    }
    const k = pathKey(found.path);
    if (seen.has(k)) {
      problems.push(`“${label}”填了两次（第${seen.get(k)! + 1}行和第${r + 1}行），第${r + 1}行的数值未使用。`);
      continue;
    }
    seen.set(k, r);
    const p = found.path;
    if (p.kind === 'prior') prior[p.key] = value;
    else if (p.kind === 'budget') budget[p.key] = value;
    else if (p.kind === 'purchases') purchases[p.field] = value;
    else if (p.kind === 'vehicles') {
      if (p.field === 'officialCars') officialCars = value.toNumber();
      else total = value.toNumber();
    } else breakdown.push({ label: p.label, count: value.toNumber() });
  }

  const inputs: Partial<DraftInputs> = {};
  if (Object.keys(prior).length) inputs.prior = prior;
  if (Object.keys(budget).length) inputs.budget = budget;
  if (Object.keys(purchases).length) inputs.purchases = purchases;
  if (officialCars !== undefined || total !== undefined || breakdown.length) {
    inputs.vehicles = {
      ...(officialCars !== undefined ? { officialCars } : {}),
      ...(total !== undefined ? { total } : {}),
      ...(breakdown.length ? { breakdown } : {}),
    };
  }
  return { inputs, problems };
}

/** The sheet named "上年数及其他" (spaces ignored) of a workbook's sheets, if any. */
export function findInputsSheet(sheets: readonly Grid[]): Grid | undefined {
  return sheets.find((g) => g.name.replace(/\s+/g, '') === INPUTS_SHEET_NAME);
}

/**
 * Inputs from several sources, later ones winning per value (e.g. --prior's workbook, then the
 * inputs sheet): prior and budget values by key, purchases by field, vehicles by field.
 */
export function mergeInputs(...sources: (Partial<DraftInputs> | undefined)[]): DraftInputs {
  const out: DraftInputs = {};
  for (const s of sources) {
    if (!s) continue;
    if (s.year !== undefined) out.year = s.year;
    if (s.department !== undefined) out.department = s.department;
    if (s.wholeNumbers !== undefined) out.wholeNumbers = s.wholeNumbers;
    if (s.prior) out.prior = { ...out.prior, ...s.prior };
    if (s.budget) out.budget = { ...out.budget, ...s.budget };
    if (s.purchases) out.purchases = { ...out.purchases, ...s.purchases };
    if (s.vehicles) out.vehicles = { ...out.vehicles, ...s.vehicles };
  }
  return out;
}
