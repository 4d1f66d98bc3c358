import { a1, open, val } from './perf-helpers';
import type { Workbook } from '../../../src/core/grid/grid';
import { perfBase } from '../../../src/core/tables/perf-base';
import { perfDept } from '../../../src/core/tables/perf-dept';
import { perfProject } from '../../../src/core/tables/perf-project';
import { Recognition } from '../../../src/core/tables/recognize';
import type { Line, SemanticTable } from '../../../src/core/tables/types';


function indicators(t: SemanticTable): Line[] {
  return t.lines.filter((l) => /^指标\.\d+$/.test(l.key));
}

/** 一级 label → its "(N分)" weight, in printed order. */
function level1Weights(t: SemanticTable): [string, number | null][] {
  const out: [string, number | null][] = [];
  for (const l of indicators(t)) {
    const level1 = String(l.meta?.level1);
    if (out[out.length - 1]?.[0] !== level1) out.push([level1, (l.meta?.weight1 as number | null) ?? null]);
  }
  return out;
}

function dept(rec: Recognition): SemanticTable {
  const found = rec.tables.filter((t) => t.type === 'PERF_DEPT');
  expect(found).toHaveLength(1);
  return found[0];
}

describe('PERF_DEPT title test', () => {
  it('takes 部门整体 titles and leaves 项目 and 基础数据 titles alone', () => {
    expect(perfDept.matchTitle('2024年度江岸区住房保障和房屋管理局部门整体绩效自评表')).toBeGreaterThanOrEqual(20);
    expect(perfDept.matchTitle('2023年度部门整体支出绩效自评表')).toBeLessThanOrEqual(60);
    expect(perfDept.matchTitle('部门整体支出绩效自评表')).toBeGreaterThan(1);
    expect(perfDept.matchTitle('2024年度物业管理项目绩效自评表')).toBe(0);
    expect(perfDept.matchTitle('2023年度项目支出绩效自评表')).toBe(0);
    expect(perfDept.matchTitle('部门整体支出绩效评价基础数据表')).toBe(0);
    expect(perfProject.matchTitle('部门整体支出绩效自评表')).toBe(0);
    expect(perfBase.matchTitle('部门整体支出绩效自评表')).toBe(0);
  });
});

describe('PERF_DEPT 湖北 (jiangan 2024)', () => {
  let wb: Workbook;
  let t: SemanticTable;
  beforeAll(async () => {
    const o = await open('jiangan-2024-jixiao.xlsx');
    wb = o.wb;
    expect(o.rec.unrecognized).toEqual([]);
    t = dept(o.rec);
  });

  it('reads the metadata', () => {
    expect(t.sheet).toBe('部门整体绩效自评表');
    expect(t.variant).toBe('hubei');
    expect(t.year).toBe(2024);
    expect(t.unit).toBe('万元');
    expect(t.department).toBe('江岸区住房保障和房屋管理局');
    expect(t.label).toBeNull();
    expect(t.line('单位名称')?.meta?.text).toBe('江岸区住房保障和房屋管理局');
    // Title down to 备注 4 (row 60).
    expect(t.range).toEqual({ top: 0, left: 0, bottom: 59, right: 6 });
  });

  it('reads the head block and the 预算执行 row', () => {
    expect(val(wb, t, '基本支出总额', '金额')).toBe(1449.61);
    expect(a1(t, '基本支出总额', '金额')).toBe('B3');
    expect(val(wb, t, '项目支出总额', '金额')).toBe(21404.66);
    expect(a1(t, '项目支出总额', '金额')).toBe('E3');
    expect(val(wb, t, '预算执行', '预算数')).toBe(1405.65);
    expect(val(wb, t, '预算执行', '执行数')).toBe(22854.27);
    expect(a1(t, '预算执行', '执行数')).toBe('D5');
    expect(val(wb, t, '预算执行', '执行率')).toBeNull();
    expect(val(wb, t, '预算执行', '得分')).toBe(20);
    expect(a1(t, '预算执行', '得分')).toBe('F5');
    expect(t.line('预算执行')?.meta?.weight).toBe(20);
  });

  it('reads both goals as one run of indicator lines', () => {
    const all = indicators(t);
    expect(all).toHaveLength(42);
    expect(all.map((l) => l.key)).toEqual(all.map((_, i) => `指标.${i + 1}`));
    const goal1 = all.filter((l) => l.meta?.goal === '年度目标1');
    const goal2 = all.filter((l) => l.meta?.goal === '年度目标2');
    expect(goal1).toHaveLength(11);
    expect(goal2).toHaveLength(31);
    expect(goal1.every((l) => l.meta?.goalWeight === 20)).toBe(true);
    expect(goal2.every((l) => l.meta?.goalWeight === 60)).toBe(true);
    // 一级 labels carry no "(N分)" in the 整体 table: the weights are the goals'.
    expect(level1Weights(t)).toEqual([
      ['产出指标', null],
      ['效益指标', null],
      ['产出指标', null],
      ['效益指标', null],
      ['满意度指标', null],
    ]);
  });

  it('points merged scores at their master cell', () => {
    // G8:G18 "20分" is the score of all of 年度目标1.
    for (let i = 1; i <= 11; i++) {
      expect(a1(t, `指标.${i}`, '得分')).toBe('G8');
      expect(t.line(`指标.${i}`)?.meta?.scoreShared).toBe(true);
    }
    expect(val(wb, t, '指标.1', '得分')).toBe('20分');
    expect(a1(t, '指标.12', '得分')).toBe('G21');
    expect(val(wb, t, '指标.29', '得分')).toBe('39 分');
    expect(val(wb, t, '指标.30', '得分')).toBe(15);
    expect(val(wb, t, '指标.41', '得分')).toBe(7);
    expect(t.line('指标.41')?.meta?.scoreShared).toBe(false);
    expect(val(wb, t, '指标.42', '得分')).toBe(5);
    expect(a1(t, '指标.42', '得分')).toBe('G51');
  });

  it('reads the indicator texts through merges', () => {
    const first = t.line('指标.1')!;
    expect(first.meta).toMatchObject({ level1: '产出指标', level2: '数量指标', goalName: '市级绩效目标' });
    expect(a1(t, '指标.1', '一级指标')).toBe('B8');
    const third = t.line('指标.3')!;
    expect(third.meta).toMatchObject({ level1: '产出指标', level2: '数量指标', name: '发放公租房租赁补贴' });
    expect(val(wb, t, '指标.3', '实际值')).toBe('1509户');
    expect(a1(t, '指标.3', '目标值')).toBe('E10');
    // 经济效益指标 with no 三级: a line that only shares the merged score.
    expect(t.line('指标.8')?.meta).toMatchObject({ level2: '经济效益指标', name: '', empty: true, scoreShared: true });
    expect(t.line('指标.9')?.meta?.empty).toBeUndefined();
  });

  it('reads 总分', () => {
    expect(val(wb, t, '总分', '得分')).toBe(99);
    expect(a1(t, '总分', '得分')).toBe('G52');
    expect(t.cell('总分', '分值')).toBeUndefined();
  });
});

describe('PERF_DEPT 湖南', () => {
  it('怀化 2024 is variant B with its money block, 收入/支出性质 and indicators', async () => {
    const { wb, rec } = await open('huaihua-2024-jixiao.xlsx');
    expect(rec.unrecognized).toEqual([]);
    expect(rec.tables.map((x) => x.type).sort()).toEqual(['PERF_BASE', 'PERF_DEPT']);
    const t = dept(rec);
    expect(t.variant).toBe('hunan-B');
    expect(t.year).toBe(2024);
    expect(t.unit).toBe('万元');
    expect(t.department).toBe('怀化市住房保障服务中心');
    expect(t.range).toEqual({ top: 0, left: 0, bottom: 25, right: 8 });

    const money: [string, number, string][] = [
      ['年初预算数', 3550.44, 'C5'],
      ['全年预算数', 1764.12, 'D5'],
      ['全年执行数', 1403.23, 'E5'],
      ['分值', 10, 'F5'],
      ['执行率', 0.7954, 'G5'],
      ['得分', 7.95, 'H5'],
    ];
    for (const [cell, value, at] of money) {
      expect(val(wb, t, '年度资金总额', cell)).toBe(value);
      expect(a1(t, '年度资金总额', cell)).toBe(at);
    }

    const embedded: [string, string, string][] = [
      ['收入性质.一般公共预算', '1644.62', 'B7'],
      ['收入性质.政府性基金拨款', '5', 'B8'],
      ['收入性质.纳入专户管理的非税收入拨款', '0', 'B9'],
      ['收入性质.其他资金', '114.50', 'B10'],
      ['支出性质.基本支出', '859.70', 'F7'],
      ['支出性质.项目支出', '543.53', 'F8'],
    ];
    for (const [key, amount, at] of embedded) {
      const l = t.line(key)!;
      expect(l.meta).toMatchObject({ embedded: true, amountText: amount });
      expect(a1(t, key, '金额')).toBe(at);
    }
    // A19: Σ 按收入性质 = 全年预算数 (2024 holds).
    const income = embedded.filter(([k]) => k.startsWith('收入')).reduce((s, [, a]) => s + Number(a), 0);
    expect(income).toBeCloseTo(val(wb, t, '年度资金总额', '全年预算数') as number, 6);

    expect(val(wb, t, '总分', '分值')).toBe(100);
    expect(val(wb, t, '总分', '得分')).toBe(95.95);
    expect(a1(t, '总分', '得分')).toBe('H26');

    expect(level1Weights(t)).toEqual([
      ['成本指标', 20],
      ['产出指标', 40],
      ['效益指标', 20],
      ['满意度指标', 10],
    ]);
    const all = indicators(t);
    expect(all).toHaveLength(12);
    expect(all.filter((l) => l.meta?.notApplicable).map((l) => l.key)).toEqual(['指标.3', '指标.4']);
    // D16:I16 "不适用" covers the value columns: the row has no 分值/得分 cell.
    expect(t.cell('指标.3', '分值')).toBeUndefined();
    // A20: the 分值 of the applicable rows under a 一级 add up to its weight.
    const byLevel1 = new Map<string, number>();
    for (const l of all.filter((x) => !x.meta?.notApplicable)) {
      const k = String(l.meta?.level1);
      byLevel1.set(k, (byLevel1.get(k) ?? 0) + (val(wb, t, l.key, '分值') as number));
    }
    expect(Object.fromEntries(byLevel1)).toEqual({ 成本指标: 20, 产出指标: 40, 效益指标: 20, 满意度指标: 10 });
    expect(val(wb, t, '指标.8', '得分')).toBe(3);
    expect(a1(t, '指标.8', '得分')).toBe('H21');
    expect(t.line('指标.8')?.meta).toMatchObject({ level1: '效益指标', level2: '经济效益指标', name: '充分发挥资金效益', weight1: 20 });
  });

  it('怀化 2023 is variant B too, year from the 时效 target', async () => {
    const { wb, rec } = await open('huaihua-2023-jixiao.xlsx');
    expect(rec.unrecognized).toEqual([]);
    const t = dept(rec);
    expect(t.variant).toBe('hunan-B');
    expect(t.year).toBe(2023);
    expect(val(wb, t, '年度资金总额', '全年预算数')).toBe(1375.03);
    expect(val(wb, t, '指标.2', '得分')).toBe(1.5);
    expect(val(wb, t, '总分', '得分')).toBe(91.5);
    expect(t.line('收入性质.其他资金')?.meta?.amountText).toBe('10.31');
  });

  it('渌口 2022 is variant A (成本 is a 二级 under 产出)', async () => {
    const { wb, rec } = await open('lukou-2022-jixiao.xlsx');
    expect(rec.unrecognized).toEqual([]);
    const t = dept(rec);
    expect(t.variant).toBe('hunan-A');
    expect(t.year).toBe(2022);
    expect(t.department).toBe('株洲市渌口区住房保障服务中心');
    expect(t.range.top).toBe(0);
    expect(val(wb, t, '年度资金总额', '年初预算数')).toBe(623.5);
    expect(val(wb, t, '年度资金总额', '全年预算数')).toBe(18015.27);
    expect(val(wb, t, '年度资金总额', '全年执行数')).toBe(18015.27);
    expect(a1(t, '年度资金总额', '全年执行数')).toBe('E6');
    expect(val(wb, t, '年度资金总额', '分值')).toBe('10分');
    expect(val(wb, t, '年度资金总额', '执行率')).toBe(1);
    expect(val(wb, t, '年度资金总额', '得分')).toBe(10);
    expect(t.line('收入性质.纳入专户管理的非税收入拨款')?.meta).toMatchObject({ embedded: true, amountText: '' });
    expect(t.line('收入性质.政府性基金拨款')?.meta?.amountText).toBe('14800');
    expect(t.line('支出性质.项目支出')?.meta?.amountText).toBe('17075.34');
    expect(level1Weights(t)).toEqual([
      ['产出指标', 50],
      ['效益指标', 30],
      ['满意度指标', 10],
    ]);
    expect(t.line('指标.6')?.meta).toMatchObject({ level1: '产出指标', level2: '成本指标', name: '资金成本' });
    expect(val(wb, t, '总分', '分值')).toBe(100);
    expect(val(wb, t, '总分', '得分')).toBe(100);
  });

  it('汨罗 2023 附件2 is variant C (成本指标 last)', async () => {
    const { wb, rec } = await open('miluo-2023-jixiao.xlsx');
    const t = dept(rec);
    expect(t.sheet).toBe('部门整体支出绩效自评表');
    expect(t.variant).toBe('hunan-C');
    expect(t.year).toBe(2023);
    expect(t.department).toBe('汨罗市住建系统');
    // 附件2 line above the title through the 填表人 footer.
    expect(t.range).toEqual({ top: 0, left: 0, bottom: 25, right: 8 });
    expect(val(wb, t, '年度资金总额', '年初预算数')).toBe(2674.4);
    expect(val(wb, t, '年度资金总额', '全年预算数')).toBe(17477.59);
    expect(val(wb, t, '年度资金总额', '全年执行数')).toBe(17477.59);
    expect(t.line('收入性质.一般公共预算')?.meta?.amountText).toBe('15438.43');
    expect(t.line('收入性质.纳入专户管理的非税收入拨款')?.meta?.amountText).toBe('');
    expect(t.line('支出性质.基本支出')?.meta?.amountText).toBe('2352.1');
    expect(level1Weights(t).map(([k]) => k)).toEqual(['产出指标', '效益指标', '满意度指标', '成本指标']);
    expect(val(wb, t, '总分', '分值')).toBe(100);
    expect(val(wb, t, '总分', '得分')).toBe(99);
    expect(a1(t, '总分', '得分')).toBe('H25');
  });
});
