import * as path from 'path';
import { analyze } from '../core/analyze';
import { assertNotInput, identify, writeFileSafely } from '../hosts/node/safe-write';
import { XlsxFileHost } from '../hosts/xlsx/file-host';
import { readXlsxFileBytes } from '../hosts/xlsx/node-file';
import { MARK } from './commands';
import { flag, parseOptions, stringOption, UsageError } from './options';
import { packageKind } from './package-kind';

export interface MarkArgs {
  book: string;
  output: string;
  /** Write a copy without the add-in's marks instead. */
  clear: boolean;
  force: boolean;
}

const usage = (zh: string, en: string) => new UsageError(`${zh} / ${en}`, 'mark');

export function parseMarkArgs(args: readonly string[]): MarkArgs {
  const parsed = parseOptions(MARK, args);
  const output = stringOption(parsed, '--output');
  if (parsed.positionals.length !== 1) throw usage('请给出一个工作簿：gongkai mark BOOK.xlsx -o BOOK-标注.xlsx。', 'Give one workbook: gongkai mark BOOK.xlsx -o BOOK-marked.xlsx.');
  if (!output) throw usage('请用 -o 指定输出文件（标注后的副本；原文件不会改动）。', 'Give -o OUT.xlsx (the marked copy; BOOK is never changed).');
  return { book: parsed.positionals[0], output, clear: flag(parsed, '--clear'), force: flag(parsed, '--force') };
}

/**
 * gongkai mark: a copy of the workbook with every error and warning marked on its cell (the Excel
 * add-in's marks: a glyph, a fill and a border through conditional formats, and the hidden 审核标注
 * list), for people who open it in WPS or receive it by email; --clear writes a copy without them.
 * The copy keeps the input's kind (.xlsx or .xlsm); never written over BOOK.
 */
export async function runMark(args: MarkArgs): Promise<string> {
  await assertNotInput(await identify(args.output), [args.book]);
  const bytes = await readXlsxFileBytes(args.book);
  const kind = packageKind(bytes);
  const ext = path.extname(args.output).toLowerCase();
  if (kind && (kind === '.xlsm') !== (ext === '.xlsm')) {
    throw usage(`输出文件的扩展名应与输入相同（${kind}）：“${args.output}”。`, `The output's extension must match the input's kind (${kind}): "${args.output}".`);
  }
  const host = new XlsxFileHost(bytes, path.basename(args.book));
  const findings = args.clear ? [] : analyze(await host.readWorkbook()).findings;
  const applied = await host.applyPlan(args.clear ? { clearMarks: true } : { marks: findings });
  await writeFileSafely(args.output, applied.bytes!, { overwriteExisting: args.force, inputs: [args.book] });
  if (args.clear) return `已写出 ${path.basename(args.output)}：已去掉标注。 / Wrote ${args.output} without the marks.`;
  const errors = findings.filter((f) => f.severity === 'error').length;
  return (
    `已写出 ${path.basename(args.output)}：在 ${applied.marked} 个单元格上标出问题（错误 ${errors} 条，✖ 为错误、⚠ 为警告），说明见隐藏的“审核标注”表。` +
    ` / Wrote ${args.output} with ${applied.marked} cell(s) marked.`
  );
}
