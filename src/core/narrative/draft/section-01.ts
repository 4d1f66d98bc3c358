import type { Block } from '../blocks';
import { amountRun, change, para, heading, priorSlot, prevYear, reasonSlot, yearRun, type FactIndex } from './common';
import type { DraftInputs } from './inputs';

/**
 * 一、收入支出决算总体情况说明 (docs/domain.md §4.1):
 * "{年}年度收、支总计{T}万元。与{年-1}年度相比，收、支总计各{增加|减少}{|Δ|}万元，{增长|下降}{r}%，主要原因是{…}。"
 * T = 公开01 总计; the reason is suggested from the 公开01 类 with the largest change.
 */
export function draftSection1(facts: FactIndex, inputs: DraftInputs): Block[] {
  const blocks: Block[] = [heading(1, '一、收入支出决算总体情况说明')];
  const key = '收支总计';
  const f = facts.byKey(key);
  const lead = [yearRun(inputs), '年度收、支总计', amountRun(facts, key, inputs, '收、支总计'), '万元。'];
  if (!f) {
    blocks.push(para(lead, `与${prevYear(inputs)}相比，收、支总计`, priorSlot('收、支总计'), '，主要原因是', reasonSlot(facts, '支出.类.', inputs, undefined, (l) => l), '。'));
    return blocks;
  }
  const c = change(
    {
      fact: f,
      base: inputs.prior?.[key],
      lead: `与${prevYear(inputs)}相比，收、支总计各`,
      zero: `与${prevYear(inputs)}相比，收、支总计持平`,
      missing: [`与${prevYear(inputs)}相比，收、支总计`, priorSlot(`${prevYear(inputs)}收、支总计`)],
    },
    inputs,
  );
  const reason = c.flat ? [] : ['，主要原因是', reasonSlot(facts, '支出.类.', inputs, c.delta, (l) => l)];
  blocks.push(para(lead, c.runs, reason, '。'));
  return blocks;
}
