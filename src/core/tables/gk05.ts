import { ledgerTemplate } from './ledger';

/** 公开05表 一般公共预算财政拨款支出决算表: 小计 = 基本支出 + 项目支出 per 科目. */
export const gk05 = ledgerTemplate(
  {
    type: 'GK05',
    name: '一般公共预算财政拨款支出决算表',
    columns: [
      { key: '合计', test: (h) => /小计|合计/.test(h) },
      { key: '基本支出', test: (h) => h.includes('基本支出') },
      { key: '项目支出', test: (h) => h.includes('项目支出') },
    ],
    required: ['合计', '基本支出', '项目支出'],
  },
  (t) => (t.includes('一般公共预算财政拨款支出决算表') && !t.includes('基本支出') ? 30 : 0),
  [],
);
