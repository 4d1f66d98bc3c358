import ExcelJS from 'exceljs';
import { Grid } from '../../../../src/core/grid/grid';
import { Decimal } from '../../../../src/core/money/decimal';
import { draftQingkuang } from '../../../../src/core/narrative/draft';
import { findInputsSheet, INPUT_ROWS, INPUTS_SHEET_NAME, mergeInputs, readInputsSheet } from '../../../../src/core/narrative/draft/inputs-sheet';
import { buildFacts } from '../../../../src/core/narrative/facts';
import { renderText } from '../../../../src/core/narrative/render';
import type { Fact } from '../../../../src/core/narrative/types';
import { RuleContext } from '../../../../src/core/rules/context';
import { writeInputsTemplate } from '../../../../src/hosts/xlsx/inputs-template';
import { loadXlsx } from '../../../../src/hosts/xlsx/load';
import { recognizeFixture, type Recognized } from '../../../helpers/fixtures';

let book: Recognized;
let facts: Fact[];
beforeAll(async () => {
  book = await recognizeFixture('jiangan-2024-gongkai.xlsx');
  facts = buildFacts(new RuleContext(book.workbook, book.tables));
});

/** A sheet from rows of [label, value] (row 0 title, row 1 header unless `header` is false). */
function sheet(rows: (string | number | null)[][], header = true): Grid {
  const all = header ? [['上年数及其他（起草情况说明用）'], ['项目', '数值', '单位', '说明'], ...rows] : rows;
  const cells: [number, number, { value: string | number | null }][] = [];
  all.forEach((r, i) => r.forEach((v, c) => cells.push([i, c, { value: v }])));
  return new Grid({ name: INPUTS_SHEET_NAME, cells });
}

const draftText = (inputs: object) => renderText(draftQingkuang(facts, new RuleContext(book.workbook, book.tables), inputs)).replace(/\s+/g, '');

describe('INPUT_ROWS', () => {
  test('lists the prior-year, 年初预算, 三公, 政府采购 and 车辆 inputs with per-类 rows of the current tables', () => {
    const rows = INPUT_ROWS(facts, { year: 2024 });
    const labels = rows.map((r) => r.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        '2023年度收、支总计',
        '2023年度“三公”经费支出决算',
        '一般公共预算财政拨款支出年初预算',
        '机关运行经费年初预算',
        '政府采购支出总额',
        '开支财政拨款的公务用车保有量',
        '共有车辆',
        '2023年度支出决算（按类）：住房保障支出（221）',
        '一般公共预算财政拨款支出年初预算（按类）：住房保障支出（221）',
      ]),
    );
    expect(rows.find((r) => r.label === '2023年度收、支总计')).toMatchObject({ unit: '万元', note: expect.stringContaining('公开01表'), path: { kind: 'prior', key: '收支总计' } });
    expect(new Set(labels).size).toBe(labels.length);
    // without facts: no per-类 rows, "上年度" labels
    expect(INPUT_ROWS().some((r) => r.label.includes('按类'))).toBe(false);
    expect(INPUT_ROWS()[0].label).toBe('上年度收、支总计');
  });
});

describe('writeInputsTemplate → fill → readInputsSheet', () => {
  test('two filled values give the change sentences; the others stay slots', async () => {
    const rows = INPUT_ROWS(facts, { year: 2024 });
    const bytes = await writeInputsTemplate(rows);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(INPUTS_SHEET_NAME)!;
    expect(ws.getCell('A1').value).toBe('上年数及其他（起草情况说明用）');
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect([ws.getCell('A2').value, ws.getCell('B2').value, ws.getCell('C2').value, ws.getCell('D2').value]).toEqual(['项目', '数值', '单位', '说明']);
    expect(ws.getCell('A2').font?.bold).toBe(true);
    expect(ws.getCell('B3').numFmt).toBe('0.00');
    ws.eachRow((row) => {
      if (row.getCell(1).value === '2023年度收、支总计') row.getCell(2).value = 11314.64;
      if (row.getCell(1).value === '机关运行经费年初预算') row.getCell(2).value = 55.89;
    });
    const filled = new Uint8Array((await wb.xlsx.writeBuffer()));

    const loaded = await loadXlsx(filled, 'inputs.xlsx');
    const grid = findInputsSheet(loaded.sheets)!;
    const { inputs, problems } = readInputsSheet(grid);
    expect(problems).toEqual([]);
    expect(inputs).toEqual({ prior: { 收支总计: new Decimal('11314.64') }, budget: { '机关运行经费.年初预算': new Decimal('55.89') } });

    const text = draftText(inputs);
    expect(text).toContain('与2023年度相比，收、支总计各增加11584.58万元，增长102.39%');
    expect(text).toContain('比年初预算数增加18.26万元，增长32.67%');
    // not given: still slots, never invented
    expect(text).toContain('【上年数（2023年度收入合计，万元）】');
    expect(text).toContain('【上年数（2023年度财政拨款收、支总计，万元）】');
    expect(text).not.toContain('年初预算（机关运行经费');
  });
});

describe('readInputsSheet', () => {
  test('finds rows by label after they are moved, with blank and extra rows and spaced labels', () => {
    const grid = sheet([
      ['机关运行经费 年初预算', 55.89, '万元', ''],
      [null, null, null, null],
      ['以下为上年决算数', null, null, '（自己加的说明行）'],
      ['', '', '', ''],
      ['2023 年度 收、支 总计', '11314.64', '万元', '上年决算公开01表总计'],
      ['2023年度“三公”经费支出决算', '', '万元', ''],
      ['共有车辆', 4, '辆', ''],
      ['其中：二级单位车辆', 3, '辆', ''],
      ['其中：抢险排危专用车辆', '1', '辆', ''],
      ['其中：（类别名称）', null, '辆', ''],
      ['2023年度一般公共预算财政拨款支出（按类）：住房保障支出（221）', 8776.16, '万元', ''],
      ['一般公共预算财政拨款支出年初预算（按类）：城乡社区支出（212）', 1151.42, '万元', ''],
      ['政府采购服务支出', 2104.69, '万元', ''],
    ]);
    const { inputs, problems } = readInputsSheet(grid);
    expect(problems).toEqual([]);
    expect(inputs).toEqual({
      prior: { 收支总计: new Decimal('11314.64'), '一般公共预算支出.类.221': new Decimal('8776.16') },
      budget: { '机关运行经费.年初预算': new Decimal('55.89'), '一般公共预算支出.类.212.年初预算': new Decimal('1151.42') },
      purchases: { services: new Decimal('2104.69') },
      vehicles: { total: 4, breakdown: [{ label: '二级单位车辆', count: 3 }, { label: '抢险排危专用车辆', count: 1 }] },
    });
  });

  test('reads numbers as text ("11314. 64") and finds columns by the header even when moved', () => {
    const grid = sheet([['说明', '项目', '单位', '数值'], ['上年决算公开01表总计', '2023年度收、支总计', '万元', '11314. 64'], ['', '政府采购支出总额', '万元', '2, 105. 14']], false);
    const { inputs, problems } = readInputsSheet(grid);
    expect(problems).toEqual([]);
    expect(inputs.prior?.['收支总计']?.toString()).toBe('11314.64');
    expect(inputs.purchases?.total?.toString()).toBe('2105.14');
  });

  test('reports values that are not numbers (and are not used), in Chinese', () => {
    const grid = sheet([
      ['2023年度收、支总计', '约一万一', '万元', ''],
      ['共有车辆', 4.5, '辆', ''],
      ['机关运行经费年初预算', '12%', '万元', ''],
      ['2023年度收入合计', 11314.64, '万元', ''],
      ['2023年度收入合计', 11314.65, '万元', ''],
      ['上年某某不认识的项目', 12, '万元', ''],
    ]);
    const { inputs, problems } = readInputsSheet(grid);
    expect(problems).toHaveLength(5);
    expect(problems[0]).toMatch(/“2023年度收、支总计”的数值“约一万一”不是金额（万元）（上年数及其他!B3）/);
    expect(problems[1]).toMatch(/不是整数辆数/);
    expect(problems[2]).toMatch(/“12%”不是金额/);
    expect(problems[3]).toMatch(/填了两次/);
    expect(problems[4]).toMatch(/无法识别/);
    expect(inputs).toEqual({ prior: { '收入.本年收入合计': new Decimal('11314.64') } });
  });

  test('an empty sheet gives no inputs; mergeInputs lets later sources win per key', () => {
    expect(readInputsSheet(sheet([]))).toEqual({ inputs: {}, problems: [] });
    const m = mergeInputs(
      { prior: { a: new Decimal(1), b: new Decimal(2) }, vehicles: { total: 3 } },
      undefined,
      { prior: { b: new Decimal(5) }, vehicles: { officialCars: 1 } },
    );
    expect(m).toEqual({ prior: { a: new Decimal(1), b: new Decimal(5) }, vehicles: { total: 3, officialCars: 1 } });
  });
});
