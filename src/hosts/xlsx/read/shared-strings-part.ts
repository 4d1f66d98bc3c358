import { ReadFailure, type Budget } from './limits';
import type { Parts } from './parts';

/** `_x000D_`-style escapes of characters XML cannot carry (ECMA-376 Part 1, 22.9.2.19). */
export function decodeEscapes(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
}

/**
 * The shared string table: each `<si>` as its plain text, a rich text's runs joined. Phonetic
 * guides (`<rPh>`, the furigana of Japanese files) are not part of the text.
 */
export function readSharedStrings(parts: Parts, path: string | null, budget: Budget): string[] {
  const out: string[] = [];
  if (!path) return out;
  let inItem = false;
  let inText = false;
  let phonetic = 0;
  let pieces: string[] = [];
  const max = budget.limits.maxSharedStrings;
  parts.parse(path, {
    // saxes closes a self-closing element with a closetag too: <si/> is pushed (as '') at its close.
    open(name) {
      if (name === 'si') {
        inItem = true;
        pieces = [];
      } else if (name === 'rPh') phonetic++;
      else if (name === 't' && inItem && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && inItem) {
        inItem = false;
        pushItem(decodeEscapes(pieces.join('')));
      }
    },
    text(t) {
      if (!inText) return;
      budget.chars(t.length);
      pieces.push(t);
    },
  });
  function pushItem(s: string): void {
    if (out.length >= max) {
      throw new ReadFailure('too-large', { zh: `共享字符串超过 ${max} 个`, en: `more than ${max} shared strings` });
    }
    out.push(s);
  }
  return out;
}
