import type { Block, Run } from '../blocks';
import { amountRun, change, departmentRun, heading, para, slot, yearRun, type FactIndex } from './common';
import type { DraftInputs } from './inputs';

/**
 * 十、机关运行经费支出说明 (docs/domain.md §4.1):
 * "{年}年度{部门}机关运行经费支出{M}万元，比年初预算数{增加|减少}{|M−BUD|}万元，{增长|下降}{r}%。主要原因是：{…}。"
 * M = 公开06 公用经费合计 (行政单位和参公单位); BUD = DraftInputs.budget['机关运行经费.年初预算'] (部门预算).
 */
export function draftSection10(facts: FactIndex, inputs: DraftInputs): Block[] {
  const blocks: Block[] = [heading(1, '十、机关运行经费支出说明')];
  const key = '机关运行经费';
  const f = facts.byKey(key);
  const missing = ['比年初预算数', slot('input', '年初预算（机关运行经费，万元）')];
  const runs: (string | Run | Run[])[] = [yearRun(inputs), '年度', departmentRun(inputs), '机关运行经费支出', amountRun(facts, key, inputs, '机关运行经费'), '万元，'];
  let flat = false;
  if (f) {
    const c = change(
      { fact: f, base: inputs.budget?.[`${key}.年初预算`], lead: '比年初预算数', zero: '与年初预算数持平', missing, against: '较年初预算' },
      inputs,
    );
    runs.push(c.runs);
    flat = c.flat;
  } else runs.push(...missing);
  runs.push('。');
  if (!flat) runs.push('主要原因是：', slot('reason', '主要原因'), '。');
  blocks.push(para(...runs));
  return blocks;
}
