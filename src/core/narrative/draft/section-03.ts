import type { Block, Run } from '../blocks';
import { fmt, heading, num, para, partitionShares, totalWithChange, wan, type FactIndex } from './common';
import type { DraftInputs } from './inputs';

/** The parts of 本年支出 in the order the sentence lists them (公开03 columns). */
export const EXPENDITURE_PARTS: readonly string[] = ['基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'];

/**
 * 三、支出决算情况说明 (docs/domain.md §4.1):
 * "{年}年度支出合计{E}万元，与{年-1}年度相比，支出合计{增加|减少}{|Δ|}万元，{增长|下降}{r}%，主要原因是{…}。"
 * "其中：基本支出{B}万元，占本年支出{B/E}%；项目支出{P}万元，占本年支出{P/E}%{；…}。"
 * Only the non-zero parts; their shares add to 100.00% (largest remainder).
 */
export function draftSection3(facts: FactIndex, inputs: DraftInputs): Block[] {
  const blocks: Block[] = [heading(1, '三、支出决算情况说明')];
  const total = facts.byKey('支出.本年支出合计');
  const head = totalWithChange(facts, inputs, '支出.本年支出合计', '支出合计');
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
    blocks.push(para(...list));
  }
  return blocks;
}
