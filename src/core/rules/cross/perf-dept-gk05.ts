import type { Rule } from '../types';
import { cell, compare, differentYears, COMPARE_MESSAGES } from './lib/compare';

export const perfDeptGk05: Rule = {
  meta: {
    id: 'PERF_DEPT-GK05.totals',
    title: '部门整体绩效自评表与一般公共预算财政拨款支出决算表：支出总额一致',
    severity: 'error',
    identity:
      '湖北部门整体绩效自评表的基本支出总额 = 一般公共预算财政拨款支出决算表合计行“基本支出”栏；项目支出总额 = 合计行“项目支出”栏；预算执行情况的执行数（B） = 合计行“合计”栏',
    tables: ['PERF_DEPT', 'GK05'],
    source: 'B13',
    level: 'mandatory',
    messages: COMPARE_MESSAGES,
  },
  check(ctx) {
    const a = ctx.only('PERF_DEPT');
    const b = ctx.only('GK05');
    if (!a || !b || a.variant !== 'hubei' || differentYears(a, b) || !b.line('合计')) return [];
    const rows = [
      { ref: a.cell('基本支出总额', '金额'), label: '基本支出总额', col: '基本支出', subject: '基本支出' },
      { ref: a.cell('项目支出总额', '金额'), label: '项目支出总额', col: '项目支出', subject: '项目支出' },
      { ref: a.cell('预算执行', '执行数'), label: '部门整体支出总额“执行数（B）”', col: '合计', subject: '支出总额' },
    ];
    return rows.flatMap((r) => {
      const rb = b.cell('合计', r.col);
      if (!r.ref || !rb) return [];
      return compare(ctx, this.meta, cell(a, r.ref, r.label), cell(b, rb, `合计行“${r.col}”栏`), { subject: r.subject });
    });
  },
};
