import type { Block, Run } from '../blocks';
import { amountRun, heading, para, slot, wan, yearRun, type FactIndex } from './common';
import type { DraftInputs } from './inputs';

export const NO_FUND = '本部门没有政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出。';

/**
 * 七、政府性基金预算财政拨款收入支出决算情况说明 (docs/domain.md §4.1, 公开07 合计 row):
 * empty table → "本部门没有政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出。";
 * otherwise "{年}年度政府性基金预算财政拨款收入{J}万元，支出{Jx}万元，年末结转和结余{Jc}万元。主要用于{…}。"
 */
export function draftSection7(facts: FactIndex, inputs: DraftInputs): Block[] {
  const blocks: Block[] = [heading(1, '七、政府性基金预算财政拨款收入支出决算情况说明')];
  const keys = ['年初结转和结余', '本年收入', '本年支出', '年末结转和结余'].map((k) => facts.byKey(`政府性基金.${k}`));
  const income = facts.byKey('政府性基金.本年收入');
  const spent = facts.byKey('政府性基金.本年支出');
  if (!income && !spent) {
    blocks.push(para(slot('input', '政府性基金预算财政拨款收支情况（未识别公开07表）')));
    return blocks;
  }
  if (keys.every((f) => !f || wan(f).isZero())) {
    blocks.push(para(NO_FUND));
    return blocks;
  }
  const runs: (string | Run)[] = [yearRun(inputs), '年度政府性基金预算财政拨款收入', amountRun(facts, '政府性基金.本年收入', inputs, '政府性基金预算财政拨款收入'), '万元，支出', amountRun(facts, '政府性基金.本年支出', inputs, '政府性基金预算财政拨款支出'), '万元'];
  if (facts.byKey('政府性基金.年末结转和结余')) runs.push('，年末结转和结余', amountRun(facts, '政府性基金.年末结转和结余', inputs, '年末结转和结余'), '万元');
  runs.push('。');
  if (spent && !wan(spent).isZero()) runs.push('主要用于', slot('use', '主要用途'), '。');
  blocks.push(para(...runs));
  return blocks;
}
