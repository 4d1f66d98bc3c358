import { readFileSync } from 'fs';
import * as path from 'path';
import { extractClaims } from '../../../src/core/narrative/claims';
import type { Claim } from '../../../src/core/narrative/types';
import { FIXTURES } from '../../helpers/fixtures';

const SEED = readFileSync(path.join(FIXTURES, 'jiangan-2024-qingkuang.txt'), 'utf8');
const claims = extractClaims(SEED);

type Row = [quote: string, value: string, decimals: number, unit: Claim['unit'], kind: Claim['kind'], direction: Claim['direction'] | undefined, subject: string, of: string | undefined];

function rows(cs: Claim[]): Row[] {
  return cs.map((c) => [c.quote, c.value.toString(), c.decimals, c.unit, c.kind, c.direction, c.subject, c.of]);
}

function inSection(section: string, subsection?: string): Claim[] {
  return claims.filter((c) => c.section === section && (subsection === undefined || c.subsection === subsection));
}

describe('extractClaims on the 江岸区 2024 情况说明', () => {
  test('every quote is the exact text at its offset, from the number to its unit', () => {
    expect(claims.length).toBe(233);
    for (const c of claims) {
      expect(SEED.slice(c.start, c.start + c.quote.length)).toBe(c.quote);
      expect(c.quote).toMatch(/^-?\d/);
      expect(c.quote).toMatch(/(万\s*元|元|%|％|分|人次|人|个|辆|台|户|栋|处|套|件|项|名|家|份|万\s*平方米)$/);
      expect(c.sentence).toContain(c.quote);
    }
  });

  test('claims come in text order and do not overlap', () => {
    for (let i = 1; i < claims.length; i++) {
      expect(claims[i].start).toBeGreaterThanOrEqual(claims[i - 1].start + claims[i - 1].quote.length);
    }
  });

  test('no year, date, ordinal, figure number or 科目编码 is a claim', () => {
    const starts = new Set(claims.map((c) => c.start));
    const forbidden: Array<[RegExp, string]> = [
      [/\d{4}\s*年/g, 'year'],
      [/\d{1,2}\s*[月日]/g, 'date'],
      [/图\s*(\d)/g, 'figure'],
      [/^[-\s]*(\d{1,2})\s*[.。]/gm, 'ordinal'],
      [/\((\d{1,2})\)/g, 'ordinal'],
    ];
    for (const [re, what] of forbidden) {
      for (const m of SEED.matchAll(re)) {
        const at = (m.index ?? 0) + (m[1] === undefined ? 0 : m[0].indexOf(m[1]));
        if (starts.has(at)) throw new Error(`${what} "${m[0]}" at ${at} taken as a claim`);
      }
    }
    for (const c of claims) {
      expect(c.quote).not.toMatch(/年|月|日/);
      expect(SEED.slice(c.start + c.quote.length, c.start + c.quote.length + 1)).not.toMatch(/[年月日]/);
    }
  });

  test('claims per section (counted by reading the text)', () => {
    const counts: Record<string, number> = {};
    for (const c of claims) counts[c.section] = (counts[c.section] ?? 0) + 1;
    expect(counts).toEqual({
      一: 4, // 总计, Δ, r, reason Δ
      二: 8, // 总计, Δ, r, reason Δ, 财政拨款收入 + share, 其他收入 + share
      三: 8, // 总计, Δ, r, reason Δ, 基本支出 + share, 项目支出 + share
      四: 9, // 4 in the 总计 sentence; 一般公共 amount, Δ, reason Δ; 基金 0; 国资 0
      五: 71, // (一) 5, (二) 1 + 8×2, (三) 5 + 14 projects + 29 in the 按功能分类 list + "5名退休人员" (名 counts now)
      六: 3,
      九: 19, // (一) 5; (二) 1: 3, 2: 5, (1) 1, (2) 2 (0.18 万元, 4 辆), 3: 3
      十: 3,
      十一: 9,
      十二: 3,
      十三: 96, // counts in 户, 栋, 处, 套 … and 万平方米 too
    });
    expect(inSection('七')).toEqual([]);
    expect(inSection('八')).toEqual([]);
    expect(inSection('五', '(一)')).toHaveLength(5);
    expect(inSection('五', '(二)')).toHaveLength(17);
    expect(inSection('五', '(三)')).toHaveLength(49);
    expect(inSection('九', '(一)')).toHaveLength(5);
    // 十三 (一) 项目 7 个, 资金, share; (二) 14; (三) 1 + 5 + 5 + 5 + 4 + 10 + 4 + 3 (7 projects).
    expect(inSection('十三', '(一)')).toHaveLength(3);
    expect(inSection('十三', '(二)')).toHaveLength(30);
    expect(inSection('十三', '(三)')).toHaveLength(63);
  });

  test('一、收入支出决算总体情况说明', () => {
    expect(rows(inSection('一'))).toEqual<Row[]>([
      ['22899.22 万元', '22899.22', 2, '万元', 'amount', undefined, '收、支总计', undefined],
      ['11584.58万元', '11584.58', 2, '万元', 'change', '增加', '收、支总计', undefined],
      ['102.39%', '102.39', 2, '%', 'growth', '增长', '收、支总计', undefined],
      ['12185.80 万元', '12185.8', 2, '万元', 'change', '增加', '住房保障支出', undefined],
    ]);
    const first = inSection('一')[0];
    expect(first.subsection).toBeUndefined();
    expect(first.sentence).toBe('2024年度收、支总计 22899.22 万元。');
    expect(inSection('一')[1].sentence).toBe(
      '与 2023年度相比,收、支总计各增加11584.58万元,增长102.39%,主要原因是住房保障支出增加 12185.80 万元。',
    );
  });

  test('二、收入决算情况说明', () => {
    expect(rows(inSection('二'))).toEqual<Row[]>([
      ['22899.22万元', '22899.22', 2, '万元', 'amount', undefined, '收入合计', undefined],
      ['11584.58 万元', '11584.58', 2, '万元', 'change', '增加', '收入合计', undefined],
      ['102.39%', '102.39', 2, '%', 'growth', '增长', '收入合计', undefined],
      ['12185.80 万元', '12185.8', 2, '万元', 'change', '增加', '住房保障', undefined],
      ['22854.27 万元', '22854.27', 2, '万元', 'amount', undefined, '财政拨款收入', undefined],
      ['98.04%', '98.04', 2, '%', 'share', undefined, '财政拨款收入', '本年收入'],
      ['44.96万元', '44.96', 2, '万元', 'amount', undefined, '其他收入', undefined],
      ['1.96%', '1.96', 2, '%', 'share', undefined, '其他收入', '本年收入'],
    ]);
  });

  test('三、支出决算情况说明 (numbers with spaces inside)', () => {
    expect(rows(inSection('三'))).toEqual<Row[]>([
      ['22899. 22 万元', '22899.22', 2, '万元', 'amount', undefined, '支出合计', undefined],
      ['11584. 58 万元', '11584.58', 2, '万元', 'change', '增加', '支出合计', undefined],
      ['102. 39%', '102.39', 2, '%', 'growth', '增长', '支出合计', undefined],
      ['12185. 80 万元', '12185.8', 2, '万元', 'change', '增加', '住房保障', undefined],
      ['1494.57 万元', '1494.57', 2, '万元', 'amount', undefined, '基本支出', undefined],
      ['6.53%', '6.53', 2, '%', 'share', undefined, '基本支出', '本年支出'],
      ['21404.66 万元', '21404.66', 2, '万元', 'amount', undefined, '项目支出', undefined],
      ['93.47%', '93.47', 2, '%', 'share', undefined, '项目支出', '本年支出'],
    ]);
    expect(inSection('三')[5].sentence).toBe('其中: 基本支出 1494.57 万元, 占本年支出 6.53%; 项目支出 21404.66 万元, 占本年支出 93.47%。');
  });

  test('四: 与上年度决算数相同 marks the 0 amount before it as 持平', () => {
    const four = inSection('四');
    expect(rows(four.slice(4))).toEqual<Row[]>([
      ['22854.27万元', '22854.27', 2, '万元', 'amount', undefined, '一般公共预算财政拨款收入', undefined],
      ['11539.63万元', '11539.63', 2, '万元', 'change', '增加', '一般公共预算财政拨款收入', undefined],
      ['12182.10万元', '12182.1', 2, '万元', 'change', '增加', '住房保障收入', undefined],
      ['0万元', '0', 0, '万元', 'amount', '持平', '政府性基金预算财政拨款收入', undefined],
      ['0万元', '0', 0, '万元', 'amount', '持平', '国有资本经营预算财政拨款收入', undefined],
    ]);
  });

  test('五(一): a share of 本年支出合计 and the change against 2023', () => {
    expect(rows(inSection('五', '(一)'))).toEqual<Row[]>([
      ['22854.27 万元', '22854.27', 2, '万元', 'amount', undefined, '一般公共预算财政拨款支出', undefined],
      ['100%', '100', 0, '%', 'share', undefined, '一般公共预算财政拨款支出', '本年支出合计'],
      ['11539.63 万元', '11539.63', 2, '万元', 'change', '增加', '一般公共预算财政拨款支出', undefined],
      ['101.99%', '101.99', 2, '%', 'growth', '增长', '一般公共预算财政拨款支出', undefined],
      ['12182.10 万元', '12182.1', 2, '万元', 'change', '增加', '住房保障支出', undefined],
    ]);
  });

  test('五(二)一般公共预算财政拨款支出决算结构情况', () => {
    const list = inSection('五', '(二)');
    expect(rows(list)).toEqual<Row[]>([
      ['22854.27 万元', '22854.27', 2, '万元', 'amount', undefined, '一般公共预算财政拨款支出', undefined],
      ['72. 81万元', '72.81', 2, '万元', 'amount', undefined, '一般公共服务(类)支出', undefined],
      ['0. 32 %', '0.32', 2, '%', 'share', undefined, '一般公共服务(类)支出', undefined],
      ['12万元', '12', 0, '万元', 'amount', undefined, '科学技术支出', undefined],
      ['0.05 %', '0.05', 2, '%', 'share', undefined, '科学技术支出', undefined],
      ['133.15万元', '133.15', 2, '万元', 'amount', undefined, '社会保障和就业支出', undefined],
      ['0.58%', '0.58', 2, '%', 'share', undefined, '社会保障和就业支出', undefined],
      ['143. 62万元', '143.62', 2, '万元', 'amount', undefined, '卫生健康支出', undefined],
      ['0.63 %', '0.63', 2, '%', 'share', undefined, '卫生健康支出', undefined],
      ['250万元', '250', 0, '万元', 'amount', undefined, '节能环保支出', undefined],
      ['1. 09 %', '1.09', 2, '%', 'share', undefined, '节能环保支出', undefined],
      ['1283. 93万元', '1283.93', 2, '万元', 'amount', undefined, '城乡社区支出', undefined],
      ['5. 62%', '5.62', 2, '%', 'share', undefined, '城乡社区支出', undefined],
      ['0. 50万元', '0.5', 2, '万元', 'amount', undefined, '商业服务业等支出', undefined],
      ['0. 002 %', '0.002', 3, '%', 'share', undefined, '商业服务业等支出', undefined],
      ['20958. 26万元', '20958.26', 2, '万元', 'amount', undefined, '住房保障支出', undefined],
      ['91. 70 %', '91.7', 2, '%', 'share', undefined, '住房保障支出', undefined],
    ]);
    for (const c of list) expect(c.section).toBe('五');
    expect(list[12].sentence).toBe('6. 城乡社区支出1283. 93万元, 占5. 62%。');
    expect('of' in list[2]).toBe(false);
  });

  test('五(三): completion against 年初预算 / 年度预算', () => {
    const c = inSection('五', '(三)').filter((x) => x.kind === 'completion');
    expect(c.map((x) => [x.quote, x.subject, x.of])).toEqual([
      ['1625. 89%', '支出决算', '年初预算'],
      ['118.01%', '支出决算', '年初预算'],
      ['212. 90%', '支出决算', '年度预算'],
      ['111. 51%', '支出决算', '年度预算'],
      ['16251.75%', '支出决算', '年度预算'],
    ]);
  });

  test('九: 较上年 in the next sentence keeps the subject; the garbled "下 99. 08%" is a growth without direction', () => {
    const nine = inSection('九');
    expect(rows(nine.slice(0, 5))).toEqual<Row[]>([
      ['8.82万元', '8.82', 2, '万元', 'amount', undefined, '"三公"经费财政拨款支出全年预算', undefined],
      ['0.18万元', '0.18', 2, '万元', 'amount', undefined, '支出决算', undefined],
      ['2.04%', '2.04', 2, '%', 'completion', undefined, '支出决算', '全年预算'],
      ['19.32 万元', '19.32', 2, '万元', 'change', '减少', '支出决算', undefined],
      ['99.08%', '99.08', 2, '%', 'growth', '下降', '支出决算', undefined],
    ]);
    const garbled = nine.find((x) => x.quote === '99. 08%');
    expect(garbled).toMatchObject({ kind: 'growth', direction: null, subsection: '(二)' });
    expect(nine.find((x) => x.quote === '4 辆')).toMatchObject({ kind: 'count', unit: null, subject: '开支财政拨款的公务用车保有量' });
  });

  test('十 and 十一: 比年初预算数 is a base, not a subject; shares name what they are of', () => {
    expect(rows(inSection('十')).map((r) => [r[0], r[4], r[5], r[6]])).toEqual([
      ['74.15 万元', 'amount', undefined, '武汉市江岸区住房保障和房屋管理局机关运行经费支出'],
      ['18.26 万元', 'change', '增加', '武汉市江岸区住房保障和房屋管理局机关运行经费支出'],
      ['32.67%', 'growth', '增长', '武汉市江岸区住房保障和房屋管理局机关运行经费支出'],
    ]);
    expect(inSection('十一').filter((c) => c.kind === 'share').map((c) => [c.quote, c.subject, c.of])).toEqual([
      ['100%', '授予中小企业合同金额', '政府采购支出总额'],
      ['23.42%', '授予小微企业合同金额', '授予中小企业合同金额'],
      ['100%', '货物采购授予中小企业合同金额', '货物支出金额'],
      ['100%', '服务采购授予中小企业合同金额', '服务支出金额'],
    ]);
  });

  test('十三: execution rates and counts', () => {
    const rates = inSection('十三', '(三)').filter((c) => c.kind === 'rate');
    expect(rates.map((c) => c.quote)).toEqual(['100%', '35.73%', '100%', '94.94%', '66. 7%', '100%', '100%', '100%']);
    expect(rates[4]).toMatchObject({ decimals: 1, subject: '执行率' });
    expect(inSection('十三', '(三)')[0]).toMatchObject({ quote: '7 个', kind: 'count', subject: '一级项目' });
  });
});

describe('extractClaims on small sentences', () => {
  const one = (text: string): Claim[] => {
    const cs = extractClaims(text);
    for (const c of cs) expect(text.slice(c.start, c.start + c.quote.length)).toBe(c.quote);
    return cs;
  };

  test('amount in 万元 and in 元, thousands commas with spaces', () => {
    const [a, b] = one('其他收入 1, 212. 84万元,人均补助 1,500元。');
    expect(a).toMatchObject({ quote: '1, 212. 84万元', unit: '万元', kind: 'amount', subject: '其他收入', decimals: 2 });
    expect(a.value.toString()).toBe('1212.84');
    expect(b).toMatchObject({ quote: '1,500元', unit: '元', kind: 'amount', subject: '人均补助', decimals: 0 });
    expect(b.value.toString()).toBe('1500');
  });

  test('share with and without its whole; 占比 has none', () => {
    const cs = one('基本支出 1494.57 万元, 占本年支出合计的 6.53%;项目支出21404.66万元,占93.47%。公用经费占比5%。');
    expect(cs.filter((c) => c.kind === 'share').map((c) => [c.subject, c.of])).toEqual([
      ['基本支出', '本年支出合计'],
      ['项目支出', undefined],
      ['公用经费', undefined],
    ]);
  });

  test('change and growth, 增加/减少/增长/下降, against 年初预算 or the prior year', () => {
    const cs = one('本年度基本支出决算1200.50万元,比年初预算数减少 30.5万元,下降2.48%。收入合计较上年增加 5 万元,增长 0.5%。');
    expect(rows(cs)).toEqual<Row[]>([
      ['1200.50万元', '1200.5', 2, '万元', 'amount', undefined, '基本支出决算', undefined],
      ['30.5万元', '30.5', 1, '万元', 'change', '减少', '基本支出决算', undefined],
      ['2.48%', '2.48', 2, '%', 'growth', '下降', '基本支出决算', undefined],
      ['5 万元', '5', 0, '万元', 'change', '增加', '收入合计', undefined],
      ['0.5%', '0.5', 1, '%', 'growth', '增长', '收入合计', undefined],
    ]);
  });

  test('增幅 is a growth', () => {
    const [c] = one('房地产业从业人员工资总额增幅达 6%。');
    expect(c).toMatchObject({ kind: 'growth', direction: '增长', subject: '房地产业从业人员工资总额' });
  });

  test('completion, rate, other', () => {
    const cs = one('支出决算为 0.18万元,完成全年预算的 2.04%。执行率为 94.94%。党员比例60%。');
    expect(cs.map((c) => [c.kind, c.subject, c.of])).toEqual([
      ['amount', '支出决算', undefined],
      ['completion', '支出决算', '全年预算'],
      ['rate', '执行率', undefined],
      ['other', '党员比例', undefined],
    ]);
  });

  test('scores, but 分别 is no score', () => {
    const cs = one('部门整体绩效自评综合评分为91.5分。(一)自评得分:95分。增加支出,分别为:租赁住房资金5079.29万元。');
    expect(cs.map((c) => [c.quote, c.kind, c.unit, c.subject])).toEqual([
      ['91.5分', 'score', null, '部门整体绩效自评综合评分'],
      ['95分', 'score', null, '自评得分'],
      ['5079.29万元', 'amount', '万元', '租赁住房资金'],
    ]);
  });

  test('counts: 个/辆/台/人/人次; 第 N 个 is an ordinal', () => {
    const cs = one('在职实有人数45人,其中:行政30人。购置电脑 5 台,共有车辆 4 辆。共涉及 7 个一级项目。发放补贴 2204人次。第 3 个项目。');
    expect(cs.map((c) => [c.quote, c.kind, c.subject])).toEqual([
      ['45人', 'count', '在职实有人数'],
      ['30人', 'count', '行政'],
      ['5 台', 'count', '购置电脑'],
      ['4 辆', 'count', '车辆'],
      ['7 个', 'count', '一级项目'],
      ['2204人次', 'count', '发放补贴'],
    ]);
  });

  test('持平 and 相同 mark the amount before them', () => {
    const cs = one('政府性基金预算财政拨款收入 0万元,与上年持平。国有资本经营预算财政拨款收入 0万元,与2023年度决算数相同。其他收入 3万元。');
    expect(cs.map((c) => c.direction)).toEqual(['持平', '持平', undefined]);
  });

  test('full-width digits, ％, ：, （二） and ，', () => {
    const text = '一、收入决算情况说明\n（二）收入结构\n２０２４年度收入合计２２８９９．２２万元，其中：财政拨款收入２２８５４．２７万元，占本年收入９８．０４％。';
    const cs = one(text);
    expect(rows(cs)).toEqual<Row[]>([
      ['２２８９９．２２万元', '22899.22', 2, '万元', 'amount', undefined, '收入合计', undefined],
      ['２２８５４．２７万元', '22854.27', 2, '万元', 'amount', undefined, '财政拨款收入', undefined],
      ['９８．０４％', '98.04', 2, '%', 'share', undefined, '财政拨款收入', '本年收入'],
    ]);
    for (const c of cs) expect(c).toMatchObject({ section: '一', subsection: '(二)' });
    expect(cs[0].sentence).toBe('２０２４年度收入合计２２８９９．２２万元，其中：财政拨款收入２２８５４．２７万元，占本年收入９８．０４％。');
  });

  test('spaces inside percentages and the unit after a space', () => {
    const [c] = one('7. 商业服务业等支出占 0. 002 %。');
    expect(c).toMatchObject({ quote: '0. 002 %', decimals: 3, unit: '%', kind: 'share', subject: '商业服务业等支出' });
  });

  test('years, dates, ordinals, figure numbers and 科目编码 are not claims', () => {
    const text = '图 1: 收、支决算总计变动情况(万元)\n1. 2024年度支出 12 万元。\n(2)截至 2024 年 12 月 31 日,1-12 月销售 127. 4 万平方米。\n2210399 其他住房保障支出 3.5万元。受理来信 1000余件。';
    const cs = one(text);
    // an area is a quantity of its own unit; "1000余件" is approximate and no claim
    expect(cs.map((c) => [c.quote, c.subject, c.countUnit])).toEqual([
      ['12 万元', '支出', undefined],
      ['127. 4 万平方米', '销售', '万平方米'],
      ['3.5万元', '其他住房保障支出', undefined],
    ]);
  });

  test('a minus sign written against the number', () => {
    const [c] = one('结余 -5.01万元。');
    expect(c.quote).toBe('-5.01万元');
    expect(c.value.toString()).toBe('-5.01');
  });

  test('no section before the first heading', () => {
    const [c] = one('收入 5万元。');
    expect(c.section).toBe('');
    expect(c.subsection).toBeUndefined();
  });
});

describe('measures, topics and lists', () => {
  const pick = (text: string) => extractClaims(text).map((c) => [c.quote, c.measure ?? '', c.topic ?? '']);

  test('an amount named only by its measure takes the topic of its sentence or of the clause before it', () => {
    expect(pick('3. 社会保障和就业支出: 年初预算为112.83万元,支出决算为133.15万元,完成年初预算的118.01%。')).toEqual([
      ['112.83万元', '年初预算', '社会保障和就业支出'],
      ['133.15万元', '决算', '社会保障和就业支出'],
      ['118.01%', '年初预算', '社会保障和就业支出'],
    ]);
    expect(pick('"三公"经费财政拨款支出全年预算为 8.82万元, 支出决算为 0.18万元。较上年减少 19.32 万元,下降 99.08%。')).toEqual([
      ['8.82万元', '全年预算', '"三公"经费财政拨款支出'],
      ['0.18万元', '决算', '"三公"经费财政拨款支出'],
      ['19.32 万元', '决算', '"三公"经费财政拨款支出'],
      ['99.08%', '', '"三公"经费财政拨款支出'],
    ]);
  });

  test('the subject of another claim in the sentence is no topic, and a project\'s name ending in 预算 is no measure', () => {
    // "执行数" belongs to no 财政预算数: the words before it are the first claim's own subject
    expect(pick('部门整体绩效考评财政预算数 1405.65万元,执行数 22854.27万元,执行率 1625.89%。')).toEqual([
      ['1405.65万元', '', ''],
      ['22854.27万元', '决算', ''],
      ['1625.89%', '', ''],
    ]);
    expect(pick('项目支出主要用于第二批中央基建投资预算 2512 万元。')).toEqual([['2512 万元', '', '']]);
  });

  test('items after 其中 / 主要用于 point at the amount they break down', () => {
    const claims = extractClaims('支出决算数1403.23万元，其中：基本支出859.70万元、项目支出543.53万元。项目支出主要用于甲项目300万元；乙项目200.10万元，主要用于维修；丙 3 万元。');
    const parent = (q: string) => {
      const c = claims.find((x) => x.quote === q)!;
      return c.partOf ? [claims[c.partOf.index].quote, c.partOf.via] : null;
    };
    expect(parent('859.70万元')).toEqual(['1403.23万元', '其中']);
    expect(parent('543.53万元')).toEqual(['1403.23万元', '其中']);
    expect(parent('300万元')).toEqual(['543.53万元', '主要用于']);
    // "，主要用于维修；" ends with its clause: 丙 is still an item of 项目支出
    expect(parent('3 万元')).toEqual(['543.53万元', '主要用于']);
    expect(parent('1403.23万元')).toBeNull();
  });

  test('a 其中 in parentheses ends with them', () => {
    const claims = extractClaims('公务用车购置及运行维护费支出决算0.45万元（其中：公务用车购置0万元，公务用车运行维护0.45万元），占88.24%，公务接待费支出决算0.06万元。');
    expect(claims.filter((c) => c.partOf).map((c) => [c.quote, claims[c.partOf!.index].quote])).toEqual([
      ['0万元', '0.45万元'],
      ['0.45万元', '0.45万元'],
    ]);
  });
});

describe('reading by meaning: reasons, parentheses, places and reports', () => {
  test('a number in a reason clause is marked as such; the subject of each number is its own clause\'s', () => {
    const cs = extractClaims('与2023年度相比，收、支总计各增加11584.58万元，增长102.39%，主要原因是住房保障支出增加 12185.80 万元。');
    expect(cs.map((c) => [c.quote, c.subject, c.reason ?? false])).toEqual([
      ['11584.58万元', '收、支总计', false],
      ['102.39%', '收、支总计', false],
      ['12185.80 万元', '住房保障支出', true],
    ]);
  });

  test('a figure in parentheses, and the completion after it that names its target there', () => {
    const cs = extractClaims('建设筹集保障性租赁住房4018套(间)，完成全年目标(4000套)的100.45%。');
    expect(cs.map((c) => [c.quote, c.kind, c.inParens ?? false, c.countUnit])).toEqual([
      ['4018套', 'count', false, '套'],
      ['4000套', 'count', true, '套'],
      ['100.45%', 'completion', false, undefined],
    ]);
    expect(cs[2].of).toBe('全年目标(4000套)');
  });

  test('"执行 200%" is an 执行率; a 项目 budget names its measure', () => {
    const cs = extractClaims('2024年度物业管理项目预算为1800万元，执行1800万元，执行200%。');
    expect(cs.map((c) => [c.kind, c.measure, c.topic])).toEqual([
      ['amount', '全年预算', '物业管理项目'],
      ['amount', '决算', '物业管理项目'],
      ['rate', undefined, '物业管理项目'],
    ]);
  });

  test('each claim knows its line, paragraph and section heading', () => {
    const text = '一、收入决算情况说明\n\n2024年度收入合计 100 万元，\n其中财政拨款收入 90 万元。\n二、支出\n支出合计 80 万元。';
    const cs = extractClaims(text);
    expect(cs.map((c) => [c.quote, c.line, c.paragraph, c.heading])).toEqual([
      ['100 万元', 2, 2, '一、收入决算情况说明'],
      // a line that ends mid-sentence goes on in the next: one paragraph
      ['90 万元', 3, 2, '一、收入决算情况说明'],
      ['80 万元', 5, 4, '二、支出'],
    ]);
  });

  test('the report a claim stands in, when a text holds several (titles over one or two lines, 综述 items)', () => {
    const text = [
      '2023 年度汨罗市住建局部门整体支出绩效自评报告',
      '一、基本支出2352.1万元。',
      ' 2023年度帮代办工作经费项目支出',
      '绩效评价报告',
      '一 、项目支出基本情况',
      '1.资金到位情况：预算为45万元。',
      '2024年度物业管理项目绩效自评结果',
      '执行1800万元。',
      '(三)项目支出自评结果',
      '- 1. 物业管理专项经费项目绩效自评综述:项目全年预算为 1800 万元。',
    ].join('\n');
    expect(extractClaims(text).map((c) => [c.quote, c.project, c.section])).toEqual([
      ['2352.1万元', '', '一'],
      ['45万元', '帮代办工作经费', '一'],
      ['1800万元', '物业管理', ''],
      ['1800 万元', '物业管理专项经费', ''],
    ]);
  });

  test('a very long sentence is kept on each claim as the part around it', () => {
    const long = `收入${'，其他收入 1 万元'.repeat(200)}。`;
    const cs = extractClaims(long);
    expect(cs).toHaveLength(200);
    expect(Math.max(...cs.map((c) => c.sentence.length))).toBeLessThanOrEqual(620);
    for (const c of cs) expect(c.sentence).toContain(c.quote);
    expect(new Set(cs.map((c) => c.sentenceStart)).size).toBe(1);
  });
});
