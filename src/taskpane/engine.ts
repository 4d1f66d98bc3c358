import { analyze, toReport } from '../core/analyze';
import type { CheckReport } from '../core/report';
import { loadXlsx } from '../hosts/xlsx/load';

/**
 * The task pane's one entry into the engine for a local file (WPS users, a plain browser): the same
 * loader and core as the CLI, so the pane and `gongkai check` can never disagree.
 */
export async function analyzeBytes(bytes: Uint8Array, fileName: string): Promise<CheckReport> {
  const workbook = await loadXlsx(bytes, fileName);
  return toReport(fileName, analyze(workbook));
}
