import { factLabel } from '../../../src/core/narrative/fact-label';

describe('fact keys in words (附：数字来源)', () => {
  test.each([
    ['三公.决算.公务用车购置及运行维护费/完成率', '“三公”经费支出决算 公务用车购置及运行维护费 完成全年预算的比例'],
    ['三公.预算.合计', '“三公”经费全年预算 合计'],
    ['一般公共预算支出.类.221/占比', '一般公共预算支出 221类 占比'],
    ['一般公共预算支出.项.2210107', '一般公共预算支出 2210107项'],
    ['收入.本年收入合计/较上年幅度', '收入 本年收入合计 较上年增减幅度'],
    ['收支总计', '收、支总计'],
    ['项目自评.物业管理.执行率', '项目自评 物业管理 执行率'],
  ])('%s → %s', (key, words) => {
    expect(factLabel(key)).toBe(words);
  });

  test('no internal separators are left in any label of the 江岸 draft keys', () => {
    for (const key of ['三公.决算.合计/完成率', '支出.基本支出/占比', '财政拨款收入.一般公共预算', '一般公共预算支出.合计/完成年初预算']) {
      expect(factLabel(key)).not.toMatch(/[./]/);
    }
  });
});
