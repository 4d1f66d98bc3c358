import { refToA1 } from '../../../src/core/grid/address';
import { amountAt, recognizeFixture, Recognized, tableOf } from '../../helpers/fixtures';

let r: Recognized;
beforeAll(async () => {
  r = await recognizeFixture('jiangan-2024-gongkai.xlsx');
});

const DEPT = '武汉市江岸区住房保障和房屋管理局';

describe('jiangan-2024-gongkai.xlsx: the nine 公开 tables', () => {
  test('every sheet is one table of the right type with year, unit, department and label', () => {
    expect(r.unrecognized).toEqual([]);
    expect(r.tables.map((t) => [t.sheet, t.type, t.label])).toEqual(
      ['GK01', 'GK02', 'GK03', 'GK04', 'GK05', 'GK06', 'GK07', 'GK08', 'GK09'].map((type, i) => [`公开0${i + 1}表`, type, `公开0${i + 1}表`]),
    );
    for (const t of r.tables) {
      expect([t.year, t.unit, t.department]).toEqual([2024, '万元', DEPT]);
    }
  });

  test('GK01: income and expenditure lines with their 决算数 cells, 类 codes and totals', () => {
    const t = tableOf(r, 'GK01');
    const at = (path: string) => amountAt(r.workbook, t, t.at(path));
    expect(refToA1(t.at('收入.一般公共预算财政拨款收入.决算数')!)).toBe('C7');
    expect(at('收入.一般公共预算财政拨款收入.决算数')).toBe('22854.27');
    expect(at('收入.其他收入.决算数')).toBe('44.96');
    expect(at('收入.本年收入合计.决算数')).toBe('22899.22');
    expect(at('收入.总计.决算数')).toBe('22899.22');
    const housing = t.line('支出.住房保障支出')!;
    expect([housing.code, housing.level, housing.lineNo]).toEqual(['221', '类', 50]);
    expect(amountAt(r.workbook, t, housing.cells['决算数'])).toBe('20961.96');
    expect(t.line('221')).toBe(housing);
    expect(t.lines.filter((l) => l.group === '支出' && l.level === '类').map((l) => l.code)).toEqual(
      ['201', '202', '203', '204', '205', '206', '207', '208', '210', '211', '212', '213', '214', '215', '216', '217', '219', '220', '221', '222', '223', '224', '229', '231', '232', '234'],
    );
    expect(t.line('支出.本年支出合计')!.kind).toBe('total');
    expect(refToA1(t.at('支出.总计.决算数')!)).toBe('F37');
    expect(t.line('收入.使用非财政拨款结余')!.lineNo).toBe(28);
    expect(t.lines.some((l) => l.meta?.unknownItem)).toBe(false);
    expect(t.notes).toHaveLength(2);
  });

  test('GK02/GK03/GK05: 科目 lines with codes, names and the column roles by 栏次', () => {
    const g2 = tableOf(r, 'GK02');
    expect(g2.columns.filter((c) => c.lanci).map((c) => [c.lanci, c.key])).toEqual([
      [1, '合计'], [2, '财政拨款收入'], [3, '上级补助收入'], [4, '事业收入'], [5, '经营收入'], [6, '附属单位上缴收入'], [7, '其他收入'],
    ]);
    expect(g2.lines.filter((l) => l.level === '项')).toHaveLength(25);
    expect(amountAt(r.workbook, g2, g2.cell('科目.2210201', '合计'))).toBe('103.27');
    expect(amountAt(r.workbook, g2, g2.cell('科目.2210201', '其他收入'))).toBe('3.7');
    expect(g2.line('科目.2210201')!.label).toBe('住房公积金');
    expect(amountAt(r.workbook, g2, g2.cell('合计', '财政拨款收入'))).toBe('22854.27');
    const g3 = tableOf(r, 'GK03');
    expect(amountAt(r.workbook, g3, g3.cell('科目.2210201', '合计'))).toBe('103.24');
    expect(amountAt(r.workbook, g3, g3.cell('合计', '基本支出'))).toBe('1494.57');
    expect(g3.columns.map((c) => c.key)).toEqual(['科目编码', '科目名称', '合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出']);
    const g5 = tableOf(r, 'GK05');
    expect(amountAt(r.workbook, g5, g5.cell('合计', '基本支出'))).toBe('1449.61');
    expect(amountAt(r.workbook, g5, g5.cell('科目.2120101', '合计'))).toBe('1016.36');
    expect(refToA1(g5.cell('科目.2210399', '项目支出')!)).toBe('E32');
  });

  test('GK04: budget-type columns, carry-over sub-rows with blank labels', () => {
    const t = tableOf(r, 'GK04');
    expect(t.columns.filter((c) => c.group === '支出' && c.lanci).map((c) => c.key)).toEqual([
      '支出.小计', '支出.一般公共预算财政拨款', '支出.政府性基金预算财政拨款', '支出.国有资本经营预算财政拨款',
    ]);
    expect(amountAt(r.workbook, t, t.at('支出.住房保障支出.一般公共预算财政拨款'))).toBe('20958.26');
    expect(refToA1(t.at('收入.年初.国有资本经营预算财政拨款.决算数')!)).toBe('C38');
    expect(t.line('支出.年末.政府性基金预算财政拨款')!.meta?.blankLabel).toBe(true);
    expect(refToA1(t.at('支出.总计.小计')!)).toBe('F39');
    // the seed prints 国有资本经营财政拨款 (no 预算) on income row 3
    expect(t.line('收入.国有资本经营预算财政拨款')!.lineNo).toBe(3);
  });

  test('GK06: three side-by-side 经济分类 groups, block rows and the 人员/公用经费合计', () => {
    const t = tableOf(r, 'GK06');
    expect(t.columns.filter((c) => c.key.endsWith('决算数')).map((c) => [c.group, refToA1({ row: 0, col: c.col })])).toEqual([
      ['人员经费', 'C1'], ['公用经费', 'F1'], ['公用经费', 'I1'],
    ]);
    expect(amountAt(r.workbook, t, t.cell('人员经费合计', '决算数'))).toBe('1375.45');
    expect(amountAt(r.workbook, t, t.cell('公用经费合计', '决算数'))).toBe('74.15');
    expect(amountAt(r.workbook, t, t.cell('经济.301', '决算数'))).toBe('1212.84');
    expect(t.line('经济.301')!.kind).toBe('subtotal');
    expect(t.line('经济.30231')!.group).toBe('公用经费');
    expect(amountAt(r.workbook, t, t.cell('经济.30231', '决算数'))).toBe('0.18');
    expect(t.lines.filter((l) => l.kind === 'subtotal').map((l) => l.code).sort()).toEqual(['301', '302', '303', '310']);
  });

  test('GK07/GK08: empty tables keep their 合计 line and columns', () => {
    const g7 = tableOf(r, 'GK07');
    expect(g7.lines.map((l) => l.key)).toEqual(['合计']);
    expect(g7.columns.map((c) => c.lanci).filter(Boolean)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(g7.notes.join('')).toContain('无政府性基金预算财政拨款收入支出');
    const g8 = tableOf(r, 'GK08');
    expect(g8.columns.slice(2).map((c) => c.key)).toEqual(['合计', '基本支出', '项目支出']);
  });

  test('GK09: twelve 栏次 keyed by side and item', () => {
    const t = tableOf(r, 'GK09');
    expect(t.columns).toHaveLength(12);
    expect(t.columns.map((c) => c.lanci)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(amountAt(r.workbook, t, t.at('金额.预算.公务用车运行维护费'))).toBe('8.82');
    expect(amountAt(r.workbook, t, t.at('金额.决算.合计'))).toBe('0.182');
    expect(refToA1(t.at('金额.决算.公务接待费')!)).toBe('L8');
  });
});
