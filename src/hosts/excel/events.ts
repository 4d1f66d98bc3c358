/**
 * Change events of the workbook, gathered and debounced: a burst of edits (typing, a paste, fifty
 * cells changed by a fill-down) becomes one change after `debounceMs` of quiet, or after `maxWaitMs`
 * at the latest while edits keep coming.
 */
import { parseRangeA1, type RangeRef } from '../../core/grid/address';

export interface RawEvent {
  kind: 'changed' | 'added' | 'deleted' | 'renamed';
  sheetId: string;
  address?: string;
  changeType?: string;
  triggerSource?: string;
  nameBefore?: string;
  nameAfter?: string;
}

export interface Timers {
  setTimeout(f: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

/** The global timers as they are when called (so jest's fake timers apply). */
export const globalTimers: Timers = {
  setTimeout: (f, ms) => globalThis.setTimeout(f, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

export class ChangeCollector {
  private events: RawEvent[] = [];
  private timer: unknown;
  private firstAt: number | undefined;

  constructor(
    private readonly debounceMs: number,
    private readonly maxWaitMs: number,
    private readonly timers: Timers,
    private readonly flush: (events: RawEvent[]) => void,
  ) {}

  push(event: RawEvent): void {
    this.events.push(event);
    const now = this.timers.now();
    this.firstAt ??= now;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.debounceMs, this.firstAt + this.maxWaitMs - now));
    this.timer = this.timers.setTimeout(() => this.flushNow(), wait);
  }

  flushNow(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.firstAt = undefined;
    const events = this.events;
    this.events = [];
    if (events.length) this.flush(events);
  }

  dispose(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.events = [];
  }
}

/** Cell edits that only move values change no structure; anything else re-reads the workbook. */
export function isStructural(changeType: string | undefined): boolean {
  return changeType !== 'RangeEdited';
}

/** The rectangle of an event's address ("B5:D8"; an entire row "5:5" or column "C:C" too). */
export function eventRange(address: string | undefined): RangeRef | null {
  if (!address) return null;
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(local);
  if (rows) return { top: Number(rows[1]) - 1, bottom: Number(rows[2]) - 1, left: 0, right: 16383 };
  return parseRangeA1(local);
}

export function contains(outer: RangeRef, inner: RangeRef): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;
}
