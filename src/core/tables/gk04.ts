import type { TableTemplate } from './template';
import { eq, has, layoutTwoSided } from './two-sided';

const BUDGET_TYPES = ['一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'] as const;

/**
 * 公开04表 财政拨款收入支出决算总表 (GK04): income by budget type, 年初/年末 carry-over with their
 * per-budget-type sub-rows (whose labels some exports leave blank), expenditure 小计 + three columns.
 */
export const gk04: TableTemplate = {
  type: 'GK04',
  name: '财政拨款收入支出决算总表',
  matchTitle: (t) => (t.includes('财政拨款收入支出决算总表') ? 30 : 0),
  headerSignature: ['年初财政拨款结转和结余', '政府性基金预算财政拨款'],
  layout: (region) =>
    layoutTwoSided(
      {
        type: 'GK04',
        name: '财政拨款收入支出决算总表',
        income: [
          { key: '一般公共预算财政拨款', test: has('一般公共预算财政拨款') },
          { key: '政府性基金预算财政拨款', test: has('政府性基金预算财政拨款') },
          // the seed prints 国有资本经营财政拨款 (without 预算)
          { key: '国有资本经营预算财政拨款', test: has('国有资本经营', '财政拨款') },
          { key: '本年收入合计', test: has('本年收入合计'), kind: 'total' },
          { key: '年初财政拨款结转和结余', test: has('年初', '结转和结余'), kind: 'subtotal' },
          { key: '总计', test: eq('总计'), kind: 'total' },
        ],
        expenditure: [
          { key: '本年支出合计', test: has('本年支出合计'), kind: 'total' },
          { key: '年末财政拨款结转和结余', test: has('年末', '结转和结余'), kind: 'subtotal' },
          { key: '总计', test: eq('总计'), kind: 'total' },
        ],
        expenditureColumns: [
          { key: '小计', test: (h) => /小计|合计/.test(h) },
          { key: BUDGET_TYPES[0], test: (h) => h.includes('一般公共预算') },
          { key: BUDGET_TYPES[1], test: (h) => h.includes('政府性基金') },
          { key: BUDGET_TYPES[2], test: (h) => h.includes('国有资本经营') },
        ],
        subRows: [
          { side: '收入', after: '年初财政拨款结转和结余', keys: BUDGET_TYPES.map((k) => `年初.${k}`) },
          { side: '支出', after: '年末财政拨款结转和结余', keys: BUDGET_TYPES.map((k) => `年末.${k}`) },
        ],
      },
      region,
    ),
};
