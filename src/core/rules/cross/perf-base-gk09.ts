import type { Rule } from '../types';
import { cell, compare, differentYears, COMPARE_MESSAGES } from './lib/compare';

/** 基础数据表 三公 row → GK09 决算 column. */
const PAIRS: readonly [string, string, string, string][] = [
  ['三公经费', '决算.合计', '合计', '“三公”经费合计'],
  ['公务用车购置和维护经费', '决算.公务用车购置及运行维护费.小计', '公务用车购置及运行维护费·小计', '公务用车购置及运行维护费'],
  ['公车购置', '决算.公务用车购置费', '公务用车购置费', '公务用车购置费'],
  ['公车运行维护', '决算.公务用车运行维护费', '公务用车运行维护费', '公务用车运行维护费'],
  ['出国经费', '决算.因公出国(境)费', '因公出国（境）费', '因公出国（境）费'],
  ['公务接待', '决算.公务接待费', '公务接待费', '公务接待费'],
];

export const perfBaseGk09: Rule = {
  meta: {
    id: 'PERF_BASE-GK09.three-public',
    title: '绩效评价基础数据表与“三公”经费表：三公经费决算数一致',
    severity: 'error',
    identity:
      '部门整体支出绩效评价基础数据表“经费控制情况”中本年决算数的三公经费、公务用车购置和维护经费、其中公车购置、公车运行维护、出国经费、公务接待，分别等于财政拨款“三公”经费支出决算表决算数的' +
      '合计、公务用车购置及运行维护费小计、公务用车购置费、公务用车运行维护费、因公出国（境）费、公务接待费：两表填报的是同一年度同一笔决算数，必须一致',
    tables: ['PERF_BASE', 'GK09'],
    source: 'PERF_BASE-GK09',
    level: 'mandatory',
    messages: COMPARE_MESSAGES,
  },
  check(ctx) {
    const a = ctx.only('PERF_BASE');
    const b = ctx.only('GK09');
    if (!a || !b || differentYears(a, b)) return [];
    const row = b.lines[0];
    if (!row) return [];
    return PAIRS.flatMap(([line, col, colName, subject]) => {
      const l = a.line(line);
      const ra = l?.cells['决算数'];
      const rb = row.cells[col];
      if (!l || !ra || !rb) return [];
      return compare(ctx, this.meta, cell(a, ra, `${l.label.replace(/\s+/g, '')}“本年决算数”`), cell(b, rb, `决算数“${colName}”栏`), { subject });
    });
  },
};
