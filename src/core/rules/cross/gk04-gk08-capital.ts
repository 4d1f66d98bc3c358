import type { Rule } from '../types';
import { budgetTypeChecks } from './lib/budget-type';
import { COMPARE_MESSAGES } from './lib/compare';

export const gk04Gk08Capital: Rule = {
  meta: {
    id: 'GK04-GK08.capital',
    title: '财政拨款收入支出决算总表与国有资本经营预算财政拨款支出决算表：国有资本经营预算支出一致',
    severity: 'error',
    identity:
      '财政拨款收入支出决算总表本年支出合计行“国有资本经营预算财政拨款”栏 = 国有资本经营预算财政拨款支出决算表合计行“合计”栏（全国模板的收入支出决算表为“本年支出·小计”栏；' +
      '该模板另有本年收入、年初和年末结转和结余，也分别与财政拨款收入支出决算总表的国有资本经营部分比较）',
    tables: ['GK04', 'GK08'],
    source: 'B07',
    level: 'mandatory',
    messages: COMPARE_MESSAGES,
  },
  check(ctx) {
    const a = ctx.only('GK04');
    const b = ctx.only('GK08');
    if (!a || !b) return [];
    return budgetTypeChecks(ctx, this.meta, a, b, '国有资本经营预算财政拨款');
  },
};
