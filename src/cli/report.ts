import * as path from 'path';
import { analyze, toReport } from '../core/analyze';
import { buildReviewReport, parseReview, reconcile, reportHtml, summarize, type ReviewReport } from '../core/review';
import { assertNotInput, identify, writeFileSafely } from '../hosts/node/safe-write';
import { openXlsxFile } from '../hosts/xlsx/node-file';
import { reportXlsx } from '../hosts/xlsx/report-xlsx';
import { REPORT } from './commands';
import { flag, parseOptions, stringOption, UsageError } from './options';

export type ReportFormat = 'xlsx' | 'docx' | 'html';

export interface ReportArgs {
  book: string;
  output: string;
  format: ReportFormat;
  /** List the 提示 findings one by one too. */
  info: boolean;
  force: boolean;
}

const usage = (zh: string, en: string) => new UsageError(`${zh} / ${en}`, 'report');

const FORMAT_OF_EXTENSION: Record<string, ReportFormat> = { '.xlsx': 'xlsx', '.docx': 'docx', '.html': 'html', '.htm': 'html' };

export function parseReportArgs(args: readonly string[]): ReportArgs {
  const parsed = parseOptions(REPORT, args);
  const given = stringOption(parsed, '--format') as ReportFormat | null;
  const output = stringOption(parsed, '--output');
  if (parsed.positionals.length !== 1) throw usage('请给出一个工作簿：gongkai report BOOK.xlsx -o 审核意见.xlsx。', 'Give one workbook: gongkai report BOOK.xlsx -o REPORT.xlsx.');
  if (!output) throw usage('请用 -o 指定报告文件（.xlsx、.docx 或 .html）。', 'Give -o REPORT.xlsx|.docx|.html.');
  const ext = path.extname(output).toLowerCase();
  const byExtension = FORMAT_OF_EXTENSION[ext] ?? null;
  if (byExtension && given && byExtension !== given) {
    throw usage(`输出文件的扩展名 ${ext} 与 --format ${given} 矛盾；去掉 --format，或把文件名改为 .${given}。`, `The output's extension ${ext} contradicts --format ${given}.`);
  }
  if (!byExtension && !given) {
    throw usage(`无法从扩展名判断报告格式：“${output}”应以 .xlsx、.docx 或 .html 结尾，或用 --format 指定。`, `Cannot tell the report format from "${output}": use .xlsx, .docx or .html, or --format.`);
  }
  return { book: parsed.positionals[0], output, format: byExtension ?? given!, info: flag(parsed, '--info'), force: flag(parsed, '--force') };
}

/** The report of a workbook: a fresh check, reconciled with the review the workbook keeps. */
export async function reviewReportOf(book: string, options: { now: Date; info?: boolean }): Promise<ReviewReport> {
  const host = await openXlsxFile(book);
  const workbook = await host.readWorkbook();
  const checked = toReport(path.basename(book), analyze(workbook));
  const at = options.now.toISOString();
  const { state, reviewed } = reconcile(parseReview(await host.readReview()), checked.findings, { at });
  return buildReviewReport(checked, reviewed, summarize(state, reviewed), { generatedAt: at, includeInfo: options.info });
}

/** The bytes of a report in a format (the .docx writer is loaded only for a .docx). */
export async function reportBytes(report: ReviewReport, format: ReportFormat): Promise<Uint8Array> {
  if (format === 'xlsx') return reportXlsx(report);
  if (format === 'html') return new TextEncoder().encode(reportHtml(report));
  const { reportDocx } = await import('../hosts/word/report-docx');
  return reportDocx(report);
}

/**
 * gongkai report: the findings report to send back to a department (审核意见) — the summary, then per
 * table every error and warning with its cell, 应为 / 实为, message, status and explanation, from a
 * fresh check and the review kept in the workbook. Never written over BOOK; replaces a file only with
 * --force; atomic as every write of the CLI.
 */
export async function runReport(args: ReportArgs, now: Date = new Date()): Promise<string> {
  await assertNotInput(await identify(args.output), [args.book]);
  const report = await reviewReportOf(args.book, { now, info: args.info });
  await writeFileSafely(args.output, await reportBytes(report, args.format), { overwriteExisting: args.force, inputs: [args.book] });
  const s = report.summary;
  const rows = report.sections.reduce((n, x) => n + x.rows.length, 0);
  const open = s.openErrors + s.returnedErrors;
  return (
    `已写出 ${path.basename(args.output)}：${rows} 条意见（错误 ${s.byKind.error}，警告 ${s.byKind.warning}，尾差 ${s.byKind.rounding}），` +
    `${open ? `${open} 条错误尚待处理` : '错误均已处理'}。 / Wrote ${args.output}: ${rows} rows, ${open} error(s) still open.`
  );
}
