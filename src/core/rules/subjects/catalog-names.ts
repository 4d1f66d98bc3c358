import { createFinding, type CellPointer, type Finding } from '../../findings';
import { functionalCodesNamed, functionalNameStatus, functionalParent, functionalSubject } from '../../catalog/functional';
import { normalizeSubjectName, SUBJECT_NAMES } from '../../catalog/subject-names';
import type { RuleContext } from '../context';
import type { Rule, RuleMeta } from '../types';
import { comparableName, inOrder, ledgerTables, nameCell, printedName } from './support/lines';

/**
 * 款/项 names (功能分类, 公开02/03/05/07/08表) and 类/款 names (经济分类, 公开06表) against the
 * bundled catalog (src/core/catalog/subject-names.ts), extended by the user's own list:
 * - the name of ANOTHER 项 beside a code — a 行政运行 code (…01) beside 事业运行 (…50), or a code whose
 *   catalog name is another — is an error at those cells: the code and the name are not one subject;
 *   the standard 项 of every 款 (01 行政运行, 02 一般行政管理事务, 03 机关服务, 50 事业运行) tell this
 *   even for codes the bundled catalog lacks;
 * - any other name that differs from the catalog's (after folding full-width forms and spaces) is a
 *   warning (a clipped or local wording), one finding per code and printed name, citing every cell;
 * - a name of another edition of the catalog is a warning saying which;
 * - a code the catalog does not know is info, one finding per code: never an error.
 * 功能分类 类 rows are SUBJECT.class-names' business and are skipped here.
 *
 * Extra names: `withSubjectCatalog(loadSubjectCsv(text))` builds the rule with them; the registered
 * instance reads `subjectNames` (a Map or a plain object code → name) from the run settings when a
 * host passes one, and otherwise uses the bundled catalog only.
 */
const META: RuleMeta = {
  id: 'SUBJECT.catalog-names',
  title: '款/项科目名称：与科目目录一致',
  severity: 'warning',
  identity: '款级、项级科目名称与《政府收支分类科目》目录（内置目录及用户导入的目录）一致',
  tables: [],
  source: '§2(c)',
  level: 'advisory',
  messages: {
    anotherItem:
      '科目 {{code}} 旁写的名称“{{printed}}”（{{tables}}）是另一科目的名称：“{{printed}}”的编码应为 {{otherCode}}，而 {{code}} 是“{{name}}”。编码与名称不是同一科目，请核对编码或名称。',
    otherEdition: '科目 {{code}} 的名称“{{printed}}”（{{tables}}）：{{note}}',
    differs: '科目 {{code}} 的名称“{{printed}}”（{{tables}}）与科目目录中的“{{name}}”不一致，请核对科目编码或名称。',
    unknown: '科目 {{code}} {{printed}}（{{tables}}）不在内置科目目录中，名称未核对；可导入本地区的科目目录（编码,名称 的 CSV）。',
  },
};

type Catalog = ReadonlyMap<string, { name: string; accepted: Set<string>; user?: boolean }>;

/** The standard 项 of every 功能分类 款, by the last two digits of their code. */
const STANDARD_ITEMS: ReadonlyMap<string, string> = new Map([
  ['行政运行', '01'],
  ['一般行政管理事务', '02'],
  ['机关服务', '03'],
  ['事业运行', '50'],
]);
const STANDARD_BY_SUFFIX = new Map([...STANDARD_ITEMS].map(([name, suffix]) => [suffix, name]));

type Verdict = { kind: 'ok' } | { kind: 'another'; otherCode: string; name: string } | { kind: 'edition'; note: string } | { kind: 'differs'; name: string };

/**
 * A 功能分类 款/项 code and its printed name against the national catalog and the standard 项;
 * null when neither knows the code (the bundled subset and the user's list then decide).
 */
function functionalVerdict(code: string, printed: string, name: string, year: number | null): Verdict | null {
  const status = functionalNameStatus(code, printed, year);
  const catalogName = status.subject?.name;
  if (status.status === 'match') return { kind: 'ok' };
  // a standard 项 name beside a code of another standard suffix: 2010101 事业运行
  const suffix = code.length === 7 ? code.slice(5) : '';
  const wantSuffix = STANDARD_ITEMS.get(name);
  if (wantSuffix && suffix && wantSuffix !== suffix && (STANDARD_BY_SUFFIX.has(suffix) || catalogName)) {
    const own = catalogName ?? STANDARD_BY_SUFFIX.get(suffix)!;
    return { kind: 'another', otherCode: `${code.slice(0, 5)}${wantSuffix}`, name: own };
  }
  if (status.status === 'unknown') {
    // not in the catalog, but its standard suffix names it: 2120101 is 行政运行 in every 款
    const standard = STANDARD_BY_SUFFIX.get(suffix);
    if (standard && name === normalizeSubjectName(standard)) return { kind: 'ok' };
    return null;
  }
  if (status.status === 'other-edition-name') return { kind: 'edition', note: status.subject?.note ?? `这是该科目在其他年度版本中的名称，${year ?? ''}年度应为“${catalogName}”。` };
  const parent = functionalParent(code);
  const others = functionalCodesNamed(printed, { parent, year }).filter((c) => c !== code);
  if (others.length) return { kind: 'another', otherCode: others[0], name: catalogName ?? functionalSubject(code, year)?.name ?? '' };
  return { kind: 'differs', name: catalogName ?? '' };
}

function buildCatalog(extra: ReadonlyMap<string, string> | undefined): Catalog {
  const map = new Map<string, { name: string; accepted: Set<string>; user?: boolean }>();
  for (const s of SUBJECT_NAMES) {
    map.set(s.code, { name: s.name, accepted: new Set([s.name, ...(s.aliases ?? [])].map(normalizeSubjectName)) });
  }
  // The user's list wins: a unit's own catalog (a newer year, a province's 项) overrides ours.
  for (const [code, name] of extra ?? []) map.set(code, { name, accepted: new Set([normalizeSubjectName(name)]), user: true });
  return map;
}

function extraFromSettings(ctx: RuleContext): ReadonlyMap<string, string> | undefined {
  const raw = (ctx.settings as unknown as { subjectNames?: unknown }).subjectNames;
  if (raw instanceof Map) return raw as ReadonlyMap<string, string>;
  if (raw && typeof raw === 'object') return new Map(Object.entries(raw as Record<string, string>));
  return undefined;
}

function checkWith(ctx: RuleContext, catalog: Catalog): Finding[] {
  interface Seen {
    printed: string;
    cells: CellPointer[];
    tables: string[];
  }
  const mismatches = new Map<string, Seen & { code: string; expected: string }>();
  const unknown = new Map<string, Seen>();
  const add = (s: Seen, pointer: CellPointer, table: string) => {
    s.cells.push(pointer);
    if (!s.tables.includes(table)) s.tables.push(table);
  };
  const judged = new Map<string, Seen & { code: string; verdict: Verdict }>();
  const userNamed = (code: string) => catalog.get(code)?.user === true;
  const tables = [...ledgerTables(ctx), ...ctx.tablesOf('GK06')].sort((a, b) => ctx.tables.indexOf(a) - ctx.tables.indexOf(b));
  for (const t of tables) {
    for (const line of inOrder(t)) {
      const code = line.code;
      const cell = nameCell(line);
      if (!code || !cell) continue;
      if (t.type !== 'GK06' && code.length === 3) continue;
      const functional = t.type !== 'GK06' && code.startsWith('2');
      const printed = printedName(t, line);
      const name = comparableName(t, line);
      if (!name) continue;
      const verdict = functional && !userNamed(code) ? functionalVerdict(code, printed, name, t.year) : null;
      if (verdict) {
        if (verdict.kind === 'ok') continue;
        const key = `${code}|${name}|${verdict.kind}`;
        const s = judged.get(key) ?? { code, printed, cells: [], tables: [], verdict };
        add(s, ctx.pointer(t, cell), ctx.tableName(t));
        judged.set(key, s);
        continue;
      }
      const entry = catalog.get(code);
      if (!entry) {
        const s = unknown.get(code) ?? { printed, cells: [], tables: [] };
        add(s, ctx.pointer(t, cell), ctx.tableName(t));
        unknown.set(code, s);
        continue;
      }
      if (entry.accepted.has(name)) continue;
      const key = `${code}|${name}`;
      const s = mismatches.get(key) ?? { code, expected: entry.name, printed, cells: [], tables: [] };
      add(s, ctx.pointer(t, cell), ctx.tableName(t));
      mismatches.set(key, s);
    }
  }
  const findings: Finding[] = [];
  for (const j of judged.values()) {
    const data = { code: j.code, printed: j.printed, tables: j.tables.join('、') };
    const v = j.verdict;
    if (v.kind === 'another') findings.push(createFinding(META, 'anotherItem', { ...data, otherCode: v.otherCode, name: v.name }, { severity: 'error', cells: j.cells, expected: v.name, actual: j.printed }));
    else if (v.kind === 'edition') findings.push(createFinding(META, 'otherEdition', { ...data, note: v.note }, { severity: 'warning', cells: j.cells, expected: null, actual: null }));
    else if (v.kind === 'differs') findings.push(createFinding(META, 'differs', { ...data, name: v.name }, { severity: 'warning', cells: j.cells, expected: null, actual: null }));
  }
  for (const m of mismatches.values()) {
    findings.push(createFinding(META, 'differs', { code: m.code, printed: m.printed, tables: m.tables.join('、'), name: m.expected }, { severity: 'warning', cells: m.cells, expected: null, actual: null }));
  }
  for (const [code, u] of unknown) {
    findings.push(createFinding(META, 'unknown', { code, printed: u.printed, tables: u.tables.join('、') }, { severity: 'info', cells: u.cells, expected: null, actual: null }));
  }
  return findings;
}

/** The rule with the user's names added to the bundled catalog (they override bundled names). */
export function withSubjectCatalog(extra: ReadonlyMap<string, string>): Rule {
  const catalog = buildCatalog(extra);
  return { meta: META, check: (ctx) => checkWith(ctx, catalog) };
}

const BUNDLED = buildCatalog(undefined);

export const subjectCatalogNames: Rule = {
  meta: META,
  check(ctx) {
    const extra = extraFromSettings(ctx);
    return checkWith(ctx, extra ? buildCatalog(extra) : BUNDLED);
  },
};

/**
 * Reads a 科目 list: one `code,name` per line, an optional header line, fields optionally quoted
 * ("…", with "" for a quote; a quoted name may hold commas or line breaks). Commas, full-width
 * commas and tabs separate fields; further fields are ignored. Lines whose code is not 3, 5 or 7
 * digits (a header, a blank line, a note) are skipped. Decoding (GBK) is the caller's business.
 */
export function loadSubjectCsv(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of parseRows(text.replace(/^\uFEFF/, ''))) {
    if (row.length < 2) continue;
    const code = row[0].normalize('NFKC').replace(/\s+/g, '');
    const name = row[1].replace(/\s+/g, ' ').trim();
    if (!/^\d{3}(?:\d{2}){0,2}$/.test(code) || !name) continue;
    out.set(code, name);
  }
  return out;
}

function parseRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    row.push(wasQuoted ? field : field.trim());
    field = '';
    wasQuoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      field = '';
      quoted = true;
      wasQuoted = true;
    } else if (ch === ',' || ch === '，' || ch === '\t') {
      endField();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== '' || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}
