/**
 * 湖南 部门整体支出绩效自评报告 paragraphs drawn from the 自评表 (PERF_DEPT, 湖南 template) and the
 * 基础数据表 (PERF_BASE), docs/domain.md §4.2–4.4:
 * - 预算执行: "{年}年年初预算数{Y}万元，全年预算数{A}万元，全年执行数{E}万元，执行率{E/A}%。{年}年支出决算数{E}万元，
 *   其中：基本支出{B}万元、项目支出{P}万元。按收入性质分：一般公共预算{…}万元、…。" (执行率 against 全年预算数).
 * - 三公: "{年}年度“三公”经费预算为{Sb}万元，支出决算为{Sa}万元，完成预算的{Sa/Sb}%，决算数{大于|小于}预算数的主要原因是{…}。
 *   与上年决算数{PY}万元相比，{增加|减少}{Δ}万元，{增长|下降}{r}%。" and the split "因公出国（境）支出决算{a}万元；
 *   公务用车购置及运行维护费支出决算{b}万元（其中：公务用车购置{b1}万元，公务用车运行维护{b2}万元），占{b/Sa}%，
 *   公务接待费支出决算{c}万元…。" The prior year is the 基础数据表's 上年决算数 column (a slot when it is "——").
 */
import { Decimal } from '../../money/decimal';
import type { CellPointer } from '../../findings';
import type { WorkbookReader } from '../../reading';
import { readEmbedded } from '../../reading';
import { moneyBlock } from '../../reading/perf';
import type { SemanticTable } from '../../tables/types';
import type { Block, Run } from '../blocks';
import { fmt, heading, num, para, pct, slot, type Piece } from './common';
import type { DraftInputs } from './inputs';
import { amountAt, amountOrZero, amountRunOf, perfYear, hunanBudgetRuns, type Valued } from './perf-dept-result';
import { toWan } from '../../money/units';

const INCOME: readonly (readonly [string, string])[] = [
  ['收入性质.一般公共预算', '一般公共预算'],
  ['收入性质.政府性基金拨款', '政府性基金拨款'],
  ['收入性质.纳入专户管理的非税收入拨款', '纳入专户管理的非税收入拨款'],
  ['收入性质.其他资金', '其他资金'],
];

/** An embedded amount ("其中：基本支出：859.70") of a line, with its cell; undefined when blank or not a number. */
function embedded(ctx: WorkbookReader, table: SemanticTable, key: string): Valued | undefined {
  const l = table.line(key);
  const ref = l?.cells['金额'] ?? Object.values(l?.cells ?? {})[0];
  if (!l || !ref || typeof l.meta?.amountText !== 'string') return undefined;
  const r = readEmbedded(l.meta.amountText);
  return r.kind === 'amount' ? { value: toWan(r.value, table.unit), cells: [ctx.pointer(table, ref)] } : undefined;
}

/** Words of a comparison as a number run: "大于" / "小于" / "等于". */
function compareRun(a: Decimal, b: Decimal, key: string, cells: CellPointer[]): Run {
  const c = a.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).comparedTo(b.toDecimalPlaces(2, Decimal.ROUND_HALF_UP));
  return num(c > 0 ? '大于' : c < 0 ? '小于' : '等于', key, cells);
}

/**
 * The 预算执行 and 三公 paragraphs of a 湖南 自评报告. `dept` is the 湖南 部门整体支出绩效自评表, `base` the
 * 基础数据表 (the 三公 paragraph is a slot without it).
 */
export function draftHunanBudget(dept: SemanticTable, base: SemanticTable | undefined, ctx: WorkbookReader, inputs: DraftInputs = {}): Block[] {
  const year = perfYear(dept, inputs);
  const K = '自评报告';
  const blocks: Block[] = [heading(2, '预算执行情况')];

  const money = moneyBlock(ctx, dept);
  if (!money || money.variant !== 'hunan') {
    blocks.push(para(slot('input', '年初预算数、全年预算数、全年执行数及执行率（表中未找到年度资金总额行）')));
  } else {
    const E = amountAt(ctx, dept, money.exec.ref);
    const B = embedded(ctx, dept, '支出性质.基本支出');
    const P = embedded(ctx, dept, '支出性质.项目支出');
    const p: Piece[] = [
      ...hunanBudgetRuns(ctx, dept, money, year, inputs, K),
      '。',
      year,
      '年支出决算数',
      amountRunOf(E, `${K}.全年执行数`, inputs, '全年执行数'),
      '万元，其中：基本支出',
      amountRunOf(B, `${K}.基本支出`, inputs, '基本支出'),
      '万元、项目支出',
      amountRunOf(P, `${K}.项目支出`, inputs, '项目支出'),
      '万元。',
    ];
    const income = INCOME.map(([key, label]) => ({ label, v: embedded(ctx, dept, key) })).filter((x) => x.v);
    if (income.length) {
      p.push('按收入性质分：');
      income.forEach((x, i) => p.push(i ? '、' : '', x.label, amountRunOf(x.v, `${K}.${x.label}`, inputs, x.label), '万元'));
      p.push('。');
    }
    blocks.push(para(...p));
  }

  blocks.push(heading(2, '“三公”经费支出情况'));
  if (!base) {
    blocks.push(para(slot('input', '“三公”经费预算数、决算数及较上年变化（未找到基础数据表）')));
    return blocks;
  }
  const row = (key: string, col: string): Valued | undefined => amountOrZero(ctx, base, base.line(key)?.cells[col]);
  const Sb = row('三公经费', '预算数');
  const Sa = row('三公经费', '决算数');
  const PY = row('三公经费', '上年决算数');
  const s: Piece[] = [year, '年度“三公”经费预算为', amountRunOf(Sb, `${K}.三公.预算数`, inputs, '三公经费预算数'), '万元，支出决算为', amountRunOf(Sa, `${K}.三公.决算数`, inputs, '三公经费决算数'), '万元'];
  if (Sa && Sb) {
    const r = pct(Sa.value, Sb.value);
    if (r !== undefined) s.push('，完成预算的', num(`${fmt(r, inputs)}%`, `${K}.三公.完成预算`, [...Sa.cells, ...Sb.cells]));
    const cmp = compareRun(Sa.value, Sb.value, `${K}.三公.决算较预算`, [...Sa.cells, ...Sb.cells]);
    if (cmp.type === 'number' && cmp.text === '等于') s.push('，决算数', cmp, '预算数');
    else s.push('，决算数', cmp, '预算数的主要原因是', slot('reason', '主要原因'));
  }
  s.push('。');
  if (Sa && PY) {
    const delta = Sa.value.minus(PY.value);
    const cells = [...Sa.cells, ...PY.cells];
    const dk = `${K}.三公.较上年`;
    s.push('与上年决算数', amountRunOf(PY, `${K}.三公.上年决算数`, inputs, '上年决算数'), '万元相比');
    if (delta.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).isZero()) s.push('持平。');
    else {
      const up = delta.isPositive();
      s.push('，', num(up ? '增加' : '减少', dk, cells), num(fmt(delta.abs(), inputs), dk, cells), '万元');
      const r = pct(delta.abs(), PY.value.abs());
      if (r !== undefined) s.push('，', num(up ? '增长' : '下降', `${dk}幅度`, cells), num(`${fmt(r, inputs)}%`, `${dk}幅度`, cells));
      s.push('，主要原因是', slot('reason', '主要原因'), '。');
    }
  } else {
    s.push('与上年相比，', slot('input', '上年数（“三公”经费决算，万元）'), '。');
  }
  blocks.push(para(...s));

  const abroad = row('出国经费', '决算数');
  const cars = row('公务用车购置和维护经费', '决算数');
  const buy = row('公车购置', '决算数');
  const run = row('公车运行维护', '决算数');
  const recep = row('公务接待', '决算数');
  const share = (v: Valued | undefined, key: string): (string | Run)[] => {
    const r = v && Sa && !v.value.isZero() ? pct(v.value, Sa.value) : undefined;
    return r !== undefined ? ['，占', num(`${fmt(r, inputs)}%`, key, [...v!.cells, ...Sa!.cells])] : [];
  };
  const t: Piece[] = [year, '年度“三公”经费支出决算中，因公出国（境）支出决算', amountRunOf(abroad, `${K}.三公.出国经费`, inputs, '出国经费决算数'), '万元', ...share(abroad, `${K}.三公.出国经费/占比`), '；公务用车购置及运行维护费支出决算', amountRunOf(cars, `${K}.三公.公务用车`, inputs, '公务用车购置和维护经费决算数'), '万元'];
  if (buy && run) t.push('（其中：公务用车购置', amountRunOf(buy, `${K}.三公.公车购置`, inputs, '公车购置'), '万元，公务用车运行维护', amountRunOf(run, `${K}.三公.公车运行维护`, inputs, '公车运行维护'), '万元）');
  t.push(...share(cars, `${K}.三公.公务用车/占比`), '，公务接待费支出决算', amountRunOf(recep, `${K}.三公.公务接待`, inputs, '公务接待决算数'), '万元', ...share(recep, `${K}.三公.公务接待/占比`), '。');
  blocks.push(para(...t));
  return blocks;
}
