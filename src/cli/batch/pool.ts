/**
 * The worker threads of a batch: a piscina pool (docs/decisions/0003-batch-pool.md) running
 * worker.ts, one task per thread at a time, each thread's heap capped. A task that fails — the
 * worker threw, or its thread died (a crash, the heap cap) — is run once more on a fresh thread;
 * failing again, the file is reported with the reason. Stopping (Ctrl-C) aborts what is queued and
 * running at once.
 */
import { setMaxListeners } from 'events';
import { availableParallelism } from 'os';
import * as path from 'path';
import Piscina from 'piscina';
import type { BatchTask, TaskResult, Unreadable } from './types';

/** The heap a worker thread may use: a workbook that needs more fails that file, not the batch (a smaller cap, 768 MB, made V8 size the young generation smaller and every check slower). */
const WORKER_HEAP_MB = 2048;

/** The worker's entry: the compiled worker.js beside this file, or, run from the sources, its loader. */
export function workerFile(): string {
  return path.extname(__filename) === '.ts' ? path.join(__dirname, 'worker-from-source.cjs') : path.join(__dirname, 'worker.js');
}

export const defaultJobs = (): number => Math.max(1, availableParallelism());

/** Thrown by `run` once the batch is stopped: the task was not done. */
export class Stopped extends Error {
  constructor() {
    super('stopped');
    this.name = 'Stopped';
  }
}

export class BatchPool {
  private readonly pool: Piscina<BatchTask, unknown>;
  private readonly abort = new AbortController();

  constructor(threads: number) {
    this.pool = new Piscina({
      filename: workerFile(),
      minThreads: threads,
      maxThreads: threads,
      concurrentTasksPerWorker: 1,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      // the environment as this process sees it now (a test's hooks included)
      env: { ...process.env },
    });
    // a thread that dies between tasks is replaced by piscina; its error has no task to go to
    this.pool.on('error', () => undefined);
    // every queued task listens to the one stop signal
    setMaxListeners(0, this.abort.signal);
  }

  get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  /** Runs `task`; a failure is retried once; a second failure makes the file unreadable with its reason. */
  async run<T extends BatchTask>(task: T, shown: string): Promise<TaskResult<T>> {
    let first: unknown = null;
    for (const attempt of [1, 2]) {
      if (this.stopped) throw new Stopped();
      try {
        return (await this.pool.run({ ...task, attempt }, { signal: this.abort.signal })) as TaskResult<T>;
      } catch (error) {
        if (this.stopped) throw new Stopped();
        first ??= error;
      }
    }
    return failed(shown, first) as TaskResult<T>;
  }

  /** Stops: queued tasks are dropped, running ones abandoned (their threads end). */
  stop(): void {
    this.abort.abort();
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

function failed(shown: string, error: unknown): Unreadable {
  const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0].replace(/^Error: /, '');
  const memory = /memory limit|out of memory/i.test(detail);
  return {
    unreadable: memory
      ? `“${shown}”：检查时超出内存上限（每个工作线程 ${WORKER_HEAP_MB} MB），重试一次仍失败，已跳过。 / "${shown}": checking it exceeded the memory limit (${WORKER_HEAP_MB} MB per worker) twice; skipped.`
      : `“${shown}”：检查时工作线程出错（${detail}），重试一次仍失败，已跳过（请将此文件反馈给开发者）。 / "${shown}": the worker failed twice (${detail}); skipped.`,
  };
}
