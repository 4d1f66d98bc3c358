import { Decimal } from '../../money/decimal';
import type { Block, Run } from '../blocks';
import { departmentRun, fmt, givenRun, heading, para, pct, slot, yearRun, type FactIndex } from './common';
import type { DraftInputs } from './inputs';

/**
 * 十一、政府采购支出说明 (docs/domain.md §4.1; all inputs external, from the 政府采购 statistics):
 * "{年}年度{部门}政府采购支出总额{Z}万元，其中：政府采购货物支出{Zg}万元、{政府采购工程支出{Zw}万元、}政府采购服务支出{Zs}万元。
 *  授予中小企业合同金额{C}万元，占政府采购支出总额的{C/Z}%，其中：授予小微企业合同金额{Cm}万元，占授予中小企业合同金额的{Cm/C}%；
 *  货物采购授予中小企业合同金额占货物支出金额的{%}，{工程…，}服务采购授予中小企业合同金额占服务支出金额的{%}。"
 * Supplied amounts and the percentages computed from them are filled input slots (they come from no table).
 */
export function draftSection11(_facts: FactIndex, inputs: DraftInputs): Block[] {
  const blocks: Block[] = [heading(1, '十一、政府采购支出说明')];
  const p = inputs.purchases ?? {};
  const ratio = (label: string, part: Decimal | undefined, whole: Decimal | undefined): Run => {
    const r = part !== undefined && whole !== undefined ? pct(part, whole) : undefined;
    return r === undefined ? slot('input', label) : slot('input', label, fmt(r, inputs));
  };
  const runs: (string | Run)[] = [yearRun(inputs), '年度', departmentRun(inputs), '政府采购支出总额', givenRun('政府采购支出总额', p.total, inputs), '万元，其中：'];
  runs.push('政府采购货物支出', givenRun('政府采购货物支出', p.goods, inputs), '万元、');
  if (p.works !== undefined && !p.works.isZero()) runs.push('政府采购工程支出', givenRun('政府采购工程支出', p.works, inputs), '万元、');
  runs.push('政府采购服务支出', givenRun('政府采购服务支出', p.services, inputs), '万元。');
  runs.push('授予中小企业合同金额', givenRun('授予中小企业合同金额', p.sme, inputs), '万元，占政府采购支出总额的', ratio('中小企业合同占比（按输入计算）', p.sme, p.total), '%，');
  runs.push('其中：授予小微企业合同金额', givenRun('授予小微企业合同金额', p.smallMicro, inputs), '万元，占授予中小企业合同金额的', ratio('小微企业合同占比（按输入计算）', p.smallMicro, p.sme), '%；');
  runs.push('货物采购授予中小企业合同金额占货物支出金额的', ratio('货物采购中小企业占比（按输入计算）', p.goodsSme, p.goods), '%，');
  if (p.works !== undefined && !p.works.isZero())
    runs.push('工程采购授予中小企业合同金额占工程支出金额的', ratio('工程采购中小企业占比（按输入计算）', p.worksSme, p.works), '%，');
  runs.push('服务采购授予中小企业合同金额占服务支出金额的', ratio('服务采购中小企业占比（按输入计算）', p.servicesSme, p.services), '%。');
  blocks.push(para(...runs));
  return blocks;
}
