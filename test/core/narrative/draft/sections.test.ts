import { Decimal } from '../../../../src/core/money/decimal';
import type { Block } from '../../../../src/core/narrative/blocks';
import {
  draftQingkuang,
  draftSection1,
  draftSection2,
  draftSection5,
  draftSection7,
  draftSection8,
  draftSection9,
  draftSection10,
  draftSection11,
  priorFromFacts,
} from '../../../../src/core/narrative/draft';
import { fmt, partitionShares, shareText } from '../../../../src/core/narrative/draft/common';
import { factIndex } from '../../../../src/core/narrative/facts';
import type { Fact } from '../../../../src/core/narrative/types';
import { allRuns, jiangan, numberRuns, paragraphs, section } from './helpers';

const D = (s: string | number) => new Decimal(s);

let n = 0;
function fact(key: string, value: string | number, label = key, unit: Fact['unit'] = '万元'): Fact {
  n++;
  return { key, label, aliases: [], value: D(value), unit, cells: [{ sheet: 'S', address: `A${n}` }], derivation: 'test' };
}
const idx = (...facts: Fact[]) => factIndex(facts);
const text = (blocks: Block[], fill = true) => paragraphs(blocks, fill).join('\n');

describe('year-over-year sentences', () => {
  const total = fact('收支总计', '100');
  const classes = [fact('支出.类.221', '60', '住房保障支出'), fact('支出.类.212', '40', '城乡社区支出')];

  test('a decrease says 减少 and 下降, the rate is |Δ| ÷ prior', () => {
    const t = text(draftSection1(idx(total, ...classes), { year: 2024, prior: { 收支总计: D('125'), '支出.类.221': D('90'), '支出.类.212': D('35') } }));
    // Δ = −25, 25 / 125 = 20%; the 类 that fell most is 住房保障 (−30), 城乡社区 rose.
    expect(t).toBe('2024年度收、支总计100万元。与2023年度相比，收、支总计各减少25万元，下降20%，主要原因是住房保障支出减少30万元。');
  });

  test('an increase picks the 类 that rose most, missing prior 类 counting as 0', () => {
    const t = text(draftSection1(idx(total, ...classes), { year: 2024, prior: { 收支总计: D('80'), '支出.类.221': D('59') } }));
    // 城乡社区 has no prior value beside 住房保障's: it rose by 40.
    expect(t).toBe('2024年度收、支总计100万元。与2023年度相比，收、支总计各增加20万元，增长25%，主要原因是城乡社区支出增加40万元。');
  });

  test('no change is 持平: no rate and no reason', () => {
    const blocks = draftSection1(idx(total, ...classes), { year: 2024, prior: { 收支总计: D('100.004') } });
    expect(text(blocks)).toBe('2024年度收、支总计100万元。与2023年度相比，收、支总计持平。');
    expect(allRuns(blocks).some((r) => r.type === 'slot')).toBe(false);
  });

  test('a prior of 0 gives the change without a rate', () => {
    const t = text(draftSection1(idx(total), { year: 2024, prior: { 收支总计: D('0') } }));
    expect(t).toBe('2024年度收、支总计100万元。与2023年度相比，收、支总计各增加100万元，主要原因是【主要原因】。');
  });

  test('without prior 类 values the reason slot stays empty', () => {
    const blocks = draftSection1(idx(total, ...classes), { year: 2024, prior: { 收支总计: D('80') } });
    expect(allRuns(blocks).find((r) => r.type === 'slot')).toEqual({ type: 'slot', kind: 'reason', label: '主要原因', text: '', suggestion: false });
  });

  test('the prior year\'s own facts (priorFromFacts) make every comparison 持平', async () => {
    const d = await jiangan();
    const prior = priorFromFacts(d.facts);
    expect(prior['收支总计'].toFixed(2)).toBe('22899.22');
    expect(Object.keys(prior).some((k) => k.endsWith('/占比'))).toBe(false);
    const draft = draftQingkuang(d.facts, d.gongkai, { prior });
    expect(text(section(draft.blocks, '一'))).toBe('2024年度收、支总计22899.22万元。与2023年度相比，收、支总计持平。');
    expect(text(section(draft.blocks, '四'))).toContain('一般公共预算财政拨款收入22854.27万元，与2023年度决算数相同。');
    expect(text(section(draft.blocks, '九'))).toContain('完成全年预算的2.04%。与上年持平。');
    expect(numberRuns(draft.blocks).some((r) => r.factKey.endsWith('/较上年'))).toBe(false);
  });

  test('priorFromFacts converts 元 to 万元 and skips rates', () => {
    const prior = priorFromFacts([fact('收支总计', '228992200', '收、支总计', '元'), fact('支出.基本支出/占比', '6.5', 'x', '%')]);
    expect(prior).toEqual({ 收支总计: D('22899.22') });
  });
});

describe('shares of a partition', () => {
  test('the seed\'s 类 list: each share is its own item\'s (住房保障 20958.26 ÷ 22854.27 = 91.70%, not a largest-remainder 91.71%); 0.50 prints 0.002%, never 0.00%', () => {
    const parts = ['72.81', '12', '133.15', '143.62', '250', '1283.93', '0.50', '20958.26'].map(D);
    const s = partitionShares(parts, D('22854.27'), {});
    expect(s.texts).toEqual(['0.32', '0.05', '0.58', '0.63', '1.09', '5.62', '0.002', '91.70']);
  });

  test('thirds print 33.33 each: the printed shares may add to 99.99, no figure is bent to reach 100', () => {
    const s = partitionShares([D(1), D(1), D(1)], D(3), {});
    expect(s.texts).toEqual(['33.33', '33.33', '33.33']);
  });

  test('a share too small for 4 decimals prints 0.00, an exact zero 0', () => {
    expect(shareText(D('0.00001'), {})).toBe('0.00');
    expect(shareText(D('0.00004'), {})).toBe('0.00');
    expect(shareText(D('0.0004'), {})).toBe('0.0004');
    expect(shareText(D('0'), {})).toBe('0');
  });

  test('二 lists only the non-zero parts, in order, with no note about rounding in the body', () => {
    const facts = idx(
      fact('收入.本年收入合计', '3', '收入合计'),
      fact('收入.财政拨款', '1'),
      fact('收入.上级补助', '0'),
      fact('收入.事业', '1'),
      fact('收入.其他', '1'),
    );
    const t = text(draftSection2(facts, { year: 2024 }));
    expect(t).toContain('其中：财政拨款收入1万元，占本年收入33.33%。事业收入1万元，占本年收入33.33%。其他收入1万元，占本年收入33.33%。');
    expect(t).not.toContain('最大余数');
    expect(t).not.toContain('上级补助');
  });
});

describe('printing', () => {
  test('2 decimals half up, whole values plain unless wholeNumbers is fixed', () => {
    expect(fmt(D('12'), {})).toBe('12');
    expect(fmt(D('12'), { wholeNumbers: 'fixed' })).toBe('12.00');
    expect(fmt(D('0.5'), {})).toBe('0.50');
    expect(fmt(D('0.182'), {})).toBe('0.18');
    expect(fmt(D('2.045'), {})).toBe('2.05');
    expect(fmt(D('99.9996'), {})).toBe('100.00');
    expect(fmt(D('12185.8'), {})).toBe('12185.80');
    expect(fmt(D('1234567.891'), {})).toBe('1234567.89');
  });
});

describe('sections with other data', () => {
  test('七 and 八 with amounts state them and ask for the use', () => {
    const seven = text(
      draftSection7(idx(fact('政府性基金.年初结转和结余', 0), fact('政府性基金.本年收入', '120'), fact('政府性基金.本年支出', '100.5'), fact('政府性基金.年末结转和结余', '19.5')), { year: 2024 }),
      false,
    );
    expect(seven).toBe('2024年度政府性基金预算财政拨款收入120万元，支出100.50万元，年末结转和结余19.50万元。主要用于【主要用途】。');
    expect(text(draftSection8(idx(fact('国有资本经营.本年支出', '8')), { year: 2024 }), false)).toBe('2024年度国有资本经营预算财政拨款支出8万元，主要用于【主要用途】。');
    // Tables not recognized: a slot, never the "没有" sentence.
    expect(text(draftSection7(idx(), {}), false)).toBe('【政府性基金预算财政拨款收支情况（未识别公开07表）】');
    expect(text(draftSection8(idx(), {}), false)).toBe('【国有资本经营预算财政拨款支出情况（未识别公开08表）】');
  });

  test('九: spending without a budget, over the budget, and 0/0', () => {
    const facts = idx(
      fact('三公.预算.合计', '5'),
      fact('三公.决算.合计', '6'),
      fact('三公.预算.因公出国(境)费', '0'),
      fact('三公.决算.因公出国(境)费', '1'),
      fact('三公.预算.公务用车购置及运行维护费', '5'),
      fact('三公.决算.公务用车购置及运行维护费', '5'),
      fact('三公.决算.公务用车购置费', '2'),
      fact('三公.决算.公务用车运行维护费', '3'),
      fact('三公.预算.公务接待费', '0'),
      fact('三公.决算.公务接待费', '0'),
    );
    const t = text(draftSection9(facts, { year: 2024, prior: { '三公.决算.合计': D('6') } }), false).split('\n');
    expect(t[0]).toBe('2024年度“三公”经费财政拨款支出全年预算为5万元，支出决算为6万元，完成全年预算的120%。与上年持平。决算数大于全年预算数的主要原因：【主要原因】。');
    expect(t[1]).toBe('1. 因公出国（境）费全年预算为0万元，支出决算为1万元，未安排全年预算。决算数大于全年预算数的主要原因：【主要原因】。');
    expect(t[2]).toBe('2. 公务用车购置及运行费全年预算为5万元，支出决算为5万元，完成全年预算的100%；较上年【上年数（上年公务用车购置及运行费支出决算，万元）】。其中：');
    expect(t[3]).toBe('（1）公务用车购置费支出2万元，主要用于【主要用途】。');
    expect(t[5]).toBe('3. 公务接待费全年预算为0万元，支出决算为0万元，预算和决算均为0。');
  });

  test('十 below the 年初预算 says 减少 and 下降', () => {
    const t = text(draftSection10(idx(fact('机关运行经费', '40')), { year: 2024, department: '某局', budget: { '机关运行经费.年初预算': D('50') } }), false);
    expect(t).toBe('2024年度某局机关运行经费支出40万元，比年初预算数减少10万元，下降20%。主要原因是：【主要原因】。');
  });

  test('十一 names 工程 only when given, and computes the shares of the inputs', () => {
    const t = text(
      draftSection11(idx(), { year: 2024, department: '某局', purchases: { total: D('10'), goods: D('2'), works: D('3'), services: D('5'), sme: D('8'), smallMicro: D('2'), goodsSme: D('2'), worksSme: D('1'), servicesSme: D('5') } }),
    );
    expect(t).toBe(
      '2024年度某局政府采购支出总额10万元，其中：政府采购货物支出2万元、政府采购工程支出3万元、政府采购服务支出5万元。授予中小企业合同金额8万元，占政府采购支出总额的80%，其中：授予小微企业合同金额2万元，占授予中小企业合同金额的25%；货物采购授予中小企业合同金额占货物支出金额的100%，工程采购授予中小企业合同金额占工程支出金额的33.33%，服务采购授予中小企业合同金额占服务支出金额的100%。',
    );
  });

  test('五 without a 年初预算 for a 类 asks for it and states no rate', () => {
    const facts = idx(fact('一般公共预算支出.合计', '10', '一般公共预算财政拨款支出'), fact('一般公共预算支出.类.221', '10', '住房保障支出'));
    const t = text(draftSection5(facts, { year: 2024 }), false);
    expect(t).toContain('1. 住房保障支出10万元，占100%。主要是用于【主要用途】。');
    expect(t).toContain('1. 住房保障支出：年初预算为【年初预算（住房保障支出）】万元，支出决算为10万元，主要原因：【主要原因】。');
  });

  test('a 元 workbook is drafted in 万元', () => {
    const t = text(draftSection1(idx(fact('收支总计', '228992200', '收、支总计', '元')), { year: 2024, prior: { 收支总计: D('11314.64') } }));
    expect(t).toContain('2024年度收、支总计22899.22万元。与2023年度相比，收、支总计各增加11584.58万元，增长102.39%');
  });
});

test('every slot is an object a host can fill: kind, label, text, suggestion only when filled', async () => {
  const d = await jiangan();
  const draft = draftQingkuang(d.facts, [d.gongkai, d.jixiao], {});
  for (const r of allRuns(draft.blocks)) {
    if (r.type !== 'slot') continue;
    expect(['reason', 'use', 'input']).toContain(r.kind);
    expect(r.label).not.toBe('');
    if (r.suggestion) expect(r.text).not.toBe('');
  }
});
