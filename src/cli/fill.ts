import { constants as fsConstants, promises as fs } from 'fs';
import * as path from 'path';
import { refToA1 } from '../core/grid/address';
import { formatValue, planFills, willWrite } from '../core/fill/plan';
import type { BandSuggestion, FillOptions, PlannedWrite } from '../core/fill/types';
import type { Finding } from '../core/findings';
import { recognizeWorkbook } from '../core/tables/recognize';
import { WorkbookReadError } from '../hosts/xlsx/load';
import { backupPath, writeWorkbookFile } from '../hosts/xlsx/write-node';
import { openXlsxFile } from '../hosts/xlsx/node-file';

export class FillUsageError extends Error {}

export interface FillArgs {
  input: string;
  output: string | null;
  values: boolean;
  overwrite: boolean;
  inPlace: boolean;
  force: boolean;
  format: 'text' | 'json';
}

export function parseFillArgs(args: string[]): FillArgs {
  const out: FillArgs = { input: '', output: null, values: false, overwrite: false, inPlace: false, force: false, format: 'text' };
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-o' || a === '--output') out.output = args[++i] ?? null;
    else if (a.startsWith('--output=')) out.output = a.slice(9);
    else if (a === '--values') out.values = true;
    else if (a === '--overwrite') out.overwrite = true;
    else if (a === '--in-place') out.inPlace = true;
    else if (a === '--force') out.force = true;
    else if (a === '--format' || a.startsWith('--format=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (v !== 'text' && v !== 'json') throw new FillUsageError(`--format 只能是 text 或 json。 / --format must be text or json.`);
      out.format = v;
    } else if (a.startsWith('-')) throw new FillUsageError(`未知选项“${a}”。 / Unknown option "${a}".`);
    else files.push(a);
  }
  if (files.length !== 1) throw new FillUsageError('请给出一个输入工作簿：gongkai fill IN.xlsx -o OUT.xlsx。 / Give one input workbook: gongkai fill IN.xlsx -o OUT.xlsx.');
  out.input = files[0];
  if (!out.output && !out.inPlace) throw new FillUsageError('请用 -o 指定输出文件（或用 --in-place 覆盖原文件并自动备份）。 / Give -o OUT.xlsx (or --in-place, which keeps a backup).');
  if (out.output && !out.inPlace && path.resolve(out.output) === path.resolve(out.input)) {
    throw new FillUsageError('输出文件与输入文件相同：为保护原文件，请另选输出路径，或使用 --in-place（会先备份）。 / The output is the input: choose another path, or use --in-place (a backup is kept).');
  }
  return out;
}

export interface FillResult {
  file: string;
  output: string;
  backup: string | null;
  written: number;
  writes: { sheet: string; address: string; formula: string | null; value: string; status: PlannedWrite['status']; written: boolean; quantity: string }[];
  findings: Finding[];
  suggestions: BandSuggestion[];
}

/** gongkai fill: plan the fills, apply them to a copy of the workbook's bytes, write a new file. */
export async function runFill(args: FillArgs): Promise<FillResult> {
  const host = await openXlsxFile(args.input);
  const workbook = await host.readWorkbook();
  const { tables } = recognizeWorkbook(workbook);
  const options: FillOptions = { values: args.values, overwrite: args.overwrite };
  const plan = planFills(workbook, tables, options);
  const chosen = plan.writes.filter((w) => willWrite(w, options));
  // the host reads the result back as a workbook before anything touches the disk
  const outBytes = (await host.applyPlan({ writes: chosen, values: args.values })).bytes!;
  let target = args.output ?? args.input;
  let backup: string | null = null;
  if (args.inPlace) {
    target = args.input;
    backup = backupPath(args.input);
    await fs.copyFile(args.input, backup, fsConstants.COPYFILE_EXCL);
    await writeWorkbookFile(target, outBytes, { overwriteExisting: true });
  } else {
    await writeWorkbookFile(target, outBytes, { overwriteExisting: args.force });
  }
  return {
    file: path.basename(args.input),
    output: target,
    backup,
    written: chosen.length,
    writes: plan.writes.map((w) => ({
      sheet: w.sheet,
      address: refToA1(w.ref),
      formula: args.values ? null : `=${w.formula}`,
      value: formatValue(w.value, w.valueFormat),
      status: w.status,
      written: willWrite(w, options),
      quantity: w.quantity,
    })),
    findings: plan.findings,
    suggestions: plan.suggestions,
  };
}

export function formatFillText(r: FillResult): string {
  const count = (s: PlannedWrite['status']) => r.writes.filter((w) => w.status === s).length;
  const lines = [
    `文件 ${r.file} → ${r.output}${r.backup ? `（原文件已备份为 ${r.backup}）` : ''}`,
    `写入 ${r.written} 个单元格：空白处填入 ${r.writes.filter((w) => w.status === 'empty' && w.written).length} 个，与计算值相同的常数改为公式 ${r.writes.filter((w) => w.status === 'same-value' && w.written).length} 个；已是同一公式 ${count('same-formula')} 个。`,
  ];
  const conflicts = r.writes.filter((w) => w.status === 'conflict');
  if (conflicts.length) {
    lines.push(`与计算值不同的单元格 ${conflicts.length} 个${conflicts.some((w) => w.written) ? '（已按 --overwrite 替换）' : '（未改动，确认后用 --overwrite 替换）'}：`);
    for (const f of r.findings) lines.push(`  警告 ${f.cells.map((c) => `${c.sheet}!${c.address}`).join(',')} ${f.message}`);
  }
  if (r.suggestions.length) {
    const outside = r.suggestions.filter((x) => x.scoreInside === false);
    lines.push(
      `定性指标 ${r.suggestions.length} 个不自动计分，已给出建议分值区间（--format json 查看全部）` +
        (outside.length ? `；其中得分不在建议区间的 ${outside.length} 个：` : '；表中得分都在建议区间内。'),
    );
    for (const x of outside) lines.push(`  提示 ${x.sheet}!${x.address} ${x.message}`);
  }
  const skipped = r.writes.filter((w) => !w.written && w.status !== 'conflict' && w.status !== 'same-formula').length;
  if (skipped) lines.push(`另有 ${skipped} 个单元格因其引用的单元格未改动而保持原样。`);
  return lines.join('\n');
}

export { WorkbookReadError };
