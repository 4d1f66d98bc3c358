import { readFileSync } from 'fs';
import * as path from 'path';
import type { Block, NarrativeDraft, Run } from '../../../../src/core/narrative/blocks';
import { Decimal } from '../../../../src/core/money/decimal';
import { draftQingkuang, type DraftInputs } from '../../../../src/core/narrative/draft';
import { buildFacts } from '../../../../src/core/narrative/facts';
import type { Fact } from '../../../../src/core/narrative/types';
import { paragraphText } from '../../../../src/core/narrative/render';
import { RuleContext } from '../../../../src/core/rules/context';
import { FIXTURES, recognizeFixture } from '../../../helpers/fixtures';

export const SEED = readFileSync(path.join(FIXTURES, 'jiangan-2024-qingkuang.txt'), 'utf8');

/** The seed's text with the PDF spaces removed, full-width forms folded (NFKC) and quotes unified. */
export function norm(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').replace(/[“”]/g, '"');
}

export const NSEED = norm(SEED);

const D = (s: string) => new Decimal(s);

/**
 * The prior-year and external figures the seed implies (docs/domain.md §4.5), each derived from a seed sentence:
 * - 收、支总计 22899.22, "各增加11584.58万元" → 11314.64; 收入合计 and 支出合计 the same sentence in 二/三.
 * - 财政拨款收、支总计 22854.27, "各增加11539.63万元" → 11314.64; 一般公共预算财政拨款收入/支出 the same (四, 五(一)).
 * - 政府性基金/国有资本经营 收入 "0万元，与2023年度决算数相同" → 0.
 * - "住房保障支出增加12185.80万元" against 公开01 住房保障 20961.96 → 8776.16; "住房保障…增加12182.10万元"
 *   against 公开04 住房保障 20958.26 → 8776.16.
 * - 三公 "支出决算为0.18万元 … 较上年减少19.32万元" → 19.50 (合计 and 公务用车购置及运行费).
 * - 一般公共预算 年初预算 1405.65 (五(三)); per 类 年初预算 0, 0, 112.83, 67.46, 0, 1151.42, 0, 128.96 (五(三) list).
 * - 机关运行经费 74.15 "比年初预算数增加18.26万元" → 55.89.
 * - 政府采购 and 车辆 (十一, 十二, 九(二)2) as stated.
 */
export const SEED_INPUTS: DraftInputs = {
  prior: {
    收支总计: D('22899.22').minus('11584.58'),
    '收入.本年收入合计': D('22899.22').minus('11584.58'),
    '支出.本年支出合计': D('22899.22').minus('11584.58'),
    '支出.类.221': D('20961.96').minus('12185.80'),
    '财政拨款.收支总计': D('22854.27').minus('11539.63'),
    '财政拨款收入.一般公共预算': D('22854.27').minus('11539.63'),
    '财政拨款收入.政府性基金': D('0'),
    '财政拨款收入.国有资本经营': D('0'),
    '一般公共预算支出.合计': D('22854.27').minus('11539.63'),
    '一般公共预算支出.类.221': D('20958.26').minus('12182.10'),
    '三公.决算.合计': D('0.18').plus('19.32'),
    '三公.决算.公务用车购置及运行维护费': D('0.18').plus('19.32'),
  },
  budget: {
    '一般公共预算支出.年初预算': D('1405.65'),
    '一般公共预算支出.类.201.年初预算': D('0'),
    '一般公共预算支出.类.206.年初预算': D('0'),
    '一般公共预算支出.类.208.年初预算': D('112.83'),
    '一般公共预算支出.类.210.年初预算': D('67.46'),
    '一般公共预算支出.类.211.年初预算': D('0'),
    '一般公共预算支出.类.212.年初预算': D('1151.42'),
    '一般公共预算支出.类.216.年初预算': D('0'),
    '一般公共预算支出.类.221.年初预算': D('128.96'),
    '机关运行经费.年初预算': D('74.15').minus('18.26'),
  },
  purchases: {
    total: D('2105.14'),
    goods: D('0.45'),
    services: D('2104.69'),
    sme: D('2105.14'),
    smallMicro: D('493.28'),
    goodsSme: D('0.45'),
    servicesSme: D('2104.69'),
  },
  vehicles: {
    officialCars: 4,
    total: 4,
    breakdown: [
      { label: '二级单位车辆', count: 3 },
      { label: '抢险排危专用车辆', count: 1 },
    ],
  },
};

export interface Drafted {
  facts: Fact[];
  gongkai: RuleContext;
  jixiao: RuleContext;
}

/** The 公开 fixture's facts, and the two workbooks as table sources (公开01–09; 绩效自评表). */
export async function jiangan(): Promise<Drafted> {
  const a = await recognizeFixture('jiangan-2024-gongkai.xlsx');
  const b = await recognizeFixture('jiangan-2024-jixiao.xlsx');
  const gongkai = new RuleContext(a.workbook, a.tables);
  const jixiao = new RuleContext(b.workbook, b.tables);
  return { facts: buildFacts(gongkai), gongkai, jixiao };
}

export function draftJiangan(d: Drafted, inputs: DraftInputs = SEED_INPUTS): NarrativeDraft {
  return draftQingkuang(d.facts, [d.gongkai, d.jixiao], inputs);
}

/** The blocks of a section (一 … 十三) of a draft, its heading first. */
export function section(blocks: readonly Block[], numeral: string): Block[] {
  const start = blocks.findIndex((b) => b.type === 'heading' && b.level === 1 && b.text.startsWith(`${numeral}、`));
  if (start < 0) throw new Error(`no section ${numeral}`);
  const end = blocks.findIndex((b, i) => i > start && b.type === 'heading' && b.level === 1);
  return blocks.slice(start, end < 0 ? undefined : end);
}

/** The paragraphs of blocks as text, slots filled with their text (as accepted). */
export function paragraphs(blocks: readonly Block[], fill = true): string[] {
  return blocks.filter((b): b is Extract<Block, { type: 'paragraph' }> => b.type === 'paragraph').map((b) => paragraphText(b.runs, { fill }));
}

export function allRuns(blocks: readonly Block[]): Run[] {
  return blocks.flatMap((b) => (b.type === 'paragraph' ? b.runs : []));
}

export function numberRuns(blocks: readonly Block[]): Extract<Run, { type: 'number' }>[] {
  return allRuns(blocks).filter((r): r is Extract<Run, { type: 'number' }> => r.type === 'number');
}
