import { a1, open, val } from './perf-helpers';
import type { Workbook } from '../../../src/core/grid/grid';
import { perfBase } from '../../../src/core/tables/perf-base';
import { Recognition, templatesForTitle } from '../../../src/core/tables/recognize';
import type { SemanticTable } from '../../../src/core/tables/types';


/** (上年决算数, 预算数, 决算数) of a block-2 line. */
function triple(wb: Workbook, t: SemanticTable, line: string): (number | string | null)[] {
  return ['上年决算数', '预算数', '决算数'].map((c) => val(wb, t, line, c));
}

function base(rec: Recognition): SemanticTable {
  const found = rec.tables.filter((t) => t.type === 'PERF_BASE');
  expect(found).toHaveLength(1);
  return found[0];
}

const COMMON = ['三公经费', '公务用车购置和维护经费', '公车购置', '公车运行维护', '出国经费', '公务接待', '公用经费', '办公经费', '水费电费差旅费', '会议费培训费', '政府采购金额', '部门基本支出预算调整'];
const BUILDINGS = ['批复规模', '实际规模', '规模控制率', '预算投资', '实际投资', '投资概算控制率'];

describe('PERF_BASE title test', () => {
  it('takes 基础数据表 titles only', () => {
    expect(perfBase.matchTitle('部门整体支出绩效评价基础数据表')).toBeGreaterThanOrEqual(20);
    expect(perfBase.matchTitle('2023年度部门整体支出绩效评价基础数据表')).toBeLessThanOrEqual(60);
    expect(templatesForTitle('2023年度部门整体支出绩效评价基础数据表').map((t) => t.type)).toEqual(['PERF_BASE']);
    expect(perfBase.matchTitle('部门整体支出绩效自评表')).toBe(0);
  });
});

describe('PERF_BASE 怀化 2024', () => {
  let wb: Workbook;
  let t: SemanticTable;
  beforeAll(async () => {
    const o = await open('huaihua-2024-jixiao.xlsx');
    wb = o.wb;
    expect(o.rec.unrecognized).toEqual([]);
    t = base(o.rec);
  });

  it('reads the metadata', () => {
    expect(t.sheet).toBe('基础数据表');
    expect(t.variant).toBe('huaihua');
    expect(t.year).toBe(2024);
    expect(t.unit).toBe('万元');
    expect(t.label).toBeNull();
    // 附件1-1 line down to 厉行节约保障措施.
    expect(t.range).toEqual({ top: 0, left: 0, bottom: 21, right: 6 });
    expect(t.column('上年决算数')?.label).toBe('2022年决算数');
    expect(t.column('决算数')?.label).toBe('2024年决算数');
  });

  it('reads 财政供养人员情况', () => {
    expect(val(wb, t, '编制数', '值')).toBe(57);
    expect(a1(t, '编制数', '值')).toBe('B4');
    expect(val(wb, t, '实际在职人数', '值')).toBe(51);
    expect(a1(t, '实际在职人数', '值')).toBe('D4');
    expect(val(wb, t, '控制率', '值')).toBe(0.8947);
    expect(a1(t, '控制率', '值')).toBe('F4');
  });

  it('reads 经费控制情况', () => {
    for (const key of COMMON) expect(t.line(key)).toBeDefined();
    expect(triple(wb, t, '三公经费')).toEqual([0.51, 3.1, 3.45]);
    expect(['上年决算数', '预算数', '决算数'].map((c) => a1(t, '三公经费', c))).toEqual(['B6', 'D6', 'F6']);
    expect(triple(wb, t, '公务用车购置和维护经费')).toEqual([0.45, 2.6, 3.45]);
    expect(triple(wb, t, '公务接待')).toEqual([0.06, 0.5, 0]);
    expect(triple(wb, t, '专项资金')).toEqual([null, 751.34, 504.27]);
    // "——" is still a cell, read as empty.
    expect(triple(wb, t, '专项.白蚁防治专项经费')).toEqual([null, 162, 9.74]);
    expect(a1(t, '专项.白蚁防治专项经费', '上年决算数')).toBe('B13');
    expect(t.lines.filter((l) => l.key.startsWith('专项.')).map((l) => l.key)).toEqual(['专项.白蚁防治专项经费']);
    expect(triple(wb, t, '水费电费差旅费')).toEqual([null, 18, 34.61]);
    expect(triple(wb, t, '部门基本支出预算调整')).toEqual([null, 0, 0]);
    expect(t.line('三公经费')?.kind).toBe('subtotal');
    expect(t.line('公车购置')?.kind).toBe('detail');
    // A23: 三公经费 = 公务用车 + 出国 + 接待, per column.
    for (const c of ['上年决算数', '预算数', '决算数']) {
      const parts = ['公务用车购置和维护经费', '出国经费', '公务接待'].map((k) => val(wb, t, k, c) as number);
      expect(parts.reduce((a, b) => a + b, 0)).toBeCloseTo(val(wb, t, '三公经费', c) as number, 6);
    }
  });

  it('reads 楼堂馆所 and 厉行节约保障措施', () => {
    expect(val(wb, t, '楼堂馆所', '规模控制率')).toBe(1);
    expect(a1(t, '楼堂馆所', '规模控制率')).toBe('D21');
    expect(BUILDINGS.map((c) => val(wb, t, '楼堂馆所', c))).toEqual([0, 0, 1, 0, 0, 1]);
    expect(t.line('厉行节约保障措施')?.kind).toBe('info');
    expect(String(t.line('厉行节约保障措施')?.meta?.text)).toContain('过紧日子');
    expect(a1(t, '厉行节约保障措施', '文本')).toBe('B22');
  });
});

describe('PERF_BASE 怀化 2023', () => {
  it('has two 专项 rows', async () => {
    const { wb, rec } = await open('huaihua-2023-jixiao.xlsx');
    const t = base(rec);
    expect(t.variant).toBe('huaihua');
    expect(t.year).toBe(2023);
    expect(val(wb, t, '控制率', '值')).toBe(0.8788);
    expect(t.lines.filter((l) => l.key.startsWith('专项.')).map((l) => l.key)).toEqual(['专项.白蚁防治专项经费', '专项.公租房后续管理专项经费']);
    // A24 holds in 2023: 专项资金 = Σ 专项.
    expect(triple(wb, t, '专项资金')).toEqual([null, 582.52, 476.49]);
    expect((val(wb, t, '专项.白蚁防治专项经费', '决算数') as number) + (val(wb, t, '专项.公租房后续管理专项经费', '决算数') as number)).toBeCloseTo(476.49, 6);
  });
});

describe('PERF_BASE 汨罗 2023 附件1', () => {
  let wb: Workbook;
  let t: SemanticTable;
  beforeAll(async () => {
    const o = await open('miluo-2023-jixiao.xlsx');
    wb = o.wb;
    t = base(o.rec);
  });

  it('reads the metadata and block 1', () => {
    expect(t.sheet).toBe('基础数据表');
    expect(t.variant).toBe('miluo');
    expect(t.year).toBe(2023);
    expect(t.title).toBe('2023年度部门整体支出绩效评价基础数据表');
    // Through 说明 and 填表人.
    expect(t.range).toEqual({ top: 0, left: 0, bottom: 40, right: 6 });
    expect(t.notes.some((n) => n.startsWith('说明'))).toBe(true);
    expect(t.notes.some((n) => n.startsWith('填表人'))).toBe(true);
    expect(val(wb, t, '编制数', '值')).toBe(195);
    expect(val(wb, t, '实际在职人数', '值')).toBe(188);
    expect(val(wb, t, '控制率', '值')).toBe(0.9641);
  });

  it('reads 项目支出 and the 15 itemized 专项 under 县级专项资金', () => {
    for (const key of [...COMMON, '项目支出', '业务工作经费', '运行维护经费', '县级专项资金']) expect(t.line(key)).toBeDefined();
    expect(t.line('专项资金')).toBeUndefined();
    expect(triple(wb, t, '县级专项资金')).toEqual([689.51, 309.88, 644.62]);
    expect(a1(t, '县级专项资金', '决算数')).toBe('F15');
    const specials = t.lines.filter((l) => l.key.startsWith('专项.'));
    expect(specials).toHaveLength(15);
    expect(specials[0].key).toBe('专项.城建档案数字化管理和库房九防费用');
    expect(specials[14].key).toBe('专项.帮代办工作经费');
    expect(specials.every((l) => l.group === '县级专项资金')).toBe(true);
    // A24: 县级专项资金 = Σ itemized rows (blank = 0), per column.
    for (const c of ['上年决算数', '预算数', '决算数']) {
      const sum = specials.reduce((s, l) => s + ((val(wb, t, l.key, c) as number | null) ?? 0), 0);
      expect(sum).toBeCloseTo(val(wb, t, '县级专项资金', c) as number, 6);
    }
    expect(triple(wb, t, '专项.工作经费')).toEqual([null, null, 334.74]);
    expect(triple(wb, t, '公用经费')).toEqual([3460.63, 283.7, 297.69]);
    expect(triple(wb, t, '部门基本支出预算调整')).toEqual([null, null, null]);
  });

  it('keeps the blank 楼堂馆所 value row', () => {
    expect(BUILDINGS.map((c) => a1(t, '楼堂馆所', c))).toEqual(['B38', 'C38', 'D38', 'E38', 'F38', 'G38']);
    expect(BUILDINGS.map((c) => val(wb, t, '楼堂馆所', c))).toEqual([null, null, null, null, null, null]);
    expect(t.column('规模控制率')?.label).toBe('规规模控制率');
    expect(String(t.line('厉行节约保障措施')?.meta?.text)).toContain('严控差旅');
  });
});
