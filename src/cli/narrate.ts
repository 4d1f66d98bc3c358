import * as path from 'path';
import { draftQingkuang } from '../core/narrative/draft/index';
import { priorFromFacts } from '../core/narrative/draft/inputs';
import { buildFacts } from '../core/narrative/facts';
import { renderMarkdown, renderText } from '../core/narrative/render';
import { RuleContext } from '../core/rules/context';
import { recognizeWorkbook } from '../core/tables/recognize';
import { draftToDocx } from '../hosts/word/docx-export';
import { loadXlsxFile } from '../hosts/xlsx/node-file';
import { writeWorkbookFile } from '../hosts/xlsx/write-node';

export class NarrateUsageError extends Error {}

export interface NarrateArgs {
  book: string;
  prior: string | null;
  output: string | null;
  format: 'docx' | 'md' | 'txt';
  force: boolean;
}

export function parseNarrateArgs(args: string[]): NarrateArgs {
  const out: NarrateArgs = { book: '', prior: null, output: null, format: 'docx', force: false };
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-o' || a === '--output') out.output = args[++i] ?? null;
    else if (a === '--prior') out.prior = args[++i] ?? null;
    else if (a === '--force') out.force = true;
    else if (a === '--format' || a.startsWith('--format=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (v !== 'docx' && v !== 'md' && v !== 'txt') throw new NarrateUsageError('--format 只能是 docx、md 或 txt。 / --format must be docx, md or txt.');
      out.format = v;
    } else if (a.startsWith('-')) throw new NarrateUsageError(`未知选项“${a}”。 / Unknown option "${a}".`);
    else files.push(a);
  }
  if (files.length !== 1) throw new NarrateUsageError('请给出一个工作簿：gongkai narrate BOOK.xlsx -o 情况说明.docx。 / Give one workbook: gongkai narrate BOOK.xlsx -o OUT.docx.');
  out.book = files[0];
  if (out.format === 'docx' && !out.output) throw new NarrateUsageError('.docx 需要用 -o 指定输出文件。 / A .docx needs -o OUT.docx.');
  return out;
}

/**
 * gongkai narrate: drafts the 情况说明 from the workbook's tables (and the prior year's workbook for
 * the year-over-year sentences); numbers not in the tables stay marked slots, never invented.
 * Returns the text for stdout (md/txt without -o) or a line saying where the file went.
 */
export async function runNarrate(args: NarrateArgs): Promise<string> {
  const workbook = await loadXlsxFile(args.book);
  const { tables } = recognizeWorkbook(workbook);
  const facts = buildFacts(new RuleContext(workbook, tables));
  let prior: Record<string, import('../core/money/decimal').Decimal> | undefined;
  if (args.prior) {
    const pw = await loadXlsxFile(args.prior);
    const pt = recognizeWorkbook(pw).tables;
    prior = priorFromFacts(buildFacts(new RuleContext(pw, pt)));
  }
  const draft = draftQingkuang(facts, new RuleContext(workbook, tables), prior ? { prior } : {});
  if (args.format !== 'docx' && !args.output) return args.format === 'md' ? renderMarkdown(draft) : renderText(draft);
  const bytes =
    args.format === 'docx' ? await draftToDocx(draft) : new TextEncoder().encode(args.format === 'md' ? renderMarkdown(draft) : renderText(draft));
  await writeWorkbookFile(args.output!, bytes, { overwriteExisting: args.force });
  const slots = draft.blocks.flatMap((b) => (b.type === 'paragraph' ? b.runs : [])).filter((r) => r.type === 'slot');
  return (
    `已写出 ${path.basename(args.output!)}：${draft.blocks.filter((b) => b.type === 'heading').length} 个标题，` +
    `${slots.length} 处待填写或确认（原因、上年数、年初预算等，已高亮）。 / Wrote ${args.output} with ${slots.length} slots to fill or confirm.`
  );
}
