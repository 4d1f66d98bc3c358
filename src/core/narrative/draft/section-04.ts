import type { Block, Run } from '../blocks';
import { amountRun, change, heading, para, prevYear, priorSlot, reasonSlot, shortClass, slot, yearRun, type FactIndex } from './common';
import type { DraftInputs } from './inputs';

/**
 * 四、财政拨款收入支出决算总体情况说明 (docs/domain.md §4.1):
 * "{年}年度财政拨款收、支总计{FT}万元。与{年-1}年度相比，财政拨款收、支总计各{增加|减少}{|Δ|}万元，{增长|下降}{r}%，主要原因是{…}。"
 * "{年}年度财政拨款收入中，一般公共预算财政拨款收入{G}万元，比{年-1}年度决算数{增加|减少}{ΔG}万元。主要原因是{…}。
 *  政府性基金预算财政拨款收入{J}万元，与{年-1}年度决算数相同。国有资本经营预算财政拨款收入{K}万元，与{年-1}年度决算数相同。"
 * Reasons are suggested from the 公开04 类 (一般公共预算财政拨款 column) with the largest change.
 */
export function draftSection4(facts: FactIndex, inputs: DraftInputs): Block[] {
  const blocks: Block[] = [heading(1, '四、财政拨款收入支出决算总体情况说明')];
  const py = prevYear(inputs);
  const CLS = '一般公共预算支出.类.';

  const key = '财政拨款.收支总计';
  const total = facts.byKey(key);
  const p1: (string | Run | Run[])[] = [yearRun(inputs), '年度财政拨款收、支总计', amountRun(facts, key, inputs, '财政拨款收、支总计'), '万元。'];
  if (total) {
    const c = change(
      {
        fact: total,
        base: inputs.prior?.[key],
        lead: `与${py}相比，财政拨款收、支总计各`,
        zero: `与${py}相比，财政拨款收、支总计持平`,
        missing: [`与${py}相比，财政拨款收、支总计`, priorSlot(`${py}财政拨款收、支总计`)],
      },
      inputs,
    );
    p1.push(c.runs);
    if (!c.flat) p1.push('，主要原因是', reasonSlot(facts, CLS, inputs, c.delta, (l) => l));
  } else {
    p1.push(`与${py}相比，财政拨款收、支总计`, priorSlot(`${py}财政拨款收、支总计`), '，主要原因是', slot('reason', '主要原因'));
  }
  p1.push('。');
  blocks.push(para(...p1));

  const p2: (string | Run | Run[])[] = [yearRun(inputs), '年度财政拨款收入中，'];
  const kinds: [string, string, boolean][] = [
    ['一般公共预算', '一般公共预算财政拨款收入', true],
    ['政府性基金', '政府性基金预算财政拨款收入', false],
    ['国有资本经营', '国有资本经营预算财政拨款收入', false],
  ];
  for (const [k, name, suggest] of kinds) {
    const fk = `财政拨款收入.${k}`;
    const f = facts.byKey(fk);
    p2.push(name, amountRun(facts, fk, inputs, name), '万元，');
    if (!f) {
      p2.push(`比${py}决算数`, priorSlot(`${py}${name}`), '。');
      continue;
    }
    const c = change(
      {
        fact: f,
        base: inputs.prior?.[fk],
        lead: `比${py}决算数`,
        zero: `与${py}决算数相同`,
        missing: [`比${py}决算数`, priorSlot(`${py}${name}`)],
        rate: false,
      },
      inputs,
    );
    p2.push(c.runs, '。');
    if (!c.flat) p2.push('主要原因是', suggest ? reasonSlot(facts, CLS, inputs, c.delta, (l) => `${shortClass(l)}收入`) : slot('reason', '主要原因'), '。');
  }
  blocks.push(para(...p2));
  return blocks;
}
