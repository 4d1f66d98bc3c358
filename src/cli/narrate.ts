import * as path from 'path';
import type { DraftInputs } from '../core/narrative/draft/inputs';
import { INPUTS_SHEET_NAME } from '../core/narrative/draft/inputs-sheet';
import { renderMarkdown, renderText } from '../core/narrative/render';
import { draftStats, inputsProblemsMessage, NarrativeSession, priorInputsOf, readInputsOf, type DraftSources, type InputsSheetReading } from '../core/narrative/session';
import { DocxFileTarget } from '../hosts/word/docx-file-target';
import { writeInputsTemplate } from '../hosts/xlsx/inputs-template';
import { WorkbookReadError } from '../hosts/xlsx/load';
import { loadXlsxFile } from '../hosts/xlsx/node-file';
import { writeWorkbookFile } from '../hosts/xlsx/write-node';

export class NarrateUsageError extends Error {}

export interface NarrateArgs {
  book: string;
  prior: string | null;
  /** --inputs: a workbook with a "上年数及其他" sheet (its values win over --prior's). */
  inputs: string | null;
  /** --inputs-template: write the empty "上年数及其他" sheet for BOOK's tables here, and nothing else. */
  inputsTemplate: string | null;
  output: string | null;
  format: 'docx' | 'md' | 'txt';
  force: boolean;
}

/** The narrate options in one place, for the parse errors (the shared USAGE text lists the basics). */
export const NARRATE_HELP = [
  'gongkai narrate BOOK.xlsx [--prior PRIOR.xlsx] [--inputs INPUTS.xlsx] -o 情况说明.docx [--format docx|md|txt] [--force]',
  'gongkai narrate BOOK.xlsx --inputs-template 上年数及其他.xlsx',
  `  --inputs-template OUT.xlsx：按 BOOK 的表格写出空白的“${INPUTS_SHEET_NAME}”表（上年数、年初预算、政府采购、车辆等），不覆盖已有文件。`,
  `  --inputs INPUTS.xlsx：读取其中“${INPUTS_SHEET_NAME}”表填写的数值；BOOK 自带“${INPUTS_SHEET_NAME}”表时自动读取。`,
  `  优先级：--inputs 的表 > BOOK 中的“${INPUTS_SHEET_NAME}”表 > --prior 上年工作簿；都没有的数保留待填写标记，不会猜测。`,
  '  / --inputs-template writes the empty inputs sheet for BOOK (never over an existing file); --inputs reads one;',
  '    a sheet named 上年数及其他 inside BOOK is read automatically. Inputs-sheet values take precedence over --prior.',
].join('\n');

const usage = (message: string) => new NarrateUsageError(`${message}\n${NARRATE_HELP}`);

export function parseNarrateArgs(args: string[]): NarrateArgs {
  const out: NarrateArgs = { book: '', prior: null, inputs: null, inputsTemplate: null, output: null, format: 'docx', force: false };
  const files: string[] = [];
  const fileOf = (a: string, i: number, what: string): string => {
    const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[i];
    if (!v || v.startsWith('-')) throw usage(`${a.split('=')[0]} 需要一个 .xlsx 文件。 / ${a.split('=')[0]} needs ${what}.`);
    return v;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-o' || a === '--output') out.output = args[++i] ?? null;
    else if (a === '--prior') out.prior = args[++i] ?? null;
    else if (a === '--inputs' || a.startsWith('--inputs=')) out.inputs = fileOf(a, a.includes('=') ? i : ++i, 'an .xlsx file with a 上年数及其他 sheet');
    else if (a === '--inputs-template' || a.startsWith('--inputs-template=')) out.inputsTemplate = fileOf(a, a.includes('=') ? i : ++i, 'an output .xlsx file');
    else if (a === '--force') out.force = true;
    else if (a === '--format' || a.startsWith('--format=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (v !== 'docx' && v !== 'md' && v !== 'txt') throw new NarrateUsageError('--format 只能是 docx、md 或 txt。 / --format must be docx, md or txt.');
      out.format = v;
    } else if (a.startsWith('-')) throw usage(`未知选项“${a}”。 / Unknown option "${a}".`);
    else files.push(a);
  }
  if (files.length !== 1) throw usage('请给出一个工作簿：gongkai narrate BOOK.xlsx -o 情况说明.docx。 / Give one workbook: gongkai narrate BOOK.xlsx -o OUT.docx.');
  out.book = files[0];
  if (out.inputsTemplate) {
    if (out.output || out.prior || out.inputs || out.force)
      throw usage('--inputs-template 只写出模板，不能与 -o、--prior、--inputs 或 --force 同用（模板从不覆盖已有文件）。 / --inputs-template only writes the template; it takes no -o, --prior, --inputs or --force.');
    if (!/\.xlsx$/i.test(out.inputsTemplate)) throw usage('--inputs-template 的输出文件应以 .xlsx 结尾。 / The --inputs-template output must end in .xlsx.');
    return out;
  }
  if (out.format === 'docx' && !out.output) throw usage('.docx 需要用 -o 指定输出文件。 / A .docx needs -o OUT.docx.');
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

/**
 * gongkai narrate: drafts the 情况说明 from the workbook's tables (and the prior year's workbook for
 * the year-over-year sentences); numbers not in the tables stay marked slots, never invented.
 * Returns the text for stdout (md/txt without -o) or a line saying where the file went.
 * What is drafted from what is decided by the core's NarrativeSession; this reads and writes files.
 */
export async function runNarrate(args: NarrateArgs, warn: (line: string) => void = () => {}): Promise<string> {
  const workbook = await loadXlsxFile(args.book);
  const session = new NarrativeSession(workbook);
  if (args.inputsTemplate) {
    const rows = session.inputRows();
    // A template may already hold a person's numbers: never replaced, whatever the flags.
    await writeWorkbookFile(args.inputsTemplate, await writeInputsTemplate(rows), { overwriteExisting: false });
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
  const draft = session.draft({ prior, given });
  // The draft read back as a finished text: numbers from the inputs that disagree are said now, on
  // stderr, so the draft itself (stdout or the file) stays clean.
  const own = session.selfCheck(draft, { prior, given });
  if (own.length) {
    warn(`草稿自检：有 ${own.length} 处数字前后不一致，多为所填上年数、年初预算等与表中数据不符；请核对后再用。 / Self-check: ${own.length} number(s) of the draft disagree (check the inputs).`);
    for (const f of own) warn(`  ${f.severity === 'error' ? '错误' : '警告'} “${f.quote}” ${f.message} [${f.rule}]`);
  }
  if (args.format !== 'docx' && !args.output) return args.format === 'md' ? renderMarkdown(draft) : renderText(draft);
  const bytes =
    args.format === 'docx' ? (await new DocxFileTarget().exportNarrative(draft)).bytes : new TextEncoder().encode(args.format === 'md' ? renderMarkdown(draft) : renderText(draft));
  await writeWorkbookFile(args.output!, bytes, { overwriteExisting: args.force });
  const stats = draftStats(draft);
  return (
    `已写出 ${path.basename(args.output!)}：${stats.headings} 个标题，` +
    `${stats.slots} 处待填写或确认（原因、上年数、年初预算等，已高亮）。 / Wrote ${args.output} with ${stats.slots} slots to fill or confirm.`
  );
}
