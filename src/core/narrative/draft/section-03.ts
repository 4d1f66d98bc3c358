import type { Block, Run } from '../blocks';
import { amountRun, change, fmt, heading, LRM_NOTE, num, para, partitionShares, prevYear, priorSlot, reasonSlot, shortClass, wan, yearRun, type FactIndex } from './common';
import type { DraftInputs } from './inputs';

/** The parts of 本年支出 in the order the sentence lists them (公开03 columns). */
export const EXPENDITURE_PARTS: readonly string[] = ['基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'];

/**
 * 三、支出决算情况说明 (DOMAIN §4.1):
 * "{年}年度支出合计{E}万元，与{年-1}年度相比，支出合计{增加|减少}{|Δ|}万元，{增长|下降}{r}%，主要原因是{…}。"
 * "其中：基本支出{B}万元，占本年支出{B/E}%；项目支出{P}万元，占本年支出{P/E}%{；…}。"
 * Only the non-zero parts; their shares add to 100.00% (largest remainder).
 */
export function draftSection3(facts: FactIndex, inputs: DraftInputs): Block[] {
  const blocks: Block[] = [heading(1, '三、支出决算情况说明')];
  const key = '支出.本年支出合计';
  const total = facts.byKey(key);
  const py = prevYear(inputs);
  const head: (string | Run | Run[])[] = [yearRun(inputs), '年度支出合计', amountRun(facts, key, inputs, '支出合计'), '万元，'];
  if (total) {
    const c = change(
      {
        fact: total,
        base: inputs.prior?.[key],
        lead: `与${py}相比，支出合计`,
        zero: `与${py}相比，支出合计持平`,
        missing: [`与${py}相比，支出合计`, priorSlot(`${py}支出合计`)],
      },
      inputs,
    );
    head.push(c.runs);
    if (!c.flat) head.push('，主要原因是', reasonSlot(facts, '支出.类.', inputs, c.delta, shortClass));
  } else {
    head.push(`与${py}相比，支出合计`, priorSlot(`${py}支出合计`), '，主要原因是', reasonSlot(facts, '支出.类.', inputs, undefined, shortClass));
  }
  head.push('。');
  blocks.push(para(...head));

  const parts = EXPENDITURE_PARTS.map((name) => ({ key: `支出.${name}`, name, fact: facts.byKey(`支出.${name}`) })).filter((p) => p.fact && !wan(p.fact).isZero());
  if (total && parts.length) {
    const shares = partitionShares(
      parts.map((p) => wan(p.fact!)),
      wan(total),
      inputs,
    );
    const list: (string | Run)[] = ['其中：'];
    parts.forEach((p, i) => {
      const share = facts.byKey(`${p.key}/占比`);
      const cells = share?.cells ?? [...p.fact!.cells, ...total.cells];
      if (i > 0) list.push('；');
      list.push(p.name, num(fmt(wan(p.fact!), inputs), p.key, p.fact!.cells), '万元，占本年支出', num(`${shares.texts[i]}%`, `${p.key}/占比`, cells));
    });
    list.push('。');
    if (shares.adjusted) list.push(LRM_NOTE);
    blocks.push(para(...list));
  }
  return blocks;
}
