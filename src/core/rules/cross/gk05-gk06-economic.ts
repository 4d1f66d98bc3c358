import type { Rule } from '../types';
import { compare, tableDisplayName, type Operand, COMPARE_MESSAGES } from './lib/compare';

/** GK06 经济分类 款 → the GK05 功能分类 项 that normally carry the same money (基本支出 column). */
const PAIRS: readonly [string, string[]][] = [
  ['30108', ['2080505']],
  ['30109', ['2080506']],
  ['30110', ['2101101', '2101102']],
  ['30113', ['2210201']],
  ['30304', ['2080801']],
];

export const gk05Gk06Economic: Rule = {
  meta: {
    id: 'GK05-GK06.economic',
    title: '基本支出经济分类与功能分类对应科目（提示）',
    severity: 'warning',
    identity:
      '基本支出决算明细表的 30108 机关事业单位基本养老保险缴费 = 一般公共预算财政拨款支出决算表 2080505 的基本支出；30109 职业年金缴费 = 2080506；30110 职工基本医疗保险缴费 = 2101101（+ 2101102）；' +
      '30113 住房公积金 = 2210201；30304 抚恤金 = 2080801。经济分类与功能分类并非一一对应，故只作提示',
    tables: ['GK05', 'GK06'],
    source: 'B12',
    level: 'advisory',
    messages: { ...COMPARE_MESSAGES, note:
      '经济分类与功能分类通常一一对应（例如单位缴纳的养老保险只列 2080505），请核对是否有支出记错了科目；若确有其他科目的同类支出，可忽略本提示。' },
  },
  check(ctx) {
    const a = ctx.only('GK06');
    const b = ctx.only('GK05');
    if (!a || !b) return [];
    return PAIRS.flatMap(([econ, funcs]) => {
      const line = a.line(`经济.${econ}`) ?? a.line(econ);
      const ra = line?.cells['决算数'];
      if (!line || !ra) return [];
      const right: Operand[] = funcs.flatMap((code) => {
        const l = b.line(`科目.${code}`);
        return l && l.level === '项' && l.cells['基本支出'] ? [{ table: b, ref: l.cells['基本支出'], label: `${code} ${l.label}“基本支出”栏` }] : [];
      });
      return compare(
        ctx,
        this.meta,
        { operands: [{ table: a, ref: ra, label: `${econ} ${line.label}` }] },
        { operands: right, absent: `${tableDisplayName(ctx, b)} 没有 ${funcs.join('、')} 科目的基本支出` },
        { subject: `${econ} ${line.label}`, noteId: 'note' },
      );
    });
  },
};
