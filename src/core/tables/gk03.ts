import { ledgerTemplate } from './ledger';

/** 公开03表 支出决算表: 本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出. */
export const gk03 = ledgerTemplate(
  {
    type: 'GK03',
    name: '支出决算表',
    columns: [
      { key: '合计', test: (h) => /本年支出合计|^合计|\/合计$|支出合计/.test(h) },
      { key: '基本支出', test: (h) => h.includes('基本支出') },
      { key: '项目支出', test: (h) => h.includes('项目支出') },
      { key: '上缴上级支出', test: (h) => h.includes('上缴上级') },
      { key: '经营支出', test: (h) => h.includes('经营支出') },
      { key: '对附属单位补助支出', test: (h) => h.includes('附属单位') },
    ],
    required: ['合计', '基本支出', '项目支出'],
  },
  (t) =>
    t.includes('支出决算表') && !t.includes('财政拨款') && !t.includes('收入支出') && !t.includes('三公') ? 10 : 0,
  ['基本支出', '项目支出', '上缴上级支出'],
);
