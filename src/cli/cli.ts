import { BATCH, CHECK, COMMANDS, FILL, generalHelp, MARK, NARRATE, REPORT } from './commands';
import { commandHelp, UsageError } from './options';
import { escapeControls } from './terminal';

/*
 * Only what the command needs is loaded (the commands' modules are imported when they run): the
 * readers, the narrative, the .docx and .xlsx writers and the worker pool cost start-up time that a
 * one-workbook `gongkai check` should not pay. Errors are told apart by their names for the same reason.
 */

export { SAMPLE_WORKBOOK } from './sample';

/** Exit codes (docs/output-contract.md): 0 clean, 1 error findings, 2 unreadable input; 64 a usage mistake; 73 the output could not be written; 130 a batch stopped by Ctrl-C. */
export const EXIT = { ok: 0, findings: 1, unreadable: 2, usage: 64, cannotWrite: 73, stopped: 130 } as const;

/** An error of the named class (the module defining it may not be loaded: compared by name). */
function named(e: unknown, name: string): e is Error & { problem?: string } {
  return e instanceof Error && e.name === name;
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const SPECS = new Map([CHECK, FILL, NARRATE, BATCH, REPORT, MARK].map((c) => [c.name, c]));

/** Runs the CLI and returns its exit code; all output goes through `io`, control characters escaped. */
export async function run(argv: string[], rawIo: CliIo): Promise<number> {
  const io: CliIo = { stdout: (t) => rawIo.stdout(escapeControls(t)), stderr: (t) => rawIo.stderr(escapeControls(t)) };
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      const spec = command === 'help' && rest[0] ? SPECS.get(rest[0]) : undefined;
      io.stdout(spec ? commandHelp(spec) : generalHelp());
      return command ? EXIT.ok : EXIT.usage;
    }
    if (command === '--version' || command === '-v') {
      io.stdout(VERSION);
      return EXIT.ok;
    }
    const spec = SPECS.get(command);
    if (!spec) throw new UsageError(`未知命令“${command}”（可用：${COMMANDS.map((c) => c.name).join('、')}）。 / Unknown command "${command}".`);
    // --help anywhere on the line prints the command's help and nothing else runs
    if (rest.some((a) => a === '--help' || a === '-h')) {
      io.stdout(commandHelp(spec));
      return EXIT.ok;
    }
    if (command === 'fill') {
      const { formatFillText, parseFillArgs, runFill } = await import('./fill');
      const fillArgs = parseFillArgs(rest);
      const result = await runFill(fillArgs);
      io.stdout(fillArgs.format === 'json' ? JSON.stringify(result, null, 2) : formatFillText(result));
      return EXIT.ok;
    }
    if (command === 'narrate') {
      const { parseNarrateArgs, runNarrate } = await import('./narrate');
      io.stdout(await runNarrate(parseNarrateArgs(rest), io.stderr));
      return EXIT.ok;
    }
    if (command === 'batch') {
      const { parseBatchArgs, runBatch } = await import('./batch');
      const { progressStream } = await import('./batch/progress');
      const batch = await runBatch(parseBatchArgs(rest), { stderr: io.stderr, progress: progressStream(process.stderr) });
      if (batch.stdout !== null) io.stdout(batch.stdout);
      io.stderr(batch.closing);
      return batch.code;
    }
    if (command === 'report') {
      const { parseReportArgs, runReport } = await import('./report');
      io.stdout(await runReport(parseReportArgs(rest)));
      return EXIT.ok;
    }
    if (command === 'mark') {
      const { parseMarkArgs, runMark } = await import('./mark');
      io.stdout(await runMark(parseMarkArgs(rest)));
      return EXIT.ok;
    }
    const { parseCheckArgs, runCheck } = await import('./check');
    const result = await runCheck(parseCheckArgs(rest));
    for (const line of result.stderr) io.stderr(line);
    if (result.stdout !== null) io.stdout(result.stdout);
    return result.code;
  } catch (e) {
    if (e instanceof UsageError) {
      const spec = e.command ? SPECS.get(e.command) : undefined;
      io.stderr(`${e.message}\n${spec ? commandHelp(spec) : generalHelp()}`);
      return EXIT.usage;
    }
    if (named(e, 'WorkbookFileError') && e.problem === 'same-as-input') {
      io.stderr(e.message);
      return EXIT.usage;
    }
    if (named(e, 'ReviewDocumentError')) {
      io.stderr(e.message);
      return EXIT.unreadable;
    }
    if (named(e, 'WorkbookReadError') || named(e, 'PriorWorkbookError')) {
      io.stderr(e.message);
      return EXIT.unreadable;
    }
    if (named(e, 'WorkbookFileError') || named(e, 'WorkbookWriteError')) {
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
