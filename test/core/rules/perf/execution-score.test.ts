import { runRules } from '../../../../src/core/rules/run';
import { perfExecutionScore } from '../../../../src/core/rules/perf/execution-score';
import { recognizeWorkbook } from '../../../../src/core/tables/recognize';
import { loadFixture } from '../../../helpers/fixtures';
import { setByPath } from '../tester';

// its cases run from ../rules.test.ts; here: the zeroOverZeroRate setting

describe('PERF.execution-score — 0/0 follows zeroOverZeroRate', () => {
  async function run(setting: '100%' | '0%' | 'blank') {
    const wb = await loadFixture('miluo-2023-jixiao.xlsx');
    setByPath(wb, 'PERF_PROJECT#0 年度资金总额.全年预算数', 0);
    setByPath(wb, 'PERF_PROJECT#0 年度资金总额.全年执行数', 0);
    return runRules(wb, recognizeWorkbook(wb).tables, { zeroOverZeroRate: setting }, [perfExecutionScore]);
  }
  test('100%: a score of 10 is right', async () => expect(await run('100%')).toEqual([]));
  test('0%: a score of 10 is an error', async () => {
    const found = await run('0%');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', expected: '0', actual: '10' });
  });
  test('blank: not checked', async () => expect(await run('blank')).toEqual([]));
});
