import type { Block } from '../blocks';
import { amountRun, heading, para, slot, wan, yearRun, type FactIndex } from './common';
import type { DraftInputs } from './inputs';

export const NO_STATE_CAPITAL = '本部门没有使用国有资本经营预算财政拨款安排的支出。';

/**
 * 八、国有资本经营预算财政拨款支出决算情况说明 (docs/domain.md §4.1, 公开08 合计 row):
 * empty table → "本部门没有使用国有资本经营预算财政拨款安排的支出。";
 * otherwise "{年}年度国有资本经营预算财政拨款支出{K}万元，主要用于{…}。"
 */
export function draftSection8(facts: FactIndex, inputs: DraftInputs): Block[] {
  const blocks: Block[] = [heading(1, '八、国有资本经营预算财政拨款支出决算情况说明')];
  const spent = facts.byKey('国有资本经营.本年支出');
  if (!spent) blocks.push(para(slot('input', '国有资本经营预算财政拨款支出情况（未识别公开08表）')));
  else if (wan(spent).isZero()) blocks.push(para(NO_STATE_CAPITAL));
  else blocks.push(para(yearRun(inputs), '年度国有资本经营预算财政拨款支出', amountRun(facts, '国有资本经营.本年支出', inputs, '国有资本经营预算财政拨款支出'), '万元，主要用于', slot('use', '主要用途'), '。'));
  return blocks;
}
