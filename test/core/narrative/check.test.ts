import { readFileSync } from 'fs';
import * as path from 'path';
import { checkNarrative, type CheckOptions } from '../../../src/core/narrative/check';
import { Decimal } from '../../../src/core/money/decimal';
import { extractClaims } from '../../../src/core/narrative/claims';
import { buildFacts } from '../../../src/core/narrative/facts';
import { readNarrative } from '../../../src/core/narrative/statements';
import { RuleContext } from '../../../src/core/rules/context';
import { FIXTURES, recognizeFixture } from '../../helpers/fixtures';

const SEED = readFileSync(path.join(FIXTURES, 'jiangan-2024-qingkuang.txt'), 'utf8');

async function check(text: string, options: CheckOptions = {}) {
  const r = await recognizeFixture('jiangan-2024-gongkai.xlsx');
  const facts = buildFacts(new RuleContext(r.workbook, r.tables));
  return checkNarrative(readNarrative(text), facts, options);
}

const checked = <T extends { rule: string }>(findings: T[]): T[] => findings.filter((f) => f.rule !== 'NARRATIVE.unresolved');

describe('checking the seed 情况说明 against the 公开 fixture', () => {
  test('finds the seed\'s wrong numbers, and nothing else', async () => {
    const { findings } = await check(SEED);
    expect(checked(findings).map((f) => [f.rule, f.severity, f.quote, f.expected, f.actual])).toEqual([
      // 二: the shares of 收入 do not follow from the tables (22854.27 ÷ 22899.22 = 99.80%)
      ['NARRATIVE.share', 'error', '98.04%', '99.80%', '98.04%'],
      ['NARRATIVE.share', 'error', '1.96%', '0.20%', '1.96%'],
      // 五(一): "100%" of 支出 where it is 99.80%
      ['NARRATIVE.share', 'warning', '100%', '99.80%', '100%'],
      // 五(三): the 8 类 年初预算 add up to 1460.67, not 1405.65 (their 决算 add up to the total, so the list is whole)
      ['NARRATIVE.sum', 'error', '1405.65万元', '1460.67', '1405.65'],
      // 五(三) 1: "青年人才之家运营补贴资金" twice in one list (and it is 科学技术's, 2.)
      ['NARRATIVE.duplicate', 'warning', '青年人才之家运营补贴资金', null, '青年人才之家运营补贴资金'],
      // 九(一): 0.18 ÷ 8.82 = 2.04% is right for what is printed; the 公开09 cell holds 0.182: the cell is named
      ['NARRATIVE.completion', 'warning', '2.04%', '0.18', '0.182'],
      // 九(二): 0 ÷ 0 written 100% for 因公出国 and 0% for 公务接待
      ['NARRATIVE.completion', 'warning', '0%', '100%', '0%'],
      // 十一: 493.28 ÷ 2105.14 = 23.4322% → 23.43%
      ['NARRATIVE.share', 'error', '23.42%', '23.43%', '23.42%'],
      // 十三(二): the 部门整体 资金 is the 7 projects' 21311.62 of 十三(一), not the department's 22854.27
      ['NARRATIVE.subject', 'error', '21311.62 万元', '22854.27', '21311.62'],
      // 十三(二) and (三) tell the same 39 老旧小区 apart: 居民 14764 against 13822 户, 建筑面积 129.73 against 113.11
      ['NARRATIVE.repeat', 'warning', '14764户', '13822 户', '14764户'],
      ['NARRATIVE.repeat', 'warning', '129.73 万平方米', '113.11 万平方米', '129.73 万平方米'],
      // 十三(三) 2: "改造栋数 325 户"
      ['NARRATIVE.unit', 'warning', '325 户', '325栋', '325户'],
    ]);
    const share = findings[0];
    expect(share.source).toBe('narrative');
    // findings are data: the message id and its data, and where the number is
    expect(share).toMatchObject({ messageId: 'table', location: { paragraph: 6, line: 11, heading: '二、收入决算情况说明' } });
    expect(share.data).toMatchObject({ quote: '98.04%', expected: '99.80%' });
    expect(share.cells).toEqual(expect.arrayContaining([{ sheet: '公开01表', address: 'C7' }, { sheet: '公开01表', address: 'C33' }]));
    expect(SEED).toContain(share.quote!);
  });

  test('resolves the totals, 收入/支出 parts and every 类 of 五(二) to their facts', async () => {
    const { resolved } = await check(SEED);
    const keys = resolved.map((r) => `${r.claim.quote}→${r.fact.key}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        '22899.22 万元→收支总计',
        '44.96万元→收入.其他',
        '6.53%→支出.基本支出/占比',
        '20958. 26万元→一般公共预算支出.类.221',
        '0. 002 %→一般公共预算支出.类.216/占比',
      ]),
    );
    expect(resolved.length).toBeGreaterThanOrEqual(40);
  });

  test('claims it cannot resolve are listed as info with their quotes, never dropped', async () => {
    const { findings, unresolved, resolved, verified } = await check(SEED);
    const info = findings.filter((f) => f.rule === 'NARRATIVE.unresolved');
    expect(info).toHaveLength(unresolved.length);
    expect(info.every((f) => f.severity === 'info' && SEED.includes(f.quote!))).toBe(true);
    expect(resolved.length + verified.length + unresolved.length).toBe(extractClaims(SEED).length);
    expect(info.every((f) => f.unresolved === true && f.location !== undefined)).toBe(true);
  });
});

describe('mutations of the narrative are each caught with the exact quote', () => {
  const cases: [string, string, string, string][] = [
    ['one amount', '其中: 基本支出 1494.57 万元', '其中: 基本支出 1494.75 万元', '1494.75 万元'],
    ['one amount (一般公共预算 类)', '住房保障支出20958. 26万元', '住房保障支出20985. 26万元', '20985. 26万元'],
    ['one percentage', '占本年支出 6.53%', '占本年支出 6.35%', '6.35%'],
    ['one 类 share', '占91. 70 %', '占97. 10 %', '97. 10 %'],
    ['one growth rate', '收、支总计各增加11584.58万元,增长102.39%', '收、支总计各增加11584.58万元,增长120.39%', '120.39%'],
    ['one direction word', '收、支总计各增加11584.58万元,增长102.39%', '收、支总计各增加11584.58万元,下降102.39%', '102.39%'],
    ['one completion rate (年初预算 from the text)', '完成年初预算的118.01%', '完成年初预算的118.10%', '118.10%'],
    ['one 执行率 of a project', '执行 10220.42 万元, 执行率 35.73%', '执行 10220.42 万元, 执行率 37.53%', '37.53%'],
    ['one share of two stated amounts', '占政府采购支出总额的100%', '占政府采购支出总额的10%', '10%'],
    ['one item of a list (it exceeds its total)', '物业、后勤服务、临时人员费用 267. 56 万元', '物业、后勤服务、临时人员费用 2675. 60 万元', '21404. 66 万元'],
    ['one 其中 part (基本支出 + 项目支出 no longer make the total)', '其中:基本支出 1449. 61 万元', '其中:基本支出 1494. 61 万元', '1494. 61 万元'],
  ];
  test.each(cases)('%s', async (_name, from, to, quote) => {
    expect(SEED).toContain(from);
    const { findings } = await check(SEED.replace(from, to));
    const hit = checked(findings).filter((f) => f.quote === quote && f.severity === 'error');
    expect(hit).toHaveLength(1);
    expect(SEED.replace(from, to)).toContain(hit[0].quote!);
  });
});

describe('numbers checked against each other where the tables do not hold them', () => {
  test('a 完成率 is 决算 ÷ 预算 of the same topic, each resolved by the sentence\'s topic', async () => {
    const { resolved, verified } = await check(SEED);
    const keys = new Map(resolved.map((r) => [r.claim.quote, r.fact.key]));
    // "3. 社会保障和就业支出: 年初预算为112.83万元,支出决算为133.15万元": 支出决算 names no fact, its topic does
    expect(keys.get('133.15万元')).toBe('一般公共预算支出.类.208');
    expect(keys.get('0.18万元')).toBe('三公.决算.合计');
    // "武汉市江岸区住房保障和房屋管理局机关运行经费支出 74.15 万元": the department's name is no part of the fact
    expect(keys.get('74.15 万元')).toBe('机关运行经费');
    const v = new Map(verified.map((x) => [x.claim.quote, x.against.map((a) => a.quote)]));
    expect(v.get('118.01%')).toEqual(['112.83万元', '133.15万元']);
    expect(v.get('35.73%')).toEqual(['28606.98 万元', '10220.42 万元']);
    expect(v.get('32.67%')).toEqual(expect.arrayContaining(['18.26 万元']));
  });

  test('a completion rate on a zero budget, and a percentage truncated instead of rounded, are told apart from errors', async () => {
    const text = [
      '九、财政拨款"三公"经费支出决算情况说明',
      '1. 公务接待费全年预算为 0 万元,支出决算为 0.50 万元,完成全年预算的 100%。',
      '十三、预算绩效情况说明',
      '1. 某项目绩效自评综述:项目全年预算为 3000 万元,执行 2000 万元,执行率 66.66%。',
    ].join('\n');
    const { findings } = checkNarrative(extractClaims(text), []);
    expect(checked(findings).map((f) => [f.rule, f.severity, f.quote, f.expected])).toEqual([
      ['NARRATIVE.completion', 'warning', '100%', null],
      ['NARRATIVE.rate', 'warning', '66.66%', '66.67%'],
    ]);
  });

  test('其中 lists: a whole partition must make its total, a partial list must not exceed it', async () => {
    // no tables: the text alone must hold together
    const run = (text: string) => checked(checkNarrative(extractClaims(text), []).findings).map((f) => [f.rule, f.quote, f.expected]);
    const ok = '三、支出决算情况说明\n支出决算数1403.23万元，其中：基本支出859.70万元、项目支出543.53万元。项目支出主要用于甲项目300万元；乙项目200.10万元。';
    expect(run(ok)).toEqual([]);
    expect(run(ok.replace('项目支出543.53万元', '项目支出534.53万元'))).toEqual([['NARRATIVE.sum', '1403.23万元', '1394.23']]);
    expect(run(ok.replace('乙项目200.10万元', '乙项目300.10万元'))).toEqual([['NARRATIVE.sum', '543.53万元', '600.10']]);
    // a partial list may add up to less than its total
    expect(run(ok.replace('乙项目200.10万元', '乙项目100.10万元'))).toEqual([]);
    // counts too (江岸 十二): exact, in their own unit
    const cars = '十二、国有资产占用情况说明\n截至 2024 年 12 月 31 日,共有车辆 4 辆,其中,二级单位车辆 3 辆;抢险排危专用车辆 1 辆。';
    expect(run(cars)).toEqual([]);
    expect(checkNarrative(extractClaims(cars), []).verified.map((v) => v.claim.quote)).toEqual(['4 辆', '3 辆', '1 辆']);
    expect(run(cars.replace('二级单位车辆 3 辆', '二级单位车辆 5 辆'))).toEqual([['NARRATIVE.sum', '4 辆', '6']]);
    // one total broken down twice: each breakdown adds up to it
    const twice = '（1）产出指标完成情况分析。2024年产出指标25个。其中：市级绩效目标产出指标7个，日常工作目标产出指标18个；数量指标有12个，质量指标有9个，时效指标有2个，成本指标有2个。';
    expect(run(twice)).toEqual([]);
    expect(run(twice.replace('质量指标有9个', '质量指标有19个'))).toEqual([['NARRATIVE.sum', '25个', '35']]);
  });

  test('the seed\'s 社会保障和就业 年初预算 is the one its list gets wrong: 55.02 less and the list adds up, but its 完成率 no longer does', async () => {
    const { findings } = await check(SEED.replace('年初预算为112.83万元', '年初预算为57.81万元'));
    const found = checked(findings).map((f) => [f.rule, f.quote, f.expected]);
    expect(found).not.toContainEqual(expect.arrayContaining(['NARRATIVE.sum']));
    expect(found).toContainEqual(['NARRATIVE.completion', '118.01%', '230.32%']);
  });

  test('an amount in 元 against a table in 万元 allows for the table\'s own rounding to 0.01 万元', () => {
    const fact = { key: '三公.决算.公务接待费', label: '公务接待费', aliases: [], section: '九', value: new Decimal('0.06'), unit: '万元' as const, cells: [], derivation: '基础数据表 公务接待费' };
    const run = (text: string) => checked(checkNarrative(extractClaims(text), [fact]).findings).map((f) => [f.rule, f.quote]);
    expect(run('九、三公\n公务接待费640元。')).toEqual([]);
    expect(run('九、三公\n公务接待费560元。')).toEqual([]);
    expect(run('九、三公\n公务接待费660元。')).toEqual([['NARRATIVE.amount', '660元']]);
  });

  test('a figure of another year named in its clause is not compared with this year\'s tables', async () => {
    const text = '三、支出决算情况说明\n2023年度支出合计 20000.00 万元。2024年度支出合计 22899.22 万元。';
    const claims = extractClaims(text);
    expect(claims.map((c) => c.year)).toEqual([2023, 2024]);
    const withYear = await check(text, { year: 2024 });
    expect(checked(withYear.findings)).toEqual([]);
    expect(withYear.unresolved.map((c) => c.quote)).toEqual(['20000.00 万元']);
    // without knowing the tables' year the words alone decide, as before
    expect(checked((await check(text)).findings).map((f) => f.quote)).toEqual(['20000.00 万元']);
    // a date is no year of a figure
    expect(extractClaims('截至 2024 年 12 月 31 日，共有车辆 4 辆。')[0].year).toBeUndefined();
  });

  test('a change measured from a stated base ("与上年决算数3.04万元相比，减少2.53万元"): the rate is of that base', () => {
    const run = (text: string) => checked(checkNarrative(extractClaims(text), []).findings).map((f) => [f.rule, f.quote, f.expected]);
    const ok = '九、三公\n“三公”经费支出决算为0.51万元。与上年决算数3.04万元相比，减少2.53万元，下降83.22%。';
    expect(run(ok)).toEqual([]);
    const { verified } = checkNarrative(extractClaims(ok), []);
    expect(verified.find((v) => v.claim.quote === '83.22%')?.against.map((c) => c.quote)).toEqual(['2.53万元', '3.04万元']);
    expect(run(ok.replace('下降83.22%', '下降45.42%'))).toEqual([['NARRATIVE.growth', '45.42%', '83.22%']]);
  });

  test('scores: the parts of a 总得分 add up to it', () => {
    const run = (text: string) => checked(checkNarrative(extractClaims(text), []).findings).map((f) => [f.rule, f.quote, f.expected, f.actual]);
    const ok = '一、自评结论\n(一) 自评得分\n预算执行情况 20 分,产出指标 40 分,效益指标 30 分,满意度指标 10 分,总得分 100 分。';
    expect(run(ok)).toEqual([]);
    expect(run(ok.replace('产出指标 40 分', '产出指标 38.5 分'))).toEqual([['NARRATIVE.score', '100 分', '98.5', '100']]);
  });

  test('with last year\'s figures a change is checked against this year − last year, not only against its own growth rate', async () => {
    // the seed's 收、支总计 of 2023 is 22899.22 − 11584.58 = 11314.64
    const right = await check(SEED, { prior: { 收支总计: new Decimal('11314.64') } });
    expect(checked(right.findings).filter((f) => f.rule === 'NARRATIVE.change')).toEqual([]);
    const wrong = await check(SEED, { prior: { 收支总计: new Decimal('11341.64') } });
    const change = checked(wrong.findings).filter((f) => f.rule === 'NARRATIVE.change' || f.rule === 'NARRATIVE.growth');
    expect(change.map((f) => [f.rule, f.quote, f.expected])).toEqual([
      ['NARRATIVE.change', '11584.58万元', '11557.58'],
      ['NARRATIVE.growth', '102.39%', '101.90%'],
    ]);
  });

  test('with the 年初预算 given as inputs, the stated 年初预算 of a 类 is checked against it', async () => {
    const budget = { '一般公共预算支出.类.208.年初预算': new Decimal('112.83'), '一般公共预算支出.类.210.年初预算': new Decimal('76.46') };
    const { findings, resolved } = await check(SEED, { budget });
    expect(resolved.find((r) => r.claim.quote === '112.83万元')?.fact.key).toBe('一般公共预算支出.类.208.年初预算');
    expect(checked(findings).filter((f) => f.rule === 'NARRATIVE.amount').map((f) => [f.quote, f.expected])).toEqual([['67. 46万元', '76.46']]);
  });
});
