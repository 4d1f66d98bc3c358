import type { Rule } from '../types';
import { IDENTITY_MESSAGES, sumIdentity } from '../lib/identity';

const COLUMNS = ['年初预算数', '全年预算数', '全年执行数'];

/**
 * 湖南 项目支出绩效自评表 (汨罗 附件3-n): 年度资金总额 = 其中：当年财政拨款 + 上年结转资金 + 其他资金, in
 * each of 年初预算数, 全年预算数 and 全年执行数 (3-11 repeats 分值/执行率/得分 on 当年财政拨款: those are
 * not summed).
 */
export const perfFundSources: Rule = {
  meta: {
    id: 'PERF.fund-sources',
    title: '湖南项目自评表：资金来源合计',
    severity: 'error',
    identity: '年度资金总额 = 当年（本年）财政拨款 + 上年结转资金 + 其他资金（四川：总额 = 财政资金 + 财政专户管理资金 + 单位资金 + 其他资金），年初预算数、全年预算数、全年执行数三列分别成立',
    tables: ['PERF_PROJECT'],
    source: 'A21',
    level: 'mandatory',
    scope: 'table',
    messages: IDENTITY_MESSAGES,
  },
  check(ctx) {
    return ctx.tablesOf('PERF_PROJECT').flatMap((t) => {
      const total = t.line('年度资金总额');
      // the sources the form prints: 湖南/national 当年(本年)财政拨款, 上年结转资金, 其他资金; 四川 财政资金,
      // 财政专户管理资金, 单位资金, 其他资金
      const present = t.lines.filter((l) => l.meta?.fundSource).map((l) => l.key);
      if (!total || present.length === 0) return [];
      const project = String(t.line('项目名称')?.meta?.text ?? '').replace(/\s+/g, '');
      const prefix = project && !ctx.tableName(t).includes(project) ? `（项目：${project}）` : '';
      return COLUMNS.filter((c) => total.cells[c]).flatMap((c) =>
        sumIdentity(ctx, 
          this.meta,
          { table: t, ref: total.cells[c], label: `年度资金总额 ${c}` },
          present.map((k) => ({ table: t, ref: t.cell(k, c), label: k })),
          `${prefix}${c} 资金来源`,
        ),
      );
    });
  },
};
