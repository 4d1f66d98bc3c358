import type { Rule } from '../types';
import { readEmbedded } from '../../reading';
import { type Operand, sumCheck, SUM_CHECK_MESSAGES } from './lib/perf-checks';

const SIDES = [
  { group: '收入性质', column: '全年预算数', subject: '按收入性质分之和 = 全年预算数' },
  { group: '支出性质', column: '全年执行数', subject: '按支出性质分之和 = 全年执行数' },
] as const;

/**
 * 湖南 部门整体支出绩效自评表: the 按收入性质分 amounts (一般公共预算 / 政府性基金拨款 / 纳入专户管理的
 * 非税收入拨款 / 其他资金) add up to 全年预算数, the 按支出性质分 ones (基本支出 / 项目支出) to 全年执行数
 * (怀化 2024 shows the pairing: 全年预算 1764.12 ≠ 执行 1403.23). The amounts are written inside text
 * cells ("其中：一般公共预算：1364.72"): the number after the colon is read (an empty one counts as 0).
 */
export const perfHunanSplits: Rule = {
  meta: {
    id: 'PERF.hunan-splits',
    title: '湖南部门整体自评表：收入性质、支出性质合计',
    severity: 'error',
    identity:
      '按收入性质分（一般公共预算 + 政府性基金拨款 + 纳入专户管理的非税收入拨款 + 其他资金）之和 = 年度资金总额 全年预算数；' +
      '按支出性质分（基本支出 + 项目支出）之和 = 全年执行数。金额取自“一般公共预算：1364.72”这类文字单元格冒号后的数字。',
    tables: ['PERF_DEPT'],
    source: 'A19',
    level: 'mandatory',
    scope: 'table',
    messages: SUM_CHECK_MESSAGES,
  },
  check(ctx) {
    return ctx.tablesOf('PERF_DEPT').flatMap((t) => {
      const total = t.line('年度资金总额');
      if (!total) return [];
      return SIDES.flatMap((side) => {
        const lines = t.lines.filter((l) => l.group === side.group && l.meta?.embedded);
        if (lines.length === 0) return [];
        const parts: Operand[] = lines.map((l) => ({
          ref: l.cells['金额'],
          label: l.key.slice(side.group.length + 1),
          reading: readEmbedded(String(l.meta?.amountText ?? '')),
        }));
        const ref = total.cells[side.column];
        return sumCheck(ctx, this.meta, t, { ref, label: `年度资金总额 ${side.column}`, reading: ctx.read(t, ref) }, parts, {
          subject: side.subject,
          unit: '万元',
        });
      });
    });
  },
};
