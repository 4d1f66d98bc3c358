import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { builtCli, cli } from '../helpers/cli';
import { FIXTURES } from '../helpers/fixtures';
import { tempDir } from '../helpers/temp-dir';

const BOOK = path.join(FIXTURES, 'huaihua-2024-jixiao.xlsx');
/** Seed 003's 部门整体支出绩效自评报告 (2024), the report of this workbook. */
const TEXT = path.resolve(__dirname, '../fixtures/narratives/huaihua-2024-zipingbaogao.txt');

interface JsonFinding {
  rule: string;
  severity: string;
  cells: { sheet: string; address: string }[];
  expected: string | null;
  actual: string | null;
  quote?: string;
  source?: string;
}

const narrativeOf = (findings: JsonFinding[]) => findings.filter((f) => f.source === 'narrative');

describe('gongkai check 绩效 workbook --narrative 自评报告', () => {
  test('the 2024 report is checked against its 自评表 and 基础数据表 (JSON contract)', () => {
    const r = builtCli('check', BOOK, '--narrative', TEXT, '--format', 'json');
    expect(r.stderr).toBe('');
    // the workbook has errors of its own (专项资金 ≠ its one 专项 row) and the report one more
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.tables.map((t: { type: string }) => t.type)).toEqual(['PERF_BASE', 'PERF_DEPT']);
    const narrative = narrativeOf(report.findings);
    const errors = narrative.filter((f) => f.severity !== 'info');
    // 日常公用经费 77.51 (= 859.70 − 782.19) against the 基础数据表 公用经费 2024年决算数 61.24; the 其中
    // list of the 项目支出 年初预算 short of its 2680.1; "白蚁灭治施工13处，其中房屋7处，树木白蚁灭7处"
    expect(errors).toEqual([
      expect.objectContaining({ rule: 'NARRATIVE.amount', severity: 'error', quote: '77.51万元', expected: '61.24', actual: '77.51', cells: [{ sheet: '基础数据表', address: 'F14' }] }),
      expect.objectContaining({ rule: 'NARRATIVE.sum', severity: 'error', quote: '2680.1万元' }),
      expect.objectContaining({ rule: 'NARRATIVE.sum', severity: 'error', quote: '13处' }),
    ]);
    const text = readFileSync(TEXT, 'utf8');
    expect(narrative.every((f) => f.quote !== undefined && text.includes(f.quote))).toBe(true);
    // amounts resolved to the tables' facts are not listed as unchecked
    const unchecked = narrative.filter((f) => f.rule === 'NARRATIVE.unresolved').map((f) => f.quote);
    expect(unchecked.length).toBeGreaterThan(0);
    for (const q of ['1403.23万元', '3.1万元', '3.45万元', '9.74万元', '77.51万元']) expect(unchecked).not.toContain(q);
    // the narrative adds narrative findings only
    const alone = JSON.parse(builtCli('check', BOOK, '--format', 'json').stdout);
    expect(report.findings.filter((f: JsonFinding) => f.source !== 'narrative')).toEqual(alone.findings);
  });

  test('a changed number in the report is an error with its quote and the cell it disagrees with', async () => {
    const dir = tempDir('gk-perf-');
    const changed = path.join(dir, '自评报告.txt');
    const text = readFileSync(TEXT, 'utf8');
    expect(text).toContain('2024年支出决算数1403.23万元');
    writeFileSync(changed, text.replace('2024年支出决算数1403.23万元', '2024年支出决算数1430.23万元'));
    const r = await cli('check', BOOK, '--narrative', changed, '--format', 'json');
    expect(r.code).toBe(1);
    const errors = narrativeOf(JSON.parse(r.stdout).findings).filter((f) => f.severity === 'error' && f.rule === 'NARRATIVE.amount');
    expect(errors.map((f) => [f.quote, f.expected, f.actual, f.cells])).toEqual([
      ['1430.23万元', '1403.23', '1430.23', [{ sheet: '部门整体支出绩效自评表', address: 'E5' }]],
      ['77.51万元', '61.24', '77.51', [{ sheet: '基础数据表', address: 'F14' }]],
    ]);
  });

  test('text output lists the report\'s error under 情况说明', async () => {
    const r = await cli('check', BOOK, '--narrative', TEXT);
    expect(r.stdout).toMatch(/【情况说明】\n {2}错误 “77\.51万元” .*日常公用经费.*61\.24/);
  });
});
