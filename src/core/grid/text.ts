/**
 * Text normalization for matching labels across exports: full-width forms, spaces inside words
 * ("合 计", "项    目"), line breaks in wrapped headers, and the many quote styles of "三公".
 */

const QUOTES = /["'“”‘’「」『』]/g;
const WHITESPACE = /\s+/g;

/** NFKC folds full-width letters, digits and punctuation (（）：％) to ASCII forms. */
export function normalizeLabel(text: string): string {
  return text.normalize('NFKC').replace(WHITESPACE, '').replace(QUOTES, '');
}

/** Chinese ordinals and list markers that prefix row labels: "一、", "（三）", "1、", "其中：". */
const LEADING_MARKERS = /^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十]+[)）]|\d+[、.．]|其中[:：]?)+/;

/** The label stripped of ordinals and "其中：", for matching item names. */
export function itemName(text: string): string {
  return normalizeLabel(text).replace(LEADING_MARKERS, '');
}

export function includesAll(haystack: string, needles: readonly string[]): boolean {
  return needles.every((n) => haystack.includes(n));
}

/** A 4-digit year (1990–2099) followed by 年, as in "2024年度" or "（2022年度）". */
export function findYear(text: string): number | null {
  const m = /(19[9]\d|20\d\d)\s*年/.exec(text.normalize('NFKC'));
  return m ? Number(m[1]) : null;
}
