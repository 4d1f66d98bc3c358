import { refToA1 } from '../../../src/core/grid/address';
import type { Workbook } from '../../../src/core/grid/grid';
import type { Finding } from '../../../src/core/findings';
import { runRules } from '../../../src/core/rules/run';
import type { Rule } from '../../../src/core/rules/types';
import { recognizeWorkbook } from '../../../src/core/tables/recognize';
import type { TableType } from '../../../src/core/tables/types';
import { loadFixture } from '../../helpers/fixtures';

/**
 * eslint-style rule cases. A case starts from a real fixture (or a workbook it builds) and edits
 * cells by meaning: `{ 'GK01 收入.本年收入合计.决算数': 22899.23 }` (the n-th table of a type: 'GK01#1 …').
 */
export interface RuleCase {
  name: string;
  fixture?: string;
  build?: () => Promise<Workbook>;
  set?: Record<string, string | number | null>;
}

export interface InvalidCase extends RuleCase {
  /** Match only the findings that are not 尾差 (rounding) warnings; `rounding` then counts those. */
  ignoreRounding?: boolean;
  rounding?: number;
  /** Each expected finding of this rule: severity and the cells it must cite (sheet!A1). */
  findings: { severity: Finding['severity']; cells?: string[]; message?: RegExp; expected?: string | null; actual?: string | null }[];
}

export interface RuleCases {
  valid: RuleCase[];
  invalid: InvalidCase[];
}

async function workbookFor(c: RuleCase): Promise<Workbook> {
  if (c.build) return c.build();
  const name = c.fixture ?? 'jiangan-2024-gongkai.xlsx';
  // a fresh copy each time: cases edit cells
  return loadFixture(name);
}

/** Sets a cell addressed as "TYPE[#n] line.path.column". */
export function setByPath(workbook: Workbook, path: string, value: string | number | null): string {
  const { tables } = recognizeWorkbook(workbook);
  const m = /^(\w+?)(?:#(\d+))?\s+(.+)$/.exec(path);
  if (!m) throw new Error(`bad path ${path}`);
  const table = tables.filter((t) => t.type === (m[1] as TableType))[Number(m[2] ?? 0)];
  if (!table) throw new Error(`no table ${m[1]} for ${path}`);
  const ref = table.at(m[3]);
  if (!ref) throw new Error(`no cell ${m[3]} in ${table.type}`);
  const grid = workbook.sheets.find((s) => s.name === table.sheet)!;
  const old = grid.cell(ref.row, ref.col);
  grid.set(ref.row, ref.col, { ...(old ?? {}), value, formula: undefined, noCachedResult: undefined });
  return `${table.sheet}!${refToA1(ref)}`;
}

export async function findingsFor(rule: Rule, c: RuleCase): Promise<Finding[]> {
  const wb = await workbookFor(c);
  for (const [path, value] of Object.entries(c.set ?? {})) setByPath(wb, path, value);
  const { tables } = recognizeWorkbook(wb);
  return runRules(wb, tables, {}, [rule]);
}

export function ruleTester(rule: Rule, cases: RuleCases): void {
  describe(`${rule.meta.id} — ${rule.meta.title}`, () => {
    test.each(cases.valid.map((c) => [c.name, c]))('valid: %s', async (_n, c) => {
      const found = await findingsFor(rule, c);
      expect(found.filter((f) => f.severity === 'error')).toEqual([]);
    });
    test.each(cases.invalid.map((c) => [c.name, c]))('invalid: %s', async (_n, c) => {
      const ic = c;
      const all = await findingsFor(rule, ic);
      expect(all.map((f) => f.rule).every((r) => r === rule.meta.id)).toBe(true);
      const found = ic.ignoreRounding ? all.filter((f) => !f.rounding) : all;
      if (ic.rounding !== undefined) expect(all.filter((f) => f.rounding)).toHaveLength(ic.rounding);
      expect(found).toHaveLength(ic.findings.length);
      ic.findings.forEach((want, i) => {
        const got = found[i];
        expect(got.severity).toBe(want.severity);
        if (want.cells) expect(got.cells.map((p) => `${p.sheet}!${p.address}`)).toEqual(expect.arrayContaining(want.cells));
        if (want.message) expect(got.message).toMatch(want.message);
        if (want.expected !== undefined) expect(got.expected).toBe(want.expected);
        if (want.actual !== undefined) expect(got.actual).toBe(want.actual);
      });
    });
  });
}
