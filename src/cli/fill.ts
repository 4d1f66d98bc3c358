import * as path from 'path';
import { refToA1 } from '../core/grid/address';
import { formatValue, planFills, willWrite } from '../core/fill/plan';
import type { BandSuggestion, FillOptions, PlannedWrite, ValueOnlyReason } from '../core/fill/types';
import type { Finding } from '../core/findings';
import { recognizeWorkbook } from '../core/tables/recognize';
import { assertNotInput, identify, replaceWithBackup, writeFileSafely } from '../hosts/node/safe-write';
import { XlsxFileHost } from '../hosts/xlsx/file-host';
import { readXlsxFileBytes } from '../hosts/xlsx/node-file';
import { FILL } from './commands';
import { flag, parseOptions, stringOption, UsageError } from './options';
import { packageKind } from './package-kind';

export interface FillArgs {
  input: string;
  output: string | null;
  values: boolean;
  overwrite: boolean;
  inPlace: boolean;
  force: boolean;
  numbersFromText: boolean;
  format: 'text' | 'json';
}

const usage = (zh: string, en: string) => new UsageError(`${zh} / ${en}`, 'fill');

export function parseFillArgs(args: readonly string[]): FillArgs {
  const parsed = parseOptions(FILL, args);
  const out: FillArgs = {
    input: '',
    output: stringOption(parsed, '--output'),
    values: flag(parsed, '--values'),
    overwrite: flag(parsed, '--overwrite'),
    inPlace: flag(parsed, '--in-place'),
    force: flag(parsed, '--force'),
    numbersFromText: flag(parsed, '--numbers-from-text'),
    format: stringOption(parsed, '--format') === 'json' ? 'json' : 'text',
  };
  if (parsed.positionals.length !== 1) throw usage('请给出一个输入工作簿：gongkai fill IN.xlsx -o OUT.xlsx。', 'Give one input workbook: gongkai fill IN.xlsx -o OUT.xlsx.');
  out.input = parsed.positionals[0];
  if (out.inPlace && out.output) throw usage('--in-place 改写输入文件本身，不能再用 -o 指定输出文件；二者选一。', '--in-place rewrites the input itself; it takes no -o. Choose one.');
  if (out.inPlace && out.force) throw usage('--force 只与 -o 同用（--in-place 总会先备份原文件）。', '--force goes with -o (--in-place always keeps a backup).');
  if (!out.output && !out.inPlace) throw usage('请用 -o 指定输出文件（或用 --in-place 改写原文件并自动备份）。', 'Give -o OUT.xlsx (or --in-place, which keeps a backup).');
  if (out.values && out.numbersFromText) throw usage('--numbers-from-text 只在写公式时有用（--values 写的是数值）。', '--numbers-from-text matters only for formulas; --values writes numbers.');
  return out;
}

export interface FillWriteReport {
  sheet: string;
  address: string;
  /** The formula written, or null when a value is written (--values, or valueOnlyReason). */
  formula: string | null;
  value: string;
  status: PlannedWrite['status'];
  written: boolean;
  quantity: string;
  /** Written as a value although formulas were asked for: 'text-inputs' or 'circular'. */
  valueOnlyReason?: ValueOnlyReason;
  /** The cells holding numbers as text that kept it from being a formula. */
  textInputs?: string[];
  /** Not written: 'input' — a cell it reads differs from its computed value and was kept; 'blank' — it and every cell it sums are blank. */
  blockedBy?: PlannedWrite['blockedBy'];
}

export interface FillResult {
  file: string;
  /** The real path written; null when nothing changed (no file was written). */
  output: string | null;
  backup: string | null;
  mode: 'formulas' | 'values';
  written: number;
  writes: FillWriteReport[];
  findings: Finding[];
  suggestions: BandSuggestion[];
  /** What the reader should know: values written instead of formulas and why, what to do (Chinese / English). */
  notes: string[];
}

const SAME_FILE_HINT = { zh: '或用 --in-place（会先备份）', en: 'or use --in-place (a backup is kept)' };

/** gongkai fill: plan the fills, apply them to a copy of the workbook's bytes, write a new file (or none). */
export async function runFill(args: FillArgs): Promise<FillResult> {
  const inputs = [args.input];
  // Before anything is read: the output may not be the input, whatever its spelling.
  if (args.output) await assertNotInput(await identify(args.output), inputs, SAME_FILE_HINT);
  const bytes = await readXlsxFileBytes(args.input);
  if (args.output) checkExtension(args.input, args.output, packageKind(bytes));
  const host = new XlsxFileHost(bytes, path.basename(args.input));
  const workbook = await host.readWorkbook();
  const { tables } = recognizeWorkbook(workbook);
  const options: FillOptions = { values: args.values, overwrite: args.overwrite, numbersFromText: args.numbersFromText };
  const plan = planFills(workbook, tables, options);
  const chosen = plan.writes.filter((w) => willWrite(w, options));
  let output: string | null = null;
  let backup: string | null = null;
  // Nothing changes: no file is written, no backup made.
  if (chosen.length) {
    // the host reads the result back as a workbook before anything touches the disk
    const outBytes = (await host.applyPlan({ writes: chosen, values: args.values })).bytes!;
    if (args.inPlace) ({ real: output, backup } = await replaceWithBackup(args.input, outBytes));
    else output = await writeFileSafely(args.output!, outBytes, { overwriteExisting: args.force, inputs, sameFileHint: SAME_FILE_HINT });
  }
  const writes = plan.writes.map((w): FillWriteReport => {
    const asValue = args.values || !!w.valueOnly;
    return {
      sheet: w.sheet,
      address: refToA1(w.ref),
      formula: asValue ? null : `=${w.formula}`,
      value: formatValue(w.value, w.valueFormat),
      status: w.status,
      written: willWrite(w, options),
      quantity: w.quantity,
      ...(w.valueOnlyReason && !args.values ? { valueOnlyReason: w.valueOnlyReason } : {}),
      ...(w.textInputs?.length && !args.values ? { textInputs: w.textInputs } : {}),
      ...(w.blockedBy ? { blockedBy: w.blockedBy } : {}),
    };
  });
  const result: FillResult = {
    file: path.basename(args.input),
    output,
    backup,
    mode: args.values ? 'values' : 'formulas',
    written: chosen.length,
    writes,
    findings: plan.findings,
    suggestions: plan.suggestions,
    notes: [],
  };
  result.notes = fillNotes(result, args.numbersFromText);
  return result;
}

/** The extension the package's content needs: a macro workbook is .xlsm, a template .xltx/.xltm. */
function checkExtension(input: string, output: string, kind: ReturnType<typeof packageKind>): void {
  const want = kind ?? (path.extname(input).toLowerCase() || '.xlsx');
  const got = path.extname(output).toLowerCase();
  if (got === want) return;
  const stem = path.basename(output, path.extname(output));
  const what: Record<string, [string, string]> = {
    '.xlsm': ['启用宏的工作簿（.xlsm）', 'a macro-enabled workbook (.xlsm)'],
    '.xlsx': ['普通工作簿（.xlsx）', 'a workbook without macros (.xlsx)'],
    '.xltx': ['模板（.xltx）', 'a template (.xltx)'],
    '.xltm': ['启用宏的模板（.xltm）', 'a macro-enabled template (.xltm)'],
  };
  const [zh, en] = what[want] ?? [`${want} 文件`, `a ${want} file`];
  throw usage(
    `“${path.basename(input)}”是${zh}，输出也应以 ${want} 结尾（如 ${stem}${want}）；扩展名与内容不符时 Excel 会拒绝打开。`,
    `"${path.basename(input)}" is ${en}: the output must end in ${want} too (${stem}${want}); Excel refuses a file whose extension does not match its content.`,
  );
}

function fillNotes(r: FillResult, numbersFromText: boolean): string[] {
  const notes: string[] = [];
  if (r.written === 0) notes.push('没有需要改动的单元格，未写出文件。 / Nothing to change; no file was written.');
  const textWritten = r.writes.filter((w) => w.valueOnlyReason === 'text-inputs' && w.written);
  const textKept = r.writes.filter((w) => w.valueOnlyReason === 'text-inputs' && !w.written && w.status === 'same-value');
  if (textWritten.length || textKept.length) {
    const counts = [textWritten.length ? `以数值写入 ${textWritten.length} 个合计` : '', textKept.length ? `${textWritten.length ? '另有 ' : ''}${textKept.length} 个合计已是正确数值、未改为公式` : ''].filter(Boolean).join('，');
    notes.push(
      numbersFromText
        ? `${counts}：它们引用的文本不是数字，无法转换为数值，写成公式会算错。 / ${textWritten.length + textKept.length} total(s) kept as values: the text cells they read are not numbers and cannot be converted.`
        : `${counts}：它们引用以文本存放的数字（Excel 的 SUM 不计文本），写成公式会算错；用 --numbers-from-text 先把这些文本转为数值，即可写成公式。` +
            ` / ${textWritten.length + textKept.length} total(s) are values, not formulas: they read numbers stored as text, which SUM ignores; --numbers-from-text converts them so the totals can be formulas.`,
    );
  }
  const circular = r.writes.filter((w) => w.valueOnlyReason === 'circular' && w.written).length;
  if (circular) notes.push(`以数值写入 ${circular} 个：这些公式会互相引用成环。 / ${circular} cell(s) written as values: their formulas would refer to one another in a circle.`);
  return notes;
}

const cellList = (cells: readonly string[], sheet: string, max = 4) => {
  const local = cells.map((c) => (c.startsWith(`${sheet}!`) ? c.slice(sheet.length + 1) : c));
  return `${cells[0]}${local.length > 1 ? `,${local.slice(1, max).join(',')}` : ''}${local.length > max ? ` 等 ${local.length} 格` : ''}`;
};

export function formatFillText(r: FillResult): string {
  const n = (pred: (w: FillWriteReport) => boolean) => r.writes.filter(pred).length;
  const parts = (items: [string, number][]) => items.filter(([, k]) => k > 0).map(([label, k]) => `${label} ${k} 个`).join('，');
  const lines: string[] = [];
  if (r.written === 0) lines.push(`文件 ${r.file}：没有需要改动的单元格，未写出文件。 / Nothing to change; no file was written.`);
  else {
    lines.push(`文件 ${r.file} → ${r.output}${r.backup ? `（原文件已备份为 ${r.backup}）` : ''}`);
    const asValues = r.mode === 'formulas' ? n((w) => w.written && !!w.valueOnlyReason) : 0;
    lines.push(
      `写入 ${r.written} 个单元格（${r.mode === 'values' ? '数值' : '公式'}）：` +
        parts([
          ['空白处填入', n((w) => w.written && w.status === 'empty')],
          ['与计算值相同的常数改为公式', n((w) => w.written && w.status === 'same-value')],
          ['以文本存放的数字改为数值', n((w) => w.written && w.status === 'text-number')],
          ['按 --overwrite 替换', n((w) => w.written && w.status === 'conflict')],
        ]) +
        (asValues ? `；其中 ${asValues} 个以数值写入（原因见下）` : '') +
        '。',
    );
  }
  const right = parts([
    ['已是计算值', n((w) => !w.written && w.status === 'same-value')],
    ['已是同一公式', n((w) => w.status === 'same-formula')],
  ]);
  if (right) lines.push(`无需改动：${right}。`);
  const conflicts = r.writes.filter((w) => w.status === 'conflict');
  if (conflicts.length) {
    lines.push(`与计算值不同的单元格 ${conflicts.length} 个${conflicts.some((w) => w.written) ? '（已按 --overwrite 替换）' : '（未改动，确认后用 --overwrite 替换）'}：`);
    for (const f of r.findings) lines.push(`  警告 ${f.cells.map((c) => `${c.sheet}!${c.address}`).join(',')} ${f.message}`);
  }
  const blocked = n((w) => w.blockedBy === 'input');
  if (blocked) lines.push(`未写入 ${blocked} 个：它们引用的单元格与计算值不同且未改动（见上），写入会显示与表中不一致的结果。`);
  const keptBlank = n((w) => !!w.blockedBy && w.blockedBy !== 'input');
  if (keptBlank) lines.push(`保持空白 ${keptBlank} 个：它们和所合计的单元格都是空白（表中此处不印数字）。`);
  for (const note of r.notes) {
    if (note.startsWith('没有需要改动')) continue;
    lines.push(note.split(' / ')[0]);
    if (/文本/.test(note)) {
      for (const w of r.writes.filter((x) => x.valueOnlyReason === 'text-inputs' && x.textInputs?.length && (x.written || x.status === 'same-value')).slice(0, 20)) {
        lines.push(`  ${w.sheet}!${w.address} 引用 ${cellList(w.textInputs!, w.sheet)}`);
      }
      const more = n((x) => x.valueOnlyReason === 'text-inputs' && (x.written || x.status === 'same-value')) - 20;
      if (more > 0) lines.push(`  …… 另 ${more} 个（--format json 查看全部）`);
    }
  }
  if (r.suggestions.length) {
    const outside = r.suggestions.filter((x) => x.scoreInside === false);
    lines.push(
      `定性指标 ${r.suggestions.length} 个不自动计分，已给出建议分值区间（--format json 查看全部）` +
        (outside.length ? `；其中得分不在建议区间的 ${outside.length} 个：` : '；表中得分都在建议区间内。'),
    );
    for (const x of outside) lines.push(`  提示 ${x.sheet}!${x.address} ${x.message}`);
  }
  return lines.join('\n');
}
