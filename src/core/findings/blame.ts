import { cellLabel, type CellPointer, type Finding } from './types';

const key = (p: CellPointer) => cellLabel(p);

/**
 * A cell that takes part in two or more broken identities (say a GK02 row that disagrees both with
 * its own columns and with GK03) is the most likely culprit: name it on each of those findings.
 * When the culprit is the finding's first cell (the total it checks) and the finding knows the
 * value it expected, that value is the suggested fix.
 */
export function localizeBlame(findings: Finding[]): void {
  // recomputed from scratch: a live re-check passes findings that were blamed before
  for (const f of findings) {
    if (!f.likely) continue;
    delete f.likely;
    delete f.fix;
    if (f.data) delete f.data.likelyCount;
  }
  const errors = findings.filter((f) => f.severity === 'error' && f.cells.length > 0);
  const count = new Map<string, Set<Finding>>();
  for (const f of errors) {
    for (const c of f.cells) {
      const k = key(c);
      let e = count.get(k);
      if (!e) count.set(k, (e = new Set()));
      e.add(f);
    }
  }
  for (const f of errors) {
    let best: { pointer: CellPointer; n: number } | null = null;
    let tie = false;
    for (const c of f.cells) {
      const n = count.get(key(c))!.size;
      if (n < 2) continue;
      if (!best || n > best.n) {
        best = { pointer: c, n };
        tie = false;
      } else if (n === best.n) tie = true;
    }
    if (best && !tie) {
      f.likely = best.pointer;
      f.data = { ...(f.data ?? {}), likelyCount: best.n };
      if (f.expected !== null && key(best.pointer) === key(f.cells[0]) && !f.expected.endsWith('%')) f.fix = { cell: best.pointer, value: f.expected };
    }
  }
}

/** The sentence naming the likely culprit, as the text and JSON reports append it to the message. */
export function blameSentence(f: Finding): string {
  if (!f.likely) return '';
  const n = f.data?.likelyCount;
  return `最可能出错的是 ${cellLabel(f.likely)}：它同时使 ${n ?? 2} 条等式不成立。`;
}

/** The message with its likely-culprit sentence: the `message` of the output contract. */
export function fullMessage(f: Finding): string {
  return f.message + blameSentence(f);
}
