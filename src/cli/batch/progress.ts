/**
 * The progress bar of a batch (cli-progress, docs/decisions/0003-batch-pool.md): files done of the
 * total, the rate and the time left, drawn on a terminal only — given no stream (stderr is not a
 * terminal, or CI is set) it draws nothing.
 */
import { SingleBar } from 'cli-progress';

/** Whether a bar is drawn on `stream`: a terminal, and not in CI. */
export function progressStream(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): NodeJS.WriteStream | null {
  return stream.isTTY && !env.CI ? stream : null;
}

export class Progress {
  private readonly bar: SingleBar | null;
  private readonly started = Date.now();
  private done = 0;

  constructor(stream: NodeJS.WriteStream | null, total: number) {
    this.bar = stream
      ? new SingleBar({
          stream,
          format: '检查 Checking {bar} {value}/{total} | {rate} 个/秒 files/s | 剩余 ETA {eta_formatted}',
          barsize: 28,
          barCompleteChar: '█',
          barIncompleteChar: '░',
          hideCursor: true,
          clearOnComplete: true,
          etaBuffer: 40,
          fps: 8,
        })
      : null;
    this.bar?.start(total, 0, { rate: '0.0' });
  }

  /** More tasks became known (the narratives to check, after matching). */
  grow(n: number): void {
    if (n && this.bar) this.bar.setTotal(this.bar.getTotal() + n);
  }

  tick(): void {
    this.done++;
    const seconds = (Date.now() - this.started) / 1000;
    this.bar?.update(this.done, { rate: seconds > 0 ? (this.done / seconds).toFixed(1) : '0.0' });
  }

  stop(): void {
    this.bar?.stop();
  }
}
