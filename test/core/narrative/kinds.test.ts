import { assignIds, type Finding } from '../../../src/core/findings';
import { Decimal } from '../../../src/core/money/decimal';
import { checkNarrative, type CheckOptions } from '../../../src/core/narrative/check';
import { NARRATIVE_SOURCES } from '../../../src/core/narrative/checks/index';
import { buildFacts } from '../../../src/core/narrative/facts';
import { buildPerfFacts } from '../../../src/core/narrative/perf-facts';
import { readNarrative } from '../../../src/core/narrative/statements';
import type { Fact } from '../../../src/core/narrative/types';
import { placeholders } from '../../../src/core/findings/messages';
import { RuleContext } from '../../../src/core/rules/context';
import { recognizeFixture } from '../../helpers/fixtures';

/**
 * Each kind of error the narrative checker finds, on both sides: the error caught (with its rule and
 * quote), and the consistent wording of the same sentence left alone.
 */
let jiangan: Fact[];
beforeAll(async () => {
  const r = await recognizeFixture('jiangan-2024-gongkai.xlsx');
  jiangan = buildFacts(new RuleContext(r.workbook, r.tables));
});

const run = (text: string, facts: readonly Fact[] = [], options: CheckOptions = {}) => checkNarrative(readNarrative(text), facts, options);
const found = (findings: Finding[]) => findings.filter((f) => !f.unresolved).map((f) => [f.rule, f.quote]);

/** [kind, the consistent text, the text with the error, the finding it gives]. With the 江岸 facts when `tables`. */
const CASES: [kind: string, ok: string, wrong: string, finding: [rule: string, quote: string], tables?: boolean][] = [
  [
    'a direction word against the rate of its change',
    '十、机关运行经费支出说明\n2024年度机关运行经费支出 74.15 万元，比上年减少 350.20 万元，下降 82.52%。',
    '十、机关运行经费支出说明\n2024年度机关运行经费支出 74.15 万元，比上年减少 350.20 万元，增长 12.50%。',
    ['NARRATIVE.direction', '12.50%'],
  ],
  [
    'an increase written with a 下降 rate',
    '九、三公\n公务接待费支出决算 6.89万元，较上年增加 4.10 万元，增长 146.95%。',
    '九、三公\n公务接待费支出决算 6.89万元，较上年增加 4.10 万元，下降 37.27%。',
    ['NARRATIVE.direction', '37.27%'],
  ],
  [
    'a comparison word against the 决算 and 预算 it compares',
    '九、三公\n"三公"经费全年预算为 8.82万元，支出决算为 0.18万元，完成全年预算的 2.04%。决算数小于全年预算数的主要原因：厉行节约。',
    '九、三公\n"三公"经费全年预算为 8.82万元，支出决算为 0.18万元，完成全年预算的 2.04%。决算数大于全年预算数的主要原因：会议增加。',
    ['NARRATIVE.comparison', '决算数大于全年预算数'],
  ],
  [
    'a 其中 list whose parts exceed their total',
    '十一、政府采购支出说明\n政府采购支出总额 560.00 万元，其中：货物 12.30 万元、服务 547.70 万元。',
    '十一、政府采购支出说明\n政府采购支出总额 560.00 万元，其中：货物 12.30 万元、服务 574.70 万元。',
    ['NARRATIVE.sum', '560.00 万元'],
  ],
  [
    'a 其中 list with words between its items, ended by 另有, short of its total',
    '2.项目支出情况\n年初预算数为300万元，包括有关事业发展专项等。其中：甲防治服务支出100万元，主要用于药水和劳务；乙专项工作经费50万元，主要弥补运转经费。丙补贴150万元，用于发放补贴。另有未纳入本部门预算的专项经费20万元。',
    '2.项目支出情况\n年初预算数为300万元，包括有关事业发展专项等。其中：甲防治服务支出100万元，主要用于药水和劳务；乙专项工作经费50万元，主要弥补运转经费。丙补贴140万元，用于发放补贴。另有未纳入本部门预算的专项经费20万元。',
    ['NARRATIVE.sum', '300万元'],
  ],
  [
    'counts in 处 beyond their total',
    '3.白蚁防治工作情况。实施白蚁灭治施工13处，其中房屋7处，树木6处。',
    '3.白蚁防治工作情况。实施白蚁灭治施工13处，其中房屋7处，树木7处。',
    ['NARRATIVE.sum', '13处'],
  ],
  [
    'a total\'s change against its parts\' changes',
    '1.收入预算。2023年年初预算数1135.38万元，全部为一般公共预算拨款。收入较去年增加12.09万元，主要原因是人员增加。\n2.支出预算。2023年年初预算数1135.38万元，其中，基本支出933.38万元、项目支出202万元。基本支出较去年增加209.59万元，项目较去年减少197.5万元。',
    '1.收入预算。2023年年初预算数1135.38万元，全部为一般公共预算拨款。收入较去年减少12.09万元，主要原因是职能减少。\n2.支出预算。2023年年初预算数1135.38万元，其中，基本支出933.38万元、项目支出202万元。基本支出较去年增加209.59万元，项目较去年减少197.5万元。',
    ['NARRATIVE.change', '12.09万元'],
  ],
  [
    'the same thing stated twice with different counts',
    '(二)整体\n全年完成老旧小区改造 39 个，涉及房屋 325 栋、居民 13822 户。\n(三)项目\n完工改造 39 个老旧小区，涉及房屋 325 栋，居民 13822 户。',
    '(二)整体\n全年完成老旧小区改造 39 个，涉及房屋 240 栋、居民 13822 户。\n(三)项目\n完工改造 39 个老旧小区，涉及房屋 325 栋，居民 13822 户。',
    ['NARRATIVE.repeat', '325 栋'],
  ],
  [
    'an item named twice in one enumeration',
    '1. 一般公共服务支出：主要原因：用于三峡集团安居保障工作经费、人才驿站运营费用、信访维稳经费等费用。',
    '1. 一般公共服务支出：主要原因：用于三峡集团安居保障工作经费、人才驿站运营费用、人才驿站运营费用等费用。',
    ['NARRATIVE.duplicate', '人才驿站运营费用'],
  ],
  [
    'the projects\' 资金 given to the 部门整体 self-evaluation',
    '(一)预算绩效管理工作开展情况\n共涉及项目 7 个，资金 21311.62 万元，占一般公共预算项目支出总额的 99.57%。\n(二)部门整体支出自评结果\n我单位组织对7个部门开展整体支出绩效自评，资金22854.27万元。',
    '(一)预算绩效管理工作开展情况\n共涉及项目 7 个，资金 21311.62 万元，占一般公共预算项目支出总额的 99.57%。\n(二)部门整体支出自评结果\n我单位组织对7个部门开展整体支出绩效自评，资金21311.62 万元。',
    ['NARRATIVE.subject', '21311.62 万元'],
    true,
  ],
  ['a count word against its unit', '惠及居民 13822 户，改造栋数 325 栋。', '惠及居民 13822 户，改造栋数 325 户。', ['NARRATIVE.unit', '325 户']],
  [
    'a 元 among 万元 that makes the list add up',
    '全年共收房租40.8万元，其中：甲镇房租收入20万元，乙镇房租收入18.6万元，丙镇房租收入2.2万元。',
    '全年共收房租40.8万元，其中：甲镇房租收入20万元，乙镇房租收入18.6元，丙镇房租收入2.2万元。',
    ['NARRATIVE.unit', '18.6元'],
  ],
  [
    'a task completion against the figure and the target in its parentheses',
    '建设筹集保障性租赁住房4018套(间)，完成全年目标(4000套)的100.45%。',
    '建设筹集保障性租赁住房4018套(间)，完成全年目标(4000套)的110.45%。',
    ['NARRATIVE.completion', '110.45%'],
  ],
  [
    'a 使用率 against what was used and left',
    '（1）项目资金实际使用情况。白蚁防治项目使用专项资金90.60万元，结余资金71.4万元，专项资金使用率56％。',
    '（1）项目资金实际使用情况。白蚁防治项目使用专项资金90.60万元，结余资金71.4万元，专项资金使用率66％。',
    ['NARRATIVE.rate', '66％'],
  ],
  [
    '执行 X% is an 执行率',
    '1. 执行率情况。\n2024年度物业管理项目预算为1800万元，执行1800万元，执行100%。',
    '1. 执行率情况。\n2024年度物业管理项目预算为1800万元，执行1800万元，执行200%。',
    ['NARRATIVE.rate', '200%'],
  ],
  [
    'a share of a named total is no completion rate ("占“三公”经费的0%")',
    '九、三公\n“三公”经费支出决算0.51万元，其中：因公出国（境）费0万元，占“三公”经费的0%；公务用车购置及运行维护费0.51万元，占“三公”经费的100%。',
    '九、三公\n“三公”经费支出决算0.51万元，其中：因公出国（境）费0万元，占“三公”经费的0%；公务用车购置及运行维护费0.51万元，占“三公”经费的90%。',
    ['NARRATIVE.share', '90%'],
  ],
  [
    'an item is never compared with a wider total: 机关运行经费 only within 公用经费合计',
    '十、机关运行经费支出说明\n2024年度机关运行经费支出 60.00 万元。',
    '十、机关运行经费支出说明\n2024年度机关运行经费支出 80.00 万元。',
    ['NARRATIVE.amount', '80.00 万元'],
    true,
  ],
  [
    'one unit in the last digit is a warning, a larger difference an error',
    '三、支出决算情况说明\n2024年度支出合计 22899.22 万元。',
    '三、支出决算情况说明\n2024年度支出合计 22899.72 万元。',
    ['NARRATIVE.amount', '22899.72 万元'],
    true,
  ],
];

describe.each(CASES)('%s', (_kind, ok, wrong, [rule, quote], tables) => {
  test('the consistent wording is left alone', () => {
    expect(found(run(ok, tables ? jiangan : []).findings)).toEqual([]);
  });
  test('the error is caught, with its quote', () => {
    const { findings } = run(wrong, tables ? jiangan : []);
    expect(found(findings)).toEqual([[rule, quote]]);
    expect(wrong).toContain(findings.find((f) => !f.unresolved)!.quote);
  });
});

describe('reading by meaning, with the tables', () => {
  test('a reason clause ("主要原因是住房保障支出增加…") is no change of the sentence\'s total, even with last year\'s totals given', () => {
    const text = [
      '一、收入支出决算总体情况说明',
      '2024年度收、支总计 22899.22 万元。与 2023年度相比,收、支总计各增加11584.58万元,增长102.39%,主要原因是住房保障支出增加 12185.80 万元。',
      '四、财政拨款收入支出决算总体情况说明',
      '2024年度财政拨款收入中,一般公共预算财政拨款收入 22854.27万元,比2023年度决算数增加11539.63万元。主要原因是住房保障收入增加12182.10万元。',
    ].join('\n');
    const prior = { 收支总计: new Decimal('11314.64'), '财政拨款收入.一般公共预算': new Decimal('11314.64') };
    expect(found(run(text, jiangan, { prior }).findings)).toEqual([]);
    // the total's own change is still checked
    expect(found(run(text, jiangan, { prior: { ...prior, 收支总计: new Decimal('11341.64') } }).findings)).toEqual([
      ['NARRATIVE.change', '11584.58万元'],
      ['NARRATIVE.growth', '102.39%'],
    ]);
  });

  test('a figure two tables hold agrees with either, and the one it matched is said', () => {
    const fact = (key: string, value: string, extra: Partial<Fact> = {}): Fact => ({ key, label: '收入合计', aliases: [], section: '二', value: new Decimal(value), unit: '万元', cells: [{ sheet: key, address: 'C7' }], derivation: `${key}表`, ...extra });
    const facts = [fact('公开01', '100.00'), fact('公开02', '100.01', { sameAs: '公开01' })];
    const ok = run('二、收入决算情况说明\n收入合计 100.01 万元。', facts);
    expect(found(ok.findings)).toEqual([]);
    expect(ok.resolved[0].fact.key).toBe('公开02');
    const wrong = run('二、收入决算情况说明\n收入合计 100.50 万元。', facts);
    expect(found(wrong.findings)).toEqual([['NARRATIVE.amount', '100.50 万元']]);
    expect(wrong.findings[0].message).toMatch(/表中同一数字还有公开02表 100\.01 万元，也不相符/);
  });

  test('a name a table gives a figure only in its own section names nothing elsewhere ("项目支出" of 公开05 in 三)', () => {
    const only05 = jiangan.filter((f) => !f.key.startsWith('支出.'));
    const text = '三、支出决算情况说明\n其中: 基本支出 1494.57 万元, 项目支出 21404.66 万元。\n五、一般公共预算\n其中:基本支出 1449.61 万元,项目支出 21404.66 万元。';
    const { resolved, findings } = run(text, only05);
    expect(found(findings)).toEqual([]);
    expect(resolved.map((r) => `${r.claim.quote}→${r.fact.key}`)).toEqual(['1449.61 万元→一般公共预算支出.基本支出', '21404.66 万元→一般公共预算支出.项目支出']);
  });

  test('a 项 named with "(项)" is checked against the 公开05 line; by its bare name it is only confirmed', () => {
    expect(found(run('五、一般公共预算\n保障性住房租金补贴(项)支出 946.99 万元。', jiangan).findings)).toEqual([]);
    expect(found(run('五、一般公共预算\n保障性住房租金补贴(项)支出 949.99 万元。', jiangan).findings)).toEqual([['NARRATIVE.amount', '949.99 万元']]);
    const bare = run('五、一般公共预算\n保障性住房租金补贴 949.99 万元。', jiangan);
    expect(found(bare.findings)).toEqual([]);
    expect(bare.unresolved.map((c) => c.quote)).toEqual(['949.99 万元']);
  });
});

describe('a 同比 rate of the 三公 total against the 基础数据表\'s two years', () => {
  test('"同比增长 X%" is this year\'s 决算 against the 上年决算数 column (怀化 2024: 3.45 against 0.51)', async () => {
    const r = await recognizeFixture('huaihua-2024-jixiao.xlsx');
    const facts = buildPerfFacts(new RuleContext(r.workbook, r.tables));
    const text = (rate: string) => `3."三公经费"支出使用和管理情况\n2024年度“三公”经费支出决算3.45万元，同比增长${rate}。`;
    const ok = run(text('576.47%'), facts);
    expect(found(ok.findings)).toEqual([]);
    expect(ok.verified.map((v) => v.claim.quote)).toContain('576.47%');
    const wrong = run(text('476.47%'), facts);
    expect(found(wrong.findings)).toEqual([['NARRATIVE.growth', '476.47%']]);
    expect(wrong.findings[0].message).toMatch(/上年 0\.51 万元（基础数据表.*2022年决算数.*）计算应为增长 576\.47%/);
    // a 下降 where it rose
    expect(found(run(text('576.47%').replace('增长', '下降'), facts).findings)).toEqual([['NARRATIVE.growth', '576.47%']]);
  });
});

describe('findings as data', () => {
  test('every narrative check declares its messages; each finding renders from its catalog, with data for every placeholder', () => {
    const ids = NARRATIVE_SOURCES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of NARRATIVE_SOURCES) {
      expect(s.id).toMatch(/^NARRATIVE\./);
      expect(Object.keys(s.messages).length).toBeGreaterThan(0);
    }
    const all = CASES.flatMap(([, , wrong, , tables]) => run(wrong, tables ? jiangan : []).findings);
    for (const f of all) {
      const source = NARRATIVE_SOURCES.find((s) => s.id === f.rule)!;
      const template = source.messages[f.messageId!];
      expect(template).toBeDefined();
      for (const p of placeholders(template)) expect(f.data).toHaveProperty(p);
    }
  });

  test('stable ids name the section heading and the quote', () => {
    const { findings } = run('九、三公\n公务接待费支出决算 6.89万元，较上年增加 4.10 万元，下降 37.27%。\n十、机关\n支出 74.15 万元，比上年减少 350.20 万元，增长 12.50%。');
    const checked = findings.filter((f) => !f.unresolved);
    assignIds(checked, []);
    expect(checked.map((f) => f.id)).toEqual(['NARRATIVE.direction|说明|九、三公|37.27%', 'NARRATIVE.direction|说明|十、机关|12.50%']);
  });
});
