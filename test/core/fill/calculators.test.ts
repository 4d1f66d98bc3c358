import { refToA1 } from '../../../src/core/grid/address';
import { formatValue, planFills } from '../../../src/core/fill/plan';
import type { PlannedWrite } from '../../../src/core/fill/types';
import { recognizeFixture } from '../../helpers/fixtures';

async function plan(fixture: string) {
  const r = await recognizeFixture(fixture);
  return { r, plan: planFills(r.workbook, r.tables) };
}

const at = (writes: PlannedWrite[], sheet: string, address: string) => {
  const w = writes.find((x) => x.sheet === sheet && refToA1(x.ref) === address);
  if (!w) throw new Error(`no write at ${sheet}!${address}`);
  return w;
};

describe('calculators on the 绩效 fixtures: the published 执行率 and 得分 where right, flagged where not', () => {
  test('江岸 2024 projects: 35.73% → 7, 94.94% → 19, 66.70% → 13, 100% → 20 reproduced exactly', async () => {
    const { r, plan: p } = await plan('jiangan-2024-jixiao.xlsx');
    const projects = r.tables.filter((t) => t.type === 'PERF_PROJECT');
    expect(projects).toHaveLength(7);
    const expected: Record<string, [string, string]> = {
      老旧小区改造: ['35.73%', '7'],
      居民购房补贴: ['94.94%', '19'],
      保障性安居工程: ['66.70%', '13'],
      物业管理专项经费: ['100.00%', '20'],
    };
    let matched = 0;
    for (const t of projects) {
      const name = String(t.line('项目名称')?.meta?.text ?? t.line('预算执行')?.meta?.['项目名称'] ?? '');
      const key = Object.keys(expected).find((k) => name.includes(k));
      if (!key) continue;
      matched++;
      const line = t.line('预算执行')!;
      const rate = at(p.writes, t.sheet, refToA1(line.cells['执行率']));
      const score = at(p.writes, t.sheet, refToA1(line.cells['得分']));
      expect([formatValue(rate.value, rate.valueFormat), rate.status]).toEqual([expected[key][0], 'same-value']);
      expect([score.value.toString(), score.status]).toEqual([expected[key][1], 'same-value']);
      expect(score.formula).toMatch(/^IFERROR\(ROUND\(20\*MIN\(1,D\d+\/C\d+\),0\),0\)$/);
    }
    expect(matched).toBe(4);
  });

  test('江岸 2024 部门整体: the blank 执行率 is filled (1625.89%), the 得分 capped at 20', async () => {
    const { r, plan: p } = await plan('jiangan-2024-jixiao.xlsx');
    const t = r.tables.find((x) => x.type === 'PERF_DEPT')!;
    const line = t.line('预算执行')!;
    const rate = at(p.writes, t.sheet, refToA1(line.cells['执行率']));
    expect([formatValue(rate.value, rate.valueFormat), rate.status, refToA1(rate.ref)]).toEqual(['1625.89%', 'empty', 'E5']);
    expect(rate.formula).toBe('IF(AND(N(D5)=0,N(C5)=0),1,IFERROR(ROUND(D5/C5,4),0))');
    expect(at(p.writes, t.sheet, 'F5').value.toString()).toBe('20');
  });

  test('怀化 2024: 79.54% and 7.95 (湖南: 分值 × min(1, 全年执行数/全年预算数), 2 decimals), 控制率 89.47%', async () => {
    const { r, plan: p } = await plan('huaihua-2024-jixiao.xlsx');
    const t = r.tables.find((x) => x.type === 'PERF_DEPT')!;
    const line = t.line('年度资金总额')!;
    const rate = at(p.writes, t.sheet, refToA1(line.cells['执行率']));
    const score = at(p.writes, t.sheet, refToA1(line.cells['得分']));
    expect([formatValue(rate.value, rate.valueFormat), rate.status, rate.formula]).toEqual(['79.54%', 'same-value', 'IF(AND(N(E5)=0,N(D5)=0),1,IFERROR(ROUND(E5/D5,4),0))']);
    expect([score.value.toString(), score.status, score.formula]).toEqual(['7.95', 'same-value', 'IFERROR(ROUND(F5*MIN(1,E5/D5),2),0)']);
    const base = r.tables.find((x) => x.type === 'PERF_BASE')!;
    const control = at(p.writes, base.sheet, refToA1(base.cell('控制率', '值')!));
    expect([formatValue(control.value, control.valueFormat), control.status]).toEqual(['89.47%', 'same-value']);
    expect(p.findings).toEqual([]);
  });

  test('怀化 2023: the wrong 控制率 87.88% is flagged (58 ÷ 57 = 101.75%), not overwritten', async () => {
    const { p } = await plan('huaihua-2023-jixiao.xlsx').then((x) => ({ p: x.plan }));
    const control = p.writes.find((w) => w.quantity === '控制率' && refToA1(w.ref) === 'F4')!;
    expect([control.status, formatValue(control.value, control.valueFormat), control.current]).toEqual(['conflict', '101.75%', '0.8788']);
    expect(p.findings.map((f) => [f.rule, f.cells[0].address, f.expected])).toContainEqual(['FILL.differs', 'F4', '101.75%']);
    // the 项目支出成本控制 indicator: ≤202万元 against 533.63万元 scores 反向 10 × 202/533.63 = 3.79, printed 1.5
    expect(p.findings.map((f) => [f.cells[0].address, f.expected, f.actual])).toContainEqual(['H15', '3.79', '1.5']);
  });

  test('汨罗 2023: every 执行率/得分 is 100%/10 as published; wrong 总分 flagged; blank 3-13 总分 filled with 100', async () => {
    const { r, plan: p } = await plan('miluo-2023-jixiao.xlsx');
    const rates = p.writes.filter((w) => w.quantity === '执行率');
    expect(rates.length).toBeGreaterThanOrEqual(15);
    expect(rates.every((w) => w.status === 'same-value' && w.value.toString() === '1')).toBe(true);
    const scores = p.writes.filter((w) => w.quantity === '预算执行得分');
    expect(scores.every((w) => w.status === 'same-value' && w.value.toString() === '10')).toBe(true);
    const t313 = r.tables.find((t) => t.sheet.startsWith('3-13'))!;
    const total = at(p.writes, t313.sheet, refToA1(t313.cell('总分', '得分')!));
    expect([total.status, total.value.toString()]).toEqual(['empty', '100']);
    const conflicts = p.findings.map((f) => `${f.cells[0].sheet}!${f.cells[0].address}`);
    expect(conflicts).toEqual(expect.arrayContaining(['部门整体支出绩效自评表!H25', '3-3下岗职工补助!H24', '3-11城建档案!H33', '基础数据表!D7']));
  });

  test('a cell holding the user\'s own different formula is never replaced without --overwrite', async () => {
    const r = await recognizeFixture('huaihua-2024-jixiao.xlsx');
    const t = r.tables.find((x) => x.type === 'PERF_DEPT')!;
    const ref = t.line('年度资金总额')!.cells['执行率'];
    const grid = r.workbook.sheets.find((s) => s.name === t.sheet)!;
    grid.set(ref.row, ref.col, { value: 0.7954, formula: 'E5/C5' });
    const p = planFills(r.workbook, r.tables);
    const w = p.writes.find((x) => x.ref.row === ref.row && x.ref.col === ref.col && x.sheet === t.sheet)!;
    expect(w.status).toBe('conflict');
    expect(p.findings[0].message).toMatch(/用户自己的公式/);
    const forced = planFills(r.workbook, r.tables, { overwrite: true });
    expect(forced.writes.find((x) => x.sheet === t.sheet && x.ref.row === ref.row && x.ref.col === ref.col)!.status).toBe('conflict');
  });
});

describe('calculators on the 公开 fixture', () => {
  test('合计 formulas refer to the recognized cells and totals of empty columns stay blank-looking', async () => {
    const { plan: p } = await plan('jiangan-2024-gongkai.xlsx');
    expect(at(p.writes, '公开02表', 'C7').formula).toBe('SUM(C8:C32)');
    expect(at(p.writes, '公开02表', 'C29')).toMatchObject({ status: 'conflict', formula: 'SUM(D29:I29)' });
    expect(at(p.writes, '公开06表', 'C34').formula).toBe('SUM(C6,C20)');
    expect(at(p.writes, '公开09表', 'A8').formula).toBe('B8+C8+F8');
    const empty = at(p.writes, '公开02表', 'E7');
    expect(empty.status).toBe('empty');
    expect(empty.numFmt).toMatch(/^(.+);-\1;$/); // zero shows as blank, as published
    // the 103.27 of row 2210201 is not replaced, so 合计 C7 (which sums it) is not touched either
    expect(at(p.writes, '公开02表', 'C7').status).toBe('conflict');
  });
});

describe('qualitative indicators: a suggested band, never a score', () => {
  test('怀化 2024 经济效益 效果明显 → 效果良好 is 部分达成 (2.5–4 of 5); the printed 3 lies inside', async () => {
    const { plan: p } = await plan('huaihua-2024-jixiao.xlsx');
    const s = p.suggestions.find((x) => x.address === 'H21')!;
    expect([s.band, s.min, s.max, s.scoreInside]).toEqual(['partly', '2.5', '4', true]);
    expect(p.writes.some((w) => refToA1(w.ref) === 'H21' && w.sheet === s.sheet)).toBe(false);
    expect(s.message).toMatch(/定性指标，不自动计分/);
  });
});
