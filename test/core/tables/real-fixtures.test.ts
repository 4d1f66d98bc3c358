/**
 * Real tables published outside the seed regions (test/fixtures/real/README.md): each is recognized
 * with the right roles, and the checker finds exactly the inconsistencies the published numbers hold.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyze, type Analysis } from '../../../src/core/analyze';
import { refToA1 } from '../../../src/core/grid/address';
import type { Workbook } from '../../../src/core/grid/grid';
import { loadXlsx } from '../../../src/hosts/xlsx/load';

const REAL = path.resolve(__dirname, '../../fixtures/real');

async function open(name: string): Promise<{ wb: Workbook; a: Analysis }> {
  const wb = await loadXlsx(new Uint8Array(readFileSync(path.join(REAL, name))), name);
  return { wb, a: analyze(wb) };
}

const at = (a: Analysis, type: string, p: string, sheet?: string) => {
  const t = a.tables.find((x) => x.type === type && (!sheet || x.sheet === sheet))!;
  const ref = t.at(p);
  return ref ? refToA1(ref) : undefined;
};
const errors = (a: Analysis) => a.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.cells[0]?.address}`).sort();

describe('四川 项目支出绩效自评表 (青神县发展和改革局 2023)', () => {
  test('recognized as PERF_PROJECT, 四川 form, its money block and indicators read into the common keys', async () => {
    const { a } = await open('sichuan-qingshen-2023-xiangmu-zipingbiao.xlsx');
    expect(a.tables.map((t) => [t.type, t.variant, t.year])).toEqual([['PERF_PROJECT', 'sichuan', 2023]]);
    expect(at(a, 'PERF_PROJECT', '年度资金总额.全年预算数')).toBe('D9'); // 调整后预算数
    expect(at(a, 'PERF_PROJECT', '年度资金总额.全年执行数')).toBe('E9'); // 预算执行数
    expect(at(a, 'PERF_PROJECT', '年度资金总额.分值')).toBe('G9'); // 权重
    expect(at(a, 'PERF_PROJECT', '财政资金.全年预算数')).toBe('D10');
    expect(at(a, 'PERF_PROJECT', '财政资金.分值')).toBeUndefined(); // "/"
    expect(at(a, 'PERF_PROJECT', '指标.1.分值')).toBe('I15');
    expect(at(a, 'PERF_PROJECT', '指标.1.实际值')).toBe('H15'); // 完成值
    expect(at(a, 'PERF_PROJECT', '总分.分值')).toBe('I17'); // 合计
  });

  test('no error: the table adds up; the unfilled 得分 is one warning', async () => {
    const { a } = await open('sichuan-qingshen-2023-xiangmu-zipingbiao.xlsx');
    expect(errors(a)).toEqual([]);
    expect(a.findings.map((f) => f.rule)).toEqual(['PERF.execution-score']);
    expect(a.findings[0].message).toMatch(/预算执行数 251\.89 ÷ 调整后预算数 251\.89/);
  });
});

describe('national 项目支出绩效自评表 (池州市贵池区棠溪镇 2022, two projects)', () => {
  test('"年度资金总额:" and "其中:本年财政拨款" are read; the year comes from the line under the title', async () => {
    const { a } = await open('anhui-guichi-2022-xiangmu-zipingbiao.xlsx');
    expect(a.tables.map((t) => [t.type, t.variant, t.year])).toEqual([
      ['PERF_PROJECT', 'hunan', 2022],
      ['PERF_PROJECT', 'hunan', 2022],
    ]);
    expect(at(a, 'PERF_PROJECT', '当年财政拨款.全年执行数', '委托业务项目')).toBe('E8');
  });

  test('the published 年度资金总额 of 0 against 本年财政拨款 is found in each column of both sheets', async () => {
    const { a } = await open('anhui-guichi-2022-xiangmu-zipingbiao.xlsx');
    const sources = a.findings.filter((f) => f.rule === 'PERF.fund-sources' && f.severity === 'error');
    expect(sources.map((f) => `${f.cells[0].sheet}!${f.cells[0].address}`).sort()).toEqual(
      ['委托业务项目!C7', '委托业务项目!D7', '委托业务项目!E7', '村级补助及运转经费!C7', '村级补助及运转经费!D7', '村级补助及运转经费!E7'].sort(),
    );
  });
});

describe('三公 tables as other departments publish them', () => {
  test('vertical form (寿县文物保护中心 2023): items in rows, 预算数 | 决算数 columns, zeros blank', async () => {
    const { a } = await open('anhui-shouxian-2023-sangong.xlsx');
    expect(a.tables.map((t) => [t.type, t.variant])).toEqual([['GK09', '纵向']]);
    expect(at(a, 'GK09', '金额.决算.合计')).toBe('C5');
    expect(at(a, 'GK09', '金额.预算.公务接待费')).toBe('B7');
    expect(at(a, 'GK09', '金额.决算.公务用车购置及运行维护费.小计')).toBe('C8');
    expect(at(a, 'GK09', '金额.决算.公务用车运行维护费')).toBe('C9');
    // the published 公务用车 2 / 1.18 with both 其中 rows blank: the two real inconsistencies
    expect(errors(a)).toEqual(['GK09.sums B8', 'GK09.sums C8']);
  });

  test('interleaved national order with an extra 机关运行经费 column (嘉定区司法局 2017): all twelve columns, no finding', async () => {
    const { a } = await open('shanghai-jiading-2017-sangong.xlsx');
    expect(a.tables.map((t) => [t.type, t.variant])).toEqual([['GK09', '预算决算交错']]);
    expect(a.tables[0].columns).toHaveLength(12);
    expect(at(a, 'GK09', '金额.决算.公务用车运行维护费')).toBe('J7');
    expect(at(a, 'GK09', '金额.预算.公务接待费')).toBe('K7');
    expect(a.findings).toEqual([]);
  });
});
