import { createFinding, type CellPointer, type Finding } from '../../findings';
import { normalizeSubjectName, SUBJECT_NAMES } from '../../catalog/subject-names';
import type { RuleContext } from '../context';
import type { Rule, RuleMeta } from '../types';
import { inOrder, ledgerTables, nameCell, printedName } from './support/lines';

/**
 * 款/项 names (功能分类, 公开02/03/05/07/08表) and 类/款 names (经济分类, 公开06表) against the
 * bundled catalog (src/core/catalog/subject-names.ts), extended by the user's own list:
 * - a name that differs from the catalog's (after folding full-width forms and spaces) is a warning,
 *   one finding per code and printed name, citing every cell printing it;
 * - a code the catalog does not know is info, one finding per code.
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
    differs: '科目 {{code}} 的名称“{{printed}}”（{{tables}}）与科目目录中的“{{name}}”不一致，请核对科目编码或名称。',
    unknown: '科目 {{code}} {{printed}}（{{tables}}）不在内置科目目录中，名称未核对；可导入本地区的科目目录（编码,名称 的 CSV）。',
  },
};

type Catalog = ReadonlyMap<string, { name: string; accepted: Set<string> }>;

function buildCatalog(extra: ReadonlyMap<string, string> | undefined): Catalog {
  const map = new Map<string, { name: string; accepted: Set<string> }>();
  for (const s of SUBJECT_NAMES) {
    map.set(s.code, { name: s.name, accepted: new Set([s.name, ...(s.aliases ?? [])].map(normalizeSubjectName)) });
  }
  // The user's list wins: a unit's own catalog (a newer year, a province's 项) overrides ours.
  for (const [code, name] of extra ?? []) map.set(code, { name, accepted: new Set([normalizeSubjectName(name)]) });
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
  const tables = [...ledgerTables(ctx), ...ctx.tablesOf('GK06')].sort((a, b) => ctx.tables.indexOf(a) - ctx.tables.indexOf(b));
  for (const t of tables) {
    for (const line of inOrder(t)) {
      const code = line.code;
      const cell = nameCell(line);
      if (!code || !cell) continue;
      if (t.type !== 'GK06' && code.length === 3) continue;
      const printed = printedName(t, line);
      const name = normalizeSubjectName(printed);
      if (!name) continue;
      const pointer = ctx.pointer(t, cell);
      const entry = catalog.get(code);
      if (!entry) {
        const s = unknown.get(code) ?? { printed, cells: [], tables: [] };
        add(s, pointer, ctx.tableName(t));
        unknown.set(code, s);
        continue;
      }
      if (entry.accepted.has(name)) continue;
      const key = `${code}|${name}`;
      const s = mismatches.get(key) ?? { code, expected: entry.name, printed, cells: [], tables: [] };
      add(s, pointer, ctx.tableName(t));
      mismatches.set(key, s);
    }
  }
  const findings: Finding[] = [];
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
