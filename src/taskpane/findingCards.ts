import { countFindings } from '../core/findings/group';
import { cellLabel, SEVERITY_ORDER, type CellPointer, type Finding, type Severity } from '../core/findings/types';
import { groupBySheet, type SheetFindings } from './findingGroups';

/*
 * The 检查结果 list as cards: the core's one grouping (per sheet, errors first, 尾差 apart), the
 * findings that name the same likely culprit cell merged into one card listing each identity, the
 * filters, and the counts of the sheet index.
 */

/** What a filter shows: everything, or one kind (尾差 apart from the other warnings). */
export type KindFilter = 'all' | 'error' | 'warning' | 'rounding' | 'info';

export type FindingKind = Exclude<KindFilter, 'all'>;

export const kindOf = (f: Finding): FindingKind => (f.rounding ? 'rounding' : f.severity);

export interface Card {
  /** The first finding's id (stable): the card's key. */
  key: string;
  /** One finding, or every finding whose likely culprit is `culprit`. */
  findings: Finding[];
  /** The cell these findings blame together, when there are several. */
  culprit: CellPointer | null;
  severity: Severity;
  kind: FindingKind;
}

export interface SheetCards {
  sheet: string;
  /** Cards but the 尾差, errors first. */
  cards: Card[];
  /** The 尾差, one card each, shown folded. */
  rounding: Card[];
  largestRounding: number;
  counts: Record<FindingKind, number>;
}

const single = (f: Finding, i: number): Card => ({ key: f.id ?? `#${i}`, findings: [f], culprit: null, severity: f.severity, kind: kindOf(f) });

/** A group's findings as cards: those sharing a likely culprit cell in one card (at the place of the first). */
export function mergeByCulprit(findings: readonly Finding[]): Card[] {
  const byCulprit = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.likely) continue;
    const k = cellLabel(f.likely);
    byCulprit.set(k, [...(byCulprit.get(k) ?? []), f]);
  }
  const cards: Card[] = [];
  const done = new Set<string>();
  findings.forEach((f, i) => {
    const k = f.likely ? cellLabel(f.likely) : null;
    const shared = k ? (byCulprit.get(k) ?? []) : [];
    if (!k || shared.length < 2) {
      cards.push(single(f, i));
      return;
    }
    if (done.has(k)) return;
    done.add(k);
    const severity = shared.reduce<Severity>((s, x) => (SEVERITY_ORDER[x.severity] < SEVERITY_ORDER[s] ? x.severity : s), 'info');
    cards.push({ key: shared[0].id ?? `#${i}`, findings: shared, culprit: f.likely ?? null, severity, kind: severity === 'warning' && shared.every((x) => x.rounding) ? 'rounding' : severity });
  });
  return cards.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

function counted(g: SheetFindings): Record<FindingKind, number> {
  const c = countFindings([...g.findings, ...g.rounding]);
  return { error: c.error, warning: c.warning, rounding: c.rounding, info: c.info };
}

/** The table findings as sheet groups of cards, in workbook order (`sheets`). */
export function sheetCards(findings: readonly Finding[], sheets: readonly string[]): SheetCards[] {
  return groupBySheet(findings, sheets).map((g) => ({
    sheet: g.sheet,
    cards: mergeByCulprit(g.findings),
    rounding: g.rounding.map(single),
    largestRounding: g.largestRounding,
    counts: counted(g),
  }));
}

/** What a filter keeps of a group: its cards, and whether its 尾差 show (folded, or opened for 尾差). */
export function filterCards(g: SheetCards, filter: KindFilter): { cards: Card[]; rounding: boolean } {
  if (filter === 'all') return { cards: g.cards, rounding: g.rounding.length > 0 };
  if (filter === 'rounding') return { cards: [], rounding: g.rounding.length > 0 };
  return { cards: g.cards.filter((c) => c.findings.some((f) => kindOf(f) === filter)), rounding: false };
}

/** Counts of every kind over the groups. */
export function totalCounts(groups: readonly SheetCards[]): Record<FindingKind, number> {
  const out: Record<FindingKind, number> = { error: 0, warning: 0, rounding: 0, info: 0 };
  for (const g of groups) for (const k of Object.keys(out) as FindingKind[]) out[k] += g.counts[k];
  return out;
}

/** “2 处错误、3 处警告、5 处尾差”. */
export function countsText(c: Record<FindingKind, number>): string {
  const parts: [number, string][] = [
    [c.error, '错误'],
    [c.warning, '警告'],
    [c.rounding, '尾差'],
    [c.info, '提示'],
  ];
  return parts
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${n} 处${what}`)
    .join('、');
}
