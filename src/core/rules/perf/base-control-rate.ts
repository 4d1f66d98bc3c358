import type { Finding } from '../../findings';
import type { Rule } from '../types';
import { rateCheck, RATE_CHECK_MESSAGES } from './lib/perf-checks';

/**
 * 部门整体支出绩效评价基础数据表 (湖南): 财政供养人员 控制率 = 实际在职人数 ÷ 编制数 (people are exact
 * counts: no rounding interval on them), and 楼堂馆所 规模控制率 = 实际规模 ÷ 批复规模, 投资概算控制率 =
 * 实际投资 ÷ 预算投资 (amounts ±halfUlp). 0/0 (怀化 prints 0 | 0 | 100%) follows the zeroOverZeroRate
 * setting. A blank rate whose inputs are filled is a warning; an all-blank block (汨罗) is skipped.
 */
export const baseControlRate: Rule = {
  meta: {
    id: 'BASE.control-rate',
    title: '基础数据表：人员控制率与楼堂馆所控制率',
    severity: 'error',
    identity:
      '控制率 = 实际在职人数 ÷ 编制数（人数为精确整数）；楼堂馆所 规模控制率 = 实际规模 ÷ 批复规模，投资概算控制率 = 实际投资 ÷ 预算投资；' +
      '所填比率按区间运算核对，0/0 按设置 zeroOverZeroRate（默认 100%）。',
    tables: ['PERF_BASE'],
    source: 'A22/A24',
    level: 'mandatory',
    scope: 'table',
    messages: RATE_CHECK_MESSAGES,
  },
  check(ctx) {
    return ctx.tablesOf('PERF_BASE').flatMap((t) => {
      const out: Finding[] = [];
      const staff = t.cell('编制数', '值');
      const actual = t.cell('实际在职人数', '值');
      out.push(
        ...rateCheck(ctx, this.meta, t, {
          numerator: { ref: actual, label: '实际在职人数', reading: ctx.read(t, actual) },
          denominator: { ref: staff, label: '编制数', reading: ctx.read(t, staff) },
          rate: { ref: t.cell('控制率', '值'), label: '控制率' },
          halfUlp: '0',
          subject: '财政供养人员情况',
          unit: '人',
          blankSeverity: 'warning',
        }),
      );
      const b = t.line('楼堂馆所');
      if (b) {
        const pairs = [
          { num: '实际规模', den: '批复规模', rate: '规模控制率', unit: '㎡' },
          { num: '实际投资', den: '预算投资', rate: '投资概算控制率', unit: '万元' },
        ];
        for (const p of pairs) {
          out.push(
            ...rateCheck(ctx, this.meta, t, {
              numerator: { ref: b.cells[p.num], label: p.num, reading: ctx.read(t, b.cells[p.num]) },
              denominator: { ref: b.cells[p.den], label: p.den, reading: ctx.read(t, b.cells[p.den]) },
              rate: { ref: b.cells[p.rate], label: p.rate },
              halfUlp: ctx.settings.tolerance.halfUlp,
              subject: '楼堂馆所控制情况',
              unit: p.unit,
              blankSeverity: 'warning',
            }),
          );
        }
      }
      return out;
    });
  },
};
