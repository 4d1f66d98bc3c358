import { Decimal, ZERO } from '../../money/decimal';
import type { CellPointer } from '../../findings';
import type { SemanticTable } from '../../tables/types';
import type { Block, Run } from '../blocks';
import { departmentRun, fmt, heading, num, para, pct, slot, TableSet, wan, yearRun, type DraftTables, type FactIndex } from './common';
import type { DraftInputs } from './inputs';
import { moneyBlock } from '../../reading/perf';
import { gradeOf, level1Scores, scoreRunOf, totalScore } from './perf-dept-result';

export interface ProjectExecution {
  table: SemanticTable;
  name: string;
  budget: Decimal;
  spent: Decimal;
  budgetCells: CellPointer[];
  spentCells: CellPointer[];
}

/**
 * The 预算数 (A) and 执行数 (B) of every 项目自评表 (湖北 预算执行 row; 湖南 年度资金总额 row, 全年预算数 /
 * 全年执行数), in table order. Undefined when a table's amounts cannot be read (then no sum is drafted).
 */
export function projectExecutions(set: TableSet): ProjectExecution[] | undefined {
  const out: ProjectExecution[] = [];
  for (const t of set.ofType('PERF_PROJECT')) {
    const hubei = t.line('预算执行');
    const line = hubei ?? t.line('年度资金总额');
    if (!line) return undefined;
    const bRef = line.cells[hubei ? '预算数' : '全年预算数'];
    const sRef = line.cells[hubei ? '执行数' : '全年执行数'];
    const budget = set.amount(t, bRef);
    const spent = set.amount(t, sRef);
    if (!bRef || !sRef || budget === undefined || spent === undefined) return undefined;
    const name = String(line.meta?.['项目名称'] ?? t.line('项目名称')?.meta?.['text'] ?? '').trim() || t.sheet;
    out.push({ table: t, name, budget, spent, budgetCells: [set.pointer(t, bRef)], spentCells: [set.pointer(t, sRef)] });
  }
  return out;
}

/**
 * (二) from the 部门整体支出绩效自评表 when it is among the tables and can be read:
 * "根据《部门整体支出绩效自评表》，{年}年度部门整体支出绩效自评得分为{S}分，评价等级为“{等级}”（建议）。从评价情况来看，{…}。"
 * Without it, one slot.
 */
function deptResult(set: TableSet, inputs: DraftInputs): (string | Run)[] {
  const dept = set.only('PERF_DEPT');
  const reader = dept && set.readerOf(dept);
  if (!dept || !reader) return [slot('input', '部门整体支出绩效自评结果')];
  const total = totalScore(reader, dept, moneyBlock(reader, dept), level1Scores(reader, dept));
  if (!total) return [slot('input', '部门整体支出绩效自评结果（自评表的总分无法读取）')];
  const book = set.sourceOf(dept)?.book;
  const cells = total.cells.map((c) => (book ? { ...c, book } : c));
  return [
    '根据《部门整体支出绩效自评表》，',
    yearRun(inputs),
    '年度部门整体支出绩效自评得分为',
    scoreRunOf({ value: total.value, cells }, '整体自评.总分', '总分'),
    '分，评价等级为“',
    slot('input', '评价等级', gradeOf(total.value), true),
    '”。从评价情况来看，',
    slot('input', '部门整体支出主要成效'),
    '。',
  ];
}

/**
 * 十三、预算绩效情况说明 (docs/domain.md §4.1), from the 项目自评表 when they are among the tables:
 * (一) "根据预算绩效管理要求，{部门}对{年}年度一般公共预算项目支出全面开展绩效自评，共涉及项目{k}个，资金{Q}万元，
 *       占一般公共预算项目支出总额的{Q/P5}%。从绩效评价情况来看，{…}。" (k = number of 项目自评表, Q = Σ 执行数, P5 = 公开05 项目支出)
 * (二) 整体支出自评结果 (the 部门整体自评表's 总分 and a suggested 等级, see deptResult); (三) "…共涉及{k}个一级项目。" and per project
 *      "{i}. {项目}绩效自评综述：预算{A}万元，执行{B}万元，执行率{B/A}%。主要产出和效益是：{…}。"; (四) text to supply.
 * Without the tables, k, Q and the share are input slots. The 绩效 tables may come from another workbook (the
 * department's 绩效 workbook beside the 公开 one): `tables` then holds both sources, and their cells name their file.
 */
export function draftSection13(facts: FactIndex, inputs: DraftInputs, tables?: DraftTables): Block[] {
  const set = new TableSet(tables);
  const blocks: Block[] = [heading(1, '十三、预算绩效情况说明')];
  const projects = projectExecutions(set);
  const have = projects !== undefined && projects.length > 0;
  const allSpent = have ? projects.flatMap((p) => p.spentCells) : [];
  const countRun = (): Run => (have ? num(String(projects.length), '项目自评.项目数', allSpent) : slot('input', '项目个数'));

  blocks.push(heading(2, '（一）预算绩效管理工作开展情况'));
  const p1: (string | Run)[] = ['根据预算绩效管理要求，', departmentRun(inputs), '对', yearRun(inputs), '年度一般公共预算项目支出全面开展绩效自评，共涉及项目', countRun(), '个，资金'];
  const P5 = facts.byKey('一般公共预算支出.项目支出');
  if (have) {
    const Q = projects.reduce((s, p) => s.plus(p.spent), ZERO);
    p1.push(num(fmt(Q, inputs), '项目自评.执行数合计', allSpent), '万元，占一般公共预算项目支出总额的');
    const r = P5 ? pct(Q, wan(P5)) : undefined;
    p1.push(r !== undefined ? num(`${fmt(r, inputs)}%`, '项目自评.执行数合计/占比', [...allSpent, ...P5!.cells]) : slot('input', '占一般公共预算项目支出总额的比例'), r !== undefined ? '' : '%');
  } else {
    p1.push(slot('input', '自评项目资金（万元）'), '万元，占一般公共预算项目支出总额的', slot('input', '占比'), '%');
  }
  p1.push('。从绩效评价情况来看，', slot('input', '绩效评价总体情况'), '。');
  blocks.push(para(...p1));

  blocks.push(heading(2, '（二）部门（单位）整体支出自评结果'));
  blocks.push(para(...deptResult(set, inputs)));

  blocks.push(heading(2, '（三）项目支出自评结果'));
  blocks.push(para('我单位在', yearRun(inputs), '年度部门决算中反映所有项目绩效自评结果（不包括涉密项目），共涉及', countRun(), '个一级项目。'));
  if (have) {
    projects.forEach((p, i) => {
      const title = p.name.endsWith('项目') ? p.name : `${p.name}项目`;
      const runs: (string | Run)[] = [`${i + 1}. ${title}绩效自评综述：预算`, num(fmt(p.budget, inputs), `项目自评.${p.table.sheet}.预算数`, p.budgetCells), '万元，执行', num(fmt(p.spent, inputs), `项目自评.${p.table.sheet}.执行数`, p.spentCells), '万元'];
      const r = pct(p.spent, p.budget);
      if (r !== undefined) runs.push('，执行率', num(`${fmt(r, inputs)}%`, `项目自评.${p.table.sheet}.执行率`, [...p.spentCells, ...p.budgetCells]));
      runs.push('。主要产出和效益是：', slot('input', `${title}主要产出和效益`), '。');
      blocks.push(para(...runs));
    });
  } else {
    blocks.push(para(slot('input', '各项目预算数、执行数、执行率及主要产出和效益')));
  }

  blocks.push(heading(2, '（四）绩效自评结果应用情况'));
  blocks.push(para(slot('input', '绩效自评结果应用情况')));
  return blocks;
}
