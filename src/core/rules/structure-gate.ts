/**
 * The structural confidence gate. When the reading of a table makes most of its own identities fail,
 * or reads the same 科目编码 on many lines (codes split over 类|款 columns read from one column), it
 * is far more likely that the table was misread than that it is full of errors. Then the table's
 * cascade — its within-table sums, the ties of other tables to it and, for misread codes, the 科目
 * checks — is replaced by one finding that says where the reading went wrong and what was expected
 * there. Checks that do not depend on the doubtful part stay (numbers stored as text, negative
 * amounts, years and units of the table).
 *
 * It never hides a real error in an otherwise well-read table: one wrong 类 amount breaks two or
 * three identities out of dozens, far from "most" (test/core/rules/structure-gate.test.ts).
 */
import { refToA1, fromA1, rangeContains } from '../grid/address';
import { createFinding, type CellPointer, type Finding, type FindingSource } from '../findings';
import { tableName, type Line, type SemanticTable } from '../tables/types';
import type { RuleRun } from './types';

export const STRUCTURE: FindingSource = {
  id: 'STRUCTURE.uncertain',
  severity: 'warning',
  messages: {
    identities:
      '{{table}} 的表格结构未能完全识别：按目前读出的行列含义，本表 {{checked}} 个等式中有 {{broken}} 个不成立（如 {{example}}）。' +
      '这更可能是表头与各列数字的对应没有读对，而不是表中数字都有错。目前读出的各列依次为：{{columns}}；请核对第 {{firstRow}} 行以上的表头与标准格式是否一致；' +
      '在此之前，本表的合计、小计核对和与其他表的核对（共 {{hidden}} 条）暂不列出。',
    codes:
      '{{table}} 的表格结构未能完全识别：科目编码“{{code}}”在 {{count}} 行重复出现（第 {{rows}} 行）。' +
      '科目编码很可能分列在“类 | 款”等几列，只读到了其中一列；应为每行一个完整编码（如 {{example}}）。' +
      '在此之前，本表的合计、小计、科目核对和与其他表的核对（共 {{hidden}} 条）暂不列出。',
  },
};

/** A reading this far off is doubted: at least this many identities checked, more than half broken. */
const MIN_CHECKED = 10;
/** The same code on this many lines of one group. */
const MIN_REPEATS = 3;

interface Doubt {
  reason: 'identities' | 'codes';
  checked: number;
  broken: number;
  code?: string;
  rows?: number[];
}

const sheetRange = (t: SemanticTable, p: CellPointer): boolean => {
  if (p.sheet !== t.sheet) return false;
  try {
    const r = fromA1(p.address);
    return rangeContains(t.range, r.row, r.col);
  } catch {
    return false;
  }
};

/** Checks of values themselves, not of how the table adds up: a misread layout does not make them wrong. */
const VALUE_CHECKS = new Set([
  'HYGIENE.text-number',
  'HYGIENE.negative-amount',
  'HYGIENE.excess-decimals',
  'HYGIENE.formula-uncalculated',
  'HYGIENE.cell-error',
  'HYGIENE.unit-mismatch',
  'HYGIENE.year-mismatch',
  'HYGIENE.department-mismatch',
]);
const isSubject = (id: string) => id.startsWith('SUBJECT.');

export function gateStructure(runs: readonly RuleRun[], tables: readonly SemanticTable[]): Finding[] {
  const totals = new Map<SemanticTable, { checked: number; broken: number }>();
  for (const run of runs) {
    for (const [t, n] of run.tallies) {
      const a = totals.get(t) ?? { checked: 0, broken: 0 };
      totals.set(t, { checked: a.checked + n.checked, broken: a.broken + n.broken });
    }
  }
  const doubts = new Map<SemanticTable, Doubt>();
  for (const t of tables) {
    const n = totals.get(t) ?? { checked: 0, broken: 0 };
    const repeated = repeatedCode(t);
    if (repeated) doubts.set(t, { reason: 'codes', ...n, ...repeated });
    else if (n.checked >= MIN_CHECKED && n.broken * 2 > n.checked) doubts.set(t, { reason: 'identities', ...n });
  }
  if (doubts.size === 0) return runs.flatMap((r) => r.findings);

  const out: Finding[] = [];
  const hidden = new Map<SemanticTable, Finding[]>();
  for (const run of runs) {
    const id = run.rule.meta.id;
    for (const f of run.findings) {
      const doubted = [...doubts.entries()].find(([t, d]) => {
        if (VALUE_CHECKS.has(id)) return false;
        if (isSubject(id)) return d.reason === 'codes' && f.cells.some((c) => sheetRange(t, c));
        // within-table identities of the table, and ties of other tables to it
        return run.rule.meta.scope === 'table' ? !!f.cells[0] && sheetRange(t, f.cells[0]) : f.cells.some((c) => sheetRange(t, c));
      });
      if (doubted) {
        const list = hidden.get(doubted[0]) ?? [];
        list.push(f);
        hidden.set(doubted[0], list);
      } else out.push(f);
    }
  }
  for (const [t, d] of doubts) {
    const gone = hidden.get(t) ?? [];
    if (d.reason === 'identities' && gone.length === 0) continue;
    out.push(structureFinding(t, d, gone));
  }
  return out;
}

/** A code printed on several lines of one group (split codes read from their 类 column only). */
function repeatedCode(t: SemanticTable): { code: string; count: number; rows: number[] } | null {
  // codes are digits: a bare code is the key of a line without group, and no grouped key equals one
  const keyOf = (l: Line) => (l.group ? `${l.group}|${l.code}` : l.code!);
  const counts = new Map<string, number>();
  for (const l of t.lines) {
    if (!l.code) continue;
    const k = keyOf(l);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let worst: { key: string; count: number } | null = null;
  for (const [key, count] of counts) {
    if (count >= MIN_REPEATS && (!worst || count > worst.count)) worst = { key, count };
  }
  if (!worst) return null;
  const rows: number[] = [];
  let code = '';
  for (const l of t.lines) {
    if (l.code && keyOf(l) === worst.key) {
      rows.push(l.row);
      code = l.code;
    }
  }
  return { code, count: worst.count, rows };
}

function structureFinding(t: SemanticTable, d: Doubt, gone: readonly Finding[]): Finding {
  const firstLine = t.lines.length ? Math.min(...t.lines.map((l) => l.row)) : t.range.bottom;
  const amountColumns = t.columns.filter((c) => c.key !== '科目编码' && c.key !== '科目名称');
  const headerCell: CellPointer = { sheet: t.sheet, address: refToA1({ row: Math.max(t.range.top, firstLine - 1), col: amountColumns[0]?.col ?? t.range.left }) };
  if (d.reason === 'codes') {
    const rows = d.rows ?? [];
    const parts = (d.code ?? '').length === 3 ? `${d.code}01` : `${d.code}`;
    return createFinding(
      STRUCTURE,
      'codes',
      {
        table: tableName(t),
        code: d.code ?? '',
        count: rows.length,
        rows: rows.slice(0, 6).map((r) => r + 1).join('、') + (rows.length > 6 ? ' 等' : ''),
        example: parts,
        hidden: gone.length,
      },
      { cells: rows.slice(0, 3).map((r) => ({ sheet: t.sheet, address: refToA1({ row: r, col: t.column('科目编码')?.col ?? t.range.left }) })), expected: null, actual: null },
    );
  }
  const first = gone.find((f) => f.severity === 'error') ?? gone[0];
  const at = first?.cells[0];
  let example = at ? at.address : '';
  if (at) {
    const role = (() => {
      try {
        return t.locate(fromA1(at.address));
      } catch {
        return undefined;
      }
    })();
    const column = role ? t.column(role.column)?.label ?? role.column : '';
    if (column) example += `，“${column.split('/').pop()}”列`;
  }
  return createFinding(
    STRUCTURE,
    'identities',
    {
      table: tableName(t),
      checked: d.checked,
      broken: d.broken,
      example,
      firstRow: firstLine + 1,
      columns: amountColumns.map((c) => `${refToA1({ row: 0, col: c.col }).replace(/\d+$/, '')} ${c.label.split('/').pop()}`).join('、'),
      hidden: gone.length,
    },
    { cells: [...(at ? [at] : []), headerCell], expected: null, actual: null },
  );
}
