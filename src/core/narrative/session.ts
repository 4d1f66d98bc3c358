import type { Workbook } from '../grid/grid';
import { WorkbookReader } from '../reading';
import { recognizeWorkbook } from '../tables/recognize';
import type { SemanticTable } from '../tables/types';
import type { NarrativeDraft } from './blocks';
import { checkNarrative, type CheckOptions, type NarrativeCheck } from './check';
import { draftQingkuang } from './draft/index';
import { priorFromFacts, type DraftInputs } from './draft/inputs';
import { findInputsSheet, INPUT_ROWS, INPUTS_SHEET_NAME, mergeInputs, readInputsSheet, type InputRowSpec } from './draft/inputs-sheet';
import { draftPerfResults } from './draft/perf-results';
import { buildFacts } from './facts';
import { buildPerfFacts } from './perf-facts';
import { renderText } from './render';
import { blameSelfCheck, type SelfCheckFinding } from './self-check';
import { readNarrative } from './statements';
import { priorProblemMessage, priorProblemOf, PriorWorkbookError, sameDepartment, type PriorProblem, type PriorReading } from './prior';
import type { TableSource } from './draft/common';

export { priorProblemMessage, PriorWorkbookError, type PriorProblem, type PriorReading } from './prior';
import type { Fact } from './types';

/**
 * The narrative (情况说明) work on one workbook, for every host alike (the CLI's narrate and
 * check --narrative, the task pane): the facts of its tables, the inputs its own “上年数及其他”
 * sheet gives, drafting (公开 情况说明 and/or 绩效 自评结果) and checking a narrative text. Hosts only
 * load files and show the results; what is drafted and how a text is checked is decided here.
 */

/** The inputs a draft may be given besides the workbook's own “上年数及其他” sheet. */
export interface DraftSources {
  /** Prior-year values, e.g. {@link priorInputsOf} the prior year's workbook. Lowest precedence. */
  prior?: Partial<DraftInputs>;
  /** A separately given “上年数及其他” sheet (the CLI's --inputs). Highest precedence. */
  given?: Partial<DraftInputs>;
  /**
   * The department's 绩效 workbook of the same year, when the 绩效 tables are not in this workbook
   * ({@link NarrativeSession.perfFrom}): 十三 is drafted from its 自评表, and a text is checked against them.
   */
  perf?: PerfWorkbook;
}

/** A 绩效 workbook read for a 公开 workbook's 十三: its tables, their reader and its file name. */
export interface PerfWorkbook extends TableSource {
  readonly reader: WorkbookReader;
  readonly book: string;
}

/** Why a workbook cannot serve as another's 绩效 workbook. */
export type PerfProblem = { kind: 'no-perf-tables' } | { kind: 'other-year'; year: number; perfYear: number } | { kind: 'other-department'; department: string; perfDepartment: string };

/** The Chinese (then English) line for a 绩效 workbook that cannot serve. */
export function perfProblemMessage(problem: PerfProblem, fileName: string): string {
  switch (problem.kind) {
    case 'no-perf-tables':
      return `“${fileName}”中没有识别出项目支出或部门整体绩效自评表，十三未从中起草。 / "${fileName}" holds no recognized 绩效自评表; section 十三 was not drafted from it.`;
    case 'other-year':
      return `“${fileName}”是 ${problem.perfYear} 年度的绩效自评，本工作簿是 ${problem.year} 年度；十三未从中起草。 / "${fileName}" is of ${problem.perfYear}, this workbook of ${problem.year}; section 十三 was not drafted from it.`;
    case 'other-department':
      return `“${fileName}”是“${problem.perfDepartment}”的绩效自评，与本工作簿的“${problem.department}”不是同一部门；十三未从中起草。 / "${fileName}" belongs to another department (${problem.perfDepartment}); section 十三 was not drafted from it.`;
  }
}

export type PerfReading = { perf: PerfWorkbook; problem?: undefined; message?: undefined } | { problem: PerfProblem; message: string; perf?: undefined };

/** What reading a “上年数及其他” sheet gave: the usable values and the values that could not be used. */
export interface InputsSheetReading {
  inputs: Partial<DraftInputs>;
  problems: string[];
}

/** The workbook's own “上年数及其他” sheet holds values that cannot be used: nothing is drafted. */
export class InputsSheetError extends Error {
  constructor(
    readonly fileName: string,
    readonly problems: readonly string[],
  ) {
    super(inputsProblemsMessage(fileName, problems));
    this.name = 'InputsSheetError';
  }
}

/** The Chinese message for an inputs sheet with unusable values (one line per problem). */
export function inputsProblemsMessage(fileName: string, problems: readonly string[]): string {
  return (
    `“${fileName}”的“${INPUTS_SHEET_NAME}”表有 ${problems.length} 处数值无法使用，未起草；请改正后重试：\n` +
    problems.map((p) => `  - ${p}`).join('\n')
  );
}

/** The “上年数及其他” sheet among a workbook's sheets, read; undefined when there is none. */
export function readInputsOf(sheets: Workbook['sheets']): InputsSheetReading | undefined {
  const grid = findInputsSheet(sheets);
  return grid ? readInputsSheet(grid) : undefined;
}

/** The most common year of the tables (the year the labels of the inputs template name). */
export function tablesYear(tables: readonly { year: number | null }[]): number | undefined {
  const counts = new Map<number, number>();
  for (const t of tables) if (t.year !== null) counts.set(t.year, (counts.get(t.year) ?? 0) + 1);
  let best: number | undefined;
  for (const [y, n] of counts) if (best === undefined || n > counts.get(best)!) best = y;
  return best;
}

/** The most common department of the tables (the 部门/单位 line), spaces and widths folded. */
export function tablesDepartment(tables: readonly { department: string | null }[]): string | undefined {
  const counts = new Map<string, number>();
  for (const t of tables) {
    const d = t.department?.normalize('NFKC').replace(/\s+/g, '');
    if (d) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [d, n] of counts) if (best === undefined || n > counts.get(best)!) best = d;
  return best;
}

/** Headings, numbers and slots (to fill or confirm) of a draft, for a host's summary line. */
export interface DraftStats {
  headings: number;
  numbers: number;
  slots: number;
}

export function draftStats(draft: NarrativeDraft): DraftStats {
  const runs = draft.blocks.flatMap((b) => (b.type === 'paragraph' ? b.runs : []));
  return {
    headings: draft.blocks.filter((b) => b.type === 'heading').length,
    numbers: runs.filter((r) => r.type === 'number').length,
    slots: runs.filter((r) => r.type === 'slot').length,
  };
}

export class NarrativeSession {
  readonly tables: readonly SemanticTable[];
  readonly ctx: WorkbookReader;
  private factsMemo?: Fact[];
  private checkMemo?: Fact[];
  private ownMemo?: { reading: InputsSheetReading | undefined };

  /**
   * `tables`: the workbook's recognized tables when the host has them already (an analysis);
   * recognized here otherwise. `fileName` names the workbook in messages.
   */
  constructor(
    readonly workbook: Workbook,
    tables?: readonly SemanticTable[],
    readonly fileName: string = workbook.name,
  ) {
    this.tables = tables ?? recognizeWorkbook(workbook).tables;
    this.ctx = new WorkbookReader(workbook, this.tables);
  }

  /** The named numbers of the tables, with their cells (what drafts print and texts are checked against). */
  get facts(): Fact[] {
    return (this.factsMemo ??= buildFacts(this.ctx));
  }

  /** The facts a narrative text is checked against (the one place to add further kinds of facts). */
  get checkFacts(): readonly Fact[] {
    // 公开01–09 facts for a 情况说明, 绩效 facts (自评表, 基础数据表) for a 自评报告; a workbook may hold both
    return (this.checkMemo ??= [...this.facts, ...buildPerfFacts(this.ctx)]);
  }

  /** The year of the tables. */
  get year(): number | undefined {
    return tablesYear(this.tables);
  }

  /** The rows of an empty “上年数及其他” sheet for this workbook's tables. */
  inputRows(): InputRowSpec[] {
    return INPUT_ROWS(this.facts, { year: this.year });
  }

  /** The workbook's own “上年数及其他” sheet, read (undefined when it has none). */
  ownInputs(): InputsSheetReading | undefined {
    return (this.ownMemo ??= { reading: readInputsOf(this.workbook.sheets) }).reading;
  }

  /** The department of the tables. */
  get department(): string | undefined {
    return tablesDepartment(this.tables);
  }

  /** This workbook as the prior year of another draft: its amounts by fact key, with its year and department. */
  asPrior(): Partial<DraftInputs> {
    const priorOf: NonNullable<DraftInputs['priorOf']> = { fileName: this.fileName };
    if (this.year !== undefined) priorOf.year = this.year;
    if (this.department !== undefined) priorOf.department = this.department;
    return { prior: priorFromFacts(this.facts), priorOf };
  }

  /**
   * Another workbook read as this one's prior year: its values, or the problem when it is of the same
   * (or another than the previous) year or of another department. The host prints `message`.
   */
  priorFrom(workbook: Workbook, fileName: string = workbook.name): PriorReading {
    const inputs = new NarrativeSession(workbook, undefined, fileName).asPrior();
    const problem = this.priorProblem(inputs);
    return problem ? { problem, message: priorProblemMessage(problem, fileName) } : { inputs };
  }

  /**
   * Another workbook read as this one's 绩效 workbook (the 项目/部门整体 自评表 of the same department and
   * year, for 十三), or why it cannot serve. The host prints `message`.
   */
  perfFrom(workbook: Workbook, fileName: string = workbook.name): PerfReading {
    const other = new NarrativeSession(workbook, undefined, fileName);
    const perfTables = other.tables.filter((t) => t.type === 'PERF_PROJECT' || t.type === 'PERF_DEPT');
    const fail = (problem: PerfProblem): PerfReading => ({ problem, message: perfProblemMessage(problem, fileName) });
    if (!perfTables.length) return fail({ kind: 'no-perf-tables' });
    const perfYear = tablesYear(perfTables);
    if (this.year !== undefined && perfYear !== undefined && perfYear !== this.year) return fail({ kind: 'other-year', year: this.year, perfYear });
    const perfDepartment = tablesDepartment(perfTables);
    if (this.department && perfDepartment && !sameDepartment(this.department, perfDepartment)) return fail({ kind: 'other-department', department: this.department, perfDepartment });
    const reader = other.ctx;
    return { perf: { tables: other.tables, wan: (t, ref) => reader.wan(t, ref), reader, book: fileName } };
  }

  /** Why `prior` (read by asPrior/priorInputsOf) cannot be this workbook's prior year, if it cannot. */
  priorProblem(prior: Partial<DraftInputs> | undefined): PriorProblem | undefined {
    const current: { year?: number; department?: string } = {};
    if (this.year !== undefined) current.year = this.year;
    if (this.department !== undefined) current.department = this.department;
    return priorProblemOf(current, prior?.priorOf);
  }

  /**
   * The inputs a draft uses: `given` > the workbook's own “上年数及其他” sheet > `prior`, per value.
   * Throws {@link InputsSheetError} when the own sheet holds values that cannot be used.
   */
  inputs(sources: DraftSources = {}): DraftInputs {
    const own = this.ownInputs();
    if (own && own.problems.length) throw new InputsSheetError(this.fileName, own.problems);
    const problem = this.priorProblem(sources.prior);
    if (problem) throw new PriorWorkbookError(problem, sources.prior?.priorOf?.fileName);
    return mergeInputs(sources.prior, own?.inputs, sources.given);
  }

  /**
   * The draft: 公开 tables give the 情况说明 (一 … 十三), 绩效 tables their 自评结果 (a workbook may hold
   * both: the 自评结果 follow the 情况说明). Numbers not in the tables or the inputs stay marked slots.
   */
  draft(sources: DraftSources = {}): NarrativeDraft {
    const inputs = this.inputs(sources);
    const hasGongkai = this.tables.some((t) => t.type.startsWith('GK'));
    const perf = draftPerfResults(this.tables, this.ctx, inputs);
    // 十三 reads the 自评表 of this workbook, and of the department's 绩效 workbook when one is given
    const qingkuang = draftQingkuang(this.facts, sources.perf ? [this.ctx, sources.perf] : this.ctx, inputs);
    if (hasGongkai) return { ...qingkuang, blocks: [...qingkuang.blocks, ...perf] };
    const department = this.tables.find((t) => t.department)?.department ?? '';
    const year = this.tables.find((t) => t.year)?.year ?? '';
    return { title: `${department} ${year}年度绩效自评结果`.trim(), blocks: perf };
  }

  /**
   * A draft checked as if it were a finished narrative (every filled slot accepted): the numbers it
   * takes from the inputs must agree with each other and with the tables too. The 年初预算 of the 类
   * that do not add up to the total, a 上年数 larger than … are found here, before anyone prints it.
   * Returns the error and warning findings, each with its cause: a supplied value, or the tables themselves.
   */
  selfCheck(draft: NarrativeDraft, sources: DraftSources = {}): SelfCheckFinding[] {
    const findings = this.check(renderText(draft, { fill: true }), sources).findings;
    // 'cellDecimals': the draft is right for the printed figures and a cell stores more decimals than it
    // prints — a matter of the tables, which the check reports (HYGIENE.excess-decimals), not of the draft
    return blameSelfCheck(draft, findings.filter((f) => f.severity !== 'info' && f.messageId !== 'cellDecimals'));
  }

  /**
   * Checks the numbers of a narrative text against the tables and against the inputs a draft would use
   * (`given` > the workbook's own “上年数及其他” sheet > `prior`): 上年数 check the changes, 年初预算 and
   * 政府采购 the amounts. Unlike a draft, a check goes on when the own sheet holds unusable values: those
   * are left out and named in `inputProblems`.
   */
  check(text: string, sources: DraftSources = {}): NarrativeCheck {
    const own = this.ownInputs();
    // a prior workbook of the same year or of another department would make every change look wrong: left out, and said
    const priorProblem = this.priorProblem(sources.prior);
    const inputs = mergeInputs(priorProblem ? undefined : sources.prior, own?.inputs, sources.given);
    const options: CheckOptions = {};
    if (this.year !== undefined) options.year = this.year;
    if (inputs.prior) options.prior = inputs.prior;
    if (inputs.budget) options.budget = inputs.budget;
    if (inputs.purchases) options.purchases = inputs.purchases;
    const facts = sources.perf ? [...this.checkFacts, ...buildPerfFacts(sources.perf.reader)] : this.checkFacts;
    const result = checkNarrative(readNarrative(text), facts, options);
    if (own && own.problems.length) result.inputProblems = own.problems;
    if (priorProblem) result.priorProblem = { problem: priorProblem, message: priorProblemMessage(priorProblem, sources.prior?.priorOf?.fileName) };
    return result;
  }
}

/**
 * The prior-year inputs from the prior year's workbook (recognized like any other), with its year and
 * department: a session given them for a workbook of the same year or another department refuses
 * them (`check` leaves them out and says so in `priorProblem`, `draft` throws PriorWorkbookError).
 * `NarrativeSession.priorFrom` reads and judges in one step.
 */
export function priorInputsOf(workbook: Workbook): Partial<DraftInputs> {
  return new NarrativeSession(workbook).asPrior();
}
