import type { TableType } from './types';

/**
 * What each standard table is called in Chinese. `TABLE_TYPE_NAMES` is the table's own name, as the
 * between-table rules print it in their messages ("收入决算表（公开02表）"); `TABLE_TYPE_LABELS` is the
 * short name a list shows for the type (公开02表, 项目支出绩效自评表), where a code such as
 * PERF_PROJECT means nothing to a reader.
 */
export const TABLE_TYPE_NAMES: Readonly<Partial<Record<TableType, string>>> = {
  GK01: '收入支出决算总表',
  GK02: '收入决算表',
  GK03: '支出决算表',
  GK04: '财政拨款收入支出决算总表',
  GK05: '一般公共预算财政拨款支出决算表',
  GK06: '一般公共预算财政拨款基本支出决算明细表',
  GK07: '政府性基金预算财政拨款收入支出决算表',
  GK08: '国有资本经营预算财政拨款支出决算表',
  GK09: '财政拨款“三公”经费支出决算表',
  PERF_DEPT: '部门整体绩效自评表',
  PERF_PROJECT: '项目绩效自评表',
  PERF_BASE: '部门整体支出绩效评价基础数据表',
};

export const TABLE_TYPE_LABELS: Readonly<Record<TableType, string>> = {
  GK01: '公开01表',
  GK02: '公开02表',
  GK03: '公开03表',
  GK04: '公开04表',
  GK05: '公开05表',
  GK06: '公开06表',
  GK07: '公开07表',
  GK08: '公开08表',
  GK09: '公开09表',
  PERF_DEPT: '部门整体绩效自评表',
  PERF_PROJECT: '项目支出绩效自评表',
  PERF_BASE: '绩效评价基础数据表',
  OTHER: '其他表',
};
