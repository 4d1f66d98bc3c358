import * as path from 'path';
import { analyze, toReport } from '../core/analyze';
import type { CheckReport } from '../core/findings';
import { RULES } from '../core/rules/registry';
import { WorkbookReadError } from '../hosts/xlsx/load';
import { loadXlsxFile } from '../hosts/xlsx/node-file';
import { CHECK } from './commands';
import { SAMPLE_WORKBOOK } from './sample';

export { SAMPLE_WORKBOOK };
import { flag, parseOptions, stringOption, UsageError } from './options';
import { formatJson, formatJsonLine, formatRules, formatText } from './reporters';


export interface CheckArgs {
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

export function parseCheckArgs(args: readonly string[]): CheckArgs {
  const parsed = parseOptions(CHECK, args);
  const out: CheckArgs = {
    files: parsed.positionals,
    format: stringOption(parsed, '--format') === 'json' ? 'json' : 'text',
    listRules: flag(parsed, '--rules'),
    expandRounding: flag(parsed, '--show-rounding'),
    narrative: stringOption(parsed, '--narrative'),
    prior: stringOption(parsed, '--prior'),
    inputs: stringOption(parsed, '--inputs'),
  };
  const usage = (zh: string, en: string) => new UsageError(`${zh} / ${en}`, 'check');
  if (out.listRules && (out.files.length || out.narrative || out.prior || out.inputs || out.expandRounding)) {
    throw usage('--rules 只列出规则，不与文件或其他选项同用（--format 除外）。', '--rules lists the rules; it takes no file and no option but --format.');
  }
  if (out.narrative && out.files.length > 1) throw usage('--narrative 只能与一个工作簿一起使用。', '--narrative goes with one workbook.');
  if ((out.prior || out.inputs) && !out.narrative) throw usage('--prior 和 --inputs 只用于核对情况说明（与 --narrative 同用）。', '--prior and --inputs go with --narrative.');
  if (!out.files.length) out.files = [SAMPLE_WORKBOOK];
  return out;
}

/** One file's outcome: its report, or the one line saying why it could not be read. */
type Outcome = { report: CheckReport; narrative?: { resolved: number; verified: number } } | { unreadable: string };

export interface CheckOutput {
  stdout: string | null;
  /** Lines for stderr: unreadable files, unusable inputs. */
  stderr: string[];
  code: 0 | 1 | 2;
}

/**
 * gongkai check: every file is read and checked on its own; each readable one is reported (text:
 * one report after the other; JSON: one object, or one line per file when several were given), each
 * unreadable one gets its one-line reason on stderr, and the exit code is the worst: 2 > 1 > 0.
 */
async function loadNarrativeCheck() {
  const [{ readDraftSources }, { checkNarrativeText, readNarrative }, { inputsProblemsMessage }] = await Promise.all([
    import('./narrate'),
    import('./narrative'),
    import('../core/narrative/session'),
  ]);
  return { readDraftSources, checkNarrativeText, readNarrative, inputsProblemsMessage };
}

export async function runCheck(args: CheckArgs): Promise<CheckOutput> {
  if (args.listRules) {
    return { stdout: args.format === 'json' ? JSON.stringify(RULES.map((r) => r.meta), null, 2) : formatRules(RULES), stderr: [], code: 0 };
  }
  // The narrative and its inputs belong to the one workbook: unreadable, nothing can be checked.
  // the narrative's code is loaded only when a narrative is checked
  const narrative = args.narrative ? await loadNarrativeCheck() : null;
  const narrativeText = narrative && args.narrative ? await narrative.readNarrative(args.narrative) : null;
  const sources = narrative && narrativeText !== null ? await narrative.readDraftSources(args.prior, args.inputs) : {};
  const stderr: string[] = [];
  const outcomes: Outcome[] = [];
  for (const file of args.files) {
    try {
      const workbook = await loadXlsxFile(file);
      const analysis = analyze(workbook);
      let numbers: { resolved: number; verified: number } | undefined;
      if (narrative && narrativeText !== null) {
        const checked = narrative.checkNarrativeText(narrativeText, workbook, analysis.tables, sources);
        analysis.findings.push(...checked.findings);
        numbers = { resolved: checked.resolved.length, verified: checked.verified.length };
        if (checked.inputProblems) stderr.push(narrative.inputsProblemsMessage(path.basename(file), checked.inputProblems) + '（这些值未用于核对。） / Unusable inputs were left out of the check.');
      }
      outcomes.push({ report: toReport(path.basename(file), analysis), ...(numbers ? { narrative: numbers } : {}) });
    } catch (e) {
      if (e instanceof WorkbookReadError) outcomes.push({ unreadable: e.message.split('\n')[0] });
      else {
        const detail = (e instanceof Error ? e.message : String(e)).split('\n')[0];
        outcomes.push({ unreadable: `“${path.basename(file)}”：内部错误：${detail}（请将此文件反馈给开发者）。 / "${path.basename(file)}": internal error: ${detail}.` });
      }
    }
  }
  const reports = outcomes.filter((o): o is Extract<Outcome, { report: CheckReport }> => 'report' in o);
  for (const o of outcomes) if ('unreadable' in o) stderr.push(o.unreadable);
  let stdout: string | null = null;
  if (reports.length) {
    // One file given: the contract's single JSON object; several: one object per line (JSON Lines).
    if (args.format === 'json') stdout = args.files.length === 1 ? formatJson(reports[0].report) : reports.map((r) => formatJsonLine(r.report)).join('\n');
    else stdout = reports.map((r) => formatText(r.report, { expandRounding: args.expandRounding, ...(r.narrative ? { narrative: r.narrative } : {}) })).join('\n\n');
  }
  const code = reports.length < outcomes.length ? 2 : reports.some((r) => r.report.findings.some((f) => f.severity === 'error')) ? 1 : 0;
  return { stdout, stderr, code };
}
