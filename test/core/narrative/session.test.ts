import { readFileSync } from 'fs';
import * as path from 'path';
import { Grid, type Workbook } from '../../../src/core/grid/grid';
import { Decimal } from '../../../src/core/money/decimal';
import { checkNarrative } from '../../../src/core/narrative/check';
import { draftQingkuang } from '../../../src/core/narrative/draft';
import { priorFromFacts } from '../../../src/core/narrative/draft/inputs';
import { INPUT_ROWS, INPUTS_SHEET_NAME } from '../../../src/core/narrative/draft/inputs-sheet';
import { draftPerfResults } from '../../../src/core/narrative/draft/perf-results';
import { buildFacts } from '../../../src/core/narrative/facts';
import { renderText } from '../../../src/core/narrative/render';
import {
  draftStats,
  InputsSheetError,
  inputsProblemsMessage,
  NarrativeSession,
  priorInputsOf,
  PriorWorkbookError,
  readInputsOf,
  tablesYear,
} from '../../../src/core/narrative/session';
import { readNarrative } from '../../../src/core/narrative/statements';
import type { DraftInputs } from '../../../src/core/narrative/draft/inputs';
import { RuleContext } from '../../../src/core/rules/context';
import { FIXTURES, recognizeFixture, type Recognized } from '../../helpers/fixtures';

let gongkai: Recognized;
let jixiao: Recognized;
beforeAll(async () => {
  gongkai = await recognizeFixture('jiangan-2024-gongkai.xlsx');
  jixiao = await recognizeFixture('miluo-2023-jixiao.xlsx');
});

/** The workbook with a “上年数及其他” sheet of [label, value] rows added. */
function withInputsSheet(workbook: Workbook, rows: (string | number)[][]): Workbook {
  const all = [['上年数及其他（起草情况说明用）'], ['项目', '数值', '单位', '说明'], ...rows];
  const cells: [number, number, { value: string | number | null }][] = [];
  all.forEach((r, i) => r.forEach((v, c) => cells.push([i, c, { value: v }])));
  return { ...workbook, sheets: [...workbook.sheets, new Grid({ name: INPUTS_SHEET_NAME, cells })] };
}

const flat = (s: string) => s.replace(/\s+/g, '');

/** The workbook's own figures as if they were last year's (a workbook of the same year is refused as --prior). */
const lastYearOf = (session: NarrativeSession): Partial<DraftInputs> => ({ ...session.asPrior(), priorOf: { year: 2023, department: session.department } });

describe('NarrativeSession: drafting', () => {
  test('a 公开 workbook: the 情况说明 of its facts, then the 绩效 parts (the composition the CLI used to make itself)', () => {
    const session = new NarrativeSession(gongkai.workbook);
    expect(session.tables.map((t) => t.type)).toEqual(gongkai.tables.map((t) => t.type));
    const ctx = new RuleContext(gongkai.workbook, gongkai.tables);
    const qingkuang = draftQingkuang(buildFacts(ctx), ctx, {});
    const expected = { ...qingkuang, blocks: [...qingkuang.blocks, ...draftPerfResults(gongkai.tables, ctx, {})] };
    expect(session.draft()).toEqual(expected);
    expect(session.draft().title).toBe('第三部分 武汉市江岸区住房保障和房屋管理局 2024年度部门决算情况说明');
  });

  test('a 绩效-only workbook: its 自评结果 under a 绩效自评结果 title', () => {
    const session = new NarrativeSession(jixiao.workbook, jixiao.tables);
    const draft = session.draft();
    const department = jixiao.tables.find((t) => t.department)?.department ?? '';
    expect(draft.title).toBe(`${department} 2023年度绩效自评结果`.trim());
    expect(draft.blocks).toEqual(draftPerfResults(jixiao.tables, new RuleContext(jixiao.workbook, jixiao.tables), {}));
    expect(draft.blocks.length).toBeGreaterThan(0);
  });

  test('inputs: given > the workbook\'s own sheet > prior, per value', () => {
    const total = (v: string) => ({ prior: { 收支总计: new Decimal(v) } });
    const session = new NarrativeSession(gongkai.workbook);
    // without inputs the change is a slot, never a guess
    expect(flat(renderText(session.draft()))).toContain('【上年数（2023年度收、支总计，万元）】');
    // last year's figures the same as this year's: 持平
    expect(flat(renderText(session.draft({ prior: lastYearOf(session) })))).toMatch(/与2023年度相比，收、支总计持平/);
    expect(flat(renderText(session.draft({ prior: total('11314.64') })))).toContain('收、支总计各增加11584.58万元，增长102.39%');

    const own = new NarrativeSession(withInputsSheet(gongkai.workbook, [['2023年度收、支总计', 11314.64]]));
    expect(own.ownInputs()?.problems).toEqual([]);
    // the own sheet wins over prior, and a given sheet over the own sheet
    expect(flat(renderText(own.draft({ prior: lastYearOf(own) })))).toContain('收、支总计各增加11584.58万元');
    expect(flat(renderText(own.draft({ prior: lastYearOf(own) })))).toMatch(/收入合计持平/);
    expect(flat(renderText(own.draft({ given: total('22899.22') })))).toMatch(/收、支总计持平/);
  });

  test('an own sheet with unusable values stops the draft with the problems listed', () => {
    const session = new NarrativeSession(withInputsSheet(gongkai.workbook, [['2023年度收、支总计', '约一万一']]), undefined, '江岸.xlsx');
    expect(session.ownInputs()?.problems).toHaveLength(1);
    let error: unknown;
    try {
      session.draft();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputsSheetError);
    const e = error as InputsSheetError;
    expect(e.name).toBe('InputsSheetError');
    expect(e.problems).toEqual(session.ownInputs()!.problems);
    expect(e.message).toBe(inputsProblemsMessage('江岸.xlsx', e.problems));
    expect(e.message).toMatch(/^“江岸\.xlsx”的“上年数及其他”表有 1 处数值无法使用，未起草；请改正后重试：\n {2}- “2023年度收、支总计”的数值“约一万一”/);
  });

  test('the inputs template rows and the prior inputs are those of the workbook\'s facts', () => {
    const session = new NarrativeSession(gongkai.workbook);
    const facts = buildFacts(new RuleContext(gongkai.workbook, gongkai.tables));
    expect(session.year).toBe(2024);
    expect(session.inputRows()).toEqual(INPUT_ROWS(facts, { year: 2024 }));
    expect(priorInputsOf(gongkai.workbook)).toEqual({ prior: priorFromFacts(facts), priorOf: { year: 2024, department: '武汉市江岸区住房保障和房屋管理局', fileName: gongkai.workbook.name } });
    expect(readInputsOf(gongkai.workbook.sheets)).toBeUndefined();
  });
});

describe('NarrativeSession: checking', () => {
  test('checks a text against the facts of the tables (its checkFacts), as checkNarrative does', () => {
    const text = readFileSync(path.join(FIXTURES, 'jiangan-2024-qingkuang.txt'), 'utf8');
    const session = new NarrativeSession(gongkai.workbook, gongkai.tables);
    const result = session.check(text);
    const direct = checkNarrative(readNarrative(text), session.checkFacts);
    expect(result.findings).toEqual(direct.findings);
    expect(result.findings.filter((f) => f.severity === 'error').map((f) => f.quote)).toContain('98.04%');
    expect(result.findings.every((f) => f.source === 'narrative' && text.includes(f.quote!))).toBe(true);
  });

  test('one session computes its facts once, for drafting and checking alike', () => {
    const session = new NarrativeSession(gongkai.workbook, gongkai.tables);
    expect(session.facts).toBe(session.facts);
    expect(session.checkFacts).toBe(session.checkFacts);
    // every fact a draft prints is one a text is checked against
    const checked = new Set(session.checkFacts);
    expect(session.facts.every((f) => checked.has(f))).toBe(true);
  });
});

describe('NarrativeSession: a prior-year workbook must be of the year before and of the same department', () => {
  test('the workbook as its own prior year is refused: a typed problem, a clear message, no figure used', () => {
    const session = new NarrativeSession(gongkai.workbook, gongkai.tables, '江岸.xlsx');
    const reading = session.priorFrom(gongkai.workbook, '江岸2024.xlsx');
    expect(reading.problem).toEqual({ kind: 'same-year', year: 2024 });
    expect(reading.inputs).toBeUndefined();
    expect(reading.message).toMatch(/^“江岸2024\.xlsx”与本工作簿同为 2024 年度，不能作为上年数（--prior 应是 2023 年度的决算）；未使用其中的数字。 \/ .*same year/);
    // given anyway (priorInputsOf, as the CLI reads --prior): a check leaves it out and says so …
    const text = readFileSync(path.join(FIXTURES, 'jiangan-2024-qingkuang.txt'), 'utf8');
    const checked = session.check(text, { prior: priorInputsOf(gongkai.workbook) });
    expect(checked.priorProblem?.problem).toEqual({ kind: 'same-year', year: 2024 });
    expect(checked.findings.filter((f) => ['NARRATIVE.change', 'NARRATIVE.growth', 'NARRATIVE.direction'].includes(f.rule))).toEqual([]);
    expect(checked.findings).toEqual(session.check(text).findings);
    // … and a draft refuses it
    expect(() => session.draft({ prior: priorInputsOf(gongkai.workbook) })).toThrow(PriorWorkbookError);
  });

  test('another department\'s workbook is refused; the year before of the same department (renamed or not) is taken', () => {
    const session = new NarrativeSession(gongkai.workbook, gongkai.tables);
    const other = { ...session.asPrior(), priorOf: { year: 2023, department: '汨罗市住房和城乡建设局' } };
    expect(session.priorProblem(other)).toEqual({ kind: 'other-department', department: '武汉市江岸区住房保障和房屋管理局', priorDepartment: '汨罗市住房和城乡建设局' });
    expect(session.priorProblem({ ...other, priorOf: { year: 2023, department: '武汉市江岸区住房和城市更新局' } })).toBeUndefined();
    expect(session.priorProblem({ ...other, priorOf: { year: 2023, department: '武汉市江岸区住房保障和房屋管理局' } })).toBeUndefined();
    expect(session.priorProblem({ ...other, priorOf: { year: 2022 } })).toEqual({ kind: 'not-prior-year', year: 2024, priorYear: 2022 });
    // values without their provenance (an inputs sheet) are taken as they are
    expect(session.priorProblem({ prior: {} })).toBeUndefined();
    // the 汨罗 2023 workbook is of the year before, but another department's
    expect(session.priorFrom(jixiao.workbook, '汨罗.xlsx')).toMatchObject({ problem: { kind: 'other-department', priorDepartment: new NarrativeSession(jixiao.workbook, jixiao.tables).department } });
  });
});

describe('helpers', () => {
  test('tablesYear: the most common year', () => {
    expect(tablesYear([{ year: 2023 }, { year: 2024 }, { year: 2024 }, { year: null }])).toBe(2024);
    expect(tablesYear([{ year: null }])).toBeUndefined();
  });

  test('draftStats counts headings, numbers and slots', () => {
    const stats = draftStats({
      title: 't',
      blocks: [
        { type: 'heading', level: 1, text: '一、' },
        {
          type: 'paragraph',
          runs: [
            { type: 'text', text: '收入合计' },
            { type: 'number', text: '1.00', factKey: 'k', cells: [] },
            { type: 'slot', kind: 'reason', label: '主要原因', text: '', suggestion: false },
          ],
        },
      ],
    });
    expect(stats).toEqual({ headings: 1, numbers: 1, slots: 1 });
  });
});
