/**
 * The facts of a 绩效 workbook: the amounts and rates a 部门整体支出绩效自评报告 (docs/domain.md §4.2–4.4) and a
 * 自评结果 state, read from the 部门整体支出绩效自评表 (PERF_DEPT) and the 部门整体支出绩效评价基础数据表
 * (PERF_BASE) with the cells each comes from. The counterpart of buildFacts (公开01–09).
 *
 * Conventions (those of buildFacts, except where said):
 * - A fact is produced only when its table is recognized exactly once (WorkbookReader.only).
 * - Amounts keep the exact value of the cell, in the table's unit. A blank cell, "——" or "无" gives
 *   no fact: in these tables a blank means "not filled" (docs/domain.md §0.1), not 0 — 汨罗 leaves the
 *   公务用车 subtotal blank while its part holds 3.1. Text that is no number gives no fact either.
 * - 湖南 收入性质/支出性质 amounts are written inside text cells ("其中：基本支出：859.70"); the
 *   fact points at that text cell.
 * - Rates (执行率, 三公 完成率) and shares (占比) have unit '%' and store the exact ratio × 100,
 *   unrounded, with `ratioOf`; a 0 / 0 rate follows CheckSettings.zeroOverZeroRate, a share of a zero
 *   whole is not produced.
 * - Scores (自评得分, 总分) and head counts (编制数, 在职人数) are not produced: Fact.unit has no 分 or 人.
 * - Labels and aliases are the wordings real 自评报告 use. A word that names two different table
 *   figures is given to both on purpose, so that the checker leaves it unresolved instead of
 *   comparing it with the wrong one: in 怀化 "基本支出"/"项目支出" name the 年初 split (the 成本指标
 *   targets "≤870.34万元") in one sentence and the 决算 split in the next, and "年初预算数" names the
 *   部门整体 年初预算数 and, under "2.项目支出情况", the 项目支出 年初预算.
 * - Keys: "绩效.整体.<item>" (PERF_DEPT), "绩效.基础.<line>.<year>年预算数|决算数" (PERF_BASE; the
 *   prior-year column is keyed by year − 1 whatever its header says: 怀化 2024 heads it "2022年决算数"
 *   over the 2023 figures). Without a year the column keys are 预算数 / 决算数 / 上年决算数.
 */
import type { CellRef } from '../grid/address';
import { itemName } from '../grid/text';
import { Decimal } from '../money/decimal';
import type { CellPointer } from '../findings';
import type { WorkbookReader } from '../reading';
import { readEmbedded } from '../reading';
import { perfTableName } from '../tables/perf-structure';
import { parseEmbedded } from '../tables/perf-common';
import type { Line, SemanticTable } from '../tables/types';
import type { Fact } from './types';

type Unit = Fact['unit'];

interface Meta {
  key: string;
  label: string;
  aliases?: string[];
  derivation: string;
}

const HUNDRED = new Decimal(100);

function uniq(list: readonly string[], exclude: string): string[] {
  return [...new Set(list)].filter((a) => a && a !== exclude);
}

const unitOf = (t: SemanticTable): Unit => (t.unit === '元' ? '元' : '万元');

class PerfFacts {
  readonly facts: Fact[] = [];
  private readonly byKey = new Map<string, Fact>();

  constructor(readonly ctx: WorkbookReader) {}

  get(key: string): Fact | undefined {
    return this.byKey.get(key);
  }

  private add(fact: Fact): Fact {
    const had = this.byKey.get(fact.key);
    if (had) return had;
    this.byKey.set(fact.key, fact);
    this.facts.push(fact);
    return fact;
  }

  value(meta: Meta, value: Decimal, unit: Unit, cells: CellPointer[]): Fact {
    return this.add({ key: meta.key, label: meta.label, aliases: uniq(meta.aliases ?? [], meta.label), value, unit, cells, derivation: meta.derivation });
  }

  /** The amount in one cell; undefined when the cell is missing, blank or not a number. */
  cell(meta: Meta, table: SemanticTable, ref: CellRef | undefined): Fact | undefined {
    if (!ref) return undefined;
    const r = this.ctx.read(table, ref);
    if (r.kind !== 'amount') return undefined;
    return this.value(meta, r.value, unitOf(table), [this.ctx.pointer(table, ref)]);
  }

  /** part ÷ whole × 100 of two amount facts already built. */
  ratio(meta: Meta, partKey: string, wholeKey: string, zeroOverZero: 'skip' | 'setting'): Fact | undefined {
    const part = this.byKey.get(partKey);
    const whole = this.byKey.get(wholeKey);
    if (!part || !whole || part.unit === '%' || part.unit !== whole.unit) return undefined;
    let value: Decimal;
    let derivation = meta.derivation;
    if (whole.value.isZero()) {
      if (!part.value.isZero() || zeroOverZero === 'skip') return undefined;
      const rule = this.ctx.settings.zeroOverZeroRate;
      if (rule === 'blank') return undefined;
      value = rule === '100%' ? HUNDRED : new Decimal(0);
      derivation += `（分子分母均为 0，按设置记为 ${rule}）`;
    } else value = part.value.div(whole.value).times(HUNDRED);
    const cells = [...part.cells, ...whole.cells.filter((c) => !part.cells.some((x) => x.sheet === c.sheet && x.address === c.address))];
    return this.add({ key: meta.key, label: meta.label, aliases: uniq(meta.aliases ?? [], meta.label), value, unit: '%', cells, derivation, ratioOf: { part: partKey, whole: wholeKey } });
  }

  /** "<part key>/占比", named "<part>占<whole word>" for each of the part's names and the whole's words. */
  share(partKey: string, wholeKey: string, partNames: readonly string[], wholeWords: readonly string[]): Fact | undefined {
    const part = this.byKey.get(partKey);
    const whole = this.byKey.get(wholeKey);
    if (!part || !whole) return undefined;
    const aliases = [`${part.label}占比`, ...partNames.flatMap((n) => [`${n}占比`, ...wholeWords.map((w) => `${n}占${w}`)])];
    return this.ratio({ key: `${partKey}/占比`, label: `${part.label}占${wholeWords[0]}`, aliases, derivation: `${part.label} ÷ ${whole.label} × 100` }, partKey, wholeKey, 'skip');
  }
}

/** The facts of the workbook's 部门整体支出绩效自评表 and 基础数据表, each when recognized exactly once. */
export function buildPerfFacts(ctx: WorkbookReader): Fact[] {
  const b = new PerfFacts(ctx);
  const dept = ctx.only('PERF_DEPT');
  const base = ctx.only('PERF_BASE');
  if (dept) {
    deptFacts(b, dept);
    scoreFacts(b, dept);
  }
  if (base) baseFacts(b, base);
  for (const t of ctx.tablesOf('PERF_PROJECT')) projectFacts(b, t);
  return b.facts;
}

// ---------------------------------------------------------------------------------------------
// 项目支出绩效自评表 (PERF_PROJECT): the figures a 项目 report states (docs/domain.md §2(b) B15, B22)

/**
 * The 预算, 执行, 执行率 and 总分 of one project's 自评表, keyed "绩效.项目.<sheet>.<what>" and marked
 * with the project's name: the checker ties a number to them only inside the report of that project
 * (its title names it), by the words such a report uses ("预算为", "共计支出", "执行率", "综合得分").
 * 湖南 tables have a 年初 and a 全年 budget; a report's "预算" may be either.
 */
function projectFacts(b: PerfFacts, t: SemanticTable): void {
  const project = String(t.line('项目名称')?.meta?.text ?? '').replace(/\s+/g, '');
  if (!project) return;
  const n = perfTableName(t);
  const k = `绩效.项目.${t.sheet}`;
  const hubei = t.line('预算执行');
  const money = hubei ?? t.line('年度资金总额');
  if (!money) return;
  const c = money.cells;
  const facts = [
    b.cell({ key: `${k}.预算`, label: `${project}预算`, derivation: `${n} ${hubei ? '预算数（A）' : '全年预算数'}` }, t, hubei ? c['预算数'] : c['全年预算数']),
    b.cell({ key: `${k}.执行`, label: `${project}执行数`, derivation: `${n} ${hubei ? '执行数（B）' : '全年执行数'}` }, t, hubei ? c['执行数'] : c['全年执行数']),
    hubei ? undefined : b.cell({ key: `${k}.年初预算`, label: `${project}年初预算`, derivation: `${n} 年初预算数` }, t, c['年初预算数']),
  ];
  for (const f of facts) if (f) f.project = project;
  const rate = b.ratio({ key: `${k}.执行率`, label: `${project}执行率`, derivation: `${n} 执行数 ÷ 预算数 × 100` }, `${k}.执行`, `${k}.预算`, 'setting');
  if (rate) rate.project = project;
  const ref = t.line('总分')?.cells['得分'];
  const r = ref ? b.ctx.read(t, ref) : undefined;
  if (ref && r?.kind === 'amount') {
    const score = b.value({ key: `${k}.总分`, label: `${project}总分`, derivation: `${n} 总分` }, r.value, '分', [b.ctx.pointer(t, ref)]);
    score.project = project;
  }
}

// ---------------------------------------------------------------------------------------------
// 部门整体支出绩效自评表 (PERF_DEPT)

/**
 * The 总分 as the table prints it ("部门整体绩效自评得分：99分" is checked against the printed cell; the
 * cell against its parts is the rules' business, PERF.total-score). A blank 总分 gives no fact.
 */
function scoreFacts(b: PerfFacts, t: SemanticTable): void {
  const ref = t.line('总分')?.cells['得分'];
  if (!ref) return;
  const r = b.ctx.read(t, ref);
  if (r.kind !== 'amount') return;
  b.value(
    {
      key: `${K}.总分`,
      // only words that say 部门整体: a 项目 自评结果 has its own "总得分", which this is not
      label: '部门整体绩效自评得分',
      aliases: ['部门整体自评得分', '部门整体支出绩效自评得分', '部门整体绩效自评总分', '部门整体自评总分', '部门整体绩效自评综合评分', '部门整体支出绩效自评综合评分', '部门整体综合评分'],
      derivation: `${perfTableName(t)} 总分`,
    },
    r.value,
    '分',
    [b.ctx.pointer(t, ref)],
  );
}

const K = '绩效.整体';

/** 湖南 收入性质 items (全年预算数 by source) and the names a report gives them. */
const INCOME: readonly (readonly [string, string, string[]])[] = [
  ['一般公共预算', '一般公共预算拨款', ['一般公共预算', '一般公共预算收入', '一般公共预算拨款收入', '一般公共预算财政拨款', '一般公共预算财政拨款收入']],
  ['政府性基金拨款', '政府性基金拨款', ['政府性基金预算拨款', '政府性基金收入', '政府性基金预算财政拨款', '政府性基金预算财政拨款收入']],
  ['纳入专户管理的非税收入拨款', '纳入专户管理的非税收入拨款', ['纳入专户管理的非税收入', '非税收入拨款']],
  ['其他资金', '其他资金', ['其他资金收入']],
];

function deptFacts(b: PerfFacts, t: SemanticTable): void {
  const n = perfTableName(t);
  const hubei = t.line('预算执行');
  if (hubei) {
    // 湖北: 预算数（A）is the adjusted 财政资金总额 (the 备注 口径), 执行数（B）the amount spent.
    const c = hubei.cells;
    // Not "部门整体绩效考评财政预算数": the checker takes that subject as the topic of the next claim
    // ("…预算数 1405.65万元,执行数 22854.27万元") and would read the 执行数 as this 预算数.
    b.cell({ key: `${K}.全年预算数`, label: '财政预算数总额', aliases: ['部门整体支出总额预算数', '预算数(A)'], derivation: `${n} 部门整体支出总额 预算数（A）` }, t, c['预算数']);
    b.cell({ key: `${K}.全年执行数`, label: '部门整体绩效考评执行数', aliases: ['部门整体支出总额执行数', '执行数(B)'], derivation: `${n} 部门整体支出总额 执行数（B）` }, t, c['执行数']);
    b.ratio({ key: `${K}.执行率`, label: '部门整体支出执行率', aliases: ['执行率', '预算执行率'], derivation: '执行数（B）÷ 预算数（A）× 100' }, `${K}.全年执行数`, `${K}.全年预算数`, 'setting');
    // The head block's totals are 决算 figures; the 自评结果 text uses the same words for the 年初
    // split (江岸: 1192.38 in the text, 1449.61 in the table), so they get no short name.
    for (const k of ['基本支出总额', '项目支出总额'])
      b.cell({ key: `${K}.${k}`, label: `${k}（部门整体绩效自评表表头）`, derivation: `${n} 表头 ${k}` }, t, t.line(k)?.cells['金额']);
    return;
  }

  const total = t.line('年度资金总额');
  if (!total) return;
  const c = total.cells;
  b.cell({ key: `${K}.年初预算数`, label: '年初预算数', aliases: ['部门整体年初预算数', '年初预算总额', '年初预算数总额', '年度资金总额年初预算数'], derivation: `${n} 年度资金总额 年初预算数` }, t, c['年初预算数']);
  b.cell({ key: `${K}.全年预算数`, label: '全年预算数', aliases: ['部门整体全年预算数', '全年预算总额', '调整后预算数', '调整预算数', '年度资金总额全年预算数'], derivation: `${n} 年度资金总额 全年预算数` }, t, c['全年预算数']);
  b.cell(
    {
      key: `${K}.全年执行数`,
      label: '全年执行数',
      // "{年}年支出决算数{E}万元" and "按经济分类支出合计{E}万元" (docs/domain.md §4.3 item 4), "占总支出"
      aliases: ['支出决算数', '部门整体支出决算数', '支出决算总额', '按经济分类支出合计', '总支出', '全年支出决算', '年度资金总额全年执行数'],
      derivation: `${n} 年度资金总额 全年执行数`,
    },
    t,
    c['全年执行数'],
  );
  // 湖南 执行率 is against 全年预算数, not 年初 (docs/domain.md §2(d)).
  b.ratio({ key: `${K}.执行率`, label: '执行率', aliases: ['预算执行率', '部门整体支出执行率', '资金执行率'], derivation: '全年执行数 ÷ 全年预算数 × 100' }, `${K}.全年执行数`, `${K}.全年预算数`, 'setting');

  for (const [item, label, aliases] of INCOME) {
    const l = t.line(`收入性质.${item}`);
    if (l) embeddedFact(b, t, l, { key: `${K}.收入性质.${item}`, label, aliases, derivation: `${n} 按收入性质分 ${item}` });
  }

  const dep = String(t.department ?? '').replace(/\s+/g, '');
  const year = t.year;
  // "{单位}{年}年基本支出{B}万元" (docs/domain.md §4.3 item 5) names only the 决算 figure.
  const unitWords = (k: string) => (dep ? [`${dep}${k}`, ...(year ? [`${dep}${year}年${k}`, `${dep}${year}年度${k}`] : [])] : []);
  for (const k of ['基本支出', '项目支出'] as const) {
    const l = t.line(`支出性质.${k}`);
    if (!l) continue;
    embeddedFact(b, t, l, {
      key: `${K}.支出性质.${k}`,
      label: `${k}决算数`,
      aliases: [k, `${k}决算`, `${k}完成`, `${k}执行数`, ...unitWords(k)],
      derivation: `${n} 按支出性质分 ${k}（全年执行数中）`,
    });
    b.share(`${K}.支出性质.${k}`, `${K}.全年执行数`, [k], ['总支出', '支出决算', '支出决算数', '全年执行数', '本年支出', '支出合计']);
  }
  initialSplit(b, t, n);
}

/** A 湖南 "名称：金额" text cell as a fact (a plain number typed over it counts too). */
function embeddedFact(b: PerfFacts, t: SemanticTable, l: Line, meta: Meta): Fact | undefined {
  const ref = l.cells['金额'];
  if (!ref) return undefined;
  const r = b.ctx.read(t, ref);
  if (r.kind === 'amount') return b.value(meta, r.value, unitOf(t), [b.ctx.pointer(t, ref)]);
  if (r.kind === 'empty') return undefined;
  const raw = b.ctx.grid(t).cell(ref.row, ref.col)?.value;
  const item = typeof raw === 'string' ? parseEmbedded(raw) : null;
  if (!item) return undefined;
  const amount = readEmbedded(item.amountText);
  return amount.kind === 'amount' ? b.value(meta, amount.value, unitOf(t), [b.ctx.pointer(t, ref)]) : undefined;
}

/** "≤870.34万元": a 成本 target written as a ceiling in 万元. */
const CEILING = /^(?:≤|<=|<|≦|不超过|不高于)?(\d+(?:\.\d+)?)万元$/;

/**
 * 怀化 (variant B) writes the 年初 split as the 经济成本指标 targets: "基本支出成本控制 ≤870.34万元",
 * "项目支出成本控制 ≤2680.1万元" (together the 年初预算数; 002/003 texts "其中，基本支出870.34万元、
 * 项目支出2680.1万元"). They are facts of their own, sharing the short names with the 决算 split.
 */
function initialSplit(b: PerfFacts, t: SemanticTable, n: string): void {
  const grid = b.ctx.grid(t);
  for (const l of t.lines) {
    if (!l.key.startsWith('指标.') || !/成本/.test(`${l.meta?.level1 ?? ''}${l.meta?.level2 ?? ''}`)) continue;
    const name = String(l.meta?.name ?? '').normalize('NFKC').replace(/\s+/g, '');
    const kind = /^基本支出/.test(name) ? '基本支出' : /^项目支出/.test(name) ? '项目支出' : null;
    const ref = l.cells['目标值'];
    if (!kind || !ref) continue;
    const raw = grid.cell(ref.row, ref.col)?.value;
    const m = typeof raw === 'string' ? CEILING.exec(raw.normalize('NFKC').replace(/[\s,]+/g, '')) : null;
    if (!m) continue;
    const aliases = [kind, `${kind}年初预算`, `${kind}年初预算数`, `年初${kind}`, `年初预算${kind}数`];
    // "2.项目支出情况 {年}年年初预算数为{Yp}万元" (docs/domain.md §4.3 item 6)
    if (kind === '项目支出') aliases.push('年初预算数');
    b.value(
      { key: `${K}.年初预算.${kind}`, label: `年初预算${kind}`, aliases, derivation: `${n} 成本指标“${name}”年度指标值 ${String(raw).trim()}（年初预算${kind}）` },
      new Decimal(m[1]),
      unitOf(t),
      [b.ctx.pointer(t, ref)],
    );
  }
}

// ---------------------------------------------------------------------------------------------
// 部门整体支出绩效评价基础数据表 (PERF_BASE)

const B = '绩效.基础';

interface BaseItem {
  /** The names a report gives the item. */
  names: string[];
  /** The bare names mean the 决算 (as for 公开09: "公务接待费 0.06万元"). */
  bare: boolean;
  /** More wordings of the current-year 决算 and 预算. */
  actual?: string[];
  budget?: string[];
}

const THREE_PUBLIC: Record<string, BaseItem> = {
  三公经费: { names: ['“三公”经费', '三公经费'], bare: true },
  公务用车购置和维护经费: { names: ['公务用车购置和维护经费', '公务用车购置及运行维护费', '公务用车购置及运行费', '公务用车购置及运维费'], bare: true },
  公车购置: { names: ['公车购置', '公车购置费', '公务用车购置', '公务用车购置费'], bare: true },
  公车运行维护: { names: ['公车运行维护', '公车运行维护费', '公务用车运行维护', '公务用车运行维护费', '公务用车运行费'], bare: true },
  出国经费: { names: ['因公出国（境）经费', '出国经费', '因公出国（境）', '因公出国（境）费', '因公出国费'], bare: true },
  公务接待: { names: ['公务接待费', '公务接待'], bare: true },
};

/** The three parts of 三公经费, whose shares the reports state ("公务用车…支出决算0.45万元，占88%"). */
const THREE_PUBLIC_PARTS = ['公务用车购置和维护经费', '出国经费', '公务接待'];

function baseItem(l: Line): BaseItem & { display: string } {
  const known = THREE_PUBLIC[l.key];
  if (known) return { ...known, display: known.names[0] };
  const display = itemName(l.label).replace(/[(（][^()（）]*[)）]$/, '').replace(/[:：]$/, '') || l.key;
  const item: BaseItem & { display: string } = { display, names: uniq([display, l.key.replace(/^专项\./, '')], ''), bare: false };
  if (l.key === '公用经费') {
    // 怀化 "日常公用经费{OE}万元" = 基础数据表 公用经费 本年决算 (docs/domain.md §4.3 item 5). Not the bare
    // "公用经费": 汨罗 fills this row with 一般商品和服务支出 only (its 说明: 297.69), while its text's
    // 公用经费 (556.58) is all of 基本支出 but 人员经费.
    item.actual = ['日常公用经费', '日常公用经费支出', '日常公用经费决算'];
    item.budget = ['日常公用经费预算'];
  } else if (l.key === '政府采购金额') {
    item.names.push('政府采购');
  } else if (l.key.startsWith('专项.')) {
    // "{项目}使用专项资金{u}万元" (决算) and "用于{项目}的专项经费{Z}万元" (预算), docs/domain.md §4.3 items 6–7.
    const stem = display.replace(/(专项经费|专项资金|工作经费|经费|专项)$/, '');
    if (stem.length >= 2 && stem !== display) {
      item.actual = [`${stem}项目使用专项资金`, `${stem}使用专项资金`];
      item.budget = [`${stem}的专项经费`];
    }
  }
  return item;
}

function baseFacts(b: PerfFacts, t: SemanticTable): void {
  const ctx = b.ctx;
  const n0 = ctx.tableName(t);
  const n = n0.includes('基础数据') ? n0 : `${n0}（基础数据表）`;
  const year = t.year;
  const col = (k: '上年决算数' | '预算数' | '决算数'): string =>
    year === null ? k : k === '上年决算数' ? `${year - 1}年决算数` : `${year}年${k}`;
  const header = (k: string) => t.column(k)?.label ?? k;

  for (const l of t.lines) {
    if (l.group !== '经费控制情况' && l.group !== '专项资金' && l.group !== '县级专项资金') continue;
    const it = baseItem(l);
    const key = `${B}.${l.key}`;
    const suffixed = (suffixes: readonly string[]) => it.names.flatMap((x) => suffixes.map((s) => `${x}${s}`));
    b.cell(
      {
        key: `${key}.${col('决算数')}`,
        label: `${it.display}决算数`,
        // Not "{item}支出": 002 writes those in 元 ("公务接待支出640元"), finer than the table's 0.01 万元.
        aliases: [...(it.bare ? it.names : []), ...suffixed(['决算', '决算数', '支出决算', '支出决算数']), ...(it.actual ?? [])],
        derivation: `${n} ${it.display} “${header('决算数')}”栏`,
      },
      t,
      l.cells['决算数'],
    );
    b.cell(
      {
        key: `${key}.${col('预算数')}`,
        label: `${it.display}预算数`,
        aliases: [...suffixed(['预算', '预算数', '全年预算', '全年预算数', '支出预算', '支出预算数']), ...(it.budget ?? [])],
        derivation: `${n} ${it.display} “${header('预算数')}”栏`,
      },
      t,
      l.cells['预算数'],
    );
    // The prior-year column: named only with 上年, so that "{年}年…决算" (the year is dropped when
    // matching) keeps meaning the current year.
    const current = b.get(`${key}.${col('决算数')}`);
    if (current && l.cells['上年决算数']) current.priorKey = `${key}.${col('上年决算数')}`;
    b.cell(
      {
        key: `${key}.${col('上年决算数')}`,
        label: `上年${it.display}决算数`,
        aliases: it.names.flatMap((x) => [`上年${x}决算数`, `上年${x}决算`, `上年${x}支出`, `上年度${x}决算数`, `${x}上年决算数`, `${x}上年决算`]),
        derivation: `${n} ${it.display} “${header('上年决算数')}”栏（上年决算数）`,
      },
      t,
      l.cells['上年决算数'],
    );
    // 完成率 of the total only (what the reports state): a part's 完成率 and its 占比 of the total
    // would both be ratios of the part, and the checker could not tell "占88%" which one it is.
    if (l.key === '三公经费') {
      b.ratio(
        {
          key: `${key}.${col('决算数')}/完成率`,
          label: `${it.display}完成预算`,
          aliases: it.names.flatMap((x) => [`${x}完成预算`, `${x}完成全年预算`, `${x}预算完成率`]),
          derivation: `${it.display} 决算数 ÷ 预算数 × 100`,
        },
        `${key}.${col('决算数')}`,
        `${key}.${col('预算数')}`,
        'setting',
      );
    }
  }
  const whole = `${B}.三公经费.${col('决算数')}`;
  for (const p of THREE_PUBLIC_PARTS) {
    const names = THREE_PUBLIC[p].names.flatMap((x) => [x, `${x}支出`, `${x}支出决算`, `${x}决算`]);
    b.share(`${B}.${p}.${col('决算数')}`, whole, names, ['“三公”经费', '三公经费', '三公经费支出', '三公经费支出决算']);
  }

  // 楼堂馆所: 预算投资 / 实际投资 (万元); the ㎡ and rate cells are no amounts.
  const bld = t.line('楼堂馆所');
  if (bld) {
    b.cell({ key: `${B}.楼堂馆所.预算投资`, label: '楼堂馆所预算投资', aliases: ['楼堂馆所投资预算'], derivation: `${n} 楼堂馆所控制情况 预算投资` }, t, bld.cells['预算投资']);
    b.cell({ key: `${B}.楼堂馆所.实际投资`, label: '楼堂馆所实际投资', aliases: ['楼堂馆所投资决算'], derivation: `${n} 楼堂馆所控制情况 实际投资` }, t, bld.cells['实际投资']);
  }
}
