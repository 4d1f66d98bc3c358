import type { Block, Run } from '../../../../src/core/narrative/blocks';
import { runsText } from '../../../../src/core/narrative/blocks';
import { draftDeptResult } from '../../../../src/core/narrative/draft/perf-dept-result';
import { draftProjectResult } from '../../../../src/core/narrative/draft/perf-project-result';
import { draftHunanBudget } from '../../../../src/core/narrative/draft/hunan-report';
import { RuleContext } from '../../../../src/core/rules/context';
import type { SemanticTable } from '../../../../src/core/tables/types';
import { recognizeFixture } from '../../../helpers/fixtures';

const cache = new Map<string, Promise<{ ctx: RuleContext; tables: readonly SemanticTable[] }>>();
function load(name: string) {
  let p = cache.get(name);
  if (!p)
    cache.set(
      name,
      (p = recognizeFixture(`${name}.xlsx`).then((r) => ({ ctx: new RuleContext(r.workbook, r.tables), tables: r.tables }))),
    );
  return p;
}

const textOf = (b: Block): string => (b.type === 'heading' ? b.text : runsText(b.runs));
const all = (blocks: Block[]): string => blocks.map(textOf).join('\n');
const runs = (blocks: Block[]): Run[] => blocks.flatMap((b) => (b.type === 'paragraph' ? b.runs : []));

function expectCells(blocks: Block[]) {
  for (const r of runs(blocks)) if (r.type === 'number') expect(r.cells.length).toBeGreaterThan(0);
}

test('江岸 老旧小区改造: scores per 一级, 执行率 sentence, indicator counts', async () => {
  const { ctx, tables } = await load('jiangan-2024-jixiao');
  const t = tables.find((x) => x.type === 'PERF_PROJECT' && x.sheet === '老旧小区改造')!;
  const blocks = draftProjectResult(t, ctx);
  const s = all(blocks);
  expect(s).toContain('预算执行情况7分，产出指标40分，效益指标30分，满意度指标10分，总得分87分。');
  expect(s).toContain('2024年度老旧小区改造项目预算为28606.98万元，执行10220.42万元，执行率35.73%。');
  expect(s).toContain('（1）产出指标完成情况分析：数量指标有4个，质量指标有1个，时效指标有1个，成本指标有1个，【完成情况：均已按要求完成（建议）】。');
  expect(s).toContain('（2）效益指标完成情况分析：效益指标有4个');
  expect(s).toContain('（3）满意度指标完成情况分析：满意度指标有1个');
  expectCells(blocks);
  const rate = runs(blocks).find((r) => r.type === 'number' && r.text === '35.73%');
  expect(rate?.type === 'number' && rate.cells.map((c) => c.address)).toEqual(expect.arrayContaining(['C8', 'D8']));
  // 产出 40 comes from the merged 10 (counted once) and three single 10s
  const out = runs(blocks).find((r) => r.type === 'number' && r.factKey.endsWith('.产出指标.得分'));
  expect(out?.type === 'number' && out.cells.length).toBe(4);
});

test('江岸 every project: 总得分 and rates as in docs/domain.md §1.11', async () => {
  const { ctx, tables } = await load('jiangan-2024-jixiao');
  const got = tables
    .filter((x) => x.type === 'PERF_PROJECT')
    .map((t) => {
      const s = all(draftProjectResult(t, ctx));
      return [/执行率([\d.]+%)/.exec(s)?.[1], /总得分(\d+)分/.exec(s)?.[1]];
    });
  expect(got).toEqual([
    ['100%', '100'],
    ['35.73%', '87'],
    ['100%', '100'],
    ['94.94%', '99'],
    ['66.70%', '93'],
    ['100%', '100'],
    ['100%', '99'],
  ]);
});

test('江岸 部门整体: S = 99, 执行率 1625.89%, 产出 25 (市级 7, 日常 18), 效益 11, 满意度 2', async () => {
  const { ctx, tables } = await load('jiangan-2024-jixiao');
  const t = tables.find((x) => x.type === 'PERF_DEPT')!;
  const blocks = draftDeptResult(t, ctx);
  const s = all(blocks);
  expect(s).toContain('（一）部门整体绩效自评得分：99分。');
  expect(s).toContain('2024年江岸区住房保障和房屋管理局财政预算数总额1405.65万元，其中：基本支出总额【');
  expect(s).toContain('部门整体绩效考评财政预算数1405.65万元，执行数22854.27万元，执行率1625.89%。');
  expect(s).toContain('2024年产出指标25个，完成的绩效目标产出指标【完成的产出指标个数】个。其中：市级绩效目标产出指标7个，日常工作目标产出指标18个；数量指标有');
  expect(s).toContain('2024年效益指标11个');
  expect(s).toContain('2024年满意度指标2个');
  expectCells(blocks);
});

test('怀化 2024 部门整体 (湖南): 总分 95.95 优, 79.54%, 得分 7.95', async () => {
  const { ctx, tables } = await load('huaihua-2024-jixiao');
  const t = tables.find((x) => x.type === 'PERF_DEPT')!;
  const blocks = draftDeptResult(t, ctx);
  const s = all(blocks);
  expect(s).toContain('2024年度部门整体绩效自评综合评分为95.95分，评价等级为“【评价等级：优（建议）】”。');
  expect(s).toContain('2024年年初预算数3550.44万元，全年预算数1764.12万元，全年执行数1403.23万元，执行率79.54%，预算执行得分7.95分（分值10分）。');
  expect(s).toContain('（1）成本指标完成情况分析。2024年成本指标2个');
  expectCells(blocks);
});

test('怀化 2024 自评报告: 预算执行 and 三公 paragraphs', async () => {
  const { ctx, tables } = await load('huaihua-2024-jixiao');
  const dept = tables.find((x) => x.type === 'PERF_DEPT')!;
  const base = tables.find((x) => x.type === 'PERF_BASE');
  const blocks = draftHunanBudget(dept, base, ctx);
  const s = all(blocks);
  expect(s).toContain('2024年年初预算数3550.44万元，全年预算数1764.12万元，全年执行数1403.23万元，执行率79.54%。');
  expect(s).toContain('2024年支出决算数1403.23万元，其中：基本支出859.70万元、项目支出543.53万元。');
  expect(s).toContain('按收入性质分：一般公共预算1644.62万元、政府性基金拨款5万元、纳入专户管理的非税收入拨款0万元、其他资金114.50万元。');
  expect(s).toContain('2024年度“三公”经费预算为3.10万元，支出决算为3.45万元，完成预算的111.29%，决算数大于预算数的主要原因是【主要原因】。');
  expect(s).toContain('与上年决算数0.51万元相比，增加2.94万元，增长576.47%');
  expect(s).toContain('因公出国（境）支出决算0万元；公务用车购置及运行维护费支出决算3.45万元（其中：公务用车购置0万元，公务用车运行维护3.45万元），占100%，公务接待费支出决算0万元。');
  expectCells(blocks);
});

test('other 湖南 fixtures draft without throwing and every number has cells', async () => {
  for (const name of ['huaihua-2023-jixiao', 'lukou-2022-jixiao', 'miluo-2023-jixiao']) {
    const { ctx, tables } = await load(name);
    const dept = tables.find((x) => x.type === 'PERF_DEPT')!;
    const base = tables.find((x) => x.type === 'PERF_BASE');
    expectCells(draftDeptResult(dept, ctx));
    expectCells(draftHunanBudget(dept, base, ctx));
    for (const t of tables.filter((x) => x.type === 'PERF_PROJECT')) expectCells(draftProjectResult(t, ctx));
  }
  const { ctx, tables } = await load('huaihua-2023-jixiao');
  const s = all(draftDeptResult(tables.find((x) => x.type === 'PERF_DEPT')!, ctx));
  expect(s).toContain('综合评分为91.5分');
  const m = await load('miluo-2023-jixiao');
  const p14 = m.tables.find((x) => x.type === 'PERF_PROJECT' && x.sheet === '3-14工作经费')!;
  const ps = all(draftProjectResult(p14, m.ctx));
  expect(ps).toContain('2023年度工作经费预算为334.74万元，执行334.74万元，执行率100%。');
  expect(ps).toContain('总得分99.5分');
});

test('problems and measures are slots suggested from the table text', async () => {
  const { ctx, tables } = await load('jiangan-2024-jixiao');
  const t = tables.find((x) => x.type === 'PERF_PROJECT' && x.sheet === '老旧小区改造')!;
  const slots = runs(draftProjectResult(t, ctx)).filter((r) => r.type === 'slot');
  const problem = slots.find((r) => r.type === 'slot' && r.label === '存在的问题和原因');
  expect(problem?.type === 'slot' && problem.suggestion && problem.text).toContain('先行使用中央补助资金');
  const dept = tables.find((x) => x.type === 'PERF_DEPT')!;
  const d = runs(draftDeptResult(dept, ctx)).find((r) => r.type === 'slot' && r.label === '存在的问题和原因');
  expect(d?.type === 'slot' && d.suggestion).toBe(false);
});
