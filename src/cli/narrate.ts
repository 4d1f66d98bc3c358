import { promises as fs } from 'fs';
import * as path from 'path';
import type { DraftInputs } from '../core/narrative/draft/inputs';
import { INPUTS_SHEET_NAME } from '../core/narrative/draft/inputs-sheet';
import { renderMarkdown, renderText } from '../core/narrative/render';
import { selfCheckSummary } from '../core/narrative/self-check';
import { draftStats, inputsProblemsMessage, NarrativeSession, priorInputsOf, readInputsOf, type DraftSources, type InputsSheetReading, type PerfWorkbook } from '../core/narrative/session';
import { WorkbookReadError } from '../hosts/xlsx/load';
import { loadXlsxFile } from '../hosts/xlsx/node-file';
import { assertNotInput, identify, writeFileSafely } from '../hosts/node/safe-write';
import { NARRATE } from './commands';
import { flag, parseOptions, stringOption, UsageError } from './options';

export interface NarrateArgs {
  book: string;
  prior: string | null;
  /** --inputs: a workbook with a "上年数及其他" sheet (its values win over --prior's). */
  inputs: string | null;
  /** --inputs-template: write the empty "上年数及其他" sheet for BOOK's tables here, and nothing else. */
  inputsTemplate: string | null;
  output: string | null;
  format: DraftFormat;
  force: boolean;
  /** --jixiao: the department's 绩效 workbook of the same year, for 十三. */
  jixiao: string | null;
  /** --no-jixiao: neither look for nor use one. */
  noJixiao: boolean;
  /** --no-sources: no 附：数字来源 in a .docx. */
  noSources: boolean;
}

type DraftFormat = 'docx' | 'md' | 'txt';

const usage = (zh: string, en: string) => new UsageError(`${zh} / ${en}`, 'narrate');

/** The draft format an output name asks for; null when its extension names none. */
const FORMAT_OF_EXTENSION: Record<string, DraftFormat> = { '.docx': 'docx', '.md': 'md', '.markdown': 'md', '.txt': 'txt' };
/** Names that hold workbooks: a draft is never written under one, whatever --format says. */
const WORKBOOK_EXTENSIONS = ['.xlsx', '.xlsm', '.xltx', '.xltm', '.xls', '.et', '.csv'];

export function parseNarrateArgs(args: readonly string[]): NarrateArgs {
  const parsed = parseOptions(NARRATE, args);
  const given = stringOption(parsed, '--format') as DraftFormat | null;
  const out: NarrateArgs = {
    book: '',
    prior: stringOption(parsed, '--prior'),
    inputs: stringOption(parsed, '--inputs'),
    inputsTemplate: stringOption(parsed, '--inputs-template'),
    output: stringOption(parsed, '--output'),
    format: given ?? 'docx',
    force: flag(parsed, '--force'),
    jixiao: stringOption(parsed, '--jixiao'),
    noJixiao: flag(parsed, '--no-jixiao'),
    noSources: flag(parsed, '--no-sources'),
  };
  if (out.jixiao && out.noJixiao) throw usage('--jixiao 与 --no-jixiao 不能同用。', '--jixiao and --no-jixiao exclude each other.');
  if (parsed.positionals.length !== 1) throw usage('请给出一个工作簿：gongkai narrate BOOK.xlsx -o 情况说明.docx。', 'Give one workbook: gongkai narrate BOOK.xlsx -o OUT.docx.');
  out.book = parsed.positionals[0];
  if (out.inputsTemplate) {
    if (out.output || out.prior || out.inputs || given || out.jixiao)
      throw usage('--inputs-template 只写出模板，不能与 -o、--prior、--inputs 或 --format 同用。', '--inputs-template only writes the template; it takes no -o, --prior, --inputs or --format.');
    if (path.extname(out.inputsTemplate).toLowerCase() !== '.xlsx') throw usage('--inputs-template 的输出文件应以 .xlsx 结尾。', 'The --inputs-template output must end in .xlsx.');
    return out;
  }
  if (out.output) {
    const ext = path.extname(out.output).toLowerCase();
    if (WORKBOOK_EXTENSIONS.includes(ext)) {
      throw usage(`-o “${out.output}”是工作簿的文件名，草稿不能写成 ${ext}；请用 .docx、.md 或 .txt。`, `-o "${out.output}" names a workbook; a draft is .docx, .md or .txt.`);
    }
    const byExtension = FORMAT_OF_EXTENSION[ext] ?? null;
    if (byExtension && given && byExtension !== given) {
      throw usage(`输出文件的扩展名 ${ext} 与 --format ${given} 矛盾；去掉 --format，或把文件名改为 .${given}。`, `The output's extension ${ext} contradicts --format ${given}; drop --format or name the file .${given}.`);
    }
    if (!byExtension && !given) {
      throw usage(`无法从扩展名判断草稿格式：“${out.output}”应以 .docx、.md 或 .txt 结尾，或用 --format 指定。`, `Cannot tell the draft format from the extension of "${out.output}": use .docx, .md or .txt, or --format.`);
    }
    out.format = byExtension ?? given!;
    if (out.noSources && out.format !== 'docx') throw usage('--no-sources 只用于 .docx 草稿（.md、.txt 本来就不附数字来源）。', '--no-sources applies to a .docx draft only.');
    return out;
  }
  if (out.noSources) throw usage('--no-sources 只用于 .docx 草稿（.md、.txt 本来就不附数字来源）。', '--no-sources applies to a .docx draft only.');
  if (out.force) throw usage('--force 只与 -o 或 --inputs-template 同用（没有 -o 时草稿打印到标准输出）。', '--force goes with -o or --inputs-template (without -o the draft goes to stdout).');
  if (!given || given === 'docx') throw usage('请用 -o 指定输出文件（.docx、.md 或 .txt），或用 --format md|txt 打印到标准输出。', 'Give -o OUT.docx|.md|.txt, or --format md|txt to print to stdout.');
  return out;
}

/** The "上年数及其他" sheet of a workbook read into inputs; a value that cannot be read stops the draft. */
function inputsFrom(reading: InputsSheetReading | undefined, file: string): Partial<DraftInputs> | undefined {
  if (!reading) return undefined;
  const { inputs, problems } = reading;
  if (problems.length) {
    throw new WorkbookReadError(
      inputsProblemsMessage(path.basename(file), problems) +
        `\n / The ${INPUTS_SHEET_NAME} sheet of "${path.basename(file)}" has ${problems.length} unusable value(s); nothing was drafted.`,
      'inputs-sheet',
    );
  }
  return inputs;
}

/**
 * The figures beside the tables, from files: the prior year's workbook (recognized like any other) and a
 * workbook with a “上年数及其他” sheet. A sheet with unusable values, or an --inputs file without the
 * sheet, stops the command (exit 2): nothing is drafted or checked on half the inputs.
 */
export async function readDraftSources(priorFile: string | null, inputsFile: string | null): Promise<DraftSources> {
  const sources: DraftSources = {};
  if (priorFile) sources.prior = priorInputsOf(await loadXlsxFile(priorFile));
  if (inputsFile) {
    const given = inputsFrom(readInputsOf((await loadXlsxFile(inputsFile)).sheets), inputsFile);
    if (!given) {
      throw new WorkbookReadError(
        `“${path.basename(inputsFile)}”中没有名为“${INPUTS_SHEET_NAME}”的工作表（可用 --inputs-template 生成）。 / "${path.basename(inputsFile)}" has no sheet named ${INPUTS_SHEET_NAME}.`,
        'inputs-sheet-missing',
      );
    }
    sources.given = given;
  }
  return sources;
}

/** Names a person gives a 绩效 workbook (checked by content before use). */
const PERF_NAME = /绩效|自评|jixiao|jx|perf/i;
/** At most this many workbooks of BOOK's folder are opened to find its 绩效 workbook. */
const MAX_PERF_CANDIDATES = 12;

/**
 * The 绩效 workbook 十三 is drafted from: --jixiao (refused with its reason when it cannot serve), or,
 * when BOOK holds no 自评表, the one workbook of BOOK's folder named like one that is of the same
 * department and year — used only when there is exactly one, and always said on stderr.
 */
async function perfWorkbookFor(session: NarrativeSession, args: NarrateArgs, warn: (line: string) => void): Promise<PerfWorkbook | undefined> {
  if (args.noJixiao) return undefined;
  if (args.jixiao) {
    const reading = session.perfFrom(await loadXlsxFile(args.jixiao), path.basename(args.jixiao));
    if (reading.problem) throw new WorkbookReadError(reading.message, 'jixiao');
    return reading.perf;
  }
  if (!session.tables.some((t) => t.type.startsWith('GK')) || session.tables.some((t) => t.type === 'PERF_PROJECT' || t.type === 'PERF_DEPT')) return undefined;
  const dir = path.dirname(path.resolve(args.book));
  const taken = new Set([args.book, args.prior, args.inputs, args.output].filter((f): f is string => !!f).map((f) => path.resolve(f)));
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((n) => /\.(xlsx|xlsm|xls)$/i.test(n) && PERF_NAME.test(n) && !n.startsWith('~$') && !taken.has(path.join(dir, n))).sort();
  } catch {
    return undefined;
  }
  const found: PerfWorkbook[] = [];
  for (const name of names.slice(0, MAX_PERF_CANDIDATES)) {
    try {
      const reading = session.perfFrom(await loadXlsxFile(path.join(dir, name)), name);
      if (reading.perf) found.push(reading.perf);
    } catch {
      // an unreadable neighbour is no 绩效 workbook of this department; it is not this command's input
    }
  }
  if (found.length === 1) {
    warn(`十三、预算绩效情况说明据同一文件夹中的“${found[0].book}”起草（--jixiao 指定其他文件，--no-jixiao 不使用）。 / Section 十三 drafted from "${found[0].book}" found beside BOOK (--jixiao to choose, --no-jixiao to skip).`);
    return found[0];
  }
  if (found.length > 1) {
    warn(`同一文件夹中有 ${found.length} 个同部门、同年度的绩效工作簿（${found.map((f) => `“${f.book}”`).join('、')}），未使用；请用 --jixiao 指定。 / ${found.length} 绩效 workbooks of this department and year beside BOOK; none used, choose one with --jixiao.`);
  }
  return undefined;
}

/**
 * gongkai narrate: drafts the 情况说明 from the workbook's tables (and the prior year's workbook for
 * the year-over-year sentences); numbers not in the tables stay marked slots, never invented.
 * Returns the text for stdout (md/txt without -o) or a line saying where the file went.
 * What is drafted from what is decided by the core's NarrativeSession; this reads and writes files.
 */
export async function runNarrate(args: NarrateArgs, warn: (line: string) => void = () => {}): Promise<string> {
  const inputs = [args.book, args.prior, args.inputs, args.jixiao].filter((f): f is string => !!f);
  // Before anything is read: the output may not be an input, whatever its spelling.
  const target = args.inputsTemplate ?? args.output;
  if (target) await assertNotInput(await identify(target), inputs);
  const workbook = await loadXlsxFile(args.book);
  const session = new NarrativeSession(workbook);
  if (args.inputsTemplate) {
    const rows = session.inputRows();
    // A template may already hold a person's numbers: replaced only with --force.
    // loaded only here: the template writer brings exceljs, which no other command needs
    const { writeInputsTemplate } = await import('../hosts/xlsx/inputs-template');
    await writeFileSafely(args.inputsTemplate, await writeInputsTemplate(rows), { overwriteExisting: args.force, inputs });
    return (
      `已写出 ${path.basename(args.inputsTemplate)}：“${INPUTS_SHEET_NAME}”表 ${rows.length} 项待填写；填好后用 --inputs ${path.basename(args.inputsTemplate)} 起草。` +
      ` / Wrote ${args.inputsTemplate} with ${rows.length} inputs; fill them and pass --inputs.`
    );
  }
  // Precedence: --inputs sheet > BOOK's own sheet > --prior workbook (merged by the session).
  // The prior workbook is read first, then BOOK's own sheet, so that its problems are reported before --inputs is opened.
  const prior = args.prior ? priorInputsOf(await loadXlsxFile(args.prior)) : undefined;
  inputsFrom(session.ownInputs(), args.book);
  const { given } = await readDraftSources(null, args.inputs);
  const perf = await perfWorkbookFor(session, args, warn);
  const draft = session.draft({ prior, given, perf });
  // The draft read back as a finished text: numbers from the inputs that disagree are said now, on
  // stderr, so the draft itself (stdout or the file) stays clean.
  const own = session.selfCheck(draft, { prior, given, perf });
  if (own.length) {
    warn(selfCheckSummary(own));
    for (const f of own) warn(`  ${f.severity === 'error' ? '错误' : '警告'}（${f.cause === 'inputs' ? `所填：${f.input ?? '输入值'}` : '表格'}）“${f.quote}” ${f.message} [${f.rule}]`);
  }
  if (args.format !== 'docx' && !args.output) return args.format === 'md' ? renderMarkdown(draft) : renderText(draft);
  const bytes =
    args.format === 'docx' ? (await new (await import('../hosts/word/docx-file-target')).DocxFileTarget(undefined, { provenance: !args.noSources }).exportNarrative(draft)).bytes : new TextEncoder().encode(args.format === 'md' ? renderMarkdown(draft) : renderText(draft));
  await writeFileSafely(args.output!, bytes, { overwriteExisting: args.force, inputs });
  const stats = draftStats(draft);
  return (
    `已写出 ${path.basename(args.output!)}：${stats.headings} 个标题，` +
    `${stats.slots} 处待填写或确认（原因、上年数、年初预算等，已高亮）。 / Wrote ${args.output} with ${stats.slots} slots to fill or confirm.`
  );
}
