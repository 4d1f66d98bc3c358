import type { CellPointer } from '../findings';

/**
 * The host-neutral block model of a drafted narrative: what the .docx exporter, the Word add-in
 * host and the text/markdown renderers all render. Every number remembers the fact and cells it
 * comes from, so a draft can be refreshed when the tables change and a stale number shown as such.
 */
export type Run =
  | { type: 'text'; text: string }
  /** A number from the tables: `text` is how it is printed ("22899.22", "6.53%", "增加"). */
  | { type: 'number'; text: string; factKey: string; cells: CellPointer[] }
  /**
   * Something a person must supply or confirm: a reason (主要原因…), a use (主要用于…), or an input
   * that is not in the 决算 tables (上年数, 年初预算…). `suggestion` pre-fills it where the numbers
   * allow and is marked as a suggestion; `text` is empty when there is none.
   */
  | { type: 'slot'; kind: 'reason' | 'use' | 'input'; label: string; text: string; suggestion: boolean };

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; runs: Run[] };

export interface NarrativeDraft {
  title: string;
  blocks: Block[];
}

/** Plain text of a run list (slots show as 【label：text】 so they cannot be missed). */
export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => (r.type === 'slot' ? `【${r.label}${r.text ? `：${r.text}` : ''}${r.suggestion ? '（建议）' : ''}】` : r.text)).join('');
}
