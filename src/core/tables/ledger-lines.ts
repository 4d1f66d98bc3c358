import type { Line, SemanticTable, TableType } from './types';

/** The 科目 tables and, per table, the total column and the columns that add up to it. */
export const LEDGER_TYPES: readonly TableType[] = ['GK02', 'GK03', 'GK05', 'GK07', 'GK08'];

export function rowSumColumns(t: SemanticTable): { total: string; parts: string[] } | null {
  const has = (k: string) => !!t.column(k);
  if (has('本年支出.小计')) return { total: '本年支出.小计', parts: ['本年支出.基本支出', '本年支出.项目支出'].filter(has) };
  switch (t.type) {
    case 'GK02':
      return { total: '合计', parts: ['财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'].filter(has) };
    case 'GK03':
      return { total: '合计', parts: ['基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'].filter(has) };
    case 'GK05':
    case 'GK08':
      return { total: '合计', parts: ['基本支出', '项目支出'].filter(has) };
    default:
      return null;
  }
}

/** Amount columns of a 科目 table (everything but 科目编码/科目名称). */
export function amountColumns(t: SemanticTable): string[] {
  return t.columns.filter((c) => c.key !== '科目编码' && c.key !== '科目名称').map((c) => c.key);
}

interface CodeTree {
  top: Line[];
  children: Map<Line, Line[]>;
}

const trees = new WeakMap<SemanticTable, CodeTree>();

/**
 * The 科目 hierarchy of a table, built once in linear time: each line's parent is the line of its
 * nearest shorter prefix code (7 → 5 → 3 digits) that the table prints.
 */
function codeTree(t: SemanticTable): CodeTree {
  let tree = trees.get(t);
  if (tree) return tree;
  tree = { top: [], children: new Map() };
  for (const l of t.lines) {
    if (!l.code) continue;
    let parent: Line | undefined;
    // the table reaches its first line of a code by the bare code (no line key is all digits)
    for (let len = l.code.length - 2; len >= 3 && !parent; len -= 2) parent = t.line(l.code.slice(0, len));
    if (!parent) tree.top.push(l);
    else {
      const list = tree.children.get(parent) ?? [];
      list.push(l);
      tree.children.set(parent, list);
    }
  }
  trees.set(t, tree);
  return tree;
}

/** 科目 lines whose code has no shorter code of the table as a prefix: what the 合计 row sums. */
export function topLevelLines(t: SemanticTable): Line[] {
  return codeTree(t).top;
}

/** Direct children of a subtotal line (lines whose nearest printed prefix is this line). */
export function childrenOf(t: SemanticTable, parent: Line): Line[] {
  return codeTree(t).children.get(parent) ?? [];
}

export function lineLabel(l: Line): string {
  return l.code ? `${l.code} ${l.label}` : l.label;
}
