import { createFinding, type Finding } from '../../findings';
import { refToA1 } from '../../grid/address';
import type { Rule } from '../types';

/**
 * A column header naming a year that does not fit the table's own year: "2022年决算数" in a 2024
 * table (a column copied from last year's template). The 上年 columns of a table may name the year
 * before (基础数据表 "2023年决算数" beside "2024年预算数"), so only years other than the table's and
 * the one before are reported — when the header says 决算 or 预算 of that year.
 */
export const hygieneColumnYear: Rule = {
  meta: {
    id: 'HYGIENE.column-year',
    title: '栏目年度与表的年度不符',
    severity: 'warning',
    identity: '栏目名称中写明的年度（××年决算数、××年预算数）应为本表年度或上一年度',
    tables: [],
    source: 'hygiene',
    level: 'advisory',
    scope: 'table',
    messages: {
      otherYear: '{{table}} 是 {{year}} 年度的表，但 {{cell}} 的栏目写作“{{header}}”（{{headerYear}} 年）：可能沿用了其他年度的表样，请核对该栏的数字是否为本年度的。',
    },
  },
  check(ctx) {
    const out: Finding[] = [];
    for (const t of ctx.tables) {
      if (t.year === null) continue;
      const grid = ctx.grid(t);
      // every text cell of the table that is not a value cell of a line: its headers, wherever they are
      for (let r = t.range.top + 1; r <= t.range.bottom; r++) {
        for (let c = t.range.left; c <= t.range.right; c++) {
          const raw = grid.value(r, c);
          // no 年, no year (U+F98E is the one character NFKC folds to 年): most cells end here
          if (typeof raw !== 'string' || !(raw.includes('年') || raw.includes('\uF98E'))) continue;
          if (t.locate({ row: r, col: c })) continue;
          const text = raw.normalize('NFKC').replace(/\s+/g, '');
          const y = /^((?:19|20)\d\d)年(?:度)?(?:全年)?(?:决算|预算|执行)/.exec(text);
          if (!y) continue;
          const headerYear = Number(y[1]);
          if (headerYear === t.year || headerYear === t.year - 1) continue;
          const at = { row: r, col: c };
          out.push(
            createFinding(
              this.meta,
              'otherYear',
              { table: ctx.tableName(t), year: t.year, cell: refToA1(at), header: text, headerYear },
              { cells: [ctx.pointer(t, at)], expected: String(t.year), actual: String(headerYear) },
            ),
          );
        }
      }
    }
    return out;
  },
};
