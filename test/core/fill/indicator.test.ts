import { Decimal } from '../../../src/core/money/decimal';
import {
  isQuantity,
  parseActual,
  parseTarget,
  qualitativeBand,
  quantitativeScore,
  unitFactor,
  type ParsedIndicator,
} from '../../../src/core/fill/indicator';
import type { Workbook } from '../../../src/core/grid/grid';
import type { SemanticTable } from '../../../src/core/tables/types';
import { recognizeFixture } from '../../helpers/fixtures';
import { caseKey, EXTRA_CASES, FIXTURE_CASES, type Case, type Expected } from './indicator-cases';

const FIXTURES = [
  'jiangan-2024-jixiao.xlsx',
  'huaihua-2023-jixiao.xlsx',
  'huaihua-2024-jixiao.xlsx',
  'lukou-2022-jixiao.xlsx',
  'miluo-2023-jixiao.xlsx',
];

/** What the table pins of a parse. */
function project(p: ParsedIndicator): Expected {
  switch (p.kind) {
    case 'quantitative':
      return {
        kind: 'quantitative',
        direction: p.direction,
        value: p.target.value.toString(),
        unit: p.target.unit,
        op: p.operatorText,
        ...(p.target.approx ? { approx: true as const } : {}),
        ...(p.target.label ? { label: p.target.label } : {}),
      };
    case 'qualitative':
      return { kind: 'qualitative', band: p.band };
    case 'date':
      return p.direction ? { kind: 'date', direction: p.direction } : { kind: 'date' };
    case 'unparsed':
      return p.direction ? { kind: 'unparsed', reason: p.reason, direction: p.direction } : { kind: 'unparsed', reason: p.reason };
  }
}

const label = (c: Case) => `${JSON.stringify(c.raw)}${c.numFmt !== undefined ? ` {${c.numFmt}}` : ''}`;

describe('parseTarget: the expected table', () => {
  it('has more than 100 rows and no duplicates', () => {
    const all = [...FIXTURE_CASES, ...EXTRA_CASES];
    expect(all.length).toBeGreaterThanOrEqual(100);
    const keys = all.map((c) => caseKey(c.raw, c.numFmt));
    expect(new Set(keys).size).toBe(keys.length);
  });
  test.each([...FIXTURE_CASES, ...EXTRA_CASES].map((c) => [label(c), c] as const))('%s', (_l, c) => {
    expect(project(parseTarget(c.raw, c.numFmt))).toEqual(c.expect);
  });
});

// ---------------------------------------------------------------------------------------------

interface FixtureLine {
  file: string;
  sheet: string;
  name: string;
  target: { raw: string | number | null; numFmt?: string };
  actual: { raw: string | number | null; numFmt?: string };
  weight: Decimal | null;
  score: Decimal | null;
}

interface FixtureText {
  raw: string | number;
  numFmt?: string;
  roles: Set<'T' | 'A'>;
}

function cellOf(wb: Workbook, t: SemanticTable, ref: { row: number; col: number } | undefined) {
  if (!ref) return { raw: null };
  const grid = wb.sheets.find((s) => s.name === t.sheet)!;
  const raw = grid.value(ref.row, ref.col);
  const cell = grid.cell(ref.row, ref.col);
  if (raw === null || raw === '' || typeof raw === 'boolean') return { raw: null };
  return typeof raw === 'number' ? { raw, numFmt: cell?.numFmt } : { raw };
}

function scoreOf(v: string | number | null): Decimal | null {
  if (typeof v === 'number') return new Decimal(String(v));
  if (typeof v === 'string' && /^\d+(\.\d+)?\s*分?$/.test(v.trim())) return new Decimal(v.trim().replace(/\s*分$/, ''));
  return null;
}

/**
 * Where the 正向/反向 formula, rounded to the printed precision, differs from the printed 得分
 * (docs/domain.md §2(d) "Observed scoring practice": integer floors, the unexplained 1.5, full marks for 15/16).
 */
const PRINTED_DIFFERS = [
  '项目支出成本控制: ≤202万元 → 533.63万元 = 3.7854/10, printed 1.5',
  '服务对象满意度98%以上: 0.98 → 0.95 = 9.6939/10, printed 9',
  '企业主和群众满意度高: 1 → 98％ = 9.8/10, printed 9',
  '群众满意度: 1 → 0.98 = 9.8/10, printed 9',
  '群众满意度: 1 → 0.98 = 9.8/10, printed 9',
  '群众满意度: 1 → 0.99 = 9.9/10, printed 9',
  '群众满意度: 1 → 0.98 = 9.8/10, printed 9',
  '群众满意度: 1 → 0.98 = 9.8/10, printed 9',
  '群众满意度: 1 → 0.98 = 9.8/10, printed 9',
  '群众满意度: >=95% → >=95% = 10/10, printed 9',
  '群众满意度: >=95% → >=95% = 10/10, printed 9',
  '档案设备更新: 0.95 → 0.95 = 9.5/9.5, printed 9',
  '做好公开招投标项目监管: 16个 → 15个 = 9.375/10, printed 10',
];

describe('every 目标值 / 实际值 text of the five 绩效 fixtures', () => {
  const lines: FixtureLine[] = [];
  const texts = new Map<string, FixtureText>();
  const table = new Map(FIXTURE_CASES.map((c) => [caseKey(c.raw, c.numFmt), c]));

  beforeAll(async () => {
    for (const file of FIXTURES) {
      const r = await recognizeFixture(file);
      for (const t of r.tables) {
        if (t.type !== 'PERF_DEPT' && t.type !== 'PERF_PROJECT') continue;
        for (const l of t.lines) {
          if (!/^指标\.\d+$/.test(l.key)) continue;
          const target = cellOf(r.workbook, t, l.cells['目标值']);
          const actual = cellOf(r.workbook, t, l.cells['实际值']);
          const w = cellOf(r.workbook, t, l.cells['分值']).raw;
          const s = cellOf(r.workbook, t, l.cells['得分']).raw;
          const shared = l.meta?.scoreShared === true || l.meta?.weightShared === true;
          lines.push({
            file,
            sheet: t.sheet,
            name: String(l.meta?.name ?? l.label),
            target,
            actual,
            weight: shared ? null : scoreOf(w),
            score: shared ? null : scoreOf(s),
          });
          for (const [role, c] of [['T', target], ['A', actual]] as const) {
            if (c.raw === null) continue;
            const key = caseKey(c.raw, c.numFmt);
            const e = texts.get(key) ?? { raw: c.raw, numFmt: c.numFmt, roles: new Set() };
            e.roles.add(role);
            texts.set(key, e);
          }
        }
      }
    }
  });

  it('finds 336 indicator lines and 210 distinct texts (144 as targets, 136 as actuals)', () => {
    expect(lines).toHaveLength(336);
    expect(texts.size).toBe(210);
    expect([...texts.values()].filter((t) => t.roles.has('T'))).toHaveLength(144);
    expect([...texts.values()].filter((t) => t.roles.has('A'))).toHaveLength(136);
  });

  it('has every fixture text in the expected table, with its roles', () => {
    const missing = [...texts.entries()].filter(([k]) => !table.has(k)).map(([k]) => k);
    expect(missing).toEqual([]);
    for (const [k, t] of texts) expect([k, table.get(k)!.roles]).toEqual([k, [...t.roles].sort().reverse().join('')]);
  });

  it('has no fixture row in the table that the fixtures no longer hold', () => {
    expect(FIXTURE_CASES.filter((c) => !texts.has(caseKey(c.raw, c.numFmt))).map(label)).toEqual([]);
  });

  it('parses each fixture text as the table says', () => {
    for (const [k, t] of texts) expect([k, project(parseTarget(t.raw, t.numFmt))]).toEqual([k, table.get(k)!.expect]);
  });

  it('splits across kinds as pinned', () => {
    const count = (pred: (p: ParsedIndicator) => boolean, role?: 'T' | 'A') =>
      [...texts.values()].filter((t) => (!role || t.roles.has(role)) && pred(parseTarget(t.raw, t.numFmt))).length;
    const kinds = (role?: 'T' | 'A') => ({
      quantitative: count((p) => p.kind === 'quantitative', role),
      date: count((p) => p.kind === 'date', role),
      qualitative: count((p) => p.kind === 'qualitative', role),
      unparsed: count((p) => p.kind === 'unparsed', role),
    });
    expect(kinds()).toEqual({ quantitative: 92, date: 13, qualitative: 89, unparsed: 16 });
    expect(kinds('T')).toEqual({ quantitative: 60, date: 9, qualitative: 64, unparsed: 11 });
    expect(kinds('A')).toEqual({ quantitative: 66, date: 11, qualitative: 50, unparsed: 9 });
    // quantitative targets by direction
    const dir = (d: string) => count((p) => p.kind === 'quantitative' && p.direction === d, 'T');
    expect({ positive: dir('positive'), negative: dir('negative'), exact: dir('exact') }).toEqual({ positive: 14, negative: 6, exact: 40 });
  });

  it('parseActual agrees with parseTarget on every actual', () => {
    for (const t of texts.values()) {
      if (!t.roles.has('A')) continue;
      const p = parseTarget(t.raw, t.numFmt);
      const a = parseActual(t.raw, t.numFmt);
      const k = caseKey(t.raw, t.numFmt);
      if (p.kind === 'quantitative') {
        expect([k, isQuantity(a)]).toEqual([k, true]);
        if (!isQuantity(a)) continue;
        expect([k, a.value.toString(), a.unit]).toEqual([k, p.target.value.toString(), p.target.unit]);
        const bound = p.direction === 'positive' ? 'at-least' : p.direction === 'negative' ? 'at-most' : undefined;
        expect([k, a.bound]).toEqual([k, bound]);
      } else {
        expect(a).not.toBeNull();
        expect(isQuantity(a)).toBe(false);
      }
    }
  });

  it('scores the 湖南 rows whose target and actual are quantities, never above the weight; lists where the print differs', () => {
    let scored = 0;
    const differs: string[] = [];
    for (const l of lines) {
      if (!l.weight || l.weight.isZero()) continue;
      const s = quantitativeScore(l.weight, parseTarget(l.target.raw, l.target.numFmt), parseActual(l.actual.raw, l.actual.numFmt));
      if (s === null) continue;
      scored++;
      expect(s.lte(l.weight)).toBe(true);
      if (!l.score || !s.toDecimalPlaces(l.score.decimalPlaces(), Decimal.ROUND_HALF_UP).equals(l.score)) {
        differs.push(`${l.name.replace(/\s+/g, '')}: ${String(l.target.raw)} → ${String(l.actual.raw)} = ${s.toDecimalPlaces(4).toString()}/${l.weight}, printed ${l.score}`);
      }
    }
    expect(scored).toBe(82);
    expect(differs).toEqual(PRINTED_DIFFERS);
  });

  it('suggests a band for every 定性 line and compares it with the printed 湖南 scores', () => {
    const bands: Record<string, number> = {};
    const outside: string[] = [];
    for (const l of lines) {
      const t = parseTarget(l.target.raw, l.target.numFmt);
      if (t.kind === 'quantitative' || l.actual.raw === null) continue;
      if (t.kind === 'unparsed' && (t.reason === 'empty' || t.reason === 'not-applicable')) continue;
      const b = qualitativeBand(l.target.raw, l.actual.raw, { targetNumFmt: l.target.numFmt, actualNumFmt: l.actual.numFmt });
      const key = b?.band ?? 'null';
      bands[key] = (bands[key] ?? 0) + 1;
      if (!b || !l.weight || !l.score || l.weight.isZero()) continue;
      const f = l.score.div(l.weight);
      const inside = f.gte(b.range[0]) && (b.band === 'achieved' ? f.lte(b.range[1]) : f.lt(b.range[1]));
      if (!inside) outside.push(`${String(l.target.raw)} → ${String(l.actual.raw)}: ${b.band}, printed ${l.score}/${l.weight}`);
    }
    // null: the 24小时 list "1、≥5000起；2、≥40件", and 不漏一户 → 3761栋 (a count against words)
    expect(bands).toEqual({ achieved: 138, partly: 4, null: 2 });
    // 004 3-6 时效: the words say late, the seed printed 9/10 all the same
    expect(outside).toEqual(['2023年1-12月 → 1个项目未能按时完成: partly, printed 9/10']);
  });
});

// ---------------------------------------------------------------------------------------------

const w10 = new Decimal(10);
const score = (weight: Decimal | number, t: [string | number | null, string?], a: [string | number | null, string?], exactAs?: 'positive' | 'negative') =>
  quantitativeScore(new Decimal(weight), parseTarget(t[0], t[1]), parseActual(a[0], a[1]), exactAs ? { exactAs } : {});

describe('quantitativeScore (docs/domain.md §2(d))', () => {
  it('004 满意度 98% → 95%: 正向 10 × 95/98 = 9.6939…', () => {
    const s = score(w10, [0.98, '0%'], [0.95, '0%'])!;
    expect(s.toFixed(4)).toBe('9.6939');
    // exact to Decimal's 40 significant digits: s × 98 = 950
    expect(s.times(98).minus(950).abs().lt('1e-35')).toBe(true);
    expect(s.equals(new Decimal(950).div(98))).toBe(true);
  });

  it('004 100% → 98% and → 99%: 9.8 and 9.9; 98％ text reads the same as 0.98 in a 0% cell', () => {
    expect(score(w10, [1, '0%'], [0.98, '0%'])!.toString()).toBe('9.8');
    expect(score(w10, [1, '0%'], [0.99, '0%'])!.toString()).toBe('9.9');
    expect(score(w10, [1, '0%'], ['98％'])!.toString()).toBe('9.8');
    expect(score(w10, [0.98, '0%'], [0.95, '0%'])!.equals(score(w10, ['98%'], ['95％'])!)).toBe(true);
  });

  it('002 ≤202万元 → 533.63万元: 反向 10 × 202/533.63 = 3.785… (the seed printed 1.5)', () => {
    const s = score(w10, ['≤202万元'], ['533.63万元'])!;
    expect(s.toFixed(3)).toBe('3.785');
    expect(s.equals(new Decimal(2020).div('533.63'))).toBe(true);
    // 003: under the limit → full marks
    expect(score(w10, ['≤870.34万元'], ['859.70万元'])!.toString()).toBe('10');
    expect(score(w10, ['≤2680.1万元'], ['543.53万元'])!.toString()).toBe('10');
  });

  it('001 资金成本 623.5 → 18015.27 (no operator): 正向 by convention → 10, as printed; 反向 would give 0.35', () => {
    expect(parseTarget(623.5, '0.0')).toMatchObject({ kind: 'quantitative', direction: 'exact' });
    expect(score(w10, [623.5, '0.0'], [18015.27, '0.00'])!.toString()).toBe('10');
    // a 成本 caller may ask for 反向 (the warning rule PERF.indicator-score does)
    expect(score(w10, [623.5, '0.0'], [18015.27, '0.00'], 'negative')!.toFixed(2)).toBe('0.35');
  });

  it('000 ≥10000套 → 12569套: capped at the weight', () => {
    expect(score(10, ['≥10000套'], ['12569套'])!.toString()).toBe('10');
    expect(score(39, ['≥10000套'], ['12569套'])!.toString()).toBe('39');
    expect(score(10, ['≥15000户'], [15398, '0'])!.toString()).toBe('10');
  });

  it('≥1000户 with a blank actual → null; a bare number takes the target unit', () => {
    expect(score(10, ['≥1000户'], [null])).toBeNull();
    expect(score(10, ['≥1000户'], [''])).toBeNull();
    expect(score(10, ['≥1000户'], [1034, '0'])!.toString()).toBe('10');
    expect(score(10, ['≥1000户'], ['900户'])!.toString()).toBe('9');
  });

  it('units that do not agree → null; 万元 vs 元 convert', () => {
    expect(score(5, ['75个'], ['100％'])).toBeNull(); // 004 3-1
    expect(score(10, [100, '0'], [1, '0%'])).toBeNull(); // 000 物业纠纷、投诉回复及时率: 100 is not 100%
    expect(score(10, ['≥90%'], ['90户'])).toBeNull();
    expect(score(10, ['≥10000套'], ['12569户'])).toBeNull();
    expect(score(w10, ['≤202万元'], ['5336300元'])!.equals(score(w10, ['≤202万元'], ['533.63万元'])!)).toBe(true);
    expect(score(w10, ['≤202万元'], ['2020000元'])!.toString()).toBe('10');
    expect(score(w10, ['55万平方米'], ['440000平方米'])!.toString()).toBe('8');
    expect(score(w10, ['100㎡'], ['80平方米'])!.toString()).toBe('8');
    expect(unitFactor('万元', '元')!.toString()).toBe('10000');
    expect(unitFactor('元', '万元')!.toString()).toBe('0.0001');
    expect(unitFactor('%', null)).toBeNull();
    expect(unitFactor(null, '户')!.toString()).toBe('1');
  });

  it('004 practice: 60个 → 27个 gives 0.45 of 1 (printed 0.5); 16个 → 15个 gives 9.375 (printed 10); 3-6 97% of 100% gives 9.7', () => {
    expect(score(1, ['60个'], ['27个'])!.toString()).toBe('0.45');
    expect(score(10, ['16个'], ['15个'])!.toString()).toBe('9.375');
    expect(score(10, [1, '0%'], [0.97, '0%'])!.toString()).toBe('9.7');
  });

  it('an actual written as a bound: same sense scores, the other sense is null', () => {
    expect(score(10, ['≥1000户'], ['≥1000户'])!.toString()).toBe('10');
    expect(score(10, ['≤8秒'], ['≤8秒'])!.toString()).toBe('10');
    expect(score(10, ['≥80%'], ['≥80%'])!.toString()).toBe('10');
    expect(score(10, ['≥90%'], ['≤90%'])).toBeNull();
    expect(score(10, ['≤8秒'], ['≥8秒'])).toBeNull();
    expect(parseActual('≥1000户')).toMatchObject({ bound: 'at-least', operatorText: '≥' });
  });

  it('反向 with ≤100% and 100%, and zero divisors → null', () => {
    expect(score(10, ['≤100%'], [1, '0%'])!.toString()).toBe('10');
    expect(score(10, ['≤100%'], ['125%'])!.toString()).toBe('8');
    expect(score(10, ['0个'], ['5个'])).toBeNull(); // 正向, A = 0
    expect(score(10, ['≤5万元'], ['0万元'])).toBeNull(); // 反向, B = 0
    expect(score(10, ['≤5万元'], ['≤0万元'])).toBeNull();
    expect(score(10, ['≥5个'], ['0个'])!.toString()).toBe('0'); // 正向, B = 0 is a real 0
  });

  it('non-quantitative targets or actuals → null', () => {
    expect(score(10, ['达标'], ['达标'])).toBeNull();
    expect(score(10, ['2024年12月之前'], ['2024年12月之前'])).toBeNull();
    expect(score(10, ['≤预算安排数'], ['≤预算安排数'])).toBeNull();
    expect(score(10, ['≤规定的时间'], [1, '0%'])).toBeNull();
    expect(score(10, ['≥5000起'], ['41 39'])).toBeNull();
    expect(score(10, ['1、≥5000起；\n2、≥40件'], ['1、26450余起；\n2、935余起'])).toBeNull();
    expect(score(10, ['≥18个'], ['效果明显'])).toBeNull();
  });

  it('uses an approximate actual as written (26450余起 → 26450)', () => {
    expect(parseActual('26450余起')).toMatchObject({ unit: '起', approx: true });
    expect(score(10, ['≥5000起'], ['26450余起'])!.toString()).toBe('10');
    expect(score(10, ['≥40件'], ['935余起'])).toBeNull(); // 件 vs 起 (000 整体: the table says so)
  });
});

describe('qualitativeBand (备注3)', () => {
  const band = (t: string | number | null, a: string | number | null, opts?: Parameters<typeof qualitativeBand>[2]) =>
    qualitativeBand(t, a, opts)?.band ?? null;

  it('returns the band and its range as fractions of the weight, or points with a weight', () => {
    const r = qualitativeBand('达标', '达标')!;
    expect(r.band).toBe('achieved');
    expect(r.range.map(String)).toEqual(['0.8', '1']);
    expect(qualitativeBand('效果明显', '效果良好', { weight: new Decimal(5) })!.range.map(String)).toEqual(['2.5', '4']);
    expect(qualitativeBand('完成', '未完成')!.range.map(String)).toEqual(['0', '0.5']);
  });

  it('matches the observed practice of docs/domain.md §2(d)', () => {
    // 000 后勤 满意度: 不断提升群众满意度 → 有提升 scored 9/10 (band 1)
    expect(band('不断提升群众满意度', '有提升')).toBe('achieved');
    // 003 经济效益: 效果明显 → 效果良好 scored 3/5 (band 2): a lower degree than the target's
    expect(band('效果明显', '效果良好')).toBe('partly');
    // 004 3-6: 老旧小区改造完工 → 97% scored 9/10
    expect(band('老旧小区改造完工', 0.97, { actualNumFmt: '0%' })).toBe('achieved');
  });

  it('reads the words of the actual against the target', () => {
    expect(band('完成', '完成')).toBe('achieved');
    expect(band('达标', '基本达标')).toBe('partly');
    expect(band('安全高效', '基本完成')).toBe('partly');
    expect(band('完成', '部分完成')).toBe('partly');
    expect(band('完成', '未完成')).toBe('not-achieved');
    expect(band('是', '否')).toBe('not-achieved');
    expect(band('效果明显', '效果较差')).toBe('not-achieved');
    expect(band('效果明显', '效果明显')).toBe('achieved');
    expect(band('效果良好', '效果明显')).toBe('achieved');
    expect(band('资金有保障', '达标')).toBe('achieved');
    expect(band('无负面影响', '促进')).toBe('achieved');
    expect(band('不超预算', '没超预算')).toBe('achieved');
    expect(band('≤预算安排数', '≤预算安排数')).toBe('achieved');
    expect(band('不发生较大安全生产事故', '不发生较大安全生产事故')).toBe('achieved');
    expect(band('证件核发不出现错误和退回', '没有出现')).toBe('achieved');
    expect(band('及时接听、耐心接待', '及时接听、耐心接待，无不满意情况')).toBe('achieved');
    expect(band('2023年1-12月', '按时间要求完成')).toBe('achieved');
    expect(band('2024年12月之前', '2024年12月之前')).toBe('achieved');
    // 004 3-6 时效: the words say late (部分达成); the seed printed 9/10 all the same
    expect(band('2023年1-12月', '1个项目未能按时完成')).toBe('partly');
  });

  it('takes an actual that restates the target as achieved', () => {
    expect(band('有利于小区平安稳定', '助力江岸维护小区平安稳定')).toBe('achieved');
    expect(band('有利于安居环境构建', '为构建江岸安居环境助力')).toBe('achieved');
    expect(band('让质量安全更深入人心', '让质量安全更深入人心')).toBe('achieved');
    expect(band('丰富老旧小区居民文化生活', '有效改善')).toBe('achieved');
  });

  it('a percent actual against a text target reads as a completion rate', () => {
    expect(band('医保社保按时缴纳', 1, { actualNumFmt: '0%' })).toBe('achieved');
    expect(band('老旧小区改造完工', '60%')).toBe('partly');
    expect(band('老旧小区改造完工', '30%')).toBe('not-achieved');
  });

  it('returns null when there is nothing to judge', () => {
    expect(qualitativeBand('达标', null)).toBeNull();
    expect(qualitativeBand('达标', '')).toBeNull();
    expect(qualitativeBand('≥10000套', '12569套')).toBeNull(); // quantitative: use quantitativeScore
    expect(qualitativeBand(0.98, '95%', { targetNumFmt: '0%' })).toBeNull();
    expect(qualitativeBand('不漏一户', '3761栋')).toBeNull(); // a count against words
    expect(qualitativeBand('为企业增效减负', '美化城市环境')).toBeNull();
    expect(qualitativeBand('无', '无')).toBeNull(); // 无 = not used
    expect(qualitativeBand('不适用', '达标')).toBeNull();
    expect(qualitativeBand('达标', '无')).toBeNull(); // 无 = not used
  });
});
