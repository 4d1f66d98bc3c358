/**
 * The batch's worker thread (run by piscina, one task at a time per thread): the same code as
 * `gongkai check` — load, analyze, the report in the output contract's form — and, for a matched
 * narrative, `check --narrative` (NarrativeSession.check through the CLI's readNarrative and
 * readDraftSources). It returns plain data and holds no workbook between tasks.
 *
 * A file that cannot be read is a result ({ unreadable: reason }), not a failure; anything else
 * thrown, or the thread dying, fails the task, and the parent retries it once.
 */
import * as path from 'path';
import { analyze, toReport } from '../../core/analyze';
import { assignIds, contractFinding, contractReport } from '../../core/findings';
import { recognizeWorkbook } from '../../core/tables/recognize';
import { WorkbookReadError } from '../../hosts/xlsx/load';
import { loadXlsxFile } from '../../hosts/xlsx/node-file';
import { checkNarrativeText, readNarrative } from '../narrative';
import { departmentOf, kindOfTables, yearOf } from './match';
import type { BatchTask, CheckResult, FileRef, IdentityResult, NarrativeCheckResult, NarrativeHeadResult, Unreadable } from './types';

/** How much of a narrative's start is kept for matching (its title and first paragraphs). */
export const HEAD_CHARS = 3000;

export default async function runTask(task: BatchTask): Promise<CheckResult | IdentityResult | NarrativeHeadResult | NarrativeCheckResult | Unreadable> {
  crashForTests(task);
  switch (task.type) {
    case 'check':
      return readable(task.file, async () => {
        const workbook = await loadXlsxFile(task.file.abs);
        const report = contractReport(toReport(path.basename(task.file.abs), analyze(workbook)));
        return { ...identity(report.tables), tables: report.tables.length, findings: report.findings };
      });
    case 'identify-prior':
      return readable(task.file, async () => identity(recognizeWorkbook(await loadXlsxFile(task.file.abs)).tables));
    case 'narrative-head':
      return readable(task.file, async () => ({ head: (await readNarrative(task.file.abs)).slice(0, HEAD_CHARS).replace(/\s+/g, '') }));
    case 'narrative-check':
      return narrativeCheck(task.workbook, task.narrative, task.prior);
  }
}

function identity(tables: readonly { type: string; department?: string | null; year: number | null }[]): IdentityResult {
  return { department: departmentOf(tables), year: yearOf(tables), kind: kindOfTables(tables) };
}

async function narrativeCheck(book: FileRef, narrative: FileRef, prior: FileRef | null): Promise<NarrativeCheckResult | Unreadable> {
  const read = await readable(narrative, async () => {
    const text = await readNarrative(narrative.abs);
    return { text };
  });
  if ('unreadable' in read) return read;
  return readable(book, async () => {
    const workbook = await loadXlsxFile(book.abs);
    const tables = recognizeWorkbook(workbook).tables;
    let sources = {};
    let priorUnreadable: string | null = null;
    if (prior) {
      try {
        // narrate.ts (and with it the .docx writer) is loaded only when a prior is used
        const { readDraftSources } = await import('../narrate');
        sources = await readDraftSources(prior.abs, null);
      } catch (e) {
        if (!(e instanceof WorkbookReadError)) throw e;
        priorUnreadable = oneLine(e.message, prior);
      }
    }
    const checked = checkNarrativeText(read.text, workbook, tables, sources);
    // the ids `check --narrative` gives them (table findings never share a narrative finding's id)
    assignIds(checked.findings, tables);
    return {
      findings: checked.findings.map(contractFinding),
      numbers: checked.resolved.length + checked.verified.length,
      priorUnreadable,
      inputProblems: checked.inputProblems ?? [],
    };
  });
}

/** Runs `read`; a WorkbookReadError becomes the file's one-line reason, with the shown path for the absolute one. */
async function readable<T>(file: FileRef, read: () => Promise<T>): Promise<T | Unreadable> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof WorkbookReadError) return { unreadable: oneLine(e.message, file) };
    throw e;
  }
}

/** The first line of a message, with the file's absolute path written as the report shows it. */
export function oneLine(message: string, file: FileRef): string {
  return message.split('\n')[0].split(file.abs).join(file.rel);
}

/**
 * A test hook: GONGKAI_BATCH_TEST_CRASH="<throw|exit>:<attempts>:<file as shown>" makes the task of
 * that file throw (or its thread exit) on its first <attempts> attempts, to test the retry.
 */
function crashForTests(task: BatchTask): void {
  const hook = process.env.GONGKAI_BATCH_TEST_CRASH;
  if (!hook) return;
  const [mode, times, ...rest] = hook.split(':');
  const file = task.type === 'narrative-check' ? task.workbook : task.file;
  if (rest.join(':') !== file.rel || task.attempt > Number(times)) return;
  if (mode === 'exit') process.exit(70);
  throw new Error(`test crash (attempt ${task.attempt})`);
}
