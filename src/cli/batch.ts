/**
 * gongkai batch DIR: every workbook under DIR checked on worker threads, each with the narrative and
 * prior-year workbook that go with it, and one report — a summary worst first, every finding per
 * department, counts by rule, the files that could not be read (docs/output-contract.md §8).
 *
 * Two phases on one pool: (1) every workbook is checked, and every narrative and prior-year
 * workbook is looked at (department, year, kind); (2) once all is known the files are matched
 * (batch/match.ts) and each matched narrative is checked against its workbook. The parent keeps
 * only each file's reduced result; the report is built from them in file order, so it is the same
 * whatever the number of workers. Ctrl-C stops both phases and writes the report of what was done,
 * marked incomplete.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { assertNotInput, identify, WorkbookFileError, writeFileSafely } from '../hosts/node/safe-write';
import { WorkbookReadError } from '../hosts/xlsx/load';
import { BATCH } from './commands';
import { matchBatch, type Matching } from './batch/match';
import { BatchPool, defaultJobs, Stopped } from './batch/pool';
import { Progress } from './batch/progress';
import { renderHtml } from './batch/render-html';
import { renderText } from './batch/render-text';
import { renderXlsx } from './batch/render-xlsx';
import { byRule, closingLine, counts, exitCode, topProblems, totals, type BatchReport, type NarrativeSummary, type WorkbookEntry } from './batch/report';
import { isInside, NARRATIVE_EXTENSIONS, scanFolder, WORKBOOK_EXTENSIONS } from './batch/scan';
import { isUnreadable, type CheckResult, type FileRef, type IdentityResult, type NarrativeCheckResult, type NarrativeHeadResult, type Unreadable } from './batch/types';
import { flag, parseOptions, stringOption, UsageError } from './options';

export type ReportFormat = 'xlsx' | 'html' | 'json';

export interface BatchArgs {
  dir: string;
  narratives: string | null;
  prior: string | null;
  output: string | null;
  format: ReportFormat | null;
  jobs: number;
  force: boolean;
}

/** Exit code of a batch stopped by Ctrl-C (128 + SIGINT, as shells report it); its report is written, marked incomplete. */
export const EXIT_STOPPED = 130;

const FORMAT_OF_EXTENSION: Record<string, ReportFormat> = { '.xlsx': 'xlsx', '.html': 'html', '.htm': 'html', '.json': 'json' };
const MAX_JOBS = 256;

const usage = (zh: string, en: string) => new UsageError(`${zh} / ${en}`, 'batch');

export function parseBatchArgs(args: readonly string[]): BatchArgs {
  const parsed = parseOptions(BATCH, args);
  if (parsed.positionals.length !== 1) throw usage('请给出一个文件夹：gongkai batch DIR。', 'Give one folder: gongkai batch DIR.');
  const output = stringOption(parsed, '--output');
  const format = output ? (FORMAT_OF_EXTENSION[path.extname(output).toLowerCase()] ?? null) : null;
  if (output && !format) throw usage(`无法从扩展名判断报告格式：“${output}”应以 .xlsx、.html 或 .json 结尾。`, `Cannot tell the report format from "${output}": use .xlsx, .html or .json.`);
  const force = flag(parsed, '--force');
  if (force && !output) throw usage('--force 只与 -o 同用。', '--force goes with -o.');
  const jobsText = stringOption(parsed, '--jobs');
  const jobs = jobsText === null ? defaultJobs() : /^\d+$/.test(jobsText) ? Number(jobsText) : NaN;
  if (!(jobs >= 1 && jobs <= MAX_JOBS)) throw usage(`--jobs 应为 1 到 ${MAX_JOBS} 之间的整数，收到“${jobsText}”。`, `--jobs must be a whole number from 1 to ${MAX_JOBS}, not "${jobsText}".`);
  return { dir: parsed.positionals[0], narratives: stringOption(parsed, '--narratives'), prior: stringOption(parsed, '--prior'), output, format, jobs, force };
}

export interface BatchOptions {
  /** Lines for stderr (what is being checked, the notice when stopped). */
  stderr: (line: string) => void;
  /** Where the progress bar is drawn (a terminal), or null for none. */
  progress?: NodeJS.WriteStream | null;
  /** Stops the batch as Ctrl-C does (for tests; SIGINT and SIGTERM are handled too). */
  stop?: AbortSignal;
  /** Called after each file is done (for tests and the benchmark). */
  onProgress?: (done: number) => void;
}

export interface BatchOutput {
  /** The summary for people when no -o was given; else the line saying where the report went. */
  stdout: string | null;
  /** The closing line with the totals, for stderr after stdout (Chinese, then English). */
  closing: string;
  code: number;
  report: BatchReport;
}

/** A folder given on the command line, resolved: its absence is an unreadable input (exit 2). */
async function folder(dir: string, what: string, whatEn: string): Promise<string> {
  const stat = await fs.stat(dir).catch(() => null);
  if (!stat) throw new WorkbookReadError(`找不到${what}“${dir}”。 / ${whatEn} not found: "${dir}".`, 'missing');
  if (!stat.isDirectory()) throw new WorkbookReadError(`“${dir}”不是文件夹：gongkai batch 检查一个文件夹中的全部工作簿（单个文件用 gongkai check）。 / "${dir}" is not a folder (use gongkai check for one file).`, 'not-directory');
  return fs.realpath(dir);
}

/** Refuses, before anything is checked, an -o that exists (without --force) or whose folder is missing: exit 73. */
async function outputWritable(output: string, force: boolean): Promise<void> {
  const target = await identify(output);
  if (target.isDirectory) throw new WorkbookFileError(`“${output}”是文件夹，不能作为报告文件。 / "${output}" is a directory, not a report file.`, 'directory');
  if (target.id && !force) {
    throw new WorkbookFileError(`报告文件“${output}”已存在，未覆盖；请换一个文件名，或用 --force 覆盖。 / The report "${output}" already exists; choose another name or use --force.`, 'exists');
  }
  const dir = await fs.stat(path.dirname(target.real)).catch(() => null);
  if (!dir?.isDirectory()) {
    throw new WorkbookFileError(`无法写入“${output}”：文件夹“${path.dirname(target.real)}”不存在。 / Cannot write "${output}": the folder does not exist.`, 'missing-folder');
  }
}

export async function runBatch(args: BatchArgs, options: BatchOptions): Promise<BatchOutput> {
  const started = Date.now();
  const dir = await folder(args.dir, '文件夹', 'Folder');
  const narrativeDir = args.narratives ? await folder(args.narratives, '情况说明文件夹', 'Narratives folder') : null;
  const priorDir = args.prior ? await folder(args.prior, '上年工作簿文件夹', 'Prior-year folder') : null;

  // the prior-year workbooks are not workbooks of the batch when their folder is inside DIR
  const books = (await scanFolder(dir, WORKBOOK_EXTENSIONS)).filter((f) => !priorDir || priorDir === dir || !isInside(f.abs, priorDir));
  const narratives = narrativeDir ? await scanFolder(narrativeDir, NARRATIVE_EXTENSIONS) : [];
  const priors = priorDir ? await scanFolder(priorDir, WORKBOOK_EXTENSIONS) : [];
  if (!books.length) {
    throw new WorkbookReadError(`“${args.dir}”中（含子文件夹）没有 .xlsx、.xlsm 或 .xls 工作簿。 / No .xlsx, .xlsm or .xls workbook in "${args.dir}" (subfolders included).`, 'empty-folder');
  }
  // before anything is checked: the report may be none of the batch's files (64), nor, without
  // --force, a file that exists (73), and its folder must exist (73)
  const inputs = [...books, ...narratives, ...priors].map((f) => f.abs);
  if (args.output) {
    await assertNotInput(await identify(args.output), inputs);
    await outputWritable(args.output, args.force);
  }

  const threads = Math.min(args.jobs, books.length + narratives.length + priors.length);
  const pool = new BatchPool(threads);
  const progress = new Progress(options.progress ?? null, books.length + narratives.length + priors.length);
  let done = 0;
  const tick = () => {
    progress.tick();
    options.onProgress?.(++done);
  };
  const stop = () => {
    if (!pool.stopped) {
      progress.stop();
      options.stderr('正在停止：已检查的部分将写入报告，标为未完成（再按一次 Ctrl-C 立即退出，不写报告）。 / Stopping: the report of what is done will be written, marked incomplete (Ctrl-C again to quit without it).');
    }
    pool.stop();
  };
  let signals = 0;
  const onSignal = () => {
    if (++signals > 1) process.exit(EXIT_STOPPED);
    stop();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  options.stop?.addEventListener('abort', stop, { once: true });
  options.stderr(
    `正在检查 ${books.length} 个工作簿${narratives.length ? `、${narratives.length} 份情况说明` : ''}（${threads} 个工作线程；按 Ctrl-C 停止并写出已完成部分的报告）。` +
      ` / Checking ${books.length} workbooks${narratives.length ? ` and ${narratives.length} narratives` : ''} on ${threads} worker thread${threads === 1 ? '' : 's'} (Ctrl-C stops and writes what is done).`,
  );
  const settle = async <T>(p: Promise<T>): Promise<T | undefined> => {
    try {
      return await p;
    } catch (e) {
      if (e instanceof Stopped) return undefined;
      throw e;
    } finally {
      if (!pool.stopped) tick();
    }
  };

  let report: BatchReport;
  try {
    // phase 1: every workbook checked; every narrative and prior-year workbook looked at
    const [checked, heads, identities] = await Promise.all([
      Promise.all(books.map((file) => settle(pool.run({ type: 'check', file, attempt: 1 }, file.rel)))),
      Promise.all(narratives.map((file) => settle(pool.run({ type: 'narrative-head', file, attempt: 1 }, file.rel)))),
      Promise.all(priors.map((file) => settle(pool.run({ type: 'identify-prior', file, attempt: 1 }, file.rel)))),
    ]);

    // the matching, once every workbook is known (an interrupted batch matches what it has)
    const readable = books.map((file, i) => ({ file, result: checked[i] })).filter((b): b is { file: FileRef; result: CheckResult } => !!b.result && !isUnreadable(b.result));
    const matching = matchBatch(
      readable.map((b) => ({ rel: b.file.rel, department: b.result.department, year: b.result.year, kind: b.result.kind })),
      narratives.map((n, i) => ({ rel: n.rel, head: headOf(heads[i]) })),
      priors.map((p, i) => {
        const id = identities[i];
        return { rel: p.rel, ...(id && !isUnreadable(id) ? id : { department: null, year: null, kind: null }), readable: !!id && !isUnreadable(id) };
      }),
    );

    // phase 2: each matched narrative checked against its workbook (with its prior-year workbook)
    const jobs = readable.map((b, i) => ({ b, n: matching.narratives[i], p: matching.priors[i] })).filter((j) => j.n !== null);
    progress.grow(jobs.length);
    const narrativeResults = new Map<string, NarrativeCheckResult | Unreadable | undefined>();
    await Promise.all(
      jobs.map(async ({ b, n, p }) => {
        const result = await settle(
          pool.run({ type: 'narrative-check', workbook: b.file, narrative: narratives[n!.index], prior: p ? priors[p.index] : null, attempt: 1 }, narratives[n!.index].rel),
        );
        narrativeResults.set(b.file.rel, result);
      }),
    );
    report = buildReport(books, checked, readable, matching, narratives, priors, heads, identities, narrativeResults, !pool.stopped);
  } finally {
    progress.stop();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    options.stop?.removeEventListener('abort', stop);
    await pool.close();
  }

  let stdout: string | null;
  const sum = totals(report, books.length);
  if (args.output) {
    const bytes =
      args.format === 'xlsx'
        ? await renderXlsx(report, sum)
        : new TextEncoder().encode(args.format === 'html' ? renderHtml(report, sum) : `${JSON.stringify(report, null, 2)}\n`);
    await writeFileSafely(args.output, bytes, { overwriteExisting: args.force, inputs });
    stdout =
      `已写出 ${path.basename(args.output)}${report.complete ? '' : '（未完成：批量检查被中断）'}。` +
      ` / Wrote ${args.output}${report.complete ? '' : ' (incomplete: the batch was stopped)'}.`;
  } else stdout = renderText(report);
  return { stdout, closing: closingLine(sum, report.complete, (Date.now() - started) / 1000), code: report.complete ? exitCode(report) : EXIT_STOPPED, report };
}

function headOf(r: NarrativeHeadResult | Unreadable | undefined): string | null {
  return r && !isUnreadable(r) ? r.head : null;
}

/** The report from the per-file results, in file order; a file not done (stopped) is left out. */
function buildReport(
  books: readonly FileRef[],
  checked: readonly (CheckResult | Unreadable | undefined)[],
  readable: readonly { file: FileRef; result: CheckResult }[],
  matching: Matching,
  narratives: readonly FileRef[],
  priors: readonly FileRef[],
  heads: readonly (NarrativeHeadResult | Unreadable | undefined)[],
  identities: readonly (IdentityResult | Unreadable | undefined)[],
  narrativeResults: ReadonlyMap<string, NarrativeCheckResult | Unreadable | undefined>,
  complete: boolean,
): BatchReport {
  const unreadable = books.flatMap((file, i) => {
    const r = checked[i];
    return r && isUnreadable(r) ? [{ file: file.rel, reason: r.unreadable }] : [];
  });
  const workbooks: WorkbookEntry[] = readable.map(({ file, result }, i) => {
    const n = matching.narratives[i];
    const p = matching.priors[i];
    const done = narrativeResults.get(file.rel);
    const findings = [...result.findings];
    let narrative: NarrativeSummary | null = null;
    if (n) {
      const file = narratives[n.index].rel;
      const none = { numbers: 0, mismatches: 0, unresolved: 0, notes: [] };
      if (!done) narrative = { file, matchedBy: n.by, status: 'not-checked', reason: '批量检查被中断，未核对 / the batch was stopped first', ...none };
      else if (isUnreadable(done)) narrative = { file, matchedBy: n.by, status: 'unreadable', reason: done.unreadable, ...none };
      else {
        findings.push(...done.findings);
        narrative = {
          file,
          matchedBy: n.by,
          status: 'checked',
          reason: null,
          numbers: done.numbers,
          mismatches: done.findings.filter((f) => f.severity !== 'info').length,
          unresolved: done.findings.filter((f) => f.unresolved).length,
          notes: done.inputProblems,
        };
      }
    }
    const priorRead = p ? identities[p.index] : undefined;
    const priorReason = p && done && !isUnreadable(done) && done.priorUnreadable ? done.priorUnreadable : priorRead && isUnreadable(priorRead) ? priorRead.unreadable : null;
    return {
      file: file.rel,
      department: result.department,
      year: result.year,
      tables: result.tables,
      ...counts(findings),
      narrative,
      prior: p ? { file: priors[p.index].rel, matchedBy: p.by, reason: priorReason } : null,
      top: topProblems(findings),
      findings,
    };
  });
  // a narrative or prior that could not be read and went with no workbook: its reason says why
  const unmatched = matching.unmatched.map((u) => {
    const list = u.kind === 'narrative' ? narratives : priors;
    const i = list.findIndex((f) => f.rel === u.file);
    const r = u.kind === 'narrative' ? heads[i] : identities[i];
    return r && isUnreadable(r) ? { ...u, reason: r.unreadable, unreadable: true as const } : u;
  });
  return { workbooks, unreadable, unmatched, byRule: byRule(workbooks), complete };
}
