import type { Block, Run } from '../blocks';
import { departmentRun, givenRun, heading, para, yearRun, type FactIndex } from './common';
import type { DraftInputs } from './inputs';

/**
 * 十二、国有资产占用情况说明 (docs/domain.md §4.1; external, from the 资产报表):
 * "截至{年}年12月31日，{部门}共有车辆{n}辆，其中，{类别}{m}辆；…。"
 */
export function draftSection12(_facts: FactIndex, inputs: DraftInputs): Block[] {
  const blocks: Block[] = [heading(1, '十二、国有资产占用情况说明')];
  const v = inputs.vehicles ?? {};
  const runs: (string | Run)[] = ['截至', yearRun(inputs), '年12月31日，', departmentRun(inputs), '共有车辆', givenRun('车辆总数', v.total, inputs), '辆'];
  const parts = v.breakdown ?? [];
  if (parts.length) {
    runs.push('，其中，');
    parts.forEach((b, i) => runs.push(i > 0 ? '；' : '', b.label, givenRun(`${b.label}数量`, b.count, inputs), '辆'));
  } else if (v.total === undefined || v.total > 0) {
    runs.push('，其中，', givenRun('车辆构成（类别及辆数）', undefined, inputs));
  }
  runs.push('。');
  blocks.push(para(...runs));
  return blocks;
}
