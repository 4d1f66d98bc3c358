import type { Rule } from '../types';
import { IDENTITY_MESSAGES, sumIdentity } from '../lib/identity';

export const gk06PersonnelPublic: Rule = {
  meta: {
    id: 'GK06.personnel-public',
    title: '基本支出决算明细表：人员经费合计与公用经费合计',
    severity: 'error',
    identity: '人员经费合计 = 301 + 303；公用经费合计 = 302 + 310（+ 其他公用经费类，如 307、399）',
    tables: ['GK06'],
    source: 'A14',
    level: 'mandatory',
    scope: 'table',
    messages: IDENTITY_MESSAGES,
  },
  check(ctx) {
    return ctx.tablesOf('GK06').flatMap((t) => {
      const blocks = t.lines.filter((l) => l.kind === 'subtotal' && l.code);
      const term = (l: (typeof blocks)[number]) => ({ table: t, ref: l.cells['决算数'], label: `${l.code} ${l.label}` });
      const personnel = blocks.filter((b) => b.code === '301' || b.code === '303');
      const publicBlocks = blocks.filter((b) => b.code !== '301' && b.code !== '303');
      return [
        ...sumIdentity(ctx, this.meta, { table: t, ref: t.cell('人员经费合计', '决算数'), label: '人员经费合计' }, personnel.map(term), '人员经费合计'),
        ...sumIdentity(ctx, this.meta, { table: t, ref: t.cell('公用经费合计', '决算数'), label: '公用经费合计' }, publicBlocks.map(term), '公用经费合计'),
      ];
    });
  },
};
