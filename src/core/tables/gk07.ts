import { ledgerTemplate } from './ledger';

/** 公开07表 政府性基金预算财政拨款收入支出决算表: 年初结转 + 本年收入 − 本年支出 = 年末结转. */
export const gk07 = ledgerTemplate(
  {
    type: 'GK07',
    name: '政府性基金预算财政拨款收入支出决算表',
    columns: GK07_COLUMNS(),
    required: ['本年收入', '本年支出.小计'],
  },
  (t) => (t.includes('政府性基金预算财政拨款') && t.includes('决算表') ? 40 : 0),
  [],
);

/** The columns shared by GK07 and the national GK08 (国有资本经营预算财政拨款收入支出决算表). */
export function GK07_COLUMNS() {
  return [
    { key: '年初结转和结余', test: (h: string) => h.includes('年初结转') },
    { key: '本年收入', test: (h: string) => h.includes('本年收入') },
    { key: '本年支出.小计', test: (h: string) => /本年支出/.test(h) && /小计|合计/.test(h) },
    { key: '本年支出.基本支出', test: (h: string) => h.includes('基本支出') },
    { key: '本年支出.项目支出', test: (h: string) => h.includes('项目支出') },
    { key: '年末结转和结余', test: (h: string) => h.includes('年末结转') },
  ];
}
