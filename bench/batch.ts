/**
 * `gongkai batch` as a user runs it: the built CLI (dist/, built here when missing or older than
 * src/) on the generated batch of 200 workbooks of test/cli/batch-fixtures.ts (with its narratives
 * and prior-year workbooks), with 1 and with 2 workers; wall time of the whole command and the peak
 * resident memory of its process (worker threads included). Run alone with
 * `node -r ts-node/register/transpile-only bench/batch.ts`.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { makeBatch } from '../test/cli/batch-fixtures';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'gongkai.js');

/** Runs the CLI in a process of its own that reports its peak RSS (process.resourceUsage) on exit. */
const WRAPPER = `
const [bin, ...rest] = process.argv.slice(1);
process.argv = [process.argv[0], bin, ...rest];
process.on('exit', () => {
  const u = process.resourceUsage();
  require('fs').writeSync(2, '\\nGONGKAI_BENCH_MAXRSS_KB=' + u.maxRSS + ' CPU_US=' + (u.userCPUTime + u.systemCPUTime) + '\\n');
});
require(bin);
`;

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** dist/ as the sources are now (the build prints type errors of work in progress; what it emits is run). */
export function ensureBuilt(): void {
  const main = path.join(ROOT, 'dist', 'cli', 'main.js');
  const worker = path.join(ROOT, 'dist', 'cli', 'batch', 'worker.js');
  let built = 0;
  try {
    statSync(worker);
    built = statSync(main).mtimeMs;
  } catch {
    // not built yet
  }
  if (built >= newest(path.join(ROOT, 'src'))) return;
  spawnSync(process.execPath, [require.resolve('typescript/bin/tsc', { paths: [ROOT] }), '-p', path.join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'ignore' });
  statSync(worker);
}

function runOnce(args: string[]): { seconds: number; cpuSeconds: number; peakRssMB: number; code: number | null } {
  const a = performance.now();
  const r = spawnSync(process.execPath, ['-e', WRAPPER, BIN, ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true' }, maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - a) / 1000;
  const kb = Number(/GONGKAI_BENCH_MAXRSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  if (!Number.isFinite(kb)) throw new Error(`gongkai batch failed (exit ${r.status}): ${r.stderr.slice(0, 400)}`);
  const cpu = Number(/CPU_US=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1e6;
  return { seconds, cpuSeconds: cpu, peakRssMB: Math.round(kb / 1024), code: r.status };
}

export interface BatchBench {
  workbooks: number;
  /** Wall time of the whole command with 1 and 2 workers. */
  seconds1: number;
  seconds2: number;
  speedup: number;
  /** CPU time (user + system, every thread) of the same runs: the work, whatever else the machine does. */
  cpuSeconds1: number;
  cpuSeconds2: number;
  /** Peak RSS of the process with 2 workers (and with 1). */
  peakRssMB: number;
  peakRssMB1: number;
}

export function benchBatch(): Promise<BatchBench> {
  return Promise.resolve(measure());
}

function measure(): BatchBench {
  ensureBuilt();
  const root = mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-batch-'));
  try {
    const fx = makeBatch(root);
    const run = (jobs: number) => runOnce(['batch', fx.dir, '--narratives', fx.narratives, '--prior', fx.priors, '--jobs', String(jobs), '-o', path.join(root, `report-${jobs}.json`), '--force']);
    run(2); // warm the file cache
    const one = run(1);
    const two = run(2);
    const round = (x: number) => Math.round(x * 100) / 100;
    return {
      workbooks: fx.files.length,
      seconds1: round(one.seconds),
      seconds2: round(two.seconds),
      speedup: round(one.seconds / two.seconds),
      cpuSeconds1: round(one.cpuSeconds),
      cpuSeconds2: round(two.cpuSeconds),
      peakRssMB: two.peakRssMB,
      peakRssMB1: one.peakRssMB,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchBatch().then(
    (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
