/**
 * 项目自评结果 drafts from a PERF_PROJECT table (docs/domain.md §4.1 "Other 000 parts", 附件二):
 * (一) "自评得分：预算执行情况{a}分，产出指标{b}分，效益指标{c}分，满意度指标{d}分，总得分{T}分。" — each 一级's
 *      score is the sum of its score cells with a merged cell counted once; T is the 总分 cell (the sum
 *      when it is blank). 湖南 tables add their 成本指标 in table order.
 * (二) "1. {年}年度{项目}预算为{A}万元，执行{B}万元，执行率{B/A}%。" (湖南: 全年预算数 / 全年执行数).
 * (四)/(五) 存在的问题 / 改进措施: slots suggested from the table's 偏差原因分析 / 改进措施 text.
 * (三) "(1)产出指标完成情况分析：数量指标有{n}个，质量指标有{n}个，…，{verdict}。" and the same for the other
 *      一级; the verdict is a slot, suggested "均已按要求完成" when the 一级 scored its full weight.
 */
import type { WorkbookReader } from '../../reading';
import { formatScore } from '../../money/format';
import { moneyBlock } from '../../reading/perf';
import type { SemanticTable } from '../../tables/types';
import type { Block, Run } from '../blocks';
import { heading, num, para, slot, type Piece } from './common';
import type { DraftInputs } from './inputs';
import { amountAt, amountRunOf, counted, countRun, level1Scores, level2Counts, level2Of, ordered, perfYear, problemBlocks, rateRun, scoreAt, scoreRunOf, totalScore } from './perf-dept-result';

/** The project name of a 项目自评表 (项目名称 / 项目支出名称 line, else the money line's, else the sheet). */
export function projectName(table: SemanticTable): string {
  const t = String(table.line('项目名称')?.meta?.text ?? table.line('预算执行')?.meta?.['项目名称'] ?? table.line('年度资金总额')?.meta?.['项目名称'] ?? '')
    .normalize('NFKC')
    .replace(/\s+/g, '');
  return t || table.sheet;
}

/** 一级 that are listed by their 二级 in (三) ("数量指标有2个，质量指标有1个…"); the others as one count. */
const BY_LEVEL2 = /^(产出指标|成本指标)$/;

export function draftProjectResult(table: SemanticTable, ctx: WorkbookReader, inputs: DraftInputs = {}): Block[] {
  const money = moneyBlock(ctx, table);
  const groups = level1Scores(ctx, table);
  const total = totalScore(ctx, table, money, groups);
  const year = perfYear(table, inputs);
  const name = projectName(table);
  const K = `项目自评.${table.sheet}`;
  const blocks: Block[] = [heading(2, '一、自评结论'), heading(3, '（一）自评得分')];

  const score: Piece[] = ['预算执行情况'];
  score.push(money ? scoreRunOf(scoreAt(ctx, table, money.score), `${K}.预算执行得分`, '预算执行得分') : slot('input', '预算执行得分（表中未找到）'), '分');
  for (const g of groups) {
    score.push(`，${g.label}`);
    score.push(g.readable && g.cells.length ? num(formatScore(g.value), `${K}.${g.label}.得分`, g.cells) : slot('input', `${g.label}得分`), '分');
  }
  score.push('，总得分', scoreRunOf(total, `${K}.总分`, '总分'), '分。');
  blocks.push(para(...score));

  blocks.push(heading(3, '（二）绩效目标完成情况'));
  if (money) {
    const A = amountAt(ctx, table, money.budget.ref);
    const B = amountAt(ctx, table, money.exec.ref);
    blocks.push(
      para(
        '1. 执行率情况。',
        year,
        `年度${name}预算为`,
        amountRunOf(A, `${K}.预算数`, inputs, money.budget.label),
        '万元，执行',
        amountRunOf(B, `${K}.执行数`, inputs, money.exec.label),
        '万元，执行率',
        rateRun(ctx, table, B, A, money.rate, `${K}.执行率`, inputs, '执行率'),
        '。',
      ),
    );
  } else {
    blocks.push(para('1. 执行率情况。', slot('input', '预算数、执行数及执行率（表中未找到预算执行行）')));
  }
  blocks.push(para('2. 完成的绩效目标。', slot('input', `${name}完成的绩效目标（主要产出和效益）`)));

  blocks.push(heading(3, '（三）绩效目标完成情况分析'));
  let i = 0;
  for (const g of groups) {
    const rows = g.lines.filter(counted);
    if (rows.length === 0) continue;
    const key = `${K}.${g.label}`;
    const runs: Piece[] = [`（${++i}）${g.label}完成情况分析：`];
    const l2 = ordered(rows.map(level2Of));
    if (BY_LEVEL2.test(g.label) && !(l2.length === 1 && l2[0] === g.label)) {
      runs.push(...level2Counts(ctx, table, rows, key));
    } else {
      runs.push(`${g.label}有`, countRun(ctx, table, rows, `${key}.个数`), '个');
    }
    runs.push('，', verdict(g.readable && g.weight !== undefined && g.value.equals(g.weight)), '。');
    blocks.push(para(...runs));
  }
  blocks.push(...problemBlocks(table, ['四', '五']));
  return blocks;
}

function verdict(full: boolean): Run {
  return full ? slot('input', '完成情况', '均已按要求完成', true) : slot('input', '完成情况');
}
