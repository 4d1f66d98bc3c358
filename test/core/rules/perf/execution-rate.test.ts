import { runRules } from '../../../../src/core/rules/run';
import { perfExecutionRate } from '../../../../src/core/rules/perf/execution-rate';
import { recognizeWorkbook } from '../../../../src/core/tables/recognize';
import { loadFixture } from '../../../helpers/fixtures';
import { setByPath } from '../tester';

// its cases run from ../rules.test.ts; here: the zeroOverZeroRate setting

describe('PERF.execution-rate — zeroOverZeroRate setting', () => {
  async function zeroOverZero(rate: number | null, setting: '100%' | '0%' | 'blank') {
    const wb = await loadFixture('miluo-2023-jixiao.xlsx');
    setByPath(wb, 'PERF_PROJECT#0 年度资金总额.全年预算数', 0);
    setByPath(wb, 'PERF_PROJECT#0 年度资金总额.全年执行数', 0);
    setByPath(wb, 'PERF_PROJECT#0 年度资金总额.执行率', rate);
    return runRules(wb, recognizeWorkbook(wb).tables, { zeroOverZeroRate: setting }, [perfExecutionRate]);
  }
  test('0% convention: 100% is an error naming the convention', async () => {
    const found = await zeroOverZero(1, '0%');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', expected: '0%', actual: '100.00%' });
    expect(found[0].message).toMatch(/记为 0%/);
  });
  test('0% convention: 0 is right', async () => {
    expect(await zeroOverZero(0, '0%')).toEqual([]);
  });
  test('blank convention: nothing to check', async () => {
    expect(await zeroOverZero(null, 'blank')).toEqual([]);
    expect(await zeroOverZero(1, 'blank')).toEqual([]);
  });
});
