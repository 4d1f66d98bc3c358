import { a1, open, val } from './perf-helpers';
import type { Workbook } from '../../../src/core/grid/grid';
import { perfDept } from '../../../src/core/tables/perf-dept';
import { perfProject } from '../../../src/core/tables/perf-project';
import { templatesForTitle } from '../../../src/core/tables/recognize';
import type { Line, SemanticTable } from '../../../src/core/tables/types';


function indicators(t: SemanticTable): Line[] {
  return t.lines.filter((l) => /^指标\.\d+$/.test(l.key));
}

function level1Weights(t: SemanticTable): [string, number | null][] {
  const out: [string, number | null][] = [];
  for (const l of indicators(t)) {
    const level1 = String(l.meta?.level1);
    if (out[out.length - 1]?.[0] !== level1) out.push([level1, (l.meta?.weight1 as number | null) ?? null]);
  }
  return out;
}

function projectName(t: SemanticTable): string {
  return String(t.line('项目名称')?.meta?.text ?? '');
}

describe('PERF_PROJECT title test', () => {
  it.each([
    '2024年度物业管理项目绩效自评表',
    '2024年度老旧小区改造项目自评表',
    '2024年度24小时投诉值守业务支出绩效自评表',
    '2024年度后勤保障服务工作经费项目自评表',
    '2023年度项目支出绩效自评表',
  ])('%s → PERF_PROJECT only', (title) => {
    const score = perfProject.matchTitle(title);
    expect(score).toBeGreaterThanOrEqual(20);
    expect(score).toBeLessThanOrEqual(60);
    expect(perfDept.matchTitle(title)).toBe(0);
    expect(templatesForTitle(title)[0]?.type).toBe('PERF_PROJECT');
  });

  it('does not take 部门整体 or 基础数据 titles', () => {
    expect(perfProject.matchTitle('2024年度江岸区住房保障和房屋管理局部门整体绩效自评表')).toBe(0);
    expect(perfProject.matchTitle('2023年度部门整体支出绩效自评表')).toBe(0);
    expect(perfProject.matchTitle('部门整体支出绩效评价基础数据表')).toBe(0);
  });
});

describe('PERF_PROJECT 湖北 (jiangan 2024 sheets 2–8)', () => {
  let wb: Workbook;
  let projects: SemanticTable[];
  beforeAll(async () => {
    const o = await open('jiangan-2024-jixiao.xlsx');
    wb = o.wb;
    expect(o.rec.unrecognized).toEqual([]);
    expect(o.rec.tables.map((t) => t.type)).toEqual(['PERF_DEPT', ...Array(7).fill('PERF_PROJECT')]);
    expect(o.rec.tables.map((t) => t.sheet)).toEqual(wb.sheets.map((s) => s.name));
    projects = o.rec.tables.filter((t) => t.type === 'PERF_PROJECT');
  });

  const byName = (part: string): SemanticTable => {
    const found = projects.filter((t) => projectName(t).includes(part));
    expect(found).toHaveLength(1);
    return found[0];
  };

  it('reads metadata and the head block', () => {
    for (const t of projects) {
      expect(t.variant).toBe('hubei');
      expect(t.year).toBe(2024);
      expect(t.unit).toBe('万元');
      expect(t.department).toBe('江岸区住房保障和房屋管理局');
      expect(t.label).toBeNull();
    }
    const t = byName('老旧小区');
    expect(t.sheet).toBe('老旧小区改造');
    expect(projectName(t)).toBe('老旧小区改造项目');
    expect(t.line('预算执行')?.meta).toMatchObject({ weight: 20, 项目名称: '老旧小区改造项目' });
    expect(t.line('实施单位')?.meta?.text).toBe('物业监管科、城市更新科');
    expect(String(t.line('项目类别')?.meta?.text)).toContain('部门预算项目 ☑');
    // Title down to 备注 4 (row 31).
    expect(t.range).toEqual({ top: 0, left: 0, bottom: 30, right: 6 });
  });

  it('老旧小区改造: 预算执行 and 总分', () => {
    const t = byName('老旧小区');
    expect(val(wb, t, '预算执行', '预算数')).toBe(28606.98);
    expect(val(wb, t, '预算执行', '执行数')).toBe(10220.42);
    expect(a1(t, '预算执行', '执行数')).toBe('D8');
    expect(val(wb, t, '预算执行', '执行率')).toBe(0.3573);
    expect(a1(t, '预算执行', '执行率')).toBe('E8');
    // F8:G8 is merged: the master holds 得分.
    expect(val(wb, t, '预算执行', '得分')).toBe(7);
    expect(a1(t, '预算执行', '得分')).toBe('F8');
    expect(val(wb, t, '总分', '得分')).toBe(87);
    expect(a1(t, '总分', '得分')).toBe('G23');
    expect(String(t.line('偏差原因分析')?.meta?.text)).toContain('先行使用中央补助资金');
  });

  // docs/domain.md §1.11: 预算数(A), 执行数(B), 执行得分, 总分.
  const EXPECTED: [string, number, number, number, number][] = [
    ['物业管理专项经费', 1800, 1800, 20, 100],
    ['老旧小区改造', 28606.98, 10220.42, 7, 87],
    ['房屋安全监管', 573, 573, 20, 100],
    ['居民购房补贴', 2000, 1898.72, 19, 99],
    ['保障性安居工程', 9883.3, 6592.21, 13, 93],
    ['24小时投诉值守', 14, 14, 20, 100],
    ['后勤保障服务', 213.27, 213.27, 20, 99],
  ];
  it.each(EXPECTED)('%s: %d / %d, 执行得分 %d, 总分 %d', (name, budget, spent, score, total) => {
    const t = byName(name);
    expect(val(wb, t, '预算执行', '预算数')).toBe(budget);
    expect(val(wb, t, '预算执行', '执行数')).toBe(spent);
    expect(val(wb, t, '预算执行', '得分')).toBe(score);
    expect(val(wb, t, '总分', '得分')).toBe(total);
    expect(level1Weights(t)).toEqual([
      ['产出指标', 40],
      ['效益指标', 30],
      ['满意度指标', 10],
    ]);
  });

  it('reads the indicator rows with 具体指标名称 as 三级指标', () => {
    const counts = Object.fromEntries(projects.map((t) => [t.sheet, indicators(t).length]));
    expect(counts).toEqual({ 物业管理: 9, 老旧小区改造: 13, 房屋安全监管: 11, 居民购房补贴: 9, 保障性安居工程: 10, '24小时投诉值守': 9, 后勤保障服务: 10 });
    const t = byName('老旧小区');
    expect(t.line('指标.1')?.meta).toMatchObject({ level1: '产出指标', level2: '数量指标', name: '改造户数', weight1: 40 });
    expect(a1(t, '指标.1', '三级指标')).toBe('D10');
    expect(val(wb, t, '指标.1', '目标值')).toBe(13822);
    expect(val(wb, t, '指标.1', '实际值')).toBe(13822);
    // G10:G13 is one score for the four 数量 rows.
    for (const k of ['指标.1', '指标.2', '指标.3', '指标.4']) {
      expect(a1(t, k, '得分')).toBe('G10');
      expect(t.line(k)?.meta?.scoreShared).toBe(true);
    }
    expect(t.line('指标.5')?.meta?.scoreShared).toBe(false);
    expect(t.line('指标.8')?.meta).toMatchObject({ level2: '经济效益指标', empty: true });
    expect(a1(t, '指标.11', '得分')).toBe('G19');
    expect(t.cell('指标.1', '分值')).toBeUndefined();
  });

  it('24小时: one merged score per 一级', () => {
    const t = byName('24小时');
    expect(indicators(t).slice(0, 4).map((l) => a1(t, l.key, '得分'))).toEqual(['G10', 'G10', 'G10', 'G10']);
    expect(indicators(t).slice(4, 8).map((l) => a1(t, l.key, '得分'))).toEqual(['G14', 'G14', 'G14', 'G14']);
    expect(val(wb, t, '指标.1', '得分')).toBe(40);
    expect(val(wb, t, '指标.5', '得分')).toBe(30);
    // 经济效益指标 holds the merge's master but no 三级 of its own.
    expect(t.line('指标.5')?.meta?.empty).toBe(true);
    expect(t.line('指标.9')?.meta).toMatchObject({ level1: '满意度指标', level2: '', weight1: 10 });
  });
});

describe('PERF_PROJECT 湖南 (miluo 2023 附件3-1…3-14)', () => {
  let wb: Workbook;
  let projects: SemanticTable[];
  beforeAll(async () => {
    const o = await open('miluo-2023-jixiao.xlsx');
    wb = o.wb;
    expect(o.rec.unrecognized).toEqual([]);
    expect(o.rec.tables.map((t) => t.type)).toEqual(['PERF_BASE', 'PERF_DEPT', ...Array(14).fill('PERF_PROJECT')]);
    projects = o.rec.tables.filter((t) => t.type === 'PERF_PROJECT');
  });

  // docs/domain.md §1.13: 年初 / 全年 / 执行, 总分 得分 (3-13 blank).
  const EXPECTED: [string, string, number, number, number, number | null][] = [
    ['3-1帮代办', '帮代办工作经费', 45, 45, 45, 99],
    ['3-2工程建设审批', '工程建设审批制度改革专项', 10, 10, 10, 99],
    ['3-3下岗职工补助', '下岗职工困难补助专项', 8, 8, 8, 99],
    ['3-4污水在线监测', '乡镇污水处理厂在线监测费用', 69, 69, 69, 99],
    ['3-5施工图审查', '施工审查图', 100, 100, 100, 99],
    ['3-6老旧小区改造', '老旧小区改造专项经费', 5, 5, 5, 97],
    ['3-7黑臭水体检测', '城市黑臭水体检测费', 5.88, 5.88, 5.88, 98],
    ['3-8保障房建设', '2023年保障房建设项目', 5, 5, 5, 98],
    ['3-9危房鉴定', '2023年危房鉴定经费', 10, 10, 10, 98],
    ['3-10白蚁防治', '白蚁防治经费', 22, 22, 22, 99],
    ['3-11城建档案', '汨罗市城建档案馆电子化库房建设和库房九防费用', 5, 5, 5, 99],
    ['3-12质量安全监督', '质量安全监督管专项', 20, 20, 20, 100],
    ['3-13招投标监督', '招投标监督管理专项', 5, 5, 5, null],
    ['3-14工作经费', '工作经费', 325, 334.74, 334.74, 99.5],
  ];

  it('finds the 14 tables in order', () => {
    expect(projects.map((t) => t.sheet)).toEqual(EXPECTED.map((e) => e[0]));
  });

  it.each(EXPECTED)('%s (%s): %d / %d / %d, 总分 %s', (sheet, name, start, year, spent, total) => {
    const t = projects.find((x) => x.sheet === sheet)!;
    expect(t.variant).toBe('hunan');
    expect(t.year).toBe(2023);
    expect(t.unit).toBe('万元');
    expect(projectName(t)).toBe(name);
    expect(t.line('年度资金总额')?.meta?.项目名称).toBe(name);
    expect(val(wb, t, '年度资金总额', '年初预算数')).toBe(start);
    expect(val(wb, t, '年度资金总额', '全年预算数')).toBe(year);
    expect(val(wb, t, '年度资金总额', '全年执行数')).toBe(spent);
    expect(val(wb, t, '年度资金总额', '分值')).toBe(10);
    expect(val(wb, t, '年度资金总额', '执行率')).toBe(1);
    expect(val(wb, t, '年度资金总额', '得分')).toBe(10);
    expect(val(wb, t, '总分', '分值')).toBe(100);
    expect(val(wb, t, '总分', '得分')).toBe(total);
    // A21: 年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金 (blank = 0), each column.
    for (const col of ['年初预算数', '全年预算数', '全年执行数']) {
      const parts = ['当年财政拨款', '上年结转资金', '其他资金'].map((k) => (val(wb, t, k, col) as number | null) ?? 0);
      expect(parts.reduce((a, b) => a + b, 0)).toBeCloseTo(val(wb, t, '年度资金总额', col) as number, 6);
    }
    // Weights: 产出 30, 效益 30, 满意度 10, 成本 20 in some order.
    expect(Object.fromEntries(level1Weights(t))).toEqual({ 产出指标: 30, 效益指标: 30, 满意度指标: 10, 成本指标: 20 });
  });

  it('3-14 工作经费: cell addresses, 年初 ≠ 全年, 不适用 rows', () => {
    const t = projects.find((x) => x.sheet === '3-14工作经费')!;
    expect(a1(t, '年度资金总额', '年初预算数')).toBe('C6');
    expect(a1(t, '年度资金总额', '全年预算数')).toBe('D6');
    expect(a1(t, '年度资金总额', '全年执行数')).toBe('E6');
    expect(a1(t, '当年财政拨款', '全年执行数')).toBe('E7');
    expect(a1(t, '总分', '得分')).toBe('H41');
    expect(t.department).toBe('汨罗市住房和城乡建设局');
    expect(indicators(t)).toHaveLength(28);
    expect(val(wb, t, '指标.6', '分值')).toBe(1);
    expect(val(wb, t, '指标.6', '得分')).toBe(0.5);
    expect(a1(t, '指标.6', '得分')).toBe('H18');
    expect(String(val(wb, t, '指标.6', '偏差原因'))).toContain('27个项目');
    expect(indicators(t).filter((l) => l.meta?.notApplicable).map((l) => l.meta?.level2)).toEqual(['社会成本指标', '生态环境成本指标']);
    // Footer (备注, 填表人, 盖章, date) stays in the range.
    expect(t.range).toEqual({ top: 0, left: 0, bottom: 45, right: 8 });
    expect(t.notes.some((n) => n.startsWith('备注'))).toBe(true);
  });

  it('3-1 puts 成本 first and marks 无 rows', () => {
    const t = projects.find((x) => x.sheet === '3-1帮代办')!;
    expect(level1Weights(t).map(([k]) => k)).toEqual(['成本指标', '产出指标', '效益指标', '满意度指标']);
    expect(indicators(t).filter((l) => l.meta?.notApplicable).map((l) => l.meta?.level2)).toEqual(['社会成本指标', '生态环境成本指标', '生态效益指标']);
    // "无" in the 分值 cell reads as empty.
    expect(a1(t, '指标.2', '分值')).toBe('G14');
    expect(val(wb, t, '指标.2', '分值')).toBeNull();
  });

  it('3-8: blank filler rows under merged 一级 are not lines; 主管部门 is blank', () => {
    const t = projects.find((x) => x.sheet === '3-8保障房建设')!;
    expect(t.department).toBeNull();
    expect(indicators(t).map((l) => l.row + 1)).toEqual([13, 14, 15, 17, 19, 21, 23, 25, 27, 30, 31, 32]);
    expect(a1(t, '指标.10', '分值')).toBe('G30');
    expect(t.line('指标.10')?.meta).toMatchObject({ level1: '成本指标', weight1: 20 });
  });

  it('3-11 repeats 分值/执行率/得分 on 当年财政拨款: recorded there too', () => {
    const t = projects.find((x) => x.sheet === '3-11城建档案')!;
    expect(a1(t, '当年财政拨款', '分值')).toBe('F7');
    expect(val(wb, t, '当年财政拨款', '得分')).toBe(10);
    expect(a1(t, '年度资金总额', '得分')).toBe('H6');
    expect(val(wb, t, '上年结转资金', '年初预算数')).toBeNull();
    // Elsewhere the 当年财政拨款 row has no 分值 cell.
    const other = projects.find((x) => x.sheet === '3-1帮代办')!;
    expect(other.cell('当年财政拨款', '分值')).toBeUndefined();
    expect(t.line('指标.5')?.meta).toMatchObject({ level2: '经济效益指标', empty: true });
  });
});
