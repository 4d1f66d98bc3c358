import type { Block, Run } from '../blocks';
import type { Fact } from '../types';
import { change, fmt, givenRun, heading, num, para, pct, priorSlot, slot, wan, yearRun, type FactIndex } from './common';
import type { DraftInputs } from './inputs';

/**
 * "全年预算为{b}万元，支出决算为{a}万元，完成全年预算的{a/b}%", with the 0/0 convention stated
 * ("预算和决算均为0") and no rate without a budget.
 */
function budgetAndActual(facts: FactIndex, item: string, inputs: DraftInputs): { runs: (string | Run)[]; budget?: Fact; actual?: Fact } {
  const budget = facts.byKey(`三公.预算.${item}`);
  const actual = facts.byKey(`三公.决算.${item}`);
  const runs: (string | Run)[] = ['全年预算为'];
  runs.push(budget ? num(fmt(wan(budget), inputs), budget.key, budget.cells) : slot('input', '全年预算（表中未找到）'));
  runs.push('万元，支出决算为');
  runs.push(actual ? num(fmt(wan(actual), inputs), actual.key, actual.cells) : slot('input', '支出决算（表中未找到）'));
  runs.push('万元');
  if (budget && actual) {
    const b = wan(budget);
    const a = wan(actual);
    const key = `${actual.key}/完成率`;
    const cells = [...actual.cells, ...budget.cells];
    if (!b.isZero()) runs.push('，完成全年预算的', num(`${fmt(pct(a, b)!, inputs)}%`, key, cells));
    else if (a.isZero()) runs.push('，预算和决算均为0');
    else runs.push('，未安排全年预算');
  }
  return { runs, budget, actual };
}

/** "决算数小于全年预算数的主要原因：{…}。" when 决算 ≠ 预算. */
function gapReason(budget: Fact | undefined, actual: Fact | undefined): (string | Run)[] {
  if (!budget || !actual) return [];
  const c = wan(actual).toDecimalPlaces(2).comparedTo(wan(budget).toDecimalPlaces(2));
  if (c === 0) return [];
  return [`决算数${c < 0 ? '小于' : '大于'}全年预算数的主要原因：`, slot('reason', '主要原因'), '。'];
}

/** "较上年{增加|减少}{|Δ|}万元，{增长|下降}{r}%" against the prior-year 决算 of an item. */
function againstPrior(actual: Fact | undefined, inputs: DraftInputs, what: string): (string | Run)[] {
  if (!actual) return ['较上年', priorSlot(what)];
  return change({ fact: actual, base: inputs.prior?.[actual.key], lead: '较上年', zero: '与上年持平', missing: ['较上年', priorSlot(what)] }, inputs).runs;
}

/**
 * 九、财政拨款“三公”经费支出决算情况说明 (docs/domain.md §4.1, 公开09):
 * (一) "{年}年度“三公”经费财政拨款支出全年预算为{Sb}万元，支出决算为{Sa}万元，完成全年预算的{Sa/Sb}%。
 *       较上年{增加|减少}{…}万元，{增长|下降}{r}%。决算数{小于|大于}全年预算数的主要原因：{…}。"
 * (二) 1. 因公出国（境）费 … 2. 公务用车购置及运行费 …；较上年…。其中：（1）公务用车购置费支出{a}万元。
 *      （2）公务用车运行费支出{a}万元，主要用于{…}。截至{年}年12月31日，开支财政拨款的公务用车保有量{n}辆。 3. 公务接待费 …
 * 0/0 is stated as "预算和决算均为0" (no rate).
 */
export function draftSection9(facts: FactIndex, inputs: DraftInputs): Block[] {
  const blocks: Block[] = [heading(1, '九、财政拨款“三公”经费支出决算情况说明')];
  if (!facts.byKey('三公.决算.合计') && !facts.byKey('三公.预算.合计')) {
    blocks.push(para(slot('input', '“三公”经费支出决算情况（未识别公开09表）')));
    return blocks;
  }
  blocks.push(heading(2, '（一）“三公”经费财政拨款支出决算总体情况说明'));
  const total = budgetAndActual(facts, '合计', inputs);
  blocks.push(
    para(yearRun(inputs), '年度“三公”经费财政拨款支出', total.runs, '。', againstPrior(total.actual, inputs, '上年“三公”经费支出决算'), '。', gapReason(total.budget, total.actual)),
  );

  blocks.push(heading(2, '（二）“三公”经费财政拨款支出决算具体情况说明'));
  const abroad = budgetAndActual(facts, '因公出国(境)费', inputs);
  blocks.push(para('1. 因公出国（境）费', abroad.runs, '。', gapReason(abroad.budget, abroad.actual)));

  const cars = budgetAndActual(facts, '公务用车购置及运行维护费', inputs);
  blocks.push(
    para('2. 公务用车购置及运行费', cars.runs, '；', againstPrior(cars.actual, inputs, '上年公务用车购置及运行费支出决算'), '。', gapReason(cars.budget, cars.actual), '其中：'),
  );
  const buy = facts.byKey('三公.决算.公务用车购置费');
  const run = facts.byKey('三公.决算.公务用车运行维护费');
  const amount = (f: Fact | undefined, what: string): Run => (f ? num(fmt(wan(f), inputs), f.key, f.cells) : slot('input', `${what}（表中未找到）`));
  const used = (f: Fact | undefined): (string | Run)[] => (f && wan(f).isZero() ? [] : ['，主要用于', slot('use', '主要用途')]);
  blocks.push(para('（1）公务用车购置费支出', amount(buy, '公务用车购置费'), '万元', used(buy), '。'));
  blocks.push(
    para(
      '（2）公务用车运行费支出',
      amount(run, '公务用车运行维护费'),
      '万元',
      used(run),
      '。截至',
      yearRun(inputs),
      '年12月31日，开支财政拨款的公务用车保有量',
      givenRun('公务用车保有量', inputs.vehicles?.officialCars, inputs),
      '辆。',
    ),
  );

  const hosting = budgetAndActual(facts, '公务接待费', inputs);
  blocks.push(para('3. 公务接待费', hosting.runs, '。', gapReason(hosting.budget, hosting.actual)));
  return blocks;
}
