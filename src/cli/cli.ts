import * as path from 'path';
import { analyze, toReport } from '../core/analyze';
import type { CheckReport } from '../core/findings';
import { WorkbookReadError } from '../hosts/xlsx/load';
import { loadXlsxFile } from '../hosts/xlsx/node-file';
import { WorkbookWriteError } from '../hosts/xlsx/write';
import { WorkbookFileError } from '../hosts/xlsx/write-node';
import { RULES } from '../core/rules/registry';
import { FillUsageError, formatFillText, parseFillArgs, runFill } from './fill';
import { inputsProblemsMessage } from '../core/narrative/session';
import { readDraftSources } from './narrate';
import { checkNarrativeText, readNarrative } from './narrative';
import { NarrateUsageError, parseNarrateArgs, runNarrate } from './narrate';
import { formatJson, formatJsonLine, formatRules, formatText } from './reporters';

/** Exit codes (docs/output-contract.md): 0 clean, 1 error findings, 2 unreadable input; 64 a usage mistake; 73 the output could not be written. */
export const EXIT = { ok: 0, findings: 1, unreadable: 2, usage: 64, cannotWrite: 73 } as const;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** The sample workbook bundled with the project, checked when no FILE is given. */
export const SAMPLE_WORKBOOK = path.resolve(__dirname, '../../samples/jiangan-2024-gongkai.xlsx');

const USAGE = `用法 / Usage:
  gongkai check [FILE.xlsx ...] [--narrative TEXT.txt|DOC.docx [--prior PRIOR.xlsx] [--inputs INPUTS.xlsx]] [--format text|json] [--show-rounding]
      识别并检查工作簿；不给文件时检查自带的样例工作簿。尾差默认每张表合并为一行。
      Recognize and check workbooks; with no FILE, the bundled sample workbook.
      Rounding differences (尾差) are grouped per sheet unless --show-rounding.
      --narrative：同时核对情况说明中的数字（金额、占比、增减额与增长率、完成率与执行率、得分、文内合计）。 / Also check a narrative's numbers.
      --prior PRIOR.xlsx、--inputs INPUTS.xlsx（与 --narrative 同用）：用上年数核对增减额，用“上年数及其他”表的年初预算、政府采购数核对相应数字。
        / With --narrative: check changes against last year's workbook and amounts against an inputs sheet.
  gongkai check --rules
      列出全部检查规则（编号、名称、等式）。 / List every rule with its id, title and identity.
  gongkai fill IN.xlsx -o OUT.xlsx [--values] [--overwrite] [--force] [--format text|json]
  gongkai fill IN.xlsx --in-place [--values] [--overwrite]
      填写计算列（执行率、得分、总分、合计/小计、控制率），默认写入 Excel 公式；与计算值不同的单元格只报告、
      不改动（--overwrite 确认替换）；结果写到新文件（--in-place 覆盖原文件前先备份）。
      Fill computed cells as live formulas (--values: numbers); cells that differ are reported and kept
      unless --overwrite; output goes to a new file (--in-place keeps a backup).
  gongkai narrate BOOK.xlsx [--prior PRIOR.xlsx] -o 情况说明.docx [--format docx|md|txt] [--force]
      按表格数据起草部门决算情况说明（一至十三），数字均可追溯到单元格；原因、上年数、年初预算等留作高亮待填项。
      Draft the 情况说明 from the tables; every number traces to its cells; reasons and external inputs
      are highlighted slots (md/txt without -o print to stdout).
  gongkai --help | --version`;

class UsageError extends Error {}

interface CheckArgs {
  files: string[];
  format: 'text' | 'json';
  listRules: boolean;
  expandRounding: boolean;
  narrative: string | null;
  /** With --narrative: the prior year's workbook, whose figures check the changes. */
  prior: string | null;
  /** With --narrative: a workbook with a 上年数及其他 sheet (上年数, 年初预算, 政府采购). */
  inputs: string | null;
}

function parseCheckArgs(args: string[]): CheckArgs {
  const files: string[] = [];
  let format: 'text' | 'json' = 'text';
  let listRules = false;
  let expandRounding = false;
  let narrative: string | null = null;
  let prior: string | null = null;
  let inputs: string | null = null;
  const fileArg = (a: string, i: number, what: string): string => {
    const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[i];
    if (!v || v.startsWith('-')) throw new UsageError(`${a.split('=')[0]} 需要一个 .xlsx 文件。 / ${a.split('=')[0]} needs ${what}.`);
    return v;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--rules') listRules = true;
    else if (a === '--prior' || a.startsWith('--prior=')) prior = fileArg(a, a.includes('=') ? i : ++i, "the prior year's .xlsx");
    else if (a === '--inputs' || a.startsWith('--inputs=')) inputs = fileArg(a, a.includes('=') ? i : ++i, 'an .xlsx file with a 上年数及其他 sheet');
    else if (a === '--show-rounding') expandRounding = true;
    else if (a === '--narrative' || a.startsWith('--narrative=')) {
      narrative = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i] ?? null;
      if (!narrative) throw new UsageError('--narrative 需要一个 .txt 或 .docx 文件。 / --narrative needs a .txt or .docx file.');
    }
    else if (a === '--format' || a.startsWith('--format=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (v !== 'text' && v !== 'json') throw new UsageError(`--format 只能是 text 或 json，收到“${v ?? ''}”。 / --format must be text or json.`);
      format = v;
    } else if (a.startsWith('-')) {
      throw new UsageError(`未知选项“${a}”。 / Unknown option "${a}".`);
    } else files.push(a);
  }
  if (narrative && files.length > 1) throw new UsageError('--narrative 只能与一个工作簿一起使用。 / --narrative goes with one workbook.');
  if ((prior || inputs) && !narrative) throw new UsageError('--prior 和 --inputs 只用于核对情况说明（与 --narrative 同用）。 / --prior and --inputs go with --narrative.');
  return { files: files.length ? files : [SAMPLE_WORKBOOK], format, listRules, expandRounding, narrative, prior, inputs };
}

/** Runs the CLI and returns its exit code; all output goes through `io`. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(USAGE);
      return command ? EXIT.ok : EXIT.usage;
    }
    if (command === '--version' || command === '-v') {
      io.stdout(VERSION);
      return EXIT.ok;
    }
    if (command === 'fill') {
      const fillArgs = parseFillArgs(rest);
      const result = await runFill(fillArgs);
      io.stdout(fillArgs.format === 'json' ? JSON.stringify(result, null, 2) : formatFillText(result));
      return EXIT.ok;
    }
    if (command === 'narrate') {
      io.stdout(await runNarrate(parseNarrateArgs(rest), io.stderr));
      return EXIT.ok;
    }
    if (command !== 'check') throw new UsageError(`未知命令“${command}”。 / Unknown command "${command}".`);
    const args = parseCheckArgs(rest);
    if (args.listRules) {
      io.stdout(args.format === 'json' ? JSON.stringify(RULES.map((r) => r.meta), null, 2) : formatRules(RULES));
      return EXIT.ok;
    }
    // Read and analyze every file first, so a bad file leaves no half-printed report behind.
    const reports: CheckReport[] = [];
    const narrativeStats: ({ resolved: number; verified: number } | undefined)[] = [];
    const narrativeText = args.narrative ? await readNarrative(args.narrative) : null;
    const sources = narrativeText !== null ? await readDraftSources(args.prior, args.inputs) : {};
    const notes: string[] = [];
    for (const file of args.files) {
      const workbook = await loadXlsxFile(file);
      const analysis = analyze(workbook);
      if (narrativeText !== null) {
        const checked = checkNarrativeText(narrativeText, workbook, analysis.tables, sources);
        analysis.findings.push(...checked.findings);
        narrativeStats.push({ resolved: checked.resolved.length, verified: checked.verified.length });
        if (checked.inputProblems) notes.push(inputsProblemsMessage(path.basename(file), checked.inputProblems) + '（这些值未用于核对。） / Unusable inputs were left out of the check.');
      }
      reports.push(toReport(path.basename(file), analysis));
    }
    for (const n of notes) io.stderr(n);
    // One file: the contract's single JSON object; several: one object per line (JSON Lines).
    if (args.format === 'json') {
      io.stdout(reports.length === 1 ? formatJson(reports[0]) : reports.map(formatJsonLine).join('\n'));
    } else io.stdout(reports.map((r, i) => formatText(r, { expandRounding: args.expandRounding, ...(narrativeStats[i] ? { narrative: narrativeStats[i] } : {}) })).join('\n\n'));
    return reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? EXIT.findings : EXIT.ok;
  } catch (e) {
    if (e instanceof UsageError || e instanceof FillUsageError || e instanceof NarrateUsageError) {
      io.stderr(`${e.message}\n${USAGE}`);
      return EXIT.usage;
    }
    if (e instanceof WorkbookReadError) {
      io.stderr(e.message);
      return EXIT.unreadable;
    }
    if (e instanceof WorkbookFileError || e instanceof WorkbookWriteError) {
      io.stderr(e.message.split('\n')[0]);
      return EXIT.cannotWrite;
    }
    const detail = e instanceof Error ? e.message : String(e);
    io.stderr(`内部错误：${detail.split('\n')[0]}（请将此文件反馈给开发者）。 / Internal error: ${detail.split('\n')[0]}.`);
    return EXIT.unreadable;
  }
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const VERSION: string = (require('../../package.json') as { version: string }).version;
