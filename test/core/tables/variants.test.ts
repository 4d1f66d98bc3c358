import { refToA1 } from '../../../src/core/grid/address';
import { recognizeWorkbook } from '../../../src/core/tables/recognize';
import type { SemanticTable, TableType } from '../../../src/core/tables/types';
import { Decimal } from '../../../src/core/money/decimal';
import { variant } from '../../fixtures/variants';
import { amountAt, loadBytes } from '../../helpers/fixtures';

const NINE: TableType[] = ['GK01', 'GK02', 'GK03', 'GK04', 'GK05', 'GK06', 'GK07', 'GK08', 'GK09'];

async function recognizeVariant(name: string) {
  const workbook = await loadBytes(await variant(name).build(), `${name}.xlsx`);
  return { workbook, ...recognizeWorkbook(workbook) };
}

type R = Awaited<ReturnType<typeof recognizeVariant>>;

function byType(r: R, type: TableType): SemanticTable {
  const t = r.tables.find((x) => x.type === type);
  if (!t) throw new Error(`${type} not recognized: ${JSON.stringify(r.unrecognized)}`);
  return t;
}

/** The same roles and values as the original fixture, whatever the layout; `scale` for 元. */
function expectSameRoles(r: R, scale = '1') {
  const x = (v: string) => new Decimal(v).times(scale).toString();
  const g1 = byType(r, 'GK01');
  expect(g1.line('支出.住房保障支出')?.code).toBe('221');
  expect(amountAt(r.workbook, g1, g1.at('支出.住房保障支出.决算数'))).toBe(x('20961.96'));
  expect(amountAt(r.workbook, g1, g1.at('收入.一般公共预算财政拨款收入.决算数'))).toBe(x('22854.27'));
  const g2 = byType(r, 'GK02');
  expect(amountAt(r.workbook, g2, g2.cell('科目.2210201', '合计'))).toBe(x('103.27'));
  expect(amountAt(r.workbook, g2, g2.cell('科目.2210201', '其他收入'))).toBe(x('3.7'));
  const g3 = byType(r, 'GK03');
  expect(amountAt(r.workbook, g3, g3.cell('科目.2210201', '基本支出'))).toBe(x('103.24'));
  const g5 = byType(r, 'GK05');
  expect(amountAt(r.workbook, g5, g5.cell('合计', '基本支出'))).toBe(x('1449.61'));
  const g6 = byType(r, 'GK06');
  expect(amountAt(r.workbook, g6, g6.cell('人员经费合计', '决算数'))).toBe(x('1375.45'));
  expect(amountAt(r.workbook, g6, g6.cell('公用经费合计', '决算数'))).toBe(x('74.15'));
  const g9 = byType(r, 'GK09');
  expect(amountAt(r.workbook, g9, g9.at('金额.决算.公务用车运行维护费'))).toBe(x('0.18'));
  expect(amountAt(r.workbook, g9, g9.at('金额.预算.合计'))).toBe(x('8.82'));
}

describe('layout variants are recognized with the same roles', () => {
  test('stacked-all-nine: nine tables on one sheet, each with its own range', async () => {
    const r = await recognizeVariant('stacked-all-nine');
    expect(r.unrecognized).toEqual([]);
    expect(r.tables.map((t) => t.type)).toEqual(NINE);
    expect(new Set(r.tables.map((t) => t.sheet))).toEqual(new Set(['Sheet1']));
    expect(r.tables.map((t) => t.range.top + 1)).toEqual([1, 42, 77, 112, 154, 189, 225, 236, 247]);
    for (let i = 1; i < r.tables.length; i++) expect(r.tables[i - 1].range.bottom).toBeLessThan(r.tables[i].range.top);
    expect(refToA1(byType(r, 'GK05').cell('合计', '合计')!)).toBe('C160');
    expectSameRoles(r);
  });

  test('offset-b4: tables starting at B4 on sheets named Sheet1…, in shuffled order', async () => {
    const r = await recognizeVariant('offset-b4');
    expect(r.unrecognized).toEqual([]);
    expect(r.tables.map((t) => t.type)).toEqual(['GK05', 'GK01', 'GK09', 'GK03', 'GK07', 'GK02', 'GK06', 'GK08', 'GK04']);
    for (const t of r.tables) expect(refToA1({ row: t.range.top, col: t.range.left })).toBe('B4');
    expect(refToA1(byType(r, 'GK01').at('收入.一般公共预算财政拨款收入.决算数')!)).toBe('D10');
    expectSameRoles(r);
  });

  test('yuan-units: unit 元 read from the unit line, amounts in 元', async () => {
    const r = await recognizeVariant('yuan-units');
    expect(r.tables.map((t) => t.unit)).toEqual(NINE.map(() => '元'));
    expectSameRoles(r, '10000');
  });

  test('text-numbers: numbers pasted as text still sit in their roles', async () => {
    const r = await recognizeVariant('text-numbers');
    expect(r.tables.map((t) => t.type)).toEqual(NINE);
    expectSameRoles(r);
  });

  test('spaced-headers: 合 计, 项  目, spaced titles', async () => {
    const r = await recognizeVariant('spaced-headers');
    expect(r.unrecognized).toEqual([]);
    expect(r.tables.map((t) => t.type)).toEqual(NINE);
    expect(r.tables.map((t) => t.label)).toEqual(NINE.map((_, i) => `公开0${i + 1}表`));
    expectSameRoles(r);
  });

  test('hidden-columns: a hidden notes column takes no role', async () => {
    const r = await recognizeVariant('hidden-columns');
    const g2 = byType(r, 'GK02');
    expect(g2.columns.map((c) => c.col)).not.toContain(2);
    expect(refToA1(g2.cell('科目.2010302', '合计')!)).toBe('D8');
    expectSameRoles(r);
  });

  test('merged-title-no-label: no 公开0N表 labels, sheets named Sheet1…', async () => {
    const r = await recognizeVariant('merged-title-no-label');
    expect(r.tables.map((t) => t.type)).toEqual(NINE);
    expect(r.tables.every((t) => t.label === null)).toBe(true);
    expectSameRoles(r);
  });

  test('earlier-year: a 2019 workbook whose 类 list differs', async () => {
    const r = await recognizeVariant('earlier-year');
    expect(r.tables.map((t) => t.year)).toEqual(NINE.map(() => 2019));
    const g1 = byType(r, 'GK01');
    expect(g1.line('支出.预备费')?.code).toBe('227');
    expect(g1.line('支出.抗疫特别国债安排的支出')).toBeUndefined();
    expect(g1.lines.some((l) => l.meta?.unknownItem)).toBe(false);
    expectSameRoles(r);
  });

  test('national-split-codes: 类|款|项 columns with 类/款 subtotal rows, interleaved 三公, no 行次', async () => {
    const r = await recognizeVariant('national-split-codes');
    expect(r.unrecognized).toEqual([]);
    expect(r.tables.map((t) => t.type).sort()).toEqual([...NINE].sort());
    const g2 = byType(r, 'GK02');
    const lei = g2.line('科目.221')!;
    expect([lei.kind, lei.level, lei.label]).toEqual(['subtotal', '类', '住房保障支出']);
    expect(g2.line('科目.22102')!.kind).toBe('subtotal');
    expect(g2.line('科目.2210201')!.label).toBe('住房公积金');
    expect(g2.lines.filter((l) => l.level === '项')).toHaveLength(25);
    expect(byType(r, 'GK09').variant).toBe('预算决算交错');
    expect(byType(r, 'GK01').variant).toBe('无行次');
    const g5 = byType(r, 'GK05');
    expect(g5.line('合计')!.row).toBeGreaterThan(g5.line('科目.2210399')!.row);
    expectSameRoles(r);
  });

  test('national-single-code-column: 3/5/7-digit codes in one column', async () => {
    const r = await recognizeVariant('national-single-code-column');
    const g3 = byType(r, 'GK03');
    expect(g3.line('科目.201')!.kind).toBe('subtotal');
    expect(g3.line('科目.20103')!.level).toBe('款');
    expect(g3.line('科目.2010302')!.level).toBe('项');
    expectSameRoles(r);
  });

  test('mixed-with-other: a text sheet is unrecognized with a reason; an OTHER table is listed', async () => {
    const r = await recognizeVariant('mixed-with-other');
    expect(r.tables.filter((t) => NINE.includes(t.type))).toHaveLength(9);
    const other = r.tables.find((t) => t.type === 'OTHER')!;
    expect(other.title).toContain('机关运行经费支出决算表');
    expect(other.sheet).toBe('机关运行经费');
    const text = r.unrecognized.find((u) => u.sheet === '说明')!;
    expect(text.reason).toMatch(/只有文字/);
  });
});
