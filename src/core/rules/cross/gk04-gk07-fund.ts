import type { Rule } from '../types';
import { budgetTypeChecks } from './lib/budget-type';
import { COMPARE_MESSAGES } from './lib/compare';

export const gk04Gk07Fund: Rule = {
  meta: {
    id: 'GK04-GK07.fund',
    title: '财政拨款收入支出决算总表与政府性基金预算财政拨款收入支出决算表：基金收支和结转一致',
    severity: 'error',
    identity:
      '财政拨款收入支出决算总表本年支出合计行“政府性基金预算财政拨款”栏 = 政府性基金预算财政拨款收入支出决算表合计行“本年支出·小计”栏；收入侧政府性基金预算财政拨款 = 合计行“本年收入”栏；' +
      '年初财政拨款结转和结余中的政府性基金部分 = 合计行“年初结转和结余”栏；年末财政拨款结转和结余中的政府性基金部分 = 合计行“年末结转和结余”栏',
    tables: ['GK04', 'GK07'],
    source: 'B06',
    level: 'mandatory',
    messages: COMPARE_MESSAGES,
  },
  check(ctx) {
    const a = ctx.only('GK04');
    const b = ctx.only('GK07');
    if (!a || !b) return [];
    return budgetTypeChecks(ctx, this.meta, a, b, '政府性基金预算财政拨款');
  },
};
