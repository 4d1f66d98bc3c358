import { ledgerTemplate } from './ledger';

/** 公开02表 收入决算表: 本年收入合计 = 财政拨款收入 + 上级补助收入 + 事业收入 + 经营收入 + 附属单位上缴收入 + 其他收入. */
export const gk02 = ledgerTemplate(
  {
    type: 'GK02',
    name: '收入决算表',
    columns: [
      { key: '合计', test: (h) => /本年收入合计|^合计|\/合计$|收入合计/.test(h) },
      { key: '财政拨款收入', test: (h) => h.includes('财政拨款') },
      { key: '上级补助收入', test: (h) => h.includes('上级补助') },
      { key: '事业收入', test: (h) => h.includes('事业收入') },
      { key: '经营收入', test: (h) => h.includes('经营收入') },
      { key: '附属单位上缴收入', test: (h) => h.includes('附属单位') },
      { key: '其他收入', test: (h) => h.includes('其他收入') },
    ],
    required: ['合计', '财政拨款收入'],
  },
  (t) => (t.includes('收入决算表') && !t.includes('收入支出') ? 10 : 0),
  ['财政拨款收入', '上级补助收入', '事业收入'],
);
