import { readFileSync } from 'fs';
import * as path from 'path';
import { Decimal } from '../../../src/core/money/decimal';
import { checkNarrative } from '../../../src/core/narrative/check';
import { extractClaims } from '../../../src/core/narrative/claims';
import { readNarrative } from '../../../src/core/narrative/statements';
import { buildFacts, factIndex } from '../../../src/core/narrative/facts';
import { buildPerfFacts } from '../../../src/core/narrative/perf-facts';
import type { Fact } from '../../../src/core/narrative/types';
import { RuleContext } from '../../../src/core/rules/context';
import { recognizeWorkbook } from '../../../src/core/tables/recognize';
import { recognizeFixture } from '../../helpers/fixtures';
import { setByPath } from '../rules/tester';

/** The 自评报告 bodies of seeds 003 (2024) and 002 (2023), verbatim, without their appended tables. */
const NARRATIVES = path.resolve(__dirname, '../../fixtures/narratives');
const reportText = (year: number) => readFileSync(path.join(NARRATIVES, `huaihua-${year}-zipingbaogao.txt`), 'utf8');

async function huaihua(year: number) {
  const r = await recognizeFixture(`huaihua-${year}-jixiao.xlsx`);
  const ctx = new RuleContext(r.workbook, r.tables);
  // as the narrative session checks a text: the 公开 facts (none here) and the 绩效 facts
  const facts = [...buildFacts(ctx), ...buildPerfFacts(ctx)];
  return { r, facts, idx: factIndex(facts) };
}

const where = (f: Fact | undefined) => f?.cells.map((c) => `${c.sheet}!${c.address}`);
const round2 = (f: Fact | undefined) => f?.value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
const checked = <T extends { rule: string }>(findings: T[]): T[] => findings.filter((f) => f.rule !== 'NARRATIVE.unresolved');

const DEPT = '部门整体支出绩效自评表';
const BASE = '基础数据表';

describe.each([2024, 2023])('buildPerfFacts on the 怀化 %i 绩效 workbook', (year) => {
  test('every key is unique (also beside the 公开 facts), every fact has cells, a unit and a derivation', async () => {
    const { facts, idx } = await huaihua(year);
    expect(facts.length).toBeGreaterThan(30);
    const keys = facts.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const f of facts) {
      expect(f.key).toMatch(/^绩效\.(整体|基础|项目)\./);
      expect(f.cells.length).toBeGreaterThan(0);
      expect(f.derivation).not.toMatch(/undefined|null/);
      expect(['万元', '元', '%', '分']).toContain(f.unit);
      expect(f.aliases).not.toContain(f.label);
      if (f.unit === '%') {
        expect(idx.byKey(f.ratioOf!.part)).toBeDefined();
        expect(idx.byKey(f.ratioOf!.whole)).toBeDefined();
      } else expect(f.ratioOf).toBeUndefined();
    }
  });
});

describe('the facts of the 怀化 workbooks, with the cells they come from', () => {
  // Values as printed in the seed tables (003 附件1-1/1-2 for 2024, 002 for 2023) and held by the
  // fixture cells: 年度资金总额 3550.44 | 1764.12 | 1403.23; 基本支出 859.70, 项目支出 543.53; 三公 0.51 | 3.1 | 3.45 …
  test.each([
    [2024, '绩效.整体.年初预算数', '3550.44', [`${DEPT}!C5`]],
    [2024, '绩效.整体.全年预算数', '1764.12', [`${DEPT}!D5`]],
    [2024, '绩效.整体.全年执行数', '1403.23', [`${DEPT}!E5`]],
    [2024, '绩效.整体.收入性质.一般公共预算', '1644.62', [`${DEPT}!B7`]],
    [2024, '绩效.整体.收入性质.政府性基金拨款', '5.00', [`${DEPT}!B8`]],
    [2024, '绩效.整体.收入性质.纳入专户管理的非税收入拨款', '0.00', [`${DEPT}!B9`]],
    [2024, '绩效.整体.收入性质.其他资金', '114.50', [`${DEPT}!B10`]],
    [2024, '绩效.整体.支出性质.基本支出', '859.70', [`${DEPT}!F7`]],
    [2024, '绩效.整体.支出性质.项目支出', '543.53', [`${DEPT}!F8`]],
    // the 年初 split, written as the 经济成本指标 targets "≤870.34万元" / "≤2680.1万元"
    [2024, '绩效.整体.年初预算.基本支出', '870.34', [`${DEPT}!E14`]],
    [2024, '绩效.整体.年初预算.项目支出', '2680.10', [`${DEPT}!E15`]],
    [2024, '绩效.基础.三公经费.2024年预算数', '3.10', [`${BASE}!D6`]],
    [2024, '绩效.基础.三公经费.2024年决算数', '3.45', [`${BASE}!F6`]],
    [2024, '绩效.基础.三公经费.2023年决算数', '0.51', [`${BASE}!B6`]],
    [2024, '绩效.基础.公务用车购置和维护经费.2024年决算数', '3.45', [`${BASE}!F7`]],
    [2024, '绩效.基础.公车运行维护.2024年预算数', '2.60', [`${BASE}!D9`]],
    [2024, '绩效.基础.公务接待.2024年预算数', '0.50', [`${BASE}!D11`]],
    [2024, '绩效.基础.公务接待.2024年决算数', '0.00', [`${BASE}!F11`]],
    [2024, '绩效.基础.公务接待.2023年决算数', '0.06', [`${BASE}!B11`]],
    [2024, '绩效.基础.专项资金.2024年预算数', '751.34', [`${BASE}!D12`]],
    [2024, '绩效.基础.专项.白蚁防治专项经费.2024年决算数', '9.74', [`${BASE}!F13`]],
    [2024, '绩效.基础.公用经费.2024年决算数', '61.24', [`${BASE}!F14`]],
    [2024, '绩效.基础.政府采购金额.2024年决算数', '397.58', [`${BASE}!F18`]],
    [2023, '绩效.整体.年初预算数', '1135.38', [`${DEPT}!C5`]],
    [2023, '绩效.整体.全年预算数', '1375.03', [`${DEPT}!D5`]],
    [2023, '绩效.整体.全年执行数', '1375.03', [`${DEPT}!E5`]],
    [2023, '绩效.整体.收入性质.其他资金', '10.31', [`${DEPT}!B10`]],
    [2023, '绩效.整体.支出性质.基本支出', '841.40', [`${DEPT}!F7`]],
    [2023, '绩效.整体.支出性质.项目支出', '533.64', [`${DEPT}!F8`]],
    [2023, '绩效.整体.年初预算.基本支出', '933.38', [`${DEPT}!E14`]],
    [2023, '绩效.整体.年初预算.项目支出', '202.00', [`${DEPT}!E15`]],
    [2023, '绩效.基础.三公经费.2023年预算数', '5.50', [`${BASE}!D6`]],
    [2023, '绩效.基础.三公经费.2023年决算数', '0.51', [`${BASE}!F6`]],
    [2023, '绩效.基础.三公经费.2022年决算数', '3.04', [`${BASE}!B6`]],
    [2023, '绩效.基础.公务接待.2023年决算数', '0.06', [`${BASE}!F11`]],
    [2023, '绩效.基础.专项.公租房后续管理专项经费.2023年预算数', '420.52', [`${BASE}!D14`]],
    [2023, '绩效.基础.专项.公租房后续管理专项经费.2023年决算数', '385.89', [`${BASE}!F14`]],
    [2023, '绩效.基础.公用经费.2023年决算数', '61.24', [`${BASE}!F15`]],
  ])('%i %s = %s', async (year, key, value, cells) => {
    const { idx } = await huaihua(year);
    const f = idx.byKey(key);
    expect([round2(f), where(f), f?.unit]).toEqual([value, cells, '万元']);
  });

  test('rates: 执行率 against 全年预算数, 三公 完成预算 and the parts\' shares, exact and unrounded', async () => {
    const y24 = (await huaihua(2024)).idx;
    const rate = y24.byKey('绩效.整体.执行率')!;
    // the table prints 79.54% (1403.23 ÷ 1764.12), not the 39.52% a 年初 base would give
    expect(rate.value.equals(new Decimal('1403.23').div('1764.12').times(100))).toBe(true);
    expect([round2(rate), rate.unit, rate.ratioOf, where(rate)]).toEqual(['79.54', '%', { part: '绩效.整体.全年执行数', whole: '绩效.整体.全年预算数' }, [`${DEPT}!E5`, `${DEPT}!D5`]]);
    expect(round2(y24.byKey('绩效.基础.三公经费.2024年决算数/完成率'))).toBe('111.29');
    expect(round2(y24.byKey('绩效.基础.公务用车购置和维护经费.2024年决算数/占比'))).toBe('100.00');
    const y23 = (await huaihua(2023)).idx;
    expect(round2(y23.byKey('绩效.整体.执行率'))).toBe('100.00');
    expect(round2(y23.byKey('绩效.基础.三公经费.2023年决算数/完成率'))).toBe('9.27');
    expect(round2(y23.byKey('绩效.基础.公务用车购置和维护经费.2023年决算数/占比'))).toBe('88.24');
    expect(round2(y23.byKey('绩效.基础.公务接待.2023年决算数/占比'))).toBe('11.76');
  });

  test('the prior-year column is the year before, whatever its header says (怀化 2024 heads it "2022年决算数")', async () => {
    const y24 = (await huaihua(2024)).idx;
    const y23 = (await huaihua(2023)).idx;
    const prior = y24.byKey('绩效.基础.三公经费.2023年决算数')!;
    expect(prior.derivation).toContain('2022年决算数');
    // 002 → 003 is a prior-year pair: 2024's prior column repeats 2023's 决算 column
    for (const item of ['三公经费', '公务用车购置和维护经费', '公车运行维护', '公务接待', '出国经费'])
      expect(y24.byKey(`绩效.基础.${item}.2023年决算数`)?.value.toString()).toBe(y23.byKey(`绩效.基础.${item}.2023年决算数`)?.value.toString());
    // "——" in the prior-year column of the 专项 and 公用经费 rows is no amount
    expect(y24.byKey('绩效.基础.公用经费.2023年决算数')).toBeUndefined();
    expect(y24.byKey('绩效.基础.专项资金.2023年决算数')).toBeUndefined();
  });

  test('the printed 总分 is a score fact (unit 分); the 一级 scores and head counts are not facts', async () => {
    const { facts, idx } = await huaihua(2024);
    const total = idx.byKey('绩效.整体.总分');
    expect([total?.value.toString(), total?.unit, where(total)]).toEqual(['95.95', '分', [`${DEPT}!H26`]]);
    expect(facts.map((f) => f.value.toString())).not.toContain('7.95'); // 预算执行 得分
    expect(facts.some((f) => /编制数|在职人数/.test(f.key))).toBe(false);
  });

  test('a fact follows its cell: 全年执行数 changed in the workbook changes the fact and the 执行率', async () => {
    const { r } = await huaihua(2024);
    const cell = setByPath(r.workbook, 'PERF_DEPT 年度资金总额.全年执行数', 1500);
    expect(cell).toBe(`${DEPT}!E5`);
    const idx = factIndex(buildPerfFacts(new RuleContext(r.workbook, recognizeWorkbook(r.workbook).tables)));
    expect(round2(idx.byKey('绩效.整体.全年执行数'))).toBe('1500.00');
    expect(round2(idx.byKey('绩效.整体.执行率'))).toBe('85.03');
  });

  test('a table recognized twice gives no fact of its kind', async () => {
    const { r } = await huaihua(2024);
    const dept = r.tables.find((t) => t.type === 'PERF_DEPT')!;
    const facts = buildPerfFacts(new RuleContext(r.workbook, [...r.tables, dept]));
    expect(facts.filter((f) => f.key.startsWith('绩效.整体.'))).toEqual([]);
    expect(facts.some((f) => f.key === '绩效.基础.三公经费.2024年决算数')).toBe(true);
  });
});

describe('the other 绩效 templates', () => {
  test('汨罗 (variant C): a blank cell is "not filled", not 0; no 年初 split (its 成本 targets are no 基本/项目 amounts)', async () => {
    const r = await recognizeFixture('miluo-2023-jixiao.xlsx');
    const idx = factIndex(buildPerfFacts(new RuleContext(r.workbook, r.tables)));
    // the 公务用车 subtotal is blank in the seed while its 公车运行维护 part holds 3.1
    expect(idx.byKey('绩效.基础.公务用车购置和维护经费.2023年决算数')).toBeUndefined();
    expect(round2(idx.byKey('绩效.基础.公车运行维护.2023年决算数'))).toBe('3.10');
    expect(round2(idx.byKey('绩效.基础.专项.白蚁防治经费.2023年决算数'))).toBe('22.00');
    expect(idx.byKey('绩效.整体.收入性质.纳入专户管理的非税收入拨款')).toBeUndefined(); // "纳入专户管理的非税收入拨款："
    expect(round2(idx.byKey('绩效.整体.收入性质.政府性基金拨款'))).toBe('1219.91');
    expect(idx.byKey('绩效.整体.年初预算.基本支出')).toBeUndefined();
    // 004 二(二) "2023年项目支出15125.5万元，占总支出86.54%" against 15125.49 ÷ 17477.59
    const { resolved, findings } = checkNarrative(extractClaims('（二）项目支出情况\n2023年项目支出15125.5万元，占总支出86.54%。'), idx.all);
    expect(resolved.map((x) => `${x.claim.quote}→${x.fact.key}`)).toEqual(['15125.5万元→绩效.整体.支出性质.项目支出', '86.54%→绩效.整体.支出性质.项目支出/占比']);
    expect(checked(findings)).toEqual([]);
  });

  test('湖北 (江岸): 预算数（A）/ 执行数（B）as 全年预算数 / 全年执行数, and their 执行率', async () => {
    const r = await recognizeFixture('jiangan-2024-jixiao.xlsx');
    const idx = factIndex(buildPerfFacts(new RuleContext(r.workbook, r.tables)));
    expect([round2(idx.byKey('绩效.整体.全年预算数')), round2(idx.byKey('绩效.整体.全年执行数')), round2(idx.byKey('绩效.整体.执行率'))]).toEqual(['1405.65', '22854.27', '1625.89']);
    expect(round2(idx.byKey('绩效.整体.基本支出总额'))).toBe('1449.61');
    expect(idx.byKey('绩效.整体.年初预算数')).toBeUndefined();
  });

  test('湖北 (江岸): the 自评结果\'s "部门整体绩效自评得分:99分" (seed 000) is checked against the printed 总分', async () => {
    const r = await recognizeFixture('jiangan-2024-jixiao.xlsx');
    const facts = buildPerfFacts(new RuleContext(r.workbook, r.tables));
    const text = '一、自评结论\n- (一)部门整体绩效自评得分:99分。\n';
    const right = checkNarrative(extractClaims(text), facts);
    expect(right.resolved.map((x) => [x.claim.quote, x.fact.key])).toEqual([['99分', '绩效.整体.总分']]);
    expect(checked(right.findings)).toEqual([]);
    const wrong = checkNarrative(extractClaims(text.replace('99分', '96分')), facts);
    expect(checked(wrong.findings).map((f) => [f.rule, f.quote, f.expected, f.cells])).toEqual([['NARRATIVE.score', '96分', '99', [{ sheet: '部门整体绩效自评表', address: 'G52' }]]]);
  });

  test('a 公开 workbook has no 绩效 facts', async () => {
    const r = await recognizeFixture('jiangan-2024-gongkai.xlsx');
    expect(buildPerfFacts(new RuleContext(r.workbook, r.tables))).toEqual([]);
  });
});

describe('checking the real 怀化 自评报告 against their workbooks', () => {
  async function check(year: number, text = reportText(year)) {
    const { facts } = await huaihua(year);
    return checkNarrative(readNarrative(text), facts);
  }
  const pairs = (res: Awaited<ReturnType<typeof check>>) => res.resolved.map((x) => `${x.claim.quote}→${x.fact.key}`);

  test('2024 (seed 003): the amounts of the tables resolve to their facts', async () => {
    const res = await check(2024);
    expect(pairs(res)).toEqual(
      expect.arrayContaining([
        '1403.23万元→绩效.整体.全年执行数', // "2024年支出决算数1403.23万元"
        '859.70万元→绩效.整体.支出性质.基本支出', // "怀化市住房保障服务中心2024年基本支出859.70万元"
        '77.51万元→绩效.基础.公用经费.2024年决算数', // "日常公用经费77.51万元"
        '9.74万元→绩效.基础.专项.白蚁防治专项经费.2024年决算数', // "白蚁防治项目使用专项资金9.74万元"
        '3.1万元→绩效.基础.三公经费.2024年预算数', // "“三公”经费预算为3.1万元"
        '3.45万元→绩效.基础.三公经费.2024年决算数', // "…，支出决算为3.45万元"
        '0万元→绩效.基础.出国经费.2024年决算数', // "因公出国（境）支出决算0万元"
        '3.45万元→绩效.基础.公务用车购置和维护经费.2024年决算数',
        '100%→绩效.基础.公务用车购置和维护经费.2024年决算数/占比',
        '0万元→绩效.基础.公务接待.2024年决算数',
      ]),
    );
    // "支出决算数1403.23万元" and "按经济分类支出合计1403.23万元"
    expect(pairs(res).filter((p) => p === '1403.23万元→绩效.整体.全年执行数')).toHaveLength(2);
  });

  test('2024: the report\'s errors — 日常公用经费 against the 基础数据表, a 其中 list short of its total, counts beyond theirs', async () => {
    const res = await check(2024);
    expect(checked(res.findings).map((f) => [f.rule, f.severity, f.quote, f.expected, f.actual])).toEqual([
      // The report's 77.51 = 基本支出 859.70 − 人员经费 782.19, as in its own sentence; the 基础数据表
      // gives 公用经费 2024年决算数 61.24 — exactly the 2023 figure (002 has 61.24 in both text and
      // table), so the workbook's cell looks carried over from last year. Either way they disagree.
      ['NARRATIVE.amount', 'error', '77.51万元', '61.24', '77.51'],
      // "年初预算数为2680.1万元，…其中：白蚁防治服务支出162万元，…；住保业务专项工作经费8.1万元，…。市中心城区购房
      // 补贴2500万元，…。另有未纳入本部门预算…": the items, words between them, add up to 2670.1
      ['NARRATIVE.sum', 'error', '2680.1万元', '2670.10', '2680.10'],
      // "实施白蚁灭治施工13处，其中房屋7处，树木白蚁灭7处"
      ['NARRATIVE.sum', 'error', '13处', '14', '13'],
    ]);
    expect(checked(res.findings)[0].cells).toEqual([{ sheet: BASE, address: 'F14' }]);
  });

  test('2024: words that name two table figures are not compared with either', async () => {
    const res = await check(2024);
    // "2024年年初预算数3550.44万元" and, under "2.项目支出情况", "2024年年初预算数为2680.1万元";
    // "其中，基本支出870.34万元、项目支出2680.1万元" (年初, the 成本指标 targets) and "其中：基本支出
    // 859.70万元、项目支出543.53万元" (决算): matching on the words alone, either reading would give a
    // false error in the other sentence.
    for (const quote of ['3550.44万元', '870.34万元', '2680.1万元', '543.53万元']) {
      expect(res.resolved.filter((x) => x.claim.quote === quote)).toEqual([]);
      expect(checked(res.findings).filter((f) => f.quote === quote && f.rule === 'NARRATIVE.amount')).toEqual([]);
    }
    expect(res.resolved.filter((x) => x.claim.quote === '859.70万元')).toHaveLength(1);
  });

  test('2023 (seed 002): resolves the same kinds of amounts and the 三公 shares, and agrees with its workbook', async () => {
    const res = await check(2023);
    expect(pairs(res)).toEqual(
      expect.arrayContaining([
        '1375.03万元→绩效.整体.全年执行数',
        '841.40万元→绩效.整体.支出性质.基本支出',
        '61.24万元→绩效.基础.公用经费.2023年决算数',
        '420.52万元→绩效.基础.专项.公租房后续管理专项经费.2023年预算数', // "用于公租房后续管理的专项经费420.52万元"
        '90.60万元→绩效.基础.专项.白蚁防治专项经费.2023年决算数',
        '385.89万元→绩效.基础.专项.公租房后续管理专项经费.2023年决算数', // "公租房后续管理使用专项资金385.89万元"
        '5.5万元→绩效.基础.三公经费.2023年预算数',
        '0.51万元→绩效.基础.三公经费.2023年决算数',
        '0.45万元→绩效.基础.公务用车购置和维护经费.2023年决算数',
        '88%→绩效.基础.公务用车购置和维护经费.2023年决算数/占比', // 0.45 ÷ 0.51 = 88.24%
        '0.06万元→绩效.基础.公务接待.2023年决算数',
        '12%→绩效.基础.公务接待.2023年决算数/占比', // 0.06 ÷ 0.51 = 11.76%
      ]),
    );
    // "收入较去年减少12.09万元", while its parts changed by +209.59 (基本支出) and −197.5 (项目): +12.09
    expect(checked(res.findings).map((f) => [f.rule, f.severity, f.quote, f.expected, f.actual])).toEqual([['NARRATIVE.change', 'error', '12.09万元', '增加12.09', '减少12.09']]);
    // "公务接待支出640元" (五(二), in 元) is left to a person: 0.064 万元 is finer than the table's 0.06
    expect(res.resolved.some((x) => x.claim.quote === '640元')).toBe(false);
  });

  test.each([
    [2024, '2024年支出决算数1403.23万元', '2024年支出决算数1430.23万元', '1430.23万元', 'NARRATIVE.amount', `${DEPT}!E5`, []],
    [2024, '2024年度“三公”经费预算为3.1万元', '2024年度“三公”经费预算为3.01万元', '3.01万元', 'NARRATIVE.amount', `${BASE}!D6`, []],
    // the 使用率 of the same sentence (9.74 ÷ (9.74 + 98.97) = 8.96%) no longer follows either
    [2024, '白蚁防治项目使用专项资金9.74万元', '白蚁防治项目使用专项资金97.4万元', '97.4万元', 'NARRATIVE.amount', `${BASE}!F13`, ['8.96％']],
    [2023, '怀化市住房保障服务中心2023年基本支出841.40万元', '怀化市住房保障服务中心2023年基本支出814.40万元', '814.40万元', 'NARRATIVE.amount', `${DEPT}!F7`, []],
    [2023, '公务接待费支出决算0.06万元，占12%', '公务接待费支出决算0.06万元，占21%', '21%', 'NARRATIVE.share', `${BASE}!F11`, []],
  ])('%i mutation: "%s" → "%s" is an error at %s', async (year, from, to, quote, rule, cell, also) => {
    const text = reportText(year);
    expect(text).toContain(from);
    const res = await check(year, text.replace(from, to));
    // against the table; a total may also no longer be the sum of its 其中 parts (NARRATIVE.sum)
    const hit = checked(res.findings).filter((f) => f.quote === quote && f.rule === rule);
    expect(hit.map((f) => f.severity)).toEqual(['error']);
    expect(hit[0].cells.map((c) => `${c.sheet}!${c.address}`)).toContain(cell);
    expect(checked(res.findings).filter((f) => f.quote !== quote && !also.includes(f.quote!))).toEqual(checked((await check(year)).findings));
  });
});
