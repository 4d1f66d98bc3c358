import type { WorkbookReader } from '../../reading';
import type { SemanticTable } from '../../tables/types';
import type { Block } from '../blocks';
import { heading } from './common';
import { draftHunanBudget } from './hunan-report';
import type { DraftInputs } from './inputs';
import { draftDeptResult } from './perf-dept-result';
import { draftProjectResult, projectName } from './perf-project-result';

/**
 * The 绩效 parts of a narrative, for the self-evaluation tables a workbook holds: the 部门整体
 * 自评结果 (and, for 湖南 tables, the 自评报告's 预算执行 and 三公 paragraphs), then one 自评结果
 * per 项目自评表.
 */
export function draftPerfResults(tables: readonly SemanticTable[], ctx: WorkbookReader, inputs: DraftInputs = {}): Block[] {
  const blocks: Block[] = [];
  const base = tables.find((t) => t.type === 'PERF_BASE');
  for (const dept of tables.filter((t) => t.type === 'PERF_DEPT')) {
    blocks.push(heading(1, '部门整体绩效自评结果'), ...draftDeptResult(dept, ctx, inputs));
    if (dept.variant?.startsWith('hunan')) blocks.push(heading(1, '部门整体支出绩效自评报告：预算执行与"三公"经费'), ...draftHunanBudget(dept, base, ctx, inputs));
  }
  for (const project of tables.filter((t) => t.type === 'PERF_PROJECT')) {
    const name = projectName(project);
    blocks.push(heading(1, `${name}${name.endsWith('项目') ? '' : '项目'}绩效自评结果`), ...draftProjectResult(project, ctx, inputs));
  }
  return blocks;
}
