import { ledgerTemplate } from './ledger';
import { GK07_COLUMNS } from './gk07';

/**
 * 公开08表 国有资本经营预算财政拨款支出决算表: 合计 = 基本支出 + 项目支出. The national template's
 * 国有资本经营预算财政拨款收入支出决算表 has GK07's columns instead; both are read here.
 */
export const gk08 = ledgerTemplate(
  {
    type: 'GK08',
    name: '国有资本经营预算财政拨款支出决算表',
    columns: (all) =>
      all.includes('本年收入')
        ? GK07_COLUMNS()
        : [
            { key: '合计', test: (h) => /合计|小计/.test(h) },
            { key: '基本支出', test: (h) => h.includes('基本支出') },
            { key: '项目支出', test: (h) => h.includes('项目支出') },
          ],
    required: [],
  },
  (t) => (t.includes('国有资本经营预算财政拨款') && t.includes('决算表') ? 40 : 0),
  [],
);
