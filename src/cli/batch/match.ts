/**
 * Which narrative (情况说明 / 自评报告) and which prior-year workbook go with which workbook of a
 * batch. Decided once, over all files, after every workbook was read, by a pure function of what
 * was read: the same files give the same matching whatever the number of workers.
 *
 * 1. By department: a narrative goes with the workbook whose department (from the tables' head
 *    lines) its first paragraphs name — the longest such name, so "某局" does not take the text of
 *    "某局机关服务中心" — of a compatible kind (a 情况说明 with 公开 tables, a 自评报告 with 绩效
 *    tables) and year; a prior-year workbook with the workbook of the same department and kind
 *    whose year is one later.
 * 2. By file name, for what is left: the names without years, separators and words such as 公开,
 *    决算, 情况说明, 绩效, 自评报告 (gongkai, qingkuang, jixiao, zipingbaogao) are equal
 *    ("unit-7-2024-gongkai.xlsx" and "unit-7-2024-qingkuang.txt"), kind and year compatible.
 * A match is one to one: when several files could go with one workbook (or one file with several
 * workbooks) and the file name does not settle it, none is taken and the report says why.
 */
import * as path from 'path';
import { tablesYear } from '../../core/narrative/session';
import type { WorkbookKind } from './types';

export type MatchedBy = 'department' | 'file-name';

export interface Match {
  /** Index into the narratives or priors given. */
  index: number;
  by: MatchedBy;
}

export interface BookInfo {
  rel: string;
  department: string | null;
  year: number | null;
  kind: WorkbookKind | null;
}

export interface NarrativeInfo {
  rel: string;
  /** The start of the text, whitespace removed; null when it could not be read. */
  head: string | null;
}

export interface PriorInfo {
  rel: string;
  department: string | null;
  year: number | null;
  kind: WorkbookKind | null;
  /** Read; false when it could not be (it can still be matched by file name). */
  readable: boolean;
}

export interface UnmatchedFile {
  /** Relative to its folder (--narratives or --prior). */
  file: string;
  kind: 'narrative' | 'prior';
  reason: string;
  /** The file could not be read (`reason` says why). */
  unreadable?: true;
}

export interface Matching {
  /** Per workbook (same order as given): its narrative, or null. */
  narratives: (Match | null)[];
  /** Per workbook: its prior-year workbook, or null. */
  priors: (Match | null)[];
  /** Narratives and prior-year workbooks that went with no workbook, with why. */
  unmatched: UnmatchedFile[];
}

// -------------------------------------------------------------------------------------------------
// What a file is, from its tables, its name and its first lines

/** The department the tables name most often (the first of equals in workbook order); null when none names one. */
export function departmentOf(tables: readonly { department?: string | null }[]): string | null {
  const counts = new Map<string, number>();
  for (const t of tables) {
    const d = t.department?.trim();
    if (d) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [d, n] of counts) if (best === null || n > counts.get(best)!) best = d;
  return best;
}

/** The 决算 year most tables state; null when none does. */
export function yearOf(tables: readonly { year: number | null }[]): number | null {
  return tablesYear(tables) ?? null;
}

/** 公开 when the workbook holds 公开 tables only, 绩效 when 绩效 tables only; null for neither or both. */
export function kindOfTables(tables: readonly { type: string }[]): WorkbookKind | null {
  const gongkai = tables.some((t) => t.type.startsWith('GK'));
  const jixiao = tables.some((t) => t.type.startsWith('PERF'));
  return gongkai === jixiao ? null : gongkai ? 'gongkai' : 'jixiao';
}

const JIXIAO_WORDS = /绩效|自评|jixiao|ziping/;
const GONGKAI_WORDS = /决算|情况说明|公开|gongkai|qingkuang|juesuan/;

/** What a narrative is about: its file name decides, else its title (the first 300 characters). */
export function narrativeKind(rel: string, head: string | null): WorkbookKind | null {
  for (const text of [stem(rel).toLowerCase(), (head ?? '').slice(0, 300)]) {
    if (JIXIAO_WORDS.test(text)) return 'jixiao';
    if (GONGKAI_WORDS.test(text)) return 'gongkai';
  }
  return null;
}

/** A year in a file name ("…-2024-…", "2024年…"). */
export function fileYear(rel: string): number | null {
  const m = /(?<!\d)(20\d\d)(?!\d)/.exec(stem(rel));
  return m ? Number(m[1]) : null;
}

/** The year of a narrative: from its file name, else the first "20xx年" of its text. */
export function narrativeYear(rel: string, head: string | null): number | null {
  const byName = fileYear(rel);
  if (byName !== null) return byName;
  const m = /(20\d\d)年/.exec(head ?? '');
  return m ? Number(m[1]) : null;
}

/** Words a file name may carry besides the department; longest first. */
const NAME_WORDS = [
  '部门整体支出绩效自评报告', '部门整体支出绩效自评表', '项目支出绩效自评表', '部门决算情况说明', '部门决算公开', '绩效自评报告',
  '绩效评价基础数据表', '基础数据表', '绩效自评表', '决算情况说明', '部门整体支出', '情况说明', '部门决算', '决算公开', '绩效自评',
  '自评报告', '自评表', '决算', '公开', '绩效', '自评', '报告', '上年', '年度',
  'zipingbaogao', 'qingkuang', 'gongkai', 'jixiao', 'juesuan', 'ziping', 'shangnian', 'prior', 'report',
];

const stem = (rel: string) => path.posix.basename(rel).replace(/\.[^.]*$/, '');

/** A file name reduced to what names the unit: no years, kind words or separators. */
export function nameKey(rel: string): string {
  let s = stem(rel).normalize('NFKC').toLowerCase();
  s = s.replace(/(?<!\d)(19|20)\d\d(年度|年)?(?!\d)/g, '');
  for (const w of NAME_WORDS) s = s.split(w).join('');
  return s.replace(/[\s\-_.·,，、;；:：()（）[\]【】{}《》<>"'“”‘’]+/g, '');
}

/** Text compared for names: full-width folded, no whitespace, lower case. */
const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

const kindsFit = (a: WorkbookKind | null, b: WorkbookKind | null) => a === null || b === null || a === b;

// -------------------------------------------------------------------------------------------------
// Matching

interface Candidate {
  rel: string;
  key: string;
}

/**
 * One-to-one matching of `files` to `books` in two stages: `byDepartment(file, book)` proposes
 * (a file may propose several books; `preferLonger` keeps only the longest department names among
 * them), then the file names settle ties and pair what is left.
 */
function matchFiles(
  books: readonly BookInfo[],
  files: readonly Candidate[],
  byDepartment: (fileIndex: number, book: BookInfo) => boolean,
  fit: (fileIndex: number, book: BookInfo) => boolean,
  kind: 'narrative' | 'prior',
): { matches: (Match | null)[]; unmatched: UnmatchedFile[] } {
  const bookKeys = books.map((b) => nameKey(b.rel));
  const matches: (Match | null)[] = books.map(() => null);
  const taken = new Set<number>();
  const why = new Map<number, string>();
  const list = (indexes: number[], names: (i: number) => string) => indexes.map(names).join('、');

  // 1. by department: each file proposes the books it names; ties are settled by the file name
  const claims = new Map<number, number[]>();
  for (let f = 0; f < files.length; f++) {
    let proposed = books.map((_, b) => b).filter((b) => fit(f, books[b]) && byDepartment(f, books[b]));
    if (!proposed.length) continue;
    // the longest department names only: a text naming "某局机关服务中心" also contains "某局"
    const names = [...new Set(proposed.map((b) => norm(books[b].department ?? '')))];
    proposed = proposed.filter((b) => !names.some((n) => n !== norm(books[b].department ?? '') && n.includes(norm(books[b].department ?? ''))));
    if (proposed.length > 1) {
      const same = proposed.filter((b) => bookKeys[b] && bookKeys[b] === files[f].key);
      if (same.length !== 1) {
        why.set(f, `按部门名称可对应多个工作簿（${list(proposed, (b) => books[b].rel)}），文件名也无法区分 / matches several workbooks by department`);
        continue;
      }
      proposed = same;
    }
    const b = proposed[0];
    claims.set(b, [...(claims.get(b) ?? []), f]);
  }
  for (const [b, fs] of claims) {
    let chosen = fs;
    if (fs.length > 1) chosen = fs.filter((f) => files[f].key && files[f].key === bookKeys[b]);
    if (chosen.length === 1) {
      matches[b] = { index: chosen[0], by: 'department' };
      taken.add(chosen[0]);
    }
    for (const f of fs) {
      if (!taken.has(f)) why.set(f, `与${list(fs.filter((g) => g !== f), (g) => `“${files[g].rel}”`)}同属工作簿“${books[b].rel}”，文件名也无法区分 / another file goes with the same workbook`);
    }
  }

  // 2. by file name, for the books and files left: equal keys, one to one
  const freeFiles = files.map((_, f) => f).filter((f) => !taken.has(f) && files[f].key);
  const freeBooks = books.map((_, b) => b).filter((b) => !matches[b] && bookKeys[b]);
  for (const f of freeFiles) {
    const fitting = freeBooks.filter((b) => bookKeys[b] === files[f].key && fit(f, books[b]));
    if (fitting.length !== 1) {
      if (fitting.length > 1 && !why.has(f)) why.set(f, `按文件名可对应多个工作簿（${list(fitting, (b) => books[b].rel)}） / matches several workbooks by file name`);
      continue;
    }
    const b = fitting[0];
    const rivals = freeFiles.filter((g) => g !== f && files[g].key === files[f].key && fit(g, books[b]));
    if (rivals.length) {
      if (!why.has(f)) why.set(f, `与${list(rivals, (g) => `“${files[g].rel}”`)}的文件名相同，无法区分 / another file has the same name`);
      continue;
    }
    matches[b] = { index: f, by: 'file-name' };
    taken.add(f);
    why.delete(f);
  }

  const unmatched = files
    .map((file, f) => ({ file, f }))
    .filter(({ f }) => !taken.has(f))
    .map(({ file, f }) => ({ file: file.rel, kind, reason: why.get(f) ?? '没有找到对应的工作簿（部门名称和文件名都对不上） / no workbook of the same department or file name' }));
  return { matches, unmatched };
}

/** The narratives and prior-year workbooks of a batch matched to its (readable) workbooks. */
export function matchBatch(books: readonly BookInfo[], narratives: readonly NarrativeInfo[], priors: readonly PriorInfo[]): Matching {
  const nInfo = narratives.map((n) => ({
    rel: n.rel,
    key: nameKey(n.rel),
    head: n.head === null ? null : norm(n.head),
    kind: narrativeKind(n.rel, n.head),
    year: narrativeYear(n.rel, n.head),
  }));
  const bookYear = (b: BookInfo) => b.year ?? fileYear(b.rel);
  const narrativeMatch = matchFiles(
    books,
    nInfo,
    (f, b) => {
      const d = norm(b.department ?? '');
      return d.length >= 4 && !!nInfo[f].head?.includes(d);
    },
    (f, b) => kindsFit(nInfo[f].kind, b.kind) && (nInfo[f].year === null || bookYear(b) === null || nInfo[f].year === bookYear(b)),
    'narrative',
  );
  const pInfo = priors.map((p) => ({ ...p, key: nameKey(p.rel), year: p.year ?? fileYear(p.rel), kind: p.readable ? p.kind : null }));
  const priorMatch = matchFiles(
    books,
    pInfo,
    (f, b) => {
      const d = pInfo[f].department;
      return pInfo[f].readable && !!b.department && !!d && norm(b.department) === norm(d);
    },
    (f, b) => kindsFit(pInfo[f].kind, b.kind) && (pInfo[f].year === null || bookYear(b) === null || pInfo[f].year === bookYear(b)! - 1),
    'prior',
  );
  return { narratives: narrativeMatch.matches, priors: priorMatch.matches, unmatched: [...narrativeMatch.unmatched, ...priorMatch.unmatched] };
}
