import type { Rule } from '../types';
import { moneyBlock } from '../../reading/perf';
import { selfEvalTables } from '../../tables/perf-structure';
import { rateCheck, RATE_CHECK_MESSAGES } from './lib/perf-checks';

/**
 * 预算执行率 of the 绩效自评表 (湖北 项目/整体 and 湖南 整体/项目). The stated 执行率 (a fraction in a
 * 0% / 0.00% cell, or text such as "100%") is checked with interval arithmetic against the amounts.
 */
export const perfExecutionRate: Rule = {
  meta: {
    id: 'PERF.execution-rate',
    title: '绩效自评表：预算执行率',
    severity: 'error',
    identity:
      '执行率 = 执行数 ÷ 预算数（湖北：预算执行情况 执行数（B）÷ 预算数（A）；湖南：年度资金总额 全年执行数 ÷ 全年预算数，' +
      '不用年初预算数）。按各数的显示精度做区间运算，所填比率落在区间四舍五入后的范围内即可；执行率空着而两数都有时给警告“执行率未填写”；' +
      '预算数与执行数均为 0 时按设置 zeroOverZeroRate（默认 100%）。',
    tables: [],
    source: 'A18/A20',
    level: 'mandatory',
    scope: 'table',
    messages: RATE_CHECK_MESSAGES,
  },
  check(ctx) {
    return selfEvalTables(ctx.tables).flatMap((t) => {
      const m = moneyBlock(ctx, t);
      if (!m) return [];
      return rateCheck(ctx, this.meta, t, {
        numerator: { ref: m.exec.ref, label: m.exec.label, reading: ctx.read(t, m.exec.ref) },
        denominator: { ref: m.budget.ref, label: m.budget.label, reading: ctx.read(t, m.budget.ref) },
        rate: { ref: m.rate, label: '执行率' },
        halfUlp: ctx.settings.tolerance.halfUlp,
        subject: m.variant === 'hubei' ? '预算执行情况' : '年度资金总额',
        unit: '万元',
        blankSeverity: 'warning',
      });
    });
  },
};
