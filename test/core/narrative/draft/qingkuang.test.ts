import { Decimal } from '../../../../src/core/money/decimal';
import type { NarrativeDraft } from '../../../../src/core/narrative/blocks';
import { checkNarrative } from '../../../../src/core/narrative/check';
import { extractClaims } from '../../../../src/core/narrative/claims';
import { draftQingkuang, draftSection13, draftSection5 } from '../../../../src/core/narrative/draft';
import { factIndex } from '../../../../src/core/narrative/facts';
import { renderText } from '../../../../src/core/narrative/render';
import { allRuns, draftJiangan, jiangan, norm, NSEED, numberRuns, paragraphs, section, SEED, type Drafted } from './helpers';

let d: Drafted;
let draft: NarrativeDraft;
beforeAll(async () => {
  d = await jiangan();
  draft = draftJiangan(d);
});

const sectionText = (numeral: string) => paragraphs(section(draft.blocks, numeral)).map(norm).join('\n');

/**
 * [section, the seed's sentence (PDF spaces removed), corrections where the seed is wrong].
 * The draft, its slots accepted, must contain the seed sentence with exactly those corrections.
 */
type Case = [string, string, [string, string][]];

// Sentences the draft reproduces exactly (up to a slot a person fills: reasons, uses).
const SAME: Case[] = [
  // each share is its own item's, to the decimals that show it (no largest-remainder 91.71%, no 占0.00%)
  ['五', '7.商业服务业等支出0.50万元,占0.002%。', []],
  ['五', '8.住房保障支出20958.26万元,占91.70%。', []],
  // 公开09 stores the 三公 决算 合计 as 0.182 and prints 0.18: rates from the printed 0.18 (0.18 / 8.82 = 2.04%,
  // (19.50 − 0.18) / 19.50 = 99.08%), as the seed states them, in both sentences alike
  ['九', '2024年度"三公"经费财政拨款支出全年预算为8.82万元,支出决算为0.18万元,完成全年预算的2.04%。较上年减少19.32万元,下降99.08%。决算数小于全年预算数的主要原因:', []],
  ['一', '2024年度收、支总计22899.22万元。与2023年度相比,收、支总计各增加11584.58万元,增长102.39%,主要原因是住房保障支出增加12185.80万元。', []],
  ['二', '2024年度收入合计22899.22万元,与2023年度相比,收入合计增加11584.58万元,增长102.39%,主要原因是住房保障增加12185.80万元。', []],
  ['三', '2024年度支出合计22899.22万元,与2023年度相比,支出合计增加11584.58万元,增长102.39%,主要原因是住房保障增加12185.80万元。', []],
  ['三', '其中:基本支出1494.57万元,占本年支出6.53%;项目支出21404.66万元,占本年支出93.47%。', []],
  [
    '四',
    '2024年度财政拨款收入中,一般公共预算财政拨款收入22854.27万元,比2023年度决算数增加11539.63万元。主要原因是住房保障收入增加12182.10万元。政府性基金预算财政拨款收入0万元,与2023年度决算数相同。国有资本经营预算财政拨款收入0万元,与2023年度决算数相同。',
    [],
  ],
  ['五', '2024年度一般公共预算财政拨款支出22854.27万元,主要用于以下方面:', []],
  ['五', '2.科学技术支出12万元,占0.05%。', []],
  ['五', '3.社会保障和就业支出133.15万元,占0.58%。', []],
  ['五', '4.卫生健康支出143.62万元,占0.63%。', []],
  ['五', '5.节能环保支出250万元,占1.09%。', []],
  ['五', '6.城乡社区支出1283.93万元,占5.62%。', []],
  ['五', '2024年度一般公共预算财政拨款支出年初预算为1405.65万元,支出决算为22854.27万元,完成年初预算的1625.89%。其中:基本支出1449.61万元,项目支出21404.66万元。项目支出主要用于', []],
  ['五', '1.一般公共服务支出:年初预算为0万元,支出决算为72.81万元,主要原因:', []],
  ['五', '2.科学技术支出:年初预算为0万元,支出决算为12万元,主要原因:', []],
  ['五', '3.社会保障和就业支出:年初预算为112.83万元,支出决算为133.15万元,完成年初预算的118.01%。主要原因:', []],
  ['五', '5.节能环保支出:年初预算为0万元,支出决算为250万元,主要原因:', []],
  ['五', '7.商业服务业等支出:年初预算为0万元,支出决算为0.50万元,主要原因:', []],
  [
    '六',
    '2024年度一般公共预算财政拨款基本支出1449.61万元,其中:人员经费1375.45万元,主要包括:基本工资、津贴补贴、奖金、绩效工资、机关事业单位基本养老保险缴费、职业年金缴费、职工基本医疗保险缴费、公务员医疗补助缴费、其他社会保障缴费、住房公积金、其他工资福利支出、退休费、抚恤金、医疗费补助、其他对个人和家庭的补助。',
    [],
  ],
  ['六', '公用经费74.15万元,主要包括:办公费、印刷费、水费、电费、邮电费、培训费、工会经费、福利费、公务用车运行维护费、其他交通费用、其他商品和服务支出。', []],
  ['七', '本部门没有政府性基金预算财政拨款收入,也没有使用政府性基金预算财政拨款安排的支出。', []],
  ['八', '本部门没有使用国有资本经营预算财政拨款安排的支出。', []],
  ['九', '(1)公务用车购置费支出0万元。', []],
  ['九', '(2)公务用车运行费支出0.18万元,主要用于', []],
  ['九', '截至2024年12月31日,开支财政拨款的公务用车保有量4辆。', []],
  ['十', '2024年度武汉市江岸区住房保障和房屋管理局机关运行经费支出74.15万元,比年初预算数增加18.26万元,增长32.67%。主要原因是:', []],
  ['十二', '截至2024年12月31日,武汉市江岸区住房保障和房屋管理局共有车辆4辆,其中,二级单位车辆3辆;抢险排危专用车辆1辆。', []],
  ['十三', '从绩效评价情况来看,', []],
  ['十三', '我单位在2024年度部门决算中反映所有项目绩效自评结果(不包括涉密项目),共涉及7个一级项目。', []],
  ['十三', '2.老旧小区改造项目绩效自评综述:预算28606.98万元,执行10220.42万元,执行率35.73%。', []],
  ['十三', '3.房屋安全监管项目绩效自评综述:预算573万元,执行573万元,执行率100%。', []],
];

// Sentences where the seed is wrong, with the draft's corrected figures or wording.
const FIXED: Case[] = [
  // 22854.27 / 22899.22 = 99.80%, 44.96 / 22899.22 = 0.20% (the seed's 98.04% / 1.96% fit no figure of the tables).
  [
    '二',
    '其中:财政拨款收入22854.27万元,占本年收入98.04%。其他收入44.96万元,占本年收入1.96%。',
    [
      ['98.04%', '99.80%'],
      ['1.96%', '0.20%'],
    ],
  ],
  // "收、支出" is no word: the reason is the 住房保障 spending.
  ['四', '2024年度财政拨款收、支总计22854.27万元。与2023年度相比,财政拨款收、支总计各增加11539.63万元,增长101.99%,主要原因是住房保障收、支出增加12182.10万元。', [['住房保障收、支出增加', '住房保障支出增加']]],
  // 22854.27 / 22899.22 = 99.80%: 其他收入 financed 44.95 of the 支出, so 一般公共预算 is not 100% of it.
  ['五', '2024年度一般公共预算财政拨款支出22854.27万元,占本年支出合计的100%。与2023年度相比,一般公共预算财政拨款支出增加11539.63万元,增长101.99%。主要原因是住房保障支出增加12182.10万元。', [['100%', '99.80%']]],
  // The 类 list names every 类 the same way (the seed adds "(类)" to the first only).
  ['五', '1.一般公共服务(类)支出72.81万元,占0.32%。', [['一般公共服务(类)支出', '一般公共服务支出']]],
  // The seed's 类 shares add to 99.99% + 0.002%: largest remainder gives the missing 0.01 to 住房保障 (remainder 0.391),
  // and 商业服务业等 (0.0022%) prints as 0.00% at 2 decimals.
  // One wording for every 类: 年初预算 / 完成年初预算的 (the seed mixes in 年度预算 and ";").
  ['五', '4.卫生健康支出:年初预算为67.46万元,支出决算为143.62万元,完成年度预算的212.90%,主要原因:', [['完成年度预算的212.90%,', '完成年初预算的212.90%。']]],
  [
    '五',
    '6.城乡社区支出:年度预算为1151.42万元;支出决算为1283.93万元,完成年度预算的111.51%。主要原因:',
    [
      ['年度预算为1151.42万元;', '年初预算为1151.42万元,'],
      ['完成年度预算的', '完成年初预算的'],
    ],
  ],
  [
    '五',
    '8。住房保障支出:年度预算为128.96万元;支出决算为20958.26万元,完成年度预算的16251.75%。主要原因:',
    [
      ['8。', '8.'],
      ['年度预算为128.96万元;', '年初预算为128.96万元,'],
      ['完成年度预算的', '完成年初预算的'],
    ],
  ],
  // 0/0 is no completion: the seed says 100% for one item and 0% for the other.
  ['九', '1.因公出国(境)费全年预算为0万元,支出决算为0万元,完成全年预算的100%。', [['完成全年预算的100%', '预算和决算均为0']]],
  ['九', '3.公务接待费全年预算为0万元,支出决算为0万元,完成全年预算的0%。', [['完成全年预算的0%', '预算和决算均为0']]],
  // "下 99.08%" lost its 降.
  ['九', '2.公务用车购置及运行费全年预算为8.82万元,支出决算为0.18万元,完成全年预算的2.04%;较上年减少19.32万元,下99.08%。决算数小于全年预算数的主要原因:', [['下99.08%', '下降99.08%']]],
  // 493.28 / 2105.14 = 23.4321% → 23.43% half up (the seed truncates).
  [
    '十一',
    '2024年度武汉市江岸区住房保障和房屋管理局政府采购支出总额2105.14万元,其中:政府采购货物支出0.45万元、政府采购服务支出2104.69万元。授予中小企业合同金额2105.14万元,占政府采购支出总额的100%,其中:授予小微企业合同金额493.28万元,占授予中小企业合同金额的23.42%;货物采购授予中小企业合同金额占货物支出金额的100%,服务采购授予中小企业合同金额占服务支出金额的100%。',
    [['23.42%', '23.43%']],
  ],
  // The department's full name, as in 十 and 十一 (the seed shortens it here).
  [
    '十三',
    '根据预算绩效管理要求,江岸区住房保障和房屋管理局对2024年度一般公共预算项目支出全面开展绩效自评,共涉及项目7个,资金21311.62万元,占一般公共预算项目支出总额的99.57%。',
    [['根据预算绩效管理要求,江岸区', '根据预算绩效管理要求,武汉市江岸区']],
  ],
];

describe('drafting the 江岸 2024 情况说明 from the 公开 tables and the figures the seed implies', () => {
  test('title and the thirteen section headings are the seed\'s', () => {
    expect(draft.title).toBe('第三部分 武汉市江岸区住房保障和房屋管理局 2024年度部门决算情况说明');
    const headings = draft.blocks.filter((b) => b.type === 'heading' && b.level === 1).map((b) => (b as { text: string }).text);
    expect(headings).toHaveLength(13);
    const seedHeadings = SEED.split('\n').filter((l) => /^[一二三四五六七八九十]+、/.test(l.trim()));
    expect(headings.map(norm)).toEqual(seedHeadings.map(norm));
  });

  test.each(SAME)('%s: %s', (numeral, seed) => {
    expect(NSEED).toContain(norm(seed));
    expect(sectionText(numeral)).toContain(norm(seed));
  });

  test.each(FIXED)('%s differs where the seed is wrong: %s', (numeral, seed, fixes) => {
    const original = norm(seed);
    expect(NSEED).toContain(original);
    let corrected = original;
    for (const [from, to] of fixes) {
      expect(corrected).toContain(norm(from));
      corrected = corrected.replace(norm(from), norm(to));
    }
    expect(corrected).not.toBe(original);
    const text = sectionText(numeral);
    expect(text).toContain(corrected);
    expect(text).not.toContain(original);
  });

  test('十三 states every project\'s 预算, 执行 and 执行率 as the 项目自评表 give them', () => {
    const text = sectionText('十三');
    const expected: [string, string, string][] = [
      ['1800', '1800', '100%'],
      ['28606.98', '10220.42', '35.73%'],
      ['573', '573', '100%'],
      ['2000', '1898.72', '94.94%'],
      ['9883.30', '6592.21', '66.70%'],
      ['14', '14', '100%'],
      ['213.27', '213.27', '100%'],
    ];
    expected.forEach(([a, b, r], i) => expect(text).toMatch(new RegExp(`${i + 1}\\.[^\\n]*预算${a}万元,执行${b}万元,执行率${r.replace('.', '\\.')}。`)));
  });

  test('every number run has cells and names a fact (or a 项目 or 部门整体 自评表 figure)', () => {
    const runs = numberRuns(draft.blocks);
    expect(runs.length).toBeGreaterThan(100);
    const idx = factIndex(d.facts);
    for (const r of runs) {
      expect(r.cells.length).toBeGreaterThan(0);
      expect(r.text).not.toBe('');
      const base = r.factKey.split('/')[0];
      if (!base.startsWith('项目自评.') && !base.startsWith('整体自评.')) expect(idx.byKey(base)).toBeDefined();
    }
    // The printed amount of a fact is its value at 2 decimals (whole values plain).
    const total = runs.find((r) => r.factKey === '收支总计')!;
    expect(total.text).toBe('22899.22');
    expect(total.cells).toEqual([{ sheet: '公开01表', address: 'C37' }]);
    const housing = runs.find((r) => r.factKey === '一般公共预算支出.类.221/占比')!;
    expect(housing.cells).toEqual([
      { sheet: '公开04表', address: 'G26' },
      { sheet: '公开05表', address: 'C7' },
    ]);
  });

  test('each share is rounded on its own: 五\'s printed 类 shares add to 99.99%, and no note about rounding is printed', () => {
    const sum = (numeral: string, filter: (key: string) => boolean) =>
      numberRuns(section(draft.blocks, numeral))
        .filter((r) => r.factKey.endsWith('/占比') && filter(r.factKey))
        .reduce((s, r) => s.plus(r.text.replace('%', '')), new Decimal(0));
    expect(sum('二', (k) => k.startsWith('收入.')).toFixed(2)).toBe('100.00');
    expect(sum('三', (k) => k.startsWith('支出.')).toFixed(2)).toBe('100.00');
    expect(sum('五', (k) => k.startsWith('一般公共预算支出.类.')).toFixed(3)).toBe('99.992');
    for (const numeral of ['二', '三', '五']) expect(sectionText(numeral)).not.toContain('最大余数');
  });

  test('reasons and uses are slots, pre-filled where the numbers allow and marked as suggestions', () => {
    const slots = allRuns(draft.blocks).filter((r) => r.type === 'slot');
    const reason1 = allRuns(section(draft.blocks, '一')).find((r) => r.type === 'slot')!;
    expect(reason1).toEqual({ type: 'slot', kind: 'reason', label: '主要原因', text: '住房保障支出增加12185.80万元', suggestion: true });
    // 五(二): the 项 names of the 公开05 rows behind each 类.
    const uses = allRuns(section(draft.blocks, '五')).filter((r) => r.type === 'slot' && r.kind === 'use');
    expect(uses[0]).toMatchObject({ text: '一般行政管理事务、招商引资', suggestion: true });
    expect(uses[7]).toMatchObject({ text: expect.stringContaining('老旧小区改造'), suggestion: true });
    // 五(三): the 14 公开05 项目支出 rows; they add up to 项目支出 21404.66 but for the table's own 尾差 (21404.67).
    const projects = uses[8];
    expect(projects.type === 'slot' && projects.label).toBe('项目支出主要用途');
    const amounts = (projects as { text: string }).text.match(/[\d.]+(?=万元)/g)!;
    expect(amounts).toHaveLength(14);
    expect(amounts.reduce((s, a) => s.plus(a), new Decimal(0)).toFixed(2)).toBe('21404.67');
    expect((projects as { text: string }).text).toContain('老旧小区改造11770.42万元；');
    // Nothing a person must write is left out or invented.
    expect(slots.filter((s) => s.type === 'slot' && s.kind === 'reason' && !s.text).length).toBeGreaterThan(5);
    expect(slots.every((s) => s.type === 'slot' && (s.text === '' ? !s.suggestion : true))).toBe(true);
  });

  test('the checker finds nothing wrong in the accepted draft but the seed\'s own 年初预算 figures and the 0.182 behind a printed 0.18', () => {
    const { findings, resolved } = checkNarrative(extractClaims(renderText(draft, { fill: true })), d.facts);
    expect(resolved.length).toBeGreaterThanOrEqual(40);
    // The inputs are the seed's: its per-类 年初预算 add up to 1460.67, not to the 1405.65 it states
    // for the total, and the draft repeats them faithfully; the checker must say so.
    // And 公开09表!G8 stores 0.182 where 0.18 is printed: the draft's 2.04% is right for the printed figure,
    // and the cell is named (a warning).
    expect(findings.filter((f) => f.rule !== 'NARRATIVE.unresolved').map((f) => [f.rule, f.severity, f.quote, f.expected, f.actual])).toEqual([
      ['NARRATIVE.sum', 'error', '1405.65万元', '1460.67', '1405.65'],
      ['NARRATIVE.completion', 'warning', '2.04%', '0.18', '0.182'],
    ]);
  });

  test('a share moved by more than one unit is still an error, list or not', () => {
    const text = renderText(draft, { fill: true }).replace('占91.70%', '占91.72%').replace('占1.09%', '占1.08%');
    const { findings } = checkNarrative(extractClaims(text), d.facts);
    expect(findings.filter((f) => f.rule === 'NARRATIVE.share').map((f) => [f.severity, f.quote])).toContainEqual(['error', '91.72%']);
  });

  test('the text rendering shows every slot and marks the suggestions', () => {
    const text = renderText(draft);
    expect(text).toContain('主要原因是【主要原因：住房保障支出增加12185.80万元（建议）】。');
    expect(text).toContain('年初预算为【年初预算：1405.65】万元');
    expect(text).toContain('决算数小于全年预算数的主要原因：【主要原因】。');
  });
});

describe('without prior-year and budget inputs', () => {
  let bare: NarrativeDraft;
  beforeAll(() => {
    bare = draftQingkuang(d.facts, d.gongkai, {});
  });

  test('上年数 slots stand where the change would be, and no change is invented', () => {
    for (const numeral of ['一', '二', '三', '四', '五', '九']) {
      const runs = allRuns(section(bare.blocks, numeral));
      expect(runs.some((r) => r.type === 'slot' && r.kind === 'input' && r.label.startsWith('上年数'))).toBe(true);
    }
    const runs = allRuns(bare.blocks);
    expect(runs.filter((r) => r.type === 'number' && /较上年|较年初预算|完成年初预算/.test(r.factKey))).toEqual([]);
    for (const r of runs) if (r.type !== 'slot') expect(r.text).not.toMatch(/增加|减少|增长|下降|持平|相同/);
    // The reasons have nothing to suggest from.
    expect(runs.filter((r) => r.type === 'slot' && r.kind === 'reason').every((r) => r.type === 'slot' && r.text === '' && !r.suggestion)).toBe(true);
    const one = paragraphs(section(bare.blocks, '一'), false)[0];
    expect(one).toBe('2024年度收、支总计22899.22万元。与2023年度相比，收、支总计【上年数（2023年度收、支总计，万元）】，主要原因是【主要原因】。');
  });

  test('年初预算 and the external figures are input slots; the shares and the table sections are drafted all the same', () => {
    const five = paragraphs(section(bare.blocks, '五'), false);
    expect(five).toContain('2024年度一般公共预算财政拨款支出年初预算为【年初预算】万元，支出决算为22854.27万元。其中：基本支出1449.61万元，项目支出21404.66万元。项目支出主要用于' + five.find((p) => p.includes('项目支出主要用于'))!.split('项目支出主要用于')[1]);
    expect(paragraphs(section(bare.blocks, '十'), false)[0]).toBe(
      '2024年度武汉市江岸区住房保障和房屋管理局机关运行经费支出74.15万元，比年初预算数【年初预算（机关运行经费，万元）】。主要原因是：【主要原因】。',
    );
    expect(paragraphs(section(bare.blocks, '十二'), false)[0]).toBe('截至2024年12月31日，武汉市江岸区住房保障和房屋管理局共有车辆【车辆总数】辆，其中，【车辆构成（类别及辆数）】。');
    expect(paragraphs(section(bare.blocks, '十一'), false)[0]).toContain('政府采购支出总额【政府采购支出总额】万元');
    expect(paragraphs(section(bare.blocks, '二'), false)[0]).toContain('占本年收入99.80%');
    expect(paragraphs(section(bare.blocks, '六'))).toEqual(paragraphs(section(draft.blocks, '六')));
  });

  test('十三 without the 项目自评表: count, 资金 and share are slots', () => {
    const text = paragraphs(section(bare.blocks, '十三'), false).join('\n');
    expect(text).toContain('共涉及项目【项目个数】个，资金【自评项目资金（万元）】万元，占一般公共预算项目支出总额的【占比】%。');
    const withTables = draftSection13(factIndex(d.facts), { year: 2024 }, [d.jixiao]);
    expect(paragraphs(withTables).join('\n')).toContain('共涉及项目7个，资金21311.62万元，占一般公共预算项目支出总额的99.57%。');
  });

  test('五 without a cell reader still names the 项 behind each 类 (the 公开05 labels)', () => {
    const blocks = draftSection5(factIndex(d.facts), { year: 2024 }, d.gongkai.tables);
    const uses = allRuns(blocks).filter((r) => r.type === 'slot' && r.kind === 'use');
    expect(uses[1]).toMatchObject({ text: '科技奖励', suggestion: true });
    // No amounts without a reader: the 项目支出 list has no suggestion.
    expect(uses[8]).toMatchObject({ text: '', suggestion: false });
  });

  test('year and department come from the tables; without them they are slots', () => {
    const none = draftQingkuang(d.facts, undefined, {});
    expect(none.title).toBe('第三部分 【部门名称】 【年度】年度部门决算情况说明');
    const first = paragraphs(section(none.blocks, '一'), false)[0];
    expect(first.startsWith('【年度】年度收、支总计22899.22万元。与上年度相比')).toBe(true);
    expect(paragraphs(section(none.blocks, '十'), false)[0]).toContain('【年度】年度【部门名称】机关运行经费支出74.15万元');
  });
});
