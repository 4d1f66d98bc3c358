import type { Block, Run } from '../blocks';
import { amountRun, heading, para, yearRun, type FactIndex } from './common';
import type { DraftInputs } from './inputs';

/** The non-zero 公开06 items of a kind ('人员经费' | '公用经费'), in table order (the facts keep it). */
export function basicItems(facts: FactIndex, kind: '人员经费' | '公用经费'): string[] {
  const re = new RegExp(`^${kind}\\.\\d{5}$`);
  const names: string[] = [];
  for (const f of facts.all) if (re.test(f.key) && !f.value.isZero() && !names.includes(f.label)) names.push(f.label);
  return names;
}

/**
 * 六、一般公共预算财政拨款基本支出决算情况说明 (docs/domain.md §4.1), fully from the tables:
 * "{年}年度一般公共预算财政拨款基本支出{B5}万元，其中：人员经费{PE}万元，主要包括：{301xx/303xx}。"
 * "公用经费{OE}万元，主要包括：{302xx/310xx}。"
 */
export function draftSection6(facts: FactIndex, inputs: DraftInputs): Block[] {
  const blocks: Block[] = [heading(1, '六、一般公共预算财政拨款基本支出决算情况说明')];
  const list = (kind: '人员经费' | '公用经费'): (string | Run)[] => {
    const items = basicItems(facts, kind);
    return items.length ? ['，主要包括：', items.join('、'), '。'] : ['。'];
  };
  blocks.push(
    para(yearRun(inputs), '年度一般公共预算财政拨款基本支出', amountRun(facts, '基本支出.合计', inputs, '基本支出'), '万元，其中：人员经费', amountRun(facts, '人员经费.合计', inputs, '人员经费'), '万元', ...list('人员经费')),
  );
  blocks.push(para('公用经费', amountRun(facts, '公用经费.合计', inputs, '公用经费'), '万元', ...list('公用经费')));
  return blocks;
}
