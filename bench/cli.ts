/**
 * `cli`: the start-up of the built CLI as a user meets it — a one-workbook `gongkai check` process
 * against a bare `node -e 0` measured in the same run, medians of interleaved runs (the machine's
 * noise hits both alike).
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { ensureBuilt } from './batch';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'gongkai.js');
const SAMPLE = path.join(ROOT, 'samples', 'jiangan-2024-gongkai.xlsx');

function ms(args: string[]): number {
  const a = performance.now();
  spawnSync(process.execPath, args, { stdio: 'ignore' });
  return performance.now() - a;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function benchCli(runs = 9): { checkProcessMs: number; nodeStartMs: number; ratio: number } {
  ensureBuilt();
  ms([BIN, 'check', SAMPLE]); // warm the file cache
  const node: number[] = [];
  const check: number[] = [];
  for (let i = 0; i < runs; i++) {
    node.push(ms(['-e', '0']));
    check.push(ms([BIN, 'check', SAMPLE]));
  }
  const checkProcessMs = Math.round(median(check));
  const nodeStartMs = Math.round(median(node));
  return { checkProcessMs, nodeStartMs, ratio: Math.round((checkProcessMs / nodeStartMs) * 100) / 100 };
}
