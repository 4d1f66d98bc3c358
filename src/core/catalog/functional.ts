import { FUNCTIONAL_CLASSES } from './functional-classes';
import { FUNCTIONAL_CHANGES, FUNCTIONAL_ENTRIES, FUNCTIONAL_SOURCES, type FunctionalSource } from './functional-data';
import { normalizeSubjectName } from './subject-names';

/**
 * The 支出功能分类 catalog by edition of the national 《政府收支分类科目》: 类 (3 digits), 款 (5)
 * and 项 (7), each with the editions a published source shows it in (functional-data.ts,
 * SOURCES.md). A 2024 table is checked against the 2024 edition (editionFor); a code the catalog
 * holds only for another edition is still found, marked `exact: false` with a note, and a code
 * the catalog does not hold is undefined ("not in the catalog": never an error).
 *
 * Names are compared after normalizeSubjectName (full-width forms, spaces, quotes, "(项)").
 */

export const EDITIONS = [2023, 2024, 2025] as const;
export type Edition = (typeof EDITIONS)[number];
export const LATEST_EDITION: Edition = 2025;

export type FunctionalLevel = '类' | '款' | '项';

export interface FunctionalSubject {
  code: string;
  /** The name in `edition`. */
  name: string;
  level: FunctionalLevel;
  /** The edition this entry belongs to (the requested one when `exact`). */
  edition: Edition;
  /** The edition asked for: editionFor(year). */
  requested: Edition;
  /** True when the catalog holds the code for the requested edition itself. */
  exact: boolean;
  /** Other printed names of the same 科目 (earlier names). */
  aliases: readonly string[];
  /** Keys of FUNCTIONAL_SOURCES confirming the entry ('CLS' for the 类 list). */
  sources: readonly string[];
  /** When not exact: why the entry of another edition stands in, in plain Chinese. */
  note?: string;
  /** A published change says the code does not exist in the requested edition. */
  absentInRequested?: boolean;
}

export interface FunctionalChange {
  edition: Edition;
  kind: 'added' | 'removed' | 'renamed';
  code: string;
  /** The name in `edition` (for 'removed': the name before). */
  name: string;
  /** For 'renamed': the name in the edition before. */
  oldName?: string;
  source: string;
}

export type NameStatus = 'match' | 'other-edition-name' | 'differs' | 'unknown';

/** The 类 list has no per-edition source of its own; see SOURCES.md. */
const CLASS_SOURCE: FunctionalSource = {
  title: '支出功能分类类级科目（本目录原有的全国类级科目表，docs/domain.md §1.1；名称与江岸区2024年度部门决算公开01/04表核对）',
  publisher: '财政部《政府收支分类科目》',
  editions: [2023, 2024, 2025],
  where: ['src/core/catalog/functional-classes.ts'],
};

interface Entry {
  code: string;
  name: string;
  level: FunctionalLevel;
  editions: readonly Edition[];
  sources: readonly string[];
  aliases: readonly string[];
}

interface Parsed {
  byCode: Map<string, Entry[]>;
  changes: FunctionalChange[];
}

let parsed: Parsed | null = null;

function isEdition(n: number): n is Edition {
  return (EDITIONS as readonly number[]).includes(n);
}

export function functionalLevel(code: string): FunctionalLevel | undefined {
  return code.length === 3 ? '类' : code.length === 5 ? '款' : code.length === 7 ? '项' : undefined;
}

function parseEditions(field: string, line: string): Edition[] {
  const out: Edition[] = [];
  for (const d of field) {
    const y = 2020 + Number(d);
    if (!isEdition(y)) throw new Error(`functional-data: bad edition "${field}" in: ${line}`);
    out.push(y);
  }
  return out;
}

function parse(): Parsed {
  const byCode = new Map<string, Entry[]>();
  const add = (e: Entry) => {
    const list = byCode.get(e.code) ?? [];
    list.push(e);
    byCode.set(e.code, list);
  };
  for (const c of FUNCTIONAL_CLASSES) {
    add({ code: c.code, name: c.name, level: '类', editions: EDITIONS, sources: ['CLS'], aliases: c.aliases ?? [] });
  }
  for (const line of FUNCTIONAL_ENTRIES.split('\n')) {
    if (!line.trim()) continue;
    const [code, name, editions, sources, aliases] = line.split('\t');
    const level = functionalLevel(code);
    if (!level || !/^\d+$/.test(code) || !name || !editions || !sources) throw new Error(`functional-data: bad entry: ${line}`);
    add({
      code,
      name,
      level,
      editions: parseEditions(editions, line),
      sources: sources.split(','),
      aliases: aliases ? aliases.split('|') : [],
    });
  }
  const changes: FunctionalChange[] = [];
  for (const line of FUNCTIONAL_CHANGES.split('\n')) {
    if (!line.trim()) continue;
    const [year, op, code, source, oldName] = line.split('\t');
    const edition = Number(year);
    const kind = op === '+' ? 'added' : op === '-' ? 'removed' : op === '~' ? 'renamed' : undefined;
    if (!isEdition(edition) || !kind || !source) throw new Error(`functional-data: bad change: ${line}`);
    const entries = byCode.get(code) ?? [];
    const entry = entries.find((e) => e.editions.includes(edition)) ?? entries[0];
    changes.push({ edition, kind, code, name: entry?.name ?? oldName ?? '', ...(oldName ? { oldName } : {}), source });
  }
  return { byCode, changes };
}

function catalog(): Parsed {
  parsed ??= parse();
  return parsed;
}

/**
 * The edition a table of `year` is checked against: the year's own edition; before 2023 the 2023
 * edition, after 2025 (or no year) the latest.
 */
export function editionFor(year?: number | null): Edition {
  if (year === undefined || year === null || !Number.isFinite(year)) return LATEST_EDITION;
  const y = Math.trunc(year);
  if (isEdition(y)) return y;
  return y < EDITIONS[0] ? EDITIONS[0] : LATEST_EDITION;
}

function cleanCode(code: string): string {
  return code.normalize('NFKC').replace(/\s+/g, '');
}

function changeFor(code: string, requested: Edition): FunctionalChange | undefined {
  const changes = catalog().changes.filter((c) => c.code === code);
  // The code does not exist in `requested` when it is added later or removed by then.
  return (
    changes.find((c) => c.kind === 'added' && c.edition > requested) ??
    changes.find((c) => c.kind === 'removed' && c.edition <= requested)
  );
}

function toSubject(e: Entry, edition: Edition, requested: Edition): FunctionalSubject {
  const subject: FunctionalSubject = {
    code: e.code,
    name: e.name,
    level: e.level,
    edition,
    requested,
    exact: edition === requested,
    aliases: e.aliases,
    sources: e.sources,
  };
  if (edition !== requested) {
    const change = changeFor(e.code, requested);
    if (change) {
      subject.absentInRequested = true;
      subject.note =
        change.kind === 'added'
          ? `科目 ${e.code} ${e.name} 自${change.edition}年版《政府收支分类科目》起设立（${functionalSource(change.source)?.title ?? change.source}），${requested}年版中没有该科目。`
          : `科目 ${e.code} ${e.name} 在${change.edition}年版《政府收支分类科目》中已取消。`;
    } else {
      subject.note = `科目 ${e.code} ${e.name} 按${edition}年版《政府收支分类科目》核对：内置目录没有该科目在${requested}年版中的来源。`;
    }
  }
  return subject;
}

/**
 * The catalog entry of a 功能分类 code for a table of `year` (editionFor(year)), or undefined
 * when no edition holds the code. An entry of another edition stands in when the requested one
 * has none: `exact` is false and `note` says so (the nearest edition; the later one on a tie).
 */
export function functionalSubject(code: string, year?: number | null): FunctionalSubject | undefined {
  const c = cleanCode(code);
  const entries = catalog().byCode.get(c);
  if (!entries?.length) return undefined;
  const requested = editionFor(year);
  const own = entries.find((e) => e.editions.includes(requested));
  if (own) return toSubject(own, requested, requested);
  let best: { entry: Entry; edition: Edition } | undefined;
  for (const e of entries) {
    for (const ed of e.editions) {
      const d = Math.abs(ed - requested);
      const bd = best ? Math.abs(best.edition - requested) : Infinity;
      if (d < bd || (d === bd && best && ed > best.edition)) best = { entry: e, edition: ed };
    }
  }
  return best ? toSubject(best.entry, best.edition, requested) : undefined;
}

/** Every normalized name the code carries in any edition (names and aliases). */
function namesOfCode(code: string): Set<string> {
  const out = new Set<string>();
  for (const e of catalog().byCode.get(code) ?? []) {
    for (const n of [e.name, ...e.aliases]) out.add(normalizeSubjectName(n));
  }
  return out;
}

/**
 * How a printed 科目名称 fits the code: 'match' (the name or an alias of the entry found for the
 * year), 'other-edition-name' (the code's name in another edition), 'differs', or 'unknown' (the
 * catalog does not hold the code). The subject found is returned with it.
 */
export function functionalNameStatus(
  code: string,
  printedName: string,
  year?: number | null,
): { status: NameStatus; subject?: FunctionalSubject } {
  const subject = functionalSubject(code, year);
  if (!subject) return { status: 'unknown' };
  const printed = normalizeSubjectName(printedName);
  const own = [subject.name, ...subject.aliases].map(normalizeSubjectName);
  if (own.includes(printed)) return { status: 'match', subject };
  if (namesOfCode(subject.code).has(printed)) return { status: 'other-edition-name', subject };
  return { status: 'differs', subject };
}

/**
 * The codes whose name (or alias) is `name` in the edition of `year`, optionally only those under
 * `parent` (a 类 or 款 code): which 项 a printed name belongs to when its code is another's.
 */
export function functionalCodesNamed(name: string, options: { parent?: string; year?: number | null } = {}): string[] {
  const target = normalizeSubjectName(name);
  const edition = editionFor(options.year);
  const out: string[] = [];
  for (const [code, entries] of catalog().byCode) {
    if (options.parent && !(code.startsWith(options.parent) && code.length > options.parent.length)) continue;
    const e = entries.find((x) => x.editions.includes(edition));
    if (e && [e.name, ...e.aliases].some((n) => normalizeSubjectName(n) === target)) out.push(code);
  }
  return out.sort();
}

/** The 款 of a 项 (first 5 digits), the 类 of a 款 (first 3), undefined for a 类. */
export function functionalParent(code: string): string | undefined {
  const c = cleanCode(code);
  return c.length === 7 ? c.slice(0, 5) : c.length === 5 ? c.slice(0, 3) : undefined;
}

/** Every entry the catalog holds for one edition, by code. */
export function functionalEdition(edition: Edition): FunctionalSubject[] {
  const out: FunctionalSubject[] = [];
  for (const entries of catalog().byCode.values()) {
    const e = entries.find((x) => x.editions.includes(edition));
    if (e) out.push(toSubject(e, edition, edition));
  }
  return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The published changes an edition makes to the one before (codes added, removed, renamed). */
export function editionChanges(edition: Edition): FunctionalChange[] {
  return catalog().changes.filter((c) => c.edition === edition);
}

/** A source of the catalog by key ('CLS' for the 类 list). */
export function functionalSource(key: string): FunctionalSource | undefined {
  return key === 'CLS' ? CLASS_SOURCE : FUNCTIONAL_SOURCES[key];
}
