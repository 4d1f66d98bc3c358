import { NarrativeSession } from '../../../src/core/narrative/session';
import { readInputsOf } from '../../../src/core/narrative/session';
import { selfCheckSummary } from '../../../src/core/narrative/self-check';
import { loadFixture, loadSample } from '../../helpers/fixtures';

/**
 * Every fixture drafted and read back by the checker: the drafters and the checker must agree, so a
 * finding may only come from the workbook itself. The table errors the rules report come through the
 * draft's numbers; each expected finding below names the table error behind it.
 */
const EXPECTED: Record<string, [rule: string, quote: string][]> = {
  // (公开09表!G8 stores 0.182 and prints 0.18: the draft's 2.04% is right for the printed figure; the check's
  // HYGIENE.excess-decimals names the cell, the self-check does not repeat it)
  'jiangan-2024-gongkai.xlsx': [],
  'jiangan-2024-jixiao.xlsx': [],
  'huaihua-2023-jixiao.xlsx': [],
  'huaihua-2024-jixiao.xlsx': [],
  'lukou-2022-jixiao.xlsx': [],
  'miluo-2023-jixiao.xlsx': [
    // (3-13: 预算 5 in the 项目自评表, 20 in the 基础数据表's 招投标监督管理专项 row: a 项目 result is checked
    // against its own 自评表, where it agrees; the rules report the 基础数据表 row)
    // 基础数据表: 公务用车购置和维护经费 blank (drafted as 0) while its part 运行维护 is 3.10
    ['NARRATIVE.sum', '0万元'],
    // 3-3 and 3-11: 总分 99 against its 一级 scores (PERF.total-score errors)
    ['NARRATIVE.score', '99分'],
    ['NARRATIVE.score', '99分'],
  ],
};

describe('each fixture\'s draft, checked as a finished text', () => {
  test.each(Object.keys(EXPECTED))('%s', async (file) => {
    const session = new NarrativeSession(await loadFixture(file));
    const findings = session.selfCheck(session.draft());
    expect(findings.map((f) => [f.rule, f.quote])).toEqual(EXPECTED[file]);
    // without inputs, every disagreement is the tables' own: none is blamed on values nobody supplied
    expect(findings.every((f) => f.cause === 'tables')).toBe(true);
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
  });

  test('with the bundled inputs, the 年初预算 that miss the total are blamed on the inputs; a table error on the tables; the summary says which', async () => {
    const session = new NarrativeSession(await loadFixture('jiangan-2024-gongkai.xlsx'));
    const given = readInputsOf((await loadSample('jiangan-2024-inputs.xlsx')).sheets)!.inputs;
    const findings = session.selfCheck(session.draft({ given }), { given });
    expect(findings.map((f) => [f.rule, f.quote, f.cause, f.input])).toEqual([['NARRATIVE.sum', '1405.65万元', 'inputs', '年初预算']]);
    expect(selfCheckSummary(findings)).toMatch(/^草稿自检：有 1 处数字前后不一致：1 处来自所填的上年数、年初预算等，与表中数据不符/);
    // miluo's 基础数据表 errors come through the draft: blamed on the tables, and no input is named
    const miluo = new NarrativeSession(await loadFixture('miluo-2023-jixiao.xlsx'));
    const own = miluo.selfCheck(miluo.draft());
    const line = selfCheckSummary(own);
    expect(line).toMatch(/^草稿自检：有 3 处数字前后不一致：3 处来自表格本身的不一致/);
    expect(line).not.toContain('所填');
  });

  test('the miluo 总分 findings are the ones the rules report on the tables', async () => {
    const session = new NarrativeSession(await loadFixture('miluo-2023-jixiao.xlsx'));
    const scores = session.selfCheck(session.draft()).filter((f) => f.rule === 'NARRATIVE.score');
    expect(scores.map((f) => f.expected)).toEqual(['89', '109']);
  });
});
