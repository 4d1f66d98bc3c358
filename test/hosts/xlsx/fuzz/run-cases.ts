/**
 * Runs fuzz cases by name (all when none is given) and prints one JSON line per case: the outcome
 * ('ok' or the problem of the WorkbookReadError, or 'crash: …' for anything else), the time taken and
 * the heap and RSS after it. fuzz.test.ts starts it as a child process with a 500 MB heap, so a case
 * that would allocate beyond that kills the child instead of passing slowly.
 */
import { analyze } from '../../../../src/core/analyze';
import { loadXlsx, WorkbookReadError } from '../../../../src/hosts/xlsx/load';
import { ALL_CASES } from './generators';

export interface CaseResult {
  name: string;
  outcome: string;
  ms: number;
  heapMB: number;
  rssMB: number;
  checkError?: string;
}

async function run(): Promise<void> {
  const wanted = new Set(process.argv.slice(2));
  for (const c of ALL_CASES) {
    if (wanted.size > 0 && !wanted.has(c.name)) continue;
    const bytes = c.build();
    (globalThis as { gc?: () => void }).gc?.();
    const start = performance.now();
    let outcome = 'ok';
    let checkError: string | undefined;
    try {
      const wb = await loadXlsx(bytes, 'fuzz.xlsx', { limits: c.limits });
      if (c.analyze) analyze(wb);
      try {
        c.check?.(wb);
      } catch (e) {
        checkError = e instanceof Error ? e.message : String(e);
      }
    } catch (e) {
      outcome = e instanceof WorkbookReadError ? e.problem : `crash: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
    }
    const ms = Math.round(performance.now() - start);
    const m = process.memoryUsage();
    const result: CaseResult = { name: c.name, outcome, ms, heapMB: Math.round(m.heapUsed / 1048576), rssMB: Math.round(m.rss / 1048576), checkError };
    process.stdout.write(JSON.stringify(result) + '\n');
  }
}

void run();
