/**
 * The facts of a 部门决算公开 workbook: every amount, share and rate the 情况说明 (docs/domain.md §4.1) states,
 * read from the recognized 公开01–09 tables with the cells each is computed from.
 *
 * Conventions:
 * - Amounts keep the unit of their table (万元 unless the table says 元) and the exact value of the
 *   cell; an empty cell counts as 0 (the narrative says "政府性基金预算财政拨款收入0万元"). A cell
 *   holding text that is no number makes the fact (and the facts built on it) absent.
 * - A fact is produced only when its table is recognized exactly once (WorkbookReader.only). A line the
 *   template does not print gives no fact. Fallbacks, where docs/domain.md names two equal sources:
 *   收入合计/收入 parts from 公开02 合计 row when 公开01 is absent; 支出合计 from 公开03 合计 row;
 *   一般公共预算支出合计 from 公开04 本年支出合计 (一般公共预算 column) when 公开05 is absent.
 * - Shares (key "<part key>/占比") and completion rates (key "<决算 key>/完成率") have unit '%' and
 *   store the exact ratio × 100, unrounded (22854.27 / 22899.22 × 100 = 99.8037…): the checker
 *   rounds or interval-tests it against the decimals the text prints. `ratioOf` names the part and
 *   whole keys; `cells` lists the cells of both. A share of a zero whole is not produced; a rate of
 *   0 / 0 follows CheckSettings.zeroOverZeroRate ('blank' → not produced), x / 0 is not produced.
 * - Per-类 一般公共预算 amounts ("一般公共预算支出.类.221") are the printed 公开04表 类 row,
 *   "一般公共预算财政拨款" column — the figure docs/domain.md §4.1 五(二) and the narratives quote (江岸 住房保障
 *   20958.26) — in 公开04 order. Without 公开04 they come from 公开05: its 类 subtotal row when printed,
 *   else the sum of its 项 rows with that 3-digit prefix. When both tables are there, the 公开05 sum is
 *   kept beside it as "一般公共预算支出.类.221.各项合计", named alike and `sameAs` the 公开04 fact: a text
 *   that quotes either is right (the tables' own 尾差 is the rules' business).
 * - Likewise a figure that two tables state (公开01 and 公开02 收入, 公开01 and 公开03 支出合计, 公开05 and
 *   公开04 一般公共预算支出) has an alternate fact ("<key>@公开02") from the second table.
 * - 机关运行经费 is bounded by 公用经费合计 (`bound: 'atMost'`), not equal to it: only 行政 and 参公
 *   units' 公用经费 are 机关运行经费.
 */
import type { CellRef } from '../grid/address';
import { itemName } from '../grid/text';
import { Decimal, ZERO } from '../money/decimal';
import type { CellPointer } from '../findings';
import type { WorkbookReader } from '../reading';
import { functionalClassName } from '../catalog/functional-classes';
import type { Line, SemanticTable, TableType } from '../tables/types';
import type { Fact } from './types';
import { toWan } from '../money/units';

type Unit = Fact['unit'];

interface Meta {
  key: string;
  label: string;
  aliases?: string[];
  /** Names valid only in the fact's own section (Fact.localAliases). */
  local?: string[];
  section: string;
  derivation: string;
}

interface Part {
  table: SemanticTable;
  ref: CellRef | undefined;
}

const HUNDRED = new Decimal(100);

function unitOf(table: SemanticTable): Unit {
  return table.unit === '元' ? '元' : '万元';
}

function uniq(list: string[], exclude: string): string[] {
  return [...new Set(list)].filter((a) => a && a !== exclude);
}

class FactBuilder {
  readonly facts: Fact[] = [];
  private readonly byKey = new Map<string, Fact>();

  constructor(readonly ctx: WorkbookReader) {}

  get(key: string): Fact | undefined {
    return this.byKey.get(key);
  }

  add(fact: Fact): Fact {
    const had = this.byKey.get(fact.key);
    if (had) return had;
    this.byKey.set(fact.key, fact);
    this.facts.push(fact);
    return fact;
  }

  /** Σ of the cells (empty = 0); undefined if no cell exists or one holds text that is no number. */
  amount(meta: Meta, parts: Part[]): Fact | undefined {
    const present = parts.filter((p): p is { table: SemanticTable; ref: CellRef } => !!p.ref);
    if (present.length === 0) return undefined;
    const units = new Set(present.map((p) => unitOf(p.table)));
    const unit: Unit = units.size === 1 ? [...units][0] : '万元';
    let value = ZERO;
    const cells: CellPointer[] = [];
    for (const p of present) {
      const r = this.ctx.read(p.table, p.ref);
      if (r.kind === 'unknown') return undefined;
      if (r.kind === 'amount') value = value.plus(unit === '万元' ? toWan(r.value, p.table.unit) : r.value);
      cells.push(this.ctx.pointer(p.table, p.ref));
    }
    const fact: Fact = { key: meta.key, label: meta.label, aliases: uniq(meta.aliases ?? [], meta.label), section: meta.section, value, unit, cells, derivation: meta.derivation };
    if (meta.local?.length) fact.localAliases = meta.local;
    return this.add(fact);
  }

  /**
   * The same figure as `primaryKey` from another table (公开02 合计行 for the 公开01 收入合计): named
   * alike, so that a text agreeing with either is right; the checker says which one it matched.
   */
  alternate(primaryKey: string, key: string, parts: Part[], derivation: string): Fact | undefined {
    const primary = this.byKey.get(primaryKey);
    if (!primary || parts.length === 0) return undefined;
    const f = this.amount({ key, label: primary.label, aliases: primary.aliases, local: primary.localAliases, section: primary.section ?? '', derivation }, parts);
    if (f && f.key !== primaryKey) f.sameAs = primaryKey;
    return f;
  }

  /** part ÷ whole × 100, both facts already built. */
  ratio(meta: Meta, partKey: string, wholeKey: string, zeroOverZero: 'skip' | 'setting'): Fact | undefined {
    const part = this.byKey.get(partKey);
    const whole = this.byKey.get(wholeKey);
    if (!part || !whole || part.unit === '%' || whole.unit === '%') return undefined;
    const p = part.unit === whole.unit ? part.value : factWan(part);
    const w = part.unit === whole.unit ? whole.value : factWan(whole);
    let value: Decimal;
    let derivation = meta.derivation;
    if (w.isZero()) {
      if (!p.isZero() || zeroOverZero === 'skip') return undefined;
      const rule = this.ctx.settings.zeroOverZeroRate;
      if (rule === 'blank') return undefined;
      value = rule === '100%' ? HUNDRED : ZERO;
      derivation += `（预算与决算均为 0，按设置记为 ${rule}）`;
    } else {
      value = p.div(w).times(HUNDRED);
    }
    const cells = [...part.cells, ...whole.cells.filter((c) => !part.cells.some((x) => x.sheet === c.sheet && x.address === c.address))];
    return this.add({
      key: meta.key,
      label: meta.label,
      aliases: uniq(meta.aliases ?? [], meta.label),
      section: meta.section,
      value,
      unit: '%',
      cells,
      derivation,
      ratioOf: { part: partKey, whole: wholeKey },
    });
  }

  /** "<part key>/占比": the share of a part in a whole, named "<part>占<whole word>". */
  share(partKey: string, wholeKey: string, wholeWords: string[], section: string): Fact | undefined {
    const part = this.byKey.get(partKey);
    const whole = this.byKey.get(wholeKey);
    if (!part || !whole) return undefined;
    // The part's own name and its first alias (the short form: "住房保障", "本年收入合计") before 占.
    const names = [part.label, ...part.aliases.slice(0, 1)];
    const aliases: string[] = [`${part.label}占比`];
    for (const n of names) for (const w of wholeWords) aliases.push(`${n}占${w}`);
    return this.ratio(
      { key: `${partKey}/占比`, label: `${part.label}占${wholeWords[0]}`, aliases, section, derivation: `${part.label} ÷ ${whole.label} × 100` },
      partKey,
      wholeKey,
      'skip',
    );
  }
}

function factWan(f: Fact): Decimal {
  return toWan(f.value, f.unit === '元' ? '元' : '万元');
}

function cellOf(table: SemanticTable | undefined, line: string, col: string): Part[] {
  if (!table) return [];
  const ref = table.cell(line, col);
  return ref ? [{ table, ref }] : [];
}

function name(ctx: WorkbookReader, t: SemanticTable): string {
  return ctx.tableName(t);
}

/** A 类 name without its ordinal ("十九、住房保障支出" → "住房保障支出"). */
function className(l: Line): string {
  return itemName(l.label) || (l.code ? functionalClassName(l.code) ?? l.code : l.key);
}

/** Wordings of a 类 in narratives: "住房保障支出", "住房保障", "一般公共服务(类)支出". */
function classAliases(label: string): string[] {
  const base = label.replace(/支出$/, '');
  return base === label ? [] : [base, `${base}(类)支出`, `${base}（类）支出`, `${base}(类)`, `${base}（类）`, `${base}类支出`];
}

export function buildFacts(ctx: WorkbookReader): Fact[] {
  const b = new FactBuilder(ctx);
  const only = (t: TableType) => ctx.only(t);
  const gk01 = only('GK01');
  const gk02 = only('GK02');
  const gk03 = only('GK03');
  const gk04 = only('GK04');
  const gk05 = only('GK05');
  const gk06 = only('GK06');
  const gk07 = only('GK07');
  const gk08 = only('GK08');
  const gk09 = only('GK09');

  // 一、收入支出决算总体 (公开01 总计, both sides; the combined fact is the income side).
  if (gk01) {
    const n = name(ctx, gk01);
    b.amount({ key: '收入.总计', label: '收入总计', aliases: ['收入决算总计'], section: '一', derivation: `${n} 收入侧 总计` }, cellOf(gk01, '收入.总计', '决算数'));
    b.amount({ key: '支出.总计', label: '支出总计', aliases: ['支出决算总计'], section: '一', derivation: `${n} 支出侧 总计` }, cellOf(gk01, '支出.总计', '决算数'));
    const totalAliases = ['收支总计', '收、支决算总计', '收支决算总计', '收入支出总计', '收入支出决算总计', '总计'];
    const income = cellOf(gk01, '收入.总计', '决算数');
    b.amount(
      { key: '收支总计', label: '收、支总计', aliases: totalAliases, section: '一', derivation: income.length ? `${n} 收入侧 总计（应等于支出侧 总计）` : `${n} 支出侧 总计` },
      income.length ? income : cellOf(gk01, '支出.总计', '决算数'),
    );
    // 类 amounts of all funding (公开01 支出侧), the basis of the 一–三 reason sentences.
    for (const l of gk01.lines) {
      if (l.group !== '支出' || l.level !== '类' || !l.code || !l.cells['决算数']) continue;
      const r = ctx.read(gk01, l.cells['决算数']);
      if (r.kind !== 'amount' || r.value.isZero()) continue;
      const label = className(l);
      b.amount({ key: `支出.类.${l.code}`, label, aliases: classAliases(label).slice(0, 1), section: '一', derivation: `${n} ${label} 行 决算数` }, [{ table: gk01, ref: l.cells['决算数'] }]);
    }
  }

  // 二、收入决算 (公开01, else 公开02 合计 row).
  {
    const n01 = gk01 && name(ctx, gk01);
    const n02 = gk02 && name(ctx, gk02);
    const from01 = (line: string) => cellOf(gk01, `收入.${line}`, '决算数');
    const from02 = (col: string) => cellOf(gk02, '合计', col);
    const pick = (a: Part[], c: Part[], da: string, dc: string): [Part[], string] => (a.length ? [a, da] : [c, dc]);
    const [ip, id] = pick(from01('本年收入合计'), from02('合计'), `${n01} 本年收入合计`, `${n02} 合计行 本年收入合计`);
    b.amount({ key: '收入.本年收入合计', label: '收入合计', aliases: ['本年收入合计', '本年收入', '收入决算'], section: '二', derivation: id }, ip);
    const fiscal01 = [...from01('一般公共预算财政拨款收入'), ...from01('政府性基金预算财政拨款收入'), ...from01('国有资本经营预算财政拨款收入')];
    const [fp, fd] = pick(
      fiscal01,
      from02('财政拨款收入'),
      `${n01} 一般公共预算财政拨款收入 + 政府性基金预算财政拨款收入 + 国有资本经营预算财政拨款收入`,
      `${n02} 合计行 财政拨款收入`,
    );
    b.amount({ key: '收入.财政拨款', label: '财政拨款收入', aliases: ['财政拨款收入合计'], section: '二', derivation: fd }, fp);
    const parts: [string, string, string[]][] = [
      ['上级补助', '上级补助收入', []],
      ['事业', '事业收入', []],
      ['经营', '经营收入', []],
      ['附属单位上缴', '附属单位上缴收入', []],
      ['其他', '其他收入', []],
    ];
    for (const [k, label, aliases] of parts) {
      const [pp, pd] = pick(from01(label), from02(label), `${n01} ${label}`, `${n02} 合计行 ${label}`);
      b.amount({ key: `收入.${k}`, label, aliases, section: '二', derivation: pd }, pp);
    }
    for (const k of ['财政拨款', ...parts.map((p) => p[0])]) b.share(`收入.${k}`, '收入.本年收入合计', ['本年收入', '收入合计', '本年收入合计'], '二');
    // 公开02 合计行 states the same figures when 公开01 gave them
    if (gk01 && gk02 && from01('本年收入合计').length) {
      b.alternate('收入.本年收入合计', '收入.本年收入合计@公开02', from02('合计'), `${n02} 合计行 本年收入合计`);
      if (fiscal01.length) b.alternate('收入.财政拨款', '收入.财政拨款@公开02', from02('财政拨款收入'), `${n02} 合计行 财政拨款收入`);
      for (const [k, label] of parts) if (from01(label).length) b.alternate(`收入.${k}`, `收入.${k}@公开02`, from02(label), `${n02} 合计行 ${label}`);
    }
  }

  // 三、支出决算 (支出合计 from 公开01, else 公开03; the parts from the 公开03 合计 row).
  {
    const e01 = cellOf(gk01, '支出.本年支出合计', '决算数');
    const e = e01.length ? e01 : cellOf(gk03, '合计', '合计');
    const d = e01.length ? `${name(ctx, gk01!)} 本年支出合计` : gk03 ? `${name(ctx, gk03)} 合计行 本年支出合计` : '';
    b.amount({ key: '支出.本年支出合计', label: '支出合计', aliases: ['本年支出合计', '本年支出', '支出决算'], section: '三', derivation: d }, e);
    if (e01.length && gk03) b.alternate('支出.本年支出合计', '支出.本年支出合计@公开03', cellOf(gk03, '合计', '合计'), `${name(ctx, gk03)} 合计行 本年支出合计`);
    if (gk03) {
      const n = name(ctx, gk03);
      const parts: [string, string[]][] = [
        ['基本支出', []],
        ['项目支出', []],
        ['上缴上级支出', []],
        ['经营支出', []],
        ['对附属单位补助支出', ['对附属单位补助']],
      ];
      for (const [k, aliases] of parts) b.amount({ key: `支出.${k}`, label: k, aliases, section: '三', derivation: `${n} 合计行 ${k}` }, cellOf(gk03, '合计', k));
      for (const [k] of parts) b.share(`支出.${k}`, '支出.本年支出合计', ['本年支出', '支出合计', '本年支出合计'], '三');
    }
  }

  // 四、财政拨款收入支出决算总体 (公开04).
  if (gk04) {
    const n = name(ctx, gk04);
    const income = cellOf(gk04, '收入.总计', '决算数');
    b.amount({ key: '财政拨款.收入.总计', label: '财政拨款收入总计', section: '四', derivation: `${n} 收入侧 总计` }, income);
    b.amount({ key: '财政拨款.支出.总计', label: '财政拨款支出总计', section: '四', derivation: `${n} 支出侧 总计（小计栏）` }, cellOf(gk04, '支出.总计', '小计'));
    b.amount(
      {
        key: '财政拨款.收支总计',
        label: '财政拨款收、支总计',
        aliases: ['财政拨款收支总计', '财政拨款收、支决算总计', '财政拨款收支决算总计', '财政拨款收入支出总计'],
        section: '四',
        derivation: income.length ? `${n} 收入侧 总计（应等于支出侧 总计）` : `${n} 支出侧 总计（小计栏）`,
      },
      income.length ? income : cellOf(gk04, '支出.总计', '小计'),
    );
    b.amount({ key: '财政拨款.本年收入合计', label: '财政拨款本年收入', aliases: ['财政拨款本年收入合计'], section: '四', derivation: `${n} 本年收入合计` }, cellOf(gk04, '收入.本年收入合计', '决算数'));
    b.amount({ key: '财政拨款.本年支出合计', label: '财政拨款本年支出', aliases: ['财政拨款本年支出合计'], section: '四', derivation: `${n} 本年支出合计（小计栏）` }, cellOf(gk04, '支出.本年支出合计', '小计'));
    b.amount({ key: '财政拨款.年初结转和结余', label: '年初财政拨款结转和结余', section: '四', derivation: `${n} 年初财政拨款结转和结余` }, cellOf(gk04, '收入.年初财政拨款结转和结余', '决算数'));
    b.amount({ key: '财政拨款.年末结转和结余', label: '年末财政拨款结转和结余', section: '四', derivation: `${n} 年末财政拨款结转和结余（小计栏）` }, cellOf(gk04, '支出.年末财政拨款结转和结余', '小计'));
    const types: [string, string, string, string[]][] = [
      ['一般公共预算', '一般公共预算财政拨款', '一般公共预算财政拨款收入', ['一般公共预算财政拨款', '一般公共预算拨款收入', '一般公共预算收入']],
      ['政府性基金', '政府性基金预算财政拨款', '政府性基金预算财政拨款收入', ['政府性基金预算财政拨款', '政府性基金预算拨款收入', '政府性基金收入']],
      ['国有资本经营', '国有资本经营预算财政拨款', '国有资本经营预算财政拨款收入', ['国有资本经营预算财政拨款', '国有资本经营财政拨款收入', '国有资本经营预算收入']],
    ];
    for (const [k, line, label, aliases] of types)
      b.amount({ key: `财政拨款收入.${k}`, label, aliases, section: '四', derivation: `${n} 收入侧 ${line}` }, cellOf(gk04, `收入.${line}`, '决算数'));
  }

  // 五、一般公共预算财政拨款支出 (公开05 合计 row; 类 from 公开04, else 公开05).
  {
    const g05 = cellOf(gk05, '合计', '合计');
    const g = g05.length ? g05 : cellOf(gk04, '支出.本年支出合计', '一般公共预算财政拨款');
    const gd = g05.length ? `${name(ctx, gk05!)} 合计行 合计` : gk04 ? `${name(ctx, gk04)} 本年支出合计 “一般公共预算财政拨款”栏` : '';
    const G = '一般公共预算支出.合计';
    b.amount(
      {
        key: G,
        label: '一般公共预算财政拨款支出',
        aliases: ['一般公共预算财政拨款支出决算', '一般公共预算财政拨款支出合计', '一般公共预算支出', '一般公共预算财政拨款支出决算数'],
        section: '五',
        derivation: gd,
      },
      g,
    );
    b.share(G, '支出.本年支出合计', ['本年支出合计', '本年支出', '支出合计'], '五');
    if (g05.length && gk04) b.alternate(G, `${G}@公开04`, cellOf(gk04, '支出.本年支出合计', '一般公共预算财政拨款'), `${name(ctx, gk04)} 本年支出合计 “一般公共预算财政拨款”栏`);
    if (gk05) {
      const n = name(ctx, gk05);
      // "基本支出", "项目支出" alone name the 一般公共预算 figures only in 五: in 三 they are all the money's
      b.amount(
        { key: '一般公共预算支出.基本支出', label: '一般公共预算财政拨款基本支出', aliases: ['一般公共预算基本支出'], local: ['基本支出', '基本支出总额'], section: '五', derivation: `${n} 合计行 基本支出` },
        cellOf(gk05, '合计', '基本支出'),
      );
      b.amount(
        {
          key: '一般公共预算支出.项目支出',
          label: '一般公共预算财政拨款项目支出',
          aliases: ['一般公共预算项目支出', '一般公共预算项目支出总额'],
          local: ['项目支出', '项目支出总额'],
          section: '五',
          derivation: `${n} 合计行 项目支出`,
        },
        cellOf(gk05, '合计', '项目支出'),
      );
    }
    classFacts(ctx, b, gk04, gk05, G);
  }

  // 六、一般公共预算财政拨款基本支出 (公开06; the total from 公开05 合计 row 基本支出).
  if (gk06) basicFacts(ctx, b, gk05, gk06);
  else if (gk05)
    b.amount(
      { key: '基本支出.合计', label: '一般公共预算财政拨款基本支出', local: ['基本支出'], section: '六', derivation: `${name(ctx, gk05)} 合计行 基本支出` },
      cellOf(gk05, '合计', '基本支出'),
    );
  itemFacts(ctx, b, gk03, '支出.项', '三', '合计');
  itemFacts(ctx, b, gk05, '一般公共预算支出.项', '五', '合计');

  // 七、政府性基金预算财政拨款收入支出 (公开07 合计 row; an empty table gives zeros).
  if (gk07) {
    const n = name(ctx, gk07);
    const cols: [string, string, string, string[]][] = [
      ['年初结转和结余', '年初结转和结余', '政府性基金预算财政拨款年初结转和结余', []],
      ['本年收入', '本年收入', '政府性基金预算财政拨款收入', ['政府性基金预算财政拨款本年收入', '政府性基金收入']],
      ['本年支出', '本年支出.小计', '政府性基金预算财政拨款支出', ['政府性基金预算财政拨款本年支出', '政府性基金支出']],
      ['基本支出', '本年支出.基本支出', '政府性基金预算财政拨款基本支出', []],
      ['项目支出', '本年支出.项目支出', '政府性基金预算财政拨款项目支出', []],
      ['年末结转和结余', '年末结转和结余', '政府性基金预算财政拨款年末结转和结余', []],
    ];
    for (const [k, col, label, aliases] of cols) b.amount({ key: `政府性基金.${k}`, label, aliases, section: '七', derivation: `${n} 合计行 ${col}` }, cellOf(gk07, '合计', col));
  }

  // 八、国有资本经营预算财政拨款支出 (公开08 合计 row; the national 收入支出 variant has 公开07's columns).
  if (gk08) {
    const n = name(ctx, gk08);
    const has = (c: string) => !!gk08.column(c);
    const cols: [string, string, string, string[]][] = [
      ['年初结转和结余', '年初结转和结余', '国有资本经营预算财政拨款年初结转和结余', []],
      ['本年收入', '本年收入', '国有资本经营预算财政拨款收入', ['国有资本经营预算财政拨款本年收入']],
      ['本年支出', has('合计') ? '合计' : '本年支出.小计', '国有资本经营预算财政拨款支出', ['国有资本经营预算财政拨款本年支出', '国有资本经营预算支出']],
      ['基本支出', has('基本支出') ? '基本支出' : '本年支出.基本支出', '国有资本经营预算财政拨款基本支出', []],
      ['项目支出', has('项目支出') ? '项目支出' : '本年支出.项目支出', '国有资本经营预算财政拨款项目支出', []],
      ['年末结转和结余', '年末结转和结余', '国有资本经营预算财政拨款年末结转和结余', []],
    ];
    for (const [k, col, label, aliases] of cols)
      if (has(col)) b.amount({ key: `国有资本经营.${k}`, label, aliases, section: '八', derivation: `${n} 合计行 ${col}` }, cellOf(gk08, '合计', col));
  }

  // 九、"三公"经费 (公开09 预算数 and 决算数; 完成率 = 决算 ÷ 预算).
  if (gk09) threePublicFacts(ctx, b, gk09);

  return b.facts;
}

function classFacts(ctx: WorkbookReader, b: FactBuilder, gk04: SemanticTable | undefined, gk05: SemanticTable | undefined, G: string): void {
  const COL = '一般公共预算财政拨款';
  const done = new Set<string>();
  const gk05Parts = (code: string): { parts: Part[]; how: string; label?: string } => {
    if (!gk05) return { parts: [], how: '' };
    const n = name(ctx, gk05);
    const sub = gk05.lines.find((l) => l.code === code && l.level === '类');
    if (sub) return { parts: cellOf(gk05, sub.key, '合计'), how: `${n} 类 ${code} 小计行 合计栏`, label: className(sub) };
    const items = gk05.lines.filter((l) => l.level === '项' && l.code?.startsWith(code) && l.cells['合计']);
    return { parts: items.map((l) => ({ table: gk05, ref: l.cells['合计'] })), how: `${n} 类 ${code} 各项（${items.map((l) => l.code).join('、')}）合计栏之和` };
  };
  const emit = (code: string, label: string, parts: Part[], how: string) => {
    const key = `一般公共预算支出.类.${code}`;
    const f = b.amount({ key, label, aliases: classAliases(label), section: '五', derivation: how }, parts);
    if (!f) return;
    done.add(code);
    b.share(key, G, ['一般公共预算财政拨款支出', '一般公共预算支出'], '五');
  };
  if (gk04 && gk04.column(`支出.${COL}`)) {
    const n = name(ctx, gk04);
    for (const l of gk04.lines) {
      if (l.group !== '支出' || l.level !== '类' || !l.code || !l.cells[COL]) continue;
      const r = ctx.read(gk04, l.cells[COL]);
      if (r.kind !== 'amount' || r.value.isZero()) continue;
      const label = className(l);
      emit(l.code, label, [{ table: gk04, ref: l.cells[COL] }], `${n} ${label} 行“一般公共预算财政拨款”栏`);
      const alt = gk05Parts(l.code);
      if (alt.parts.length && done.has(l.code)) b.alternate(`一般公共预算支出.类.${l.code}`, `一般公共预算支出.类.${l.code}.各项合计`, alt.parts, alt.how);
    }
  }
  if (!gk05) return;
  // 类 of 公开05 that 公开04 does not list (or all of them when 公开04 is absent), in 公开05 order.
  const codes: string[] = [];
  for (const l of gk05.lines) {
    const c = l.code && (l.level === '类' || l.level === '项') ? l.code.slice(0, 3) : null;
    if (c && !codes.includes(c)) codes.push(c);
  }
  for (const code of codes) {
    if (done.has(code)) continue;
    const alt = gk05Parts(code);
    if (!alt.parts.length) continue;
    const total = alt.parts.reduce<Decimal | null>((s, p) => {
      const r = ctx.read(p.table, p.ref);
      return s === null || r.kind === 'unknown' ? null : r.kind === 'amount' ? s.plus(r.value) : s;
    }, ZERO);
    if (total === null || total.isZero()) continue;
    emit(code, alt.label ?? functionalClassName(code) ?? `类 ${code}`, alt.parts, alt.how);
  }
}

/**
 * 项 amounts of 公开03 (all money, section 三) and 公开05 (一般公共预算, section 五), for a 项 whose
 * name is unique in its table. Named "X(项)" or with its 科目编码 they are checked; named by the bare
 * name ("保障性住房租金补贴") they are only confirmed, since a project may bear the same name.
 */
function itemFacts(ctx: WorkbookReader, b: FactBuilder, t: SemanticTable | undefined, prefix: string, section: string, col: string): void {
  if (!t) return;
  const n = name(ctx, t);
  const items = t.lines.filter((l) => l.level === '项' && l.code && l.cells[col]);
  const count = new Map<string, number>();
  for (const l of items) count.set(itemName(l.label), (count.get(itemName(l.label)) ?? 0) + 1);
  for (const l of items) {
    const label = itemName(l.label);
    if (!label || count.get(label) !== 1) continue;
    const parts = [{ table: t, ref: l.cells[col] }];
    const key = `${prefix}.${l.code}`;
    const derivation = `${n} ${l.code} ${label} 行 ${col}`;
    const fact = b.amount({ key, label: `${label}(项)`, aliases: [`${label}(项)支出`, `${l.code}${label}`, `${l.code}${label}支出`], section, derivation }, parts);
    if (fact) fact.confirmAliases = [label, `${label}支出`];
  }
}

function basicFacts(ctx: WorkbookReader, b: FactBuilder, gk05: SemanticTable | undefined, gk06: SemanticTable): void {
  const n = name(ctx, gk06);
  const isPersonnel = (code: string) => code.startsWith('301') || code.startsWith('303');
  const blocks = gk06.lines.filter((l) => l.code && l.level === '类' && l.cells['决算数']);
  const items = gk06.lines.filter((l) => l.code && l.level === '款' && l.cells['决算数']);
  // Σ of the block rows of a kind (or of its 5-digit rows when the template prints no block row).
  const fallback = (personnel: boolean): Part[] => {
    const bs = blocks.filter((l) => isPersonnel(l.code!) === personnel);
    const covered = new Set(bs.map((l) => l.code!));
    const loose = items.filter((l) => isPersonnel(l.code!) === personnel && !covered.has(l.code!.slice(0, 3)));
    return [...bs, ...loose].map((l) => ({ table: gk06, ref: l.cells['决算数'] }));
  };
  const total = (line: string, personnel: boolean): [Part[], string] => {
    const direct = cellOf(gk06, line, '决算数');
    if (direct.length) return [direct, `${n} ${line}`];
    const parts = fallback(personnel);
    return [parts, `${n} ${personnel ? '301 + 303' : '302 + 310 等'} 类级行之和`];
  };
  const [pp, pd] = total('人员经费合计', true);
  const [op, od] = total('公用经费合计', false);
  const pe = b.amount({ key: '人员经费.合计', label: '人员经费', aliases: ['人员经费合计', '人员经费支出'], section: '六', derivation: pd }, pp);
  const oe = b.amount({ key: '公用经费.合计', label: '公用经费', aliases: ['公用经费合计', '日常公用经费', '公用经费支出'], section: '六', derivation: od }, op);
  const b5 = cellOf(gk05, '合计', '基本支出');
  if (b5.length)
    b.amount(
      { key: '基本支出.合计', label: '一般公共预算财政拨款基本支出', local: ['基本支出'], section: '六', derivation: `${name(ctx, gk05!)} 合计行 基本支出（应等于人员经费合计 + 公用经费合计）` },
      b5,
    );
  else if (pe && oe)
    b.amount({ key: '基本支出.合计', label: '一般公共预算财政拨款基本支出', local: ['基本支出'], section: '六', derivation: `${n} 人员经费合计 + 公用经费合计` }, [...pp, ...op]);
  b.share('人员经费.合计', '基本支出.合计', ['基本支出'], '六');
  b.share('公用经费.合计', '基本支出.合计', ['基本支出'], '六');
  // 机关运行经费 (十): the 公用经费 of 行政 and 参公 units — a part of 公用经费合计, which bounds it (a
  // department with 事业 units has 公用经费 that are no 机关运行经费)
  const running = b.amount(
    { key: '机关运行经费', label: '机关运行经费', aliases: ['机关运行经费支出'], section: '十', derivation: `${n} 公用经费合计（机关运行经费是行政单位和参照公务员法管理的事业单位的公用经费，不超过公用经费合计）` },
    op,
  );
  if (running) running.bound = 'atMost';
  // Non-zero blocks and items, in the order the table prints them (column group, then row).
  const ordered = [...blocks, ...items]
    .map((l) => ({ l, ref: l.cells['决算数'] }))
    .sort((x, y) => groupIndex(gk06, x.ref.col) - groupIndex(gk06, y.ref.col) || x.ref.row - y.ref.row);
  for (const { l, ref } of ordered) {
    const r = ctx.read(gk06, ref);
    if (r.kind !== 'amount' || r.value.isZero()) continue;
    const kind = isPersonnel(l.code!) ? '人员经费' : '公用经费';
    b.amount({ key: `${kind}.${l.code}`, label: l.label, section: '六', derivation: `${n} ${l.code} ${l.label}` }, [{ table: gk06, ref }]);
  }
}

function groupIndex(t: SemanticTable, col: number): number {
  const amounts = t.columns.filter((c) => c.key.endsWith('决算数')).map((c) => c.col);
  const i = amounts.indexOf(col);
  return i < 0 ? col : i;
}

/** 公开09 items: the column, the key part, the report's name and other names of the item. */
const THREE_PUBLIC: { col: string; key: string; label: string; aliases: string[] }[] = [
  { col: '合计', key: '合计', label: '“三公”经费', aliases: ['三公经费', '"三公"经费', '“三公”经费财政拨款'] },
  { col: '因公出国(境)费', key: '因公出国(境)费', label: '因公出国(境)费', aliases: ['因公出国（境）费', '因公出国(境)费用', '因公出国费', '出国经费'] },
  {
    col: '公务用车购置及运行维护费.小计',
    key: '公务用车购置及运行维护费',
    label: '公务用车购置及运行维护费',
    aliases: ['公务用车购置及运行费', '公务用车购置和维护经费', '公务用车购置及运维费'],
  },
  { col: '公务用车购置费', key: '公务用车购置费', label: '公务用车购置费', aliases: ['公车购置', '公车购置费'] },
  { col: '公务用车运行维护费', key: '公务用车运行维护费', label: '公务用车运行维护费', aliases: ['公务用车运行费', '公车运行维护', '公车运行维护费'] },
  { col: '公务接待费', key: '公务接待费', label: '公务接待费', aliases: ['公务接待'] },
];

function threePublicFacts(ctx: WorkbookReader, b: FactBuilder, gk09: SemanticTable): void {
  const n = name(ctx, gk09);
  const line = gk09.lines[0];
  if (!line) return;
  for (const it of THREE_PUBLIC) {
    const names = [it.label, ...it.aliases];
    const budgetKey = `三公.预算.${it.key}`;
    const actualKey = `三公.决算.${it.key}`;
    b.amount(
      {
        key: budgetKey,
        label: `${it.label}全年预算`,
        aliases: names.flatMap((x) => [`${x}全年预算`, `${x}全年预算数`, `${x}预算`, `${x}预算数`, `${x}支出全年预算`]),
        section: '九',
        derivation: `${n} 预算数 ${it.col}`,
      },
      line.cells[`预算.${it.col}`] ? [{ table: gk09, ref: line.cells[`预算.${it.col}`] }] : [],
    );
    b.amount(
      {
        key: actualKey,
        label: it.label,
        aliases: names.flatMap((x) => [x, `${x}支出`, `${x}支出决算`, `${x}决算`, `${x}决算数`]).filter((x) => x !== '“三公”经费财政拨款'),
        section: '九',
        derivation: `${n} 决算数 ${it.col}`,
      },
      line.cells[`决算.${it.col}`] ? [{ table: gk09, ref: line.cells[`决算.${it.col}`] }] : [],
    );
    b.ratio(
      {
        key: `${actualKey}/完成率`,
        label: `${it.label}完成全年预算`,
        aliases: names.flatMap((x) => [`${x}完成全年预算`, `${x}完成预算`, `${x}预算完成率`]),
        section: '九',
        derivation: `${it.label} 决算数 ÷ 全年预算数 × 100`,
      },
      actualKey,
      budgetKey,
      'setting',
    );
  }
}

export function factIndex(facts: Fact[]): { byKey(key: string): Fact | undefined; all: Fact[] } {
  const map = new Map<string, Fact>();
  for (const f of facts) if (!map.has(f.key)) map.set(f.key, f);
  return { byKey: (key) => map.get(key), all: facts };
}
