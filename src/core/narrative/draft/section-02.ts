import type { Block } from '../blocks';
import { fmt, heading, num, para, partitionShares, totalWithChange, wan, type FactIndex } from './common';
import type { DraftInputs } from './inputs';

/** The parts of 本年收入 in the order the sentence lists them (fact key suffix, name). */
export const INCOME_PARTS: readonly (readonly [string, string])[] = [
  ['财政拨款', '财政拨款收入'],
  ['上级补助', '上级补助收入'],
  ['事业', '事业收入'],
  ['经营', '经营收入'],
  ['附属单位上缴', '附属单位上缴收入'],
  ['其他', '其他收入'],
];

/**
 * 二、收入决算情况说明 (docs/domain.md §4.1):
 * "{年}年度收入合计{I}万元，与{年-1}年度相比，收入合计{增加|减少}{|Δ|}万元，{增长|下降}{r}%，主要原因是{…}。
 *  其中：财政拨款收入{F}万元，占本年收入{F/I}%。…其他收入{O}万元，占本年收入{O/I}%。"
 * Only the non-zero parts; their shares add to 100.00% (largest remainder).
 */
export function draftSection2(facts: FactIndex, inputs: DraftInputs): Block[] {
  const blocks: Block[] = [heading(1, '二、收入决算情况说明')];
  const total = facts.byKey('收入.本年收入合计');
  const head = totalWithChange(facts, inputs, '收入.本年收入合计', '收入合计');

  const parts = INCOME_PARTS.map(([k, name]) => ({ key: `收入.${k}`, name, fact: facts.byKey(`收入.${k}`) })).filter((p) => p.fact && !wan(p.fact).isZero());
  if (total && parts.length) {
    const shares = partitionShares(
      parts.map((p) => wan(p.fact!)),
      wan(total),
      inputs,
    );
    head.push('其中：');
    parts.forEach((p, i) => {
      const share = facts.byKey(`${p.key}/占比`);
      const cells = share?.cells ?? [...p.fact!.cells, ...total.cells];
      head.push(p.name, num(fmt(wan(p.fact!), inputs), p.key, p.fact!.cells), '万元，占本年收入', num(`${shares.texts[i]}%`, `${p.key}/占比`, cells), '。');
    });
  }
  blocks.push(para(...head));
  return blocks;
}
