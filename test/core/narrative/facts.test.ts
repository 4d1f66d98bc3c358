import { readFileSync } from 'fs';
import * as path from 'path';
import { Decimal } from '../../../src/core/money/decimal';
import { buildFacts, factIndex } from '../../../src/core/narrative/facts';
import type { Fact } from '../../../src/core/narrative/types';
import { RuleContext } from '../../../src/core/rules/context';
import type { CheckSettings } from '../../../src/core/reading';
import { recognizeWorkbook } from '../../../src/core/tables/recognize';
import type { TableType } from '../../../src/core/tables/types';
import { loadXlsx } from '../../../src/hosts/xlsx/load';
import { variant } from '../../fixtures/variants';
import { FIXTURES, recognizeFixture, Recognized } from '../../helpers/fixtures';
import { setByPath } from '../rules/tester';

const FILE = 'jiangan-2024-gongkai.xlsx';

async function factsOf(opts: { without?: TableType[]; set?: Record<string, string | number | null>; settings?: Partial<CheckSettings> } = {}) {
  const r: Recognized = await recognizeFixture(FILE);
  let tables = r.tables;
  if (opts.set) {
    for (const [p, v] of Object.entries(opts.set)) setByPath(r.workbook, p, v);
    tables = recognizeWorkbook(r.workbook).tables;
  }
  if (opts.without) tables = tables.filter((t) => !opts.without!.includes(t.type));
  return factIndex(buildFacts(new RuleContext(r.workbook, tables, opts.settings)));
}

const where = (f: Fact | undefined) => f?.cells.map((c) => `${c.sheet}!${c.address}`);
const round2 = (f: Fact | undefined) => f?.value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);

describe('buildFacts on the 江岸 2024 公开01–09 tables', () => {
  let idx: ReturnType<typeof factIndex>;
  beforeAll(async () => {
    idx = await factsOf();
  });
  const fact = (key: string): Fact => {
    const f = idx.byKey(key);
    if (!f) throw new Error(`no fact ${key}`);
    return f;
  };

  test('every key is unique, every fact has cells, a unit and a derivation', () => {
    const keys = idx.all.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const f of idx.all) {
      expect(f.cells.length).toBeGreaterThan(0);
      expect(f.derivation).not.toMatch(/undefined/);
      expect(['万元', '元', '%']).toContain(f.unit);
      expect(f.aliases).not.toContain(f.label);
      if (f.unit === '%') {
        expect(f.ratioOf).toBeDefined();
        expect(idx.byKey(f.ratioOf!.part)).toBeDefined();
        expect(idx.byKey(f.ratioOf!.whole)).toBeDefined();
      } else expect(f.ratioOf).toBeUndefined();
    }
  });

  // The amounts the seed narrative quotes, with the cells they come from.
  test.each([
    ['收支总计', '22899.22', '一', ['公开01表!C37']],
    ['收入.总计', '22899.22', '一', ['公开01表!C37']],
    ['支出.总计', '22899.22', '一', ['公开01表!F37']],
    ['收入.本年收入合计', '22899.22', '二', ['公开01表!C33']],
    ['收入.财政拨款', '22854.27', '二', ['公开01表!C7', '公开01表!C8', '公开01表!C9']],
    ['收入.其他', '44.96', '二', ['公开01表!C14']],
    ['收入.上级补助', '0', '二', ['公开01表!C10']],
    ['支出.本年支出合计', '22899.22', '三', ['公开01表!F33']],
    ['支出.基本支出', '1494.57', '三', ['公开03表!D7']],
    ['支出.项目支出', '21404.66', '三', ['公开03表!E7']],
    ['财政拨款.收支总计', '22854.27', '四', ['公开04表!C39']],
    ['财政拨款收入.一般公共预算', '22854.27', '四', ['公开04表!C8']],
    ['财政拨款收入.政府性基金', '0', '四', ['公开04表!C9']],
    ['财政拨款收入.国有资本经营', '0', '四', ['公开04表!C10']],
    ['一般公共预算支出.合计', '22854.27', '五', ['公开05表!C7']],
    ['一般公共预算支出.基本支出', '1449.61', '五', ['公开05表!D7']],
    ['一般公共预算支出.项目支出', '21404.66', '五', ['公开05表!E7']],
    ['一般公共预算支出.类.201', '72.81', '五', ['公开04表!G8']],
    ['一般公共预算支出.类.206', '12', '五', ['公开04表!G13']],
    ['一般公共预算支出.类.212', '1283.93', '五', ['公开04表!G18']],
    ['一般公共预算支出.类.216', '0.5', '五', ['公开04表!G22']],
    ['一般公共预算支出.类.221', '20958.26', '五', ['公开04表!G26']],
    ['基本支出.合计', '1449.61', '六', ['公开05表!D7']],
    ['人员经费.合计', '1375.45', '六', ['公开06表!C34']],
    ['公用经费.合计', '74.15', '六', ['公开06表!I34']],
    ['机关运行经费', '74.15', '十', ['公开06表!I34']],
    ['政府性基金.本年收入', '0', '七', ['公开07表!D7']],
    ['政府性基金.本年支出', '0', '七', ['公开07表!E7']],
    ['国有资本经营.本年支出', '0', '八', ['公开08表!C7']],
    ['三公.预算.合计', '8.82', '九', ['公开09表!A8']],
    ['三公.决算.合计', '0.182', '九', ['公开09表!G8']],
    ['三公.预算.公务用车购置及运行维护费', '8.82', '九', ['公开09表!C8']],
    ['三公.决算.公务用车购置及运行维护费', '0.18', '九', ['公开09表!I8']],
    ['三公.决算.公务用车运行维护费', '0.18', '九', ['公开09表!K8']],
    ['三公.决算.公务用车购置费', '0', '九', ['公开09表!J8']],
    ['三公.预算.因公出国(境)费', '0', '九', ['公开09表!B8']],
    ['三公.决算.公务接待费', '0', '九', ['公开09表!L8']],
  ])('%s = %s 万元 (section %s) ← %j', (key, value, section, cells) => {
    const f = fact(key);
    expect(f.value.equals(new Decimal(value))).toBe(true);
    expect(f.unit).toBe('万元');
    expect(f.section).toBe(section);
    expect(where(f)).toEqual(cells);
  });

  test('shares store the exact ratio × 100 with the cells of part and whole', () => {
    const basic = fact('支出.基本支出/占比');
    expect(basic.unit).toBe('%');
    expect(basic.value.equals(new Decimal('1494.57').div('22899.22').times(100))).toBe(true);
    expect(basic.value.toFixed(4)).toBe('6.5267');
    expect(basic.value.toString().startsWith('6.5267288')).toBe(true);
    expect(basic.ratioOf).toEqual({ part: '支出.基本支出', whole: '支出.本年支出合计' });
    expect(where(basic)).toEqual(['公开03表!D7', '公开01表!F33']);
    expect(basic.section).toBe('三');
    expect(round2(fact('支出.项目支出/占比'))).toBe('93.47');
    expect(round2(fact('收入.财政拨款/占比'))).toBe('99.80');
    expect(round2(fact('收入.其他/占比'))).toBe('0.20');
    const housing = fact('一般公共预算支出.类.221/占比');
    expect(housing.value.toString().startsWith('91.70')).toBe(true);
    expect(round2(housing)).toBe('91.70');
    expect(housing.ratioOf).toEqual({ part: '一般公共预算支出.类.221', whole: '一般公共预算支出.合计' });
    expect(where(housing)).toEqual(['公开04表!G26', '公开05表!C7']);
    // 22854.27 / 22899.22: the seed's "占本年支出合计的 100%" is a mistake the checker must find.
    expect(round2(fact('一般公共预算支出.合计/占比'))).toBe('99.80');
    expect(fact('一般公共预算支出.合计/占比').ratioOf?.whole).toBe('支出.本年支出合计');
  });

  test('the seed\'s 类 shares (占0.32% … 占91.70%) are the rounded 公开04 类 / 公开05 合计', () => {
    const printed: Record<string, string> = { '201': '0.32', '206': '0.05', '208': '0.58', '210': '0.63', '211': '1.09', '212': '5.62', '221': '91.70' };
    for (const [code, pct] of Object.entries(printed)) expect(round2(fact(`一般公共预算支出.类.${code}/占比`))).toBe(pct);
    const classes = idx.all.filter((f) => /^一般公共预算支出\.类\.\d{3}$/.test(f.key));
    expect(classes.map((f) => f.key.slice(-3))).toEqual(['201', '206', '208', '210', '211', '212', '216', '221']);
    expect(classes.map((f) => f.label)).toEqual(['一般公共服务支出', '科学技术支出', '社会保障和就业支出', '卫生健康支出', '节能环保支出', '城乡社区支出', '商业服务业等支出', '住房保障支出']);
  });

  test('the 公开05 sum of a 类 is kept beside the 公开04 figure (住房保障 20958.27 vs 20958.26), named alike', () => {
    const alt = fact('一般公共预算支出.类.221.各项合计');
    expect(alt.value.toFixed(2)).toBe('20958.27');
    expect(alt.cells).toHaveLength(9);
    expect(where(alt)![0]).toBe('公开05表!C24');
    expect(alt.sameAs).toBe('一般公共预算支出.类.221');
    expect(alt.aliases).toEqual(fact('一般公共预算支出.类.221').aliases);
  });

  test('a figure two tables state has an alternate from the second; 机关运行经费 is only bounded by 公用经费', () => {
    expect(fact('收入.本年收入合计@公开02')).toMatchObject({ sameAs: '收入.本年收入合计', label: '收入合计' });
    expect(fact('支出.本年支出合计@公开03').sameAs).toBe('支出.本年支出合计');
    expect(fact('一般公共预算支出.合计@公开04').sameAs).toBe('一般公共预算支出.合计');
    expect(fact('机关运行经费').bound).toBe('atMost');
    // "基本支出" alone names the 一般公共预算 figure only in 五
    expect(fact('一般公共预算支出.基本支出').aliases).not.toContain('基本支出');
    expect(fact('一般公共预算支出.基本支出').localAliases).toEqual(['基本支出', '基本支出总额']);
  });

  test('项 amounts: named "X(项)" or with the code they are checked, by the bare name only confirmed', () => {
    expect(fact('一般公共预算支出.项.2210107')).toMatchObject({ label: '保障性住房租金补贴(项)', section: '五', confirmAliases: ['保障性住房租金补贴', '保障性住房租金补贴支出'] });
    // a name several 项 share (一般行政管理事务) names none of them
    expect(idx.all.some((f) => f.label === '一般行政管理事务')).toBe(false);
  });

  test('三公 completion rates: 决算 ÷ 预算, 0/0 by the setting', () => {
    const total = fact('三公.决算.合计/完成率');
    expect(total.ratioOf).toEqual({ part: '三公.决算.合计', whole: '三公.预算.合计' });
    expect(total.value.equals(new Decimal('0.182').div('8.82').times(100))).toBe(true);
    expect(round2(total)).toBe('2.06');
    expect(round2(fact('三公.决算.公务用车购置及运行维护费/完成率'))).toBe('2.04');
    expect(fact('三公.决算.因公出国(境)费/完成率').value.toNumber()).toBe(100);
    expect(fact('三公.决算.公务接待费/完成率').derivation).toMatch(/均为 0/);
  });

  test('labels and aliases carry the narrative wordings', () => {
    const names = (key: string) => [fact(key).label, ...fact(key).aliases];
    expect(names('收支总计')).toEqual(expect.arrayContaining(['收、支总计', '收支总计']));
    expect(names('收入.本年收入合计')).toEqual(expect.arrayContaining(['收入合计', '本年收入']));
    expect(names('支出.本年支出合计')).toEqual(expect.arrayContaining(['支出合计', '本年支出']));
    expect(fact('收入.财政拨款').label).toBe('财政拨款收入');
    expect(fact('收入.其他').label).toBe('其他收入');
    expect(fact('支出.基本支出').label).toBe('基本支出');
    expect(fact('支出.项目支出').label).toBe('项目支出');
    expect(names('财政拨款.收支总计')).toEqual(expect.arrayContaining(['财政拨款收、支总计', '财政拨款收支总计']));
    expect(fact('一般公共预算支出.合计').label).toBe('一般公共预算财政拨款支出');
    expect(names('一般公共预算支出.类.201')).toEqual(expect.arrayContaining(['一般公共服务支出', '一般公共服务(类)支出']));
    expect(names('人员经费.合计')).toEqual(expect.arrayContaining(['人员经费']));
    expect(names('公用经费.合计')).toEqual(expect.arrayContaining(['公用经费']));
    expect(names('三公.决算.公务用车购置及运行维护费')).toEqual(expect.arrayContaining(['公务用车购置及运行费']));
    expect(names('三公.决算.公务用车运行维护费')).toEqual(expect.arrayContaining(['公务用车运行费']));
    expect(names('三公.预算.公务接待费')).toEqual(expect.arrayContaining(['公务接待费全年预算']));
    // 年初预算 comes from the 部门预算, not from these tables.
    expect(idx.all.some((f) => [f.label, ...f.aliases].some((a) => a.includes('年初预算')))).toBe(false);
  });

  test('六: the non-zero 公开06 items in table order are the seed\'s lists', () => {
    const items = (kind: string) => idx.all.filter((f) => new RegExp(`^${kind}\\.\\d{5}$`).test(f.key)).map((f) => f.label);
    expect(items('人员经费')).toEqual([
      '基本工资', '津贴补贴', '奖金', '绩效工资', '机关事业单位基本养老保险缴费', '职业年金缴费', '职工基本医疗保险缴费',
      '公务员医疗补助缴费', '其他社会保障缴费', '住房公积金', '其他工资福利支出', '退休费', '抚恤金', '医疗费补助', '其他对个人和家庭的补助',
    ]);
    expect(items('公用经费')).toEqual(['办公费', '印刷费', '水费', '电费', '邮电费', '培训费', '工会经费', '福利费', '公务用车运行维护费', '其他交通费用', '其他商品和服务支出']);
    expect(fact('人员经费.301').value.toFixed(2)).toBe('1212.84');
    expect(idx.byKey('公用经费.310')).toBeUndefined();
  });

  test('factIndex finds by key and keeps the list', () => {
    const f = buildFacts(new RuleContext({ sheets: [] } as never, []));
    expect(f).toEqual([]);
    const i = factIndex(idx.all);
    expect(i.byKey('收支总计')).toBe(idx.byKey('收支总计'));
    expect(i.byKey('nope')).toBeUndefined();
    expect(i.all).toBe(idx.all);
  });
});

describe('absent tables and unreadable cells', () => {
  test('no 公开09: no 三公 fact', async () => {
    const idx = await factsOf({ without: ['GK09'] });
    expect(idx.all.filter((f) => f.key.startsWith('三公.'))).toEqual([]);
    expect(idx.byKey('收支总计')).toBeDefined();
  });

  test('no 公开06: no 人员经费/公用经费/机关运行经费; 基本支出 of 六 still from 公开05', async () => {
    const idx = await factsOf({ without: ['GK06'] });
    expect(idx.byKey('人员经费.合计')).toBeUndefined();
    expect(idx.byKey('公用经费.合计')).toBeUndefined();
    expect(idx.byKey('机关运行经费')).toBeUndefined();
    expect(idx.byKey('基本支出.合计')?.value.toFixed(2)).toBe('1449.61');
  });

  test('no 公开01: no 总计; 收入 and 支出合计 fall back to the 公开02/03 合计 rows', async () => {
    const idx = await factsOf({ without: ['GK01'] });
    expect(idx.byKey('收支总计')).toBeUndefined();
    expect(idx.byKey('收入.总计')).toBeUndefined();
    expect(idx.all.some((f) => f.key.startsWith('支出.类.'))).toBe(false);
    expect(where(idx.byKey('收入.本年收入合计'))).toEqual(['公开02表!C7']);
    expect(where(idx.byKey('收入.财政拨款'))).toEqual(['公开02表!D7']);
    expect(where(idx.byKey('收入.其他'))).toEqual(['公开02表!I7']);
    expect(where(idx.byKey('支出.本年支出合计'))).toEqual(['公开03表!C7']);
  });

  test('no 公开01/02/03: no 收入 or 支出 fact and no share of them', async () => {
    const idx = await factsOf({ without: ['GK01', 'GK02', 'GK03'] });
    expect(idx.all.filter((f) => /^(收入|支出)\./.test(f.key))).toEqual([]);
    expect(idx.byKey('一般公共预算支出.合计')).toBeDefined();
    expect(idx.byKey('一般公共预算支出.合计/占比')).toBeUndefined();
  });

  test('no 公开04: no 四 facts; the 类 come from the 公开05 项 rows', async () => {
    const idx = await factsOf({ without: ['GK04'] });
    expect(idx.all.filter((f) => f.section === '四')).toEqual([]);
    const housing = idx.byKey('一般公共预算支出.类.221');
    expect(housing?.value.toFixed(2)).toBe('20958.27');
    expect(housing?.cells).toHaveLength(9);
    expect(housing?.label).toBe('住房保障支出');
    expect(idx.byKey('一般公共预算支出.类.221.各项合计')).toBeUndefined();
    expect(idx.all.filter((f) => /^一般公共预算支出\.类\.\d{3}$/.test(f.key)).map((f) => f.key.slice(-3))).toEqual(['201', '206', '208', '210', '211', '212', '216', '221']);
  });

  test('no 公开05: 一般公共预算支出合计 from 公开04; no 基本/项目 of 五; 六 基本支出 = 人员经费合计 + 公用经费合计', async () => {
    const idx = await factsOf({ without: ['GK05'] });
    expect(where(idx.byKey('一般公共预算支出.合计'))).toEqual(['公开04表!G34']);
    expect(idx.byKey('一般公共预算支出.基本支出')).toBeUndefined();
    expect(idx.byKey('一般公共预算支出.类.221.各项合计')).toBeUndefined();
    // 六 without 公开05: 人员经费合计 + 公用经费合计
    expect(idx.byKey('基本支出.合计')?.value.toFixed(2)).toBe('1449.60');
  });

  test('a cell holding text that is no number gives no fact and no share', async () => {
    const idx = await factsOf({ set: { 'GK01 收入.其他收入.决算数': '见说明' } });
    expect(idx.byKey('收入.其他')).toBeUndefined();
    expect(idx.byKey('收入.其他/占比')).toBeUndefined();
    expect(idx.byKey('收入.本年收入合计')).toBeDefined();
  });

  test('0/0 completion follows zeroOverZeroRate', async () => {
    const blank = await factsOf({ settings: { zeroOverZeroRate: 'blank' } });
    expect(blank.byKey('三公.决算.公务接待费/完成率')).toBeUndefined();
    expect(blank.byKey('三公.决算.合计/完成率')).toBeDefined();
    const zero = await factsOf({ settings: { zeroOverZeroRate: '0%' } });
    expect(zero.byKey('三公.决算.公务接待费/完成率')?.value.isZero()).toBe(true);
  });

  test('a workbook with a table of a type twice gives no fact from that type', async () => {
    const r = await recognizeFixture(FILE);
    const gk09 = r.tables.find((t) => t.type === 'GK09')!;
    const idx = factIndex(buildFacts(new RuleContext(r.workbook, [...r.tables, gk09])));
    expect(idx.byKey('三公.决算.合计')).toBeUndefined();
  });
});

describe('layout variants give the same facts', () => {
  async function variantFacts(name: string) {
    const wb = await loadXlsx(await variant(name).build(), `${name}.xlsx`);
    return factIndex(buildFacts(new RuleContext(wb, recognizeWorkbook(wb).tables)));
  }

  test('national template (one code column, 类/款 subtotal rows, 三公 interleaved)', async () => {
    const idx = await variantFacts('national-single-code-column');
    expect(idx.byKey('收支总计')?.value.toFixed(2)).toBe('22899.22');
    expect(idx.byKey('一般公共预算支出.类.221')?.value.toFixed(2)).toBe('20958.26');
    expect(idx.byKey('一般公共预算支出.类.221.各项合计')?.cells).toHaveLength(1); // the 类 subtotal row
    expect(idx.byKey('人员经费.合计')?.value.toFixed(2)).toBe('1375.45');
    expect(idx.byKey('三公.预算.合计')?.value.toFixed(2)).toBe('8.82');
    expect(idx.byKey('三公.决算.合计')?.value.toFixed(3)).toBe('0.182');
    expect(idx.byKey('三公.决算.公务用车运行维护费')?.value.toFixed(2)).toBe('0.18');
  }, 30000);

  test('元 tables: amounts in 元, the same shares', async () => {
    const idx = await variantFacts('yuan-units');
    const total = idx.byKey('收支总计')!;
    expect(total.unit).toBe('元');
    expect(total.value.toFixed(0)).toBe('228992200');
    expect(round2(idx.byKey('支出.基本支出/占比'))).toBe('6.53');
    expect(round2(idx.byKey('一般公共预算支出.类.221/占比'))).toBe('91.70');
  }, 30000);
});

test('the fixture the tests read exists', () => {
  expect(readFileSync(path.join(FIXTURES, FILE)).length).toBeGreaterThan(1000);
});
