import type { TableTemplate } from './template';
import { eq, has, layoutTwoSided } from './two-sided';

/** 公开01表 收入支出决算总表 (GK01): 本年收入合计, 总计 on both sides, 26 类 rows with their codes. */
export const gk01: TableTemplate = {
  type: 'GK01',
  name: '收入支出决算总表',
  matchTitle: (t) => (t.includes('收入支出决算总表') && !t.includes('财政拨款') ? 20 : 0),
  headerSignature: ['上级补助收入', '附属单位上缴收入', '本年收入合计'],
  layout: (region) =>
    layoutTwoSided(
      {
        type: 'GK01',
        name: '收入支出决算总表',
        income: [
          { key: '一般公共预算财政拨款收入', test: has('一般公共预算财政拨款') },
          { key: '政府性基金预算财政拨款收入', test: has('政府性基金预算财政拨款') },
          { key: '国有资本经营预算财政拨款收入', test: has('国有资本经营', '财政拨款') },
          { key: '上级补助收入', test: has('上级补助收入') },
          { key: '事业收入', test: eq('事业收入') },
          { key: '经营收入', test: eq('经营收入') },
          { key: '附属单位上缴收入', test: has('附属单位上缴收入') },
          { key: '其他收入', test: eq('其他收入') },
          { key: '本年收入合计', test: has('本年收入合计'), kind: 'total' },
          { key: '使用非财政拨款结余', test: has('使用非财政拨款结余') },
          { key: '年初结转和结余', test: has('年初结转和结余') },
          { key: '总计', test: eq('总计'), kind: 'total' },
        ],
        expenditure: [
          { key: '本年支出合计', test: has('本年支出合计'), kind: 'total' },
          { key: '结余分配', test: has('结余分配') },
          { key: '年末结转和结余', test: has('年末结转和结余') },
          { key: '总计', test: eq('总计'), kind: 'total' },
        ],
        expenditureColumns: [{ key: '决算数', test: (h) => /决算|金额|数/.test(h) }],
      },
      region,
    ),
};
