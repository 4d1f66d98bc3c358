import type { Decimal } from '../../money/decimal';
import type { Block, Run } from '../blocks';
import type { Fact } from '../types';
import {
  amountRun,
  change,
  fmt,
  givenRun,
  heading,
  num,
  para,
  partitionShares,
  pct,
  prevYear,
  priorSlot,
  reasonSlot,
  slot,
  TableSet,
  wan,
  yearRun,
  type DraftTables,
  type FactIndex,
} from './common';
import type { DraftInputs } from './inputs';

const G = '一般公共预算支出.合计';
const CLASS = /^一般公共预算支出\.类\.(\d{3})$/;

/** The 类 facts of 五 in 公开04 order (公开05 order without 公开04), non-zero. */
function classFacts(facts: FactIndex): { code: string; fact: Fact }[] {
  const out: { code: string; fact: Fact }[] = [];
  for (const f of facts.all) {
    const m = CLASS.exec(f.key);
    if (m && !wan(f).isZero()) out.push({ code: m[1], fact: f });
  }
  return out;
}

/** The 公开05 项 rows (code, name, a column's amount in 万元 or undefined when it cannot be read). */
function gk05Items(tables: TableSet, column: string): { code: string; label: string; amount: Decimal | undefined }[] {
  const t = tables.only('GK05');
  if (!t) return [];
  return t.lines
    .filter((l) => l.level === '项' && l.code)
    .map((l) => ({ code: l.code!, label: l.label, amount: tables.amount(t, l.cells[column]) }));
}

/** "主要是用于…" suggestion: the names of the 公开05 项 rows of a 类 with an amount (all of them when amounts cannot be read). */
function classUse(tables: TableSet, code: string): string {
  const names: string[] = [];
  for (const it of gk05Items(tables, '合计')) {
    if (!it.code.startsWith(code) || (it.amount !== undefined && it.amount.isZero())) continue;
    if (!names.includes(it.label)) names.push(it.label);
  }
  return names.join('、');
}

/** "项目支出主要用于…" suggestion: the 公开05 项 rows with 项目支出, "{名称}{金额}万元" (a repeated name gets its code). */
function projectUse(tables: TableSet, inputs: DraftInputs): string {
  const items = gk05Items(tables, '项目支出').filter((it) => it.amount !== undefined && !it.amount.isZero());
  const count = new Map<string, number>();
  for (const it of items) count.set(it.label, (count.get(it.label) ?? 0) + 1);
  return items.map((it) => `${it.label}${count.get(it.label)! > 1 ? `（${it.code}）` : ''}${fmt(it.amount!, inputs)}万元`).join('；');
}

/**
 * 五、一般公共预算财政拨款支出决算情况说明 (docs/domain.md §4.1):
 * (一) "{年}年度一般公共预算财政拨款支出{G}万元，占本年支出合计的{G/E}%。与{年-1}年度相比，一般公共预算财政拨款支出{增加|减少}{|Δ|}万元，{增长|下降}{r}%。主要原因是{…}。"
 * (二) "{年}年度一般公共预算财政拨款支出{G}万元，主要用于以下方面：" and per 类 "{n}. {类名}{x}万元，占{x/G}%。主要是用于{…}。"
 *      (the 类 shares add to 100.00%, largest remainder; the use is suggested from the 公开05 项 names).
 * (三) "{年}年度一般公共预算财政拨款支出年初预算为{Y}万元，支出决算为{G}万元，完成年初预算的{G/Y}%。其中：基本支出{B5}万元，项目支出{P5}万元。项目支出主要用于{…}。"
 *      and per 类 "{n}. {类名}：年初预算为{y}万元，支出决算为{x}万元，完成年初预算的{x/y}%。主要原因：{…}。" (no rate when y = 0).
 * `tables` (the 公开05 table and a reader) gives the 项 names and amounts of the suggestions.
 */
export function draftSection5(facts: FactIndex, inputs: DraftInputs, tables?: DraftTables): Block[] {
  const set = new TableSet(tables);
  const blocks: Block[] = [heading(1, '五、一般公共预算财政拨款支出决算情况说明')];
  const py = prevYear(inputs);
  const g = facts.byKey(G);
  const gRun = () => amountRun(facts, G, inputs, '一般公共预算财政拨款支出');

  // (一)
  blocks.push(heading(2, '（一）一般公共预算财政拨款支出决算总体情况'));
  const p1: (string | Run | Run[])[] = [yearRun(inputs), '年度一般公共预算财政拨款支出', gRun(), '万元'];
  const share = facts.byKey(`${G}/占比`);
  if (share) p1.push('，占本年支出合计的', num(`${fmt(share.value, inputs)}%`, share.key, share.cells));
  p1.push('。');
  if (g) {
    const c = change(
      {
        fact: g,
        base: inputs.prior?.[G],
        lead: `与${py}相比，一般公共预算财政拨款支出`,
        zero: `与${py}相比，一般公共预算财政拨款支出持平`,
        missing: [`与${py}相比，一般公共预算财政拨款支出`, priorSlot(`${py}一般公共预算财政拨款支出`)],
      },
      inputs,
    );
    p1.push(c.runs, '。');
    if (!c.flat) p1.push('主要原因是', reasonSlot(facts, '一般公共预算支出.类.', inputs, c.delta, (l) => l), '。');
  }
  blocks.push(para(...p1));

  // (二)
  blocks.push(heading(2, '（二）一般公共预算财政拨款支出决算结构情况'));
  blocks.push(para(yearRun(inputs), '年度一般公共预算财政拨款支出', gRun(), '万元，主要用于以下方面：'));
  const classes = classFacts(facts);
  const shares = g ? partitionShares(classes.map((c) => wan(c.fact)), wan(g), inputs) : undefined;
  classes.forEach((c, i) => {
    const runs: (string | Run)[] = [`${i + 1}. ${c.fact.label}`, num(fmt(wan(c.fact), inputs), c.fact.key, c.fact.cells), '万元'];
    if (shares && g) {
      const sf = facts.byKey(`${c.fact.key}/占比`);
      runs.push('，占', num(`${shares.texts[i]}%`, `${c.fact.key}/占比`, sf?.cells ?? [...c.fact.cells, ...g.cells]));
    }
    const use = classUse(set, c.code);
    runs.push('。主要是用于', slot('use', '主要用途', use, true), '。');
    blocks.push(para(...runs));
  });

  // (三)
  blocks.push(heading(2, '（三）一般公共预算财政拨款支出决算具体情况'));
  const Y = inputs.budget?.['一般公共预算支出.年初预算'];
  const p3: (string | Run | Run[])[] = [yearRun(inputs), '年度一般公共预算财政拨款支出年初预算为', givenRun('年初预算', Y, inputs), '万元，支出决算为', gRun(), '万元'];
  if (g && Y !== undefined && !Y.isZero()) p3.push('，完成年初预算的', num(`${fmt(pct(wan(g), Y)!, inputs)}%`, `${G}/完成年初预算`, g.cells));
  p3.push('。其中：基本支出', amountRun(facts, '一般公共预算支出.基本支出', inputs, '基本支出'), '万元，项目支出', amountRun(facts, '一般公共预算支出.项目支出', inputs, '项目支出'), '万元。');
  p3.push('项目支出主要用于', slot('use', '项目支出主要用途', projectUse(set, inputs), true), '。');
  blocks.push(para(...p3));

  blocks.push(heading(3, '一般公共预算财政拨款支出决算按支出功能分类'));
  classes.forEach((c, i) => {
    const y = inputs.budget?.[`${c.fact.key}.年初预算`];
    const runs: (string | Run)[] = [`${i + 1}. ${c.fact.label}：年初预算为`, givenRun(`年初预算（${c.fact.label}）`, y, inputs), '万元，支出决算为', num(fmt(wan(c.fact), inputs), c.fact.key, c.fact.cells), '万元'];
    if (y !== undefined && !y.isZero()) runs.push('，完成年初预算的', num(`${fmt(pct(wan(c.fact), y)!, inputs)}%`, `${c.fact.key}/完成年初预算`, c.fact.cells), '。');
    else runs.push('，');
    runs.push('主要原因：', slot('reason', '主要原因'), '。');
    blocks.push(para(...runs));
  });
  return blocks;
}
